"""Store subcommands: import, list, show, done, status, backup, restore."""

from __future__ import annotations

import argparse
from datetime import date
import sys
from pathlib import Path

from db.api import DONE_STATUSES, ItemRow, StatsRow, Status, StoreError
from db.store import Store, open_store
from desktop.cli import fail, retry
from desktop.core.errors import ReportError
from desktop.core.extract import extract_plan
from desktop.core.reports import read_report
from desktop.core.typed_dates import DateNeedsYearError, parse_typed_date
from desktop.services.importing import ConfirmedPlan, save_plans
from desktop.services.tracking import current_user as _who
from desktop.services.tracking import extension_changes, extension_problem, status_change_problem


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add import/list/show/done/status/backup/restore."""
    p = sub.add_parser("import", help="导入报告，保存其中的工作计划")
    p.add_argument("files", nargs="+", metavar="FILE", help="报告文件（.txt 或 .docx）")
    p.add_argument("--year", type=int, help="计划年份（读不出年份时使用）")
    p.add_argument("--section", metavar="HEADING", action="append",
                   help="计划部分的标题（自动识别不对时指定；计划分散在几个部分时可多次使用）")
    p.add_argument("--again", action="store_true", help="同一文件已导入过时仍再导入一份")
    p.set_defaults(func=_import)

    p = sub.add_parser("list", help="列出已导入的报告及完成情况",
                       description="列出已导入的报告。事项完成：完成的工作事项/事项数（事项的措施都完成即算完成）；"
                                   "措施完成：完成或办结的措施/措施数（不含已取消）；措施完成率与导出台账"
                                   "“完成情况统计”中的完成率相同；逾期措施：过了完成时限仍未完成的措施。")
    p.set_defaults(func=_list)

    p = sub.add_parser("show", help="显示一份报告的任务树（含编号和状态）")
    p.add_argument("report_id", type=int, metavar="REPORT_ID")
    p.set_defaults(func=_show)

    p = sub.add_parser("done", help="把一条措施标为已完成（对工作事项则勾选其全部措施）")
    p.add_argument("item_id", type=int, metavar="ITEM_ID")
    p.add_argument("--note", help="进展情况")
    p.set_defaults(func=_done)

    p = sub.add_parser("status", help="修改一条任务的完成状态",
                       description="修改一条任务的完成状态。已办结只能在已完成之后标记；"
                                   "已延期需要同时给出 --due 新的完成时限 和 --reason 延期原因。")
    p.add_argument("item_id", type=int, metavar="ITEM_ID")
    p.add_argument("status", choices=[s.value for s in Status], metavar="STATUS",
                   help="、".join(s.value for s in Status))
    p.add_argument("--note", help="进展情况")
    p.add_argument("--due", metavar="日期", help="已延期：新的完成时限，如 2024-12-31、2024年12月31日、2024年12月底")
    p.add_argument("--reason", metavar="原因", help="已延期：延期原因")
    p.set_defaults(func=_status)

    p = sub.add_parser("backup", help="立即备份数据库（SQLite）")
    p.set_defaults(func=_backup)

    p = sub.add_parser("restore", help="用备份文件恢复数据库（先备份当前数据库）")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=_restore)


def _open(args: argparse.Namespace) -> Store:
    """The one store a command uses from start to end (a second one on the same file is never needed)."""
    store = open_store(args.db)
    for warning in store.warnings:
        print(f"注意：{warning}", file=sys.stderr)
    return store


def _import(args: argparse.Namespace) -> int:
    try:
        store = _open(args)
    except StoreError as exc:
        return fail(str(exc))
    failed = 0
    with store:
        for name in args.files:
            try:
                doc = read_report(name)
                # one rule with the window: no year in the text means this year, said below
                plan = extract_plan(doc, year=args.year, section=args.section, default_year=date.today().year)
                # one rule with the window: the same report as another file (.txt and .docx) is refused too
                (_name, result), = save_plans(store, [ConfirmedPlan(doc.source, plan, doc, allow_duplicate=args.again)],
                                              who=_who())
                if isinstance(result, Exception):
                    raise result
            except (ReportError, StoreError) as exc:
                fail(str(exc))
                failed += 1
                continue
            print(f"已导入 {plan.title}（报告编号 {result.report_id}）：{result.items} 项工作，{result.measures} 条措施")
            if plan.year_guessed:  # never guess silently (domain.md): say what was assumed and how to fix it
                print(f"注意：{doc.source} 中读不出计划年度，完成时限已按 {plan.year} 年计算。"
                      f"如不对，可删除后用 --year 年份 重新导入，或在程序中逐条修改时限。", file=sys.stderr)
    return 2 if failed else 0


def _list(args: argparse.Namespace) -> int:
    try:
        with _open(args) as store:
            reports = store.list_reports()
            stats = {s.report_id: s for s in store.statistics(by="report")}
    except StoreError as exc:
        return fail(str(exc))
    if not reports:
        print("还没有导入任何报告。用 halfyear import 文件 导入。")
        return 0
    # the ledger's 完成率 counts measures and leaves cancelled ones out; a report's own progress counts
    # items. Both are shown, each under a name that says what it counts (halfyear list --help).
    print("编号\t年份\t事项完成\t措施完成\t措施完成率\t逾期措施\t标题")
    for r in reports:
        sample = "（示例）" if r.sample else ""
        done, live, rate = _measure_rate(stats.get(r.id))
        print(f"{r.id}\t{r.year or '-'}\t{r.done_items}/{r.item_count}\t{done}/{live}\t{rate}\t{r.overdue_count}\t"
              f"{r.title}{sample}")
    return 0


def _measure_rate(row: StatsRow | None) -> tuple[int, int, str]:
    """(done, measures not cancelled, 完成率 as the ledger prints it) of one report's statistics."""
    if row is None:
        return 0, 0, "-"
    # the store splits every measure into done, in progress (incl. extended), not started and cancelled
    live = row.done + row.in_progress + row.not_started
    return row.done, live, (f"{row.rate * 100:.1f}%" if live else "-")


def _show(args: argparse.Namespace) -> int:
    try:
        with _open(args) as store:
            report = store.get_report(args.report_id)
            rows = store.item_tree(args.report_id)
            stats = store.statistics(report_ids=[report.id], by="report")
    except StoreError as exc:
        return fail(str(exc))
    done, live, rate = _measure_rate(stats[0] if stats else None)
    print(f"{report.title}（报告编号 {report.id}，事项完成 {report.done_items}/{report.item_count}，"
          f"措施完成 {done}/{live}，措施完成率 {rate}）")
    for row in rows:
        due = f" 时限 {row.due.isoformat()}" if row.due else ""
        late = " 逾期" if row.overdue else ""
        # an item's own status is not kept up by its measures: say what the window's 状态 column says
        state = row.status.value if row.is_measure else f"{row.done_children}/{row.child_count} 项完成 {row.progress}%"
        print(f"{'    ' * row.depth}[{row.id}] {row.label} {row.title} —— {state}{due}{late}")
    return 0


def _set(store: Store, args: argparse.Namespace, item: ItemRow, status: Status) -> int:
    """Set a status (and the note) on the store this command opened; retried once on a conflict."""
    seen = item.note

    def plan(row: ItemRow) -> dict[str, object] | str:
        problem = status_change_problem(row, status)
        if problem is not None:
            return f"{problem}没有做任何修改。"
        changes: dict[str, object] = {}
        if row.status is not status:
            changes["status"] = status
        if args.note is not None:
            note = retry.note_after(row, args.note, seen)
            if note != row.note:
                changes["note"] = note
        return changes

    done = retry.write(store, item, plan, who=_who())
    if done.change is None:
        print(f"[{item.id}] {item.title}：已是“{done.row.status.value}”，没有修改")
    else:
        print(f"[{item.id}] {item.title}：{done.change.before.status.value} → {done.change.after.status.value}")
    _say_retried(done)
    return 0


def _say_retried(done: retry.Written) -> None:
    if done.retried and done.change is not None:
        print(f"（第 {done.row.id} 条刚被其他人修改过，已按最新内容重新保存）")


def _done(args: argparse.Namespace) -> int:
    """Tick a measure; for an item, tick its open measures (as Space does in the app), so the
    item's progress rolls up from them instead of contradicting them."""
    try:
        with _open(args) as store:
            item = store.get_item(args.item_id)
            if item.is_measure:
                if item.status in DONE_STATUSES and args.note is None:  # ticking again must not undo 办结
                    print(f"[{item.id}] {item.title}：已是“{item.status.value}”，没有修改")
                    return 0
                return _set(store, args, item, item.status if item.status in DONE_STATUSES else DONE_STATUSES[0])
            open_measures = [r for r in store.subtree(item.id) if r.is_measure and r.status not in DONE_STATUSES
                             and r.status is not Status.CANCELLED]
            ticked = 0
            for row in open_measures:
                done = retry.write(store, row, _tick_plan(args.note, row.note), who=_who())
                if done.change is not None:
                    ticked += 1
                    print(f"[{row.id}] {row.title}：{done.change.before.status.value} → "
                          f"{done.change.after.status.value}")
                    _say_retried(done)
            after = store.get_item(item.id)
    except StoreError as exc:
        return fail(str(exc))
    print(f"[{item.id}] {item.title}：{ticked} 条措施标为已完成，进度 {after.progress}%")
    return 0


def _tick_plan(note: str | None, seen: str) -> retry.Plan:
    """Tick one measure of an item: nothing to do when someone else ticked or cancelled it meanwhile."""
    def plan(row: ItemRow) -> dict[str, object] | str:
        if row.status in DONE_STATUSES or row.status is Status.CANCELLED:
            return {}
        changes: dict[str, object] = {"status": DONE_STATUSES[0]}
        if note is not None:
            changes["note"] = retry.note_after(row, note, seen)
        return changes

    return plan


def _status(args: argparse.Namespace) -> int:
    status = Status(args.status)
    if status is Status.EXTENDED:
        return _extend(args)
    if args.due is not None or args.reason is not None:
        return fail(f"--due 和 --reason 只在登记延期时使用，例如：halfyear status {args.item_id} 已延期 "
                    "--due 2024-12-31 --reason 延期原因。没有做任何修改。")
    try:
        with _open(args) as store:
            item = store.get_item(args.item_id)
            problem = status_change_problem(item, status)
            if problem is not None:
                hint = (f"请先用 halfyear done {item.id} 标为已完成，督办部门核实后再标为已办结。"
                        if status is Status.CLOSED else "")
                return fail(f"{problem}{hint}没有做任何修改。")
            return _set(store, args, item, status)
    except StoreError as exc:
        return fail(str(exc))


def _extend(args: argparse.Namespace) -> int:
    """已延期 is an extension granted: a later date and a reason, the first date kept as original_due."""
    missing = [opt for opt, value in (("--due 新的完成时限", args.due), ("--reason 延期原因", args.reason))
               if not (value or "").strip()]
    if missing:
        return fail(f"标为已延期需要写明新的完成时限和延期原因，缺少 {'、'.join(missing)}。例如：halfyear status "
                    f"{args.item_id} 已延期 --due 2024-12-31 --reason 等待上级文件。没有做任何修改。")
    try:
        with _open(args) as store:
            item = store.get_item(args.item_id)
            year = store.get_report(item.report_id).year or (item.due.year if item.due else None)
            try:
                new_due = parse_typed_date(args.due, year=year)
            except DateNeedsYearError:
                return fail(f"--due “{args.due}”没有写年份，这份报告也没有计划年度；请写成 2024年12月31日 这样"
                            "带年份的日期。没有做任何修改。")
            except ValueError:
                return fail(f"--due “{args.due}”不是有效日期，请写成 2024-12-31、2024年12月31日 或 2024年12月底。"
                            "没有做任何修改。")
            seen = item.note

            def plan(row: ItemRow) -> dict[str, object] | str:
                if row.status is Status.EXTENDED and row.due == new_due and row.delay_reason == args.reason.strip():
                    return {}  # granted meanwhile, by the same command run twice
                problem = extension_problem(row, new_due, args.reason)
                if problem is not None:
                    if _without_year(args.due):
                        problem += f"（“{args.due}”按 {new_due.year} 年理解；如要延到下一年，请写上年份。）"
                    return f"{problem}没有做任何修改。"
                changes = extension_changes(row, new_due, args.reason)
                if args.note is not None:
                    changes["note"] = retry.note_after(row, args.note, seen)
                return changes

            done = retry.write(store, item, plan, who=_who())
    except StoreError as exc:
        return fail(str(exc))
    if done.change is None:
        print(f"[{item.id}] {item.title}：已延期至 {new_due.isoformat()}，没有修改")
        return 0
    before, after = done.change.before, done.change.after
    was = before.due.isoformat() if before.due else "无"
    print(f"[{item.id}] {item.title}：{before.status.value} → {after.status.value}，"
          f"完成时限 {was} → {new_due.isoformat()}（延期原因：{after.delay_reason}）")
    _say_retried(done)
    return 0


def _without_year(text: str) -> bool:
    try:
        parse_typed_date(text)
    except DateNeedsYearError:
        return True
    except ValueError:
        pass
    return False


def _backup(args: argparse.Namespace) -> int:
    from db.backup import backup_now

    try:
        with _open(args) as store:
            path = backup_now(store)
    except StoreError as exc:
        return fail(str(exc))
    print(f"已备份到 {path}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from db.backup import restore

    try:
        saved = restore(args.db, Path(args.file))
        with _open(args):  # migrates an older backup and proves the result opens
            pass
    except StoreError as exc:
        return fail(str(exc))
    if saved is not None:
        print(f"恢复前的数据库已备份到 {saved}")
    print(f"已用 {args.file} 恢复数据库")
    return 0
