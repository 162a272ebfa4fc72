"""`halfyear export` (the 台账 to Excel) and `halfyear merge` (units' filled-in ledgers back in)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from db.enums import OPEN_STATUSES
from desktop.core.ledger import SIGNATURE_FIELDS, STATUSES, LedgerError, Signature, parse_date

if TYPE_CHECKING:
    from desktop.services.merge import MergePreview

# words that stand for several statuses, as in the window's status filter
_STATUS_GROUPS = {"未完成": tuple(s.value for s in OPEN_STATUSES)}


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `export` and `merge` subcommands."""
    p = sub.add_parser("export", help="把台账导出为 Excel（.xlsx）", description="把任务台账导出为 Excel 文件，供打印、年终考核或发给各单位填写。")
    p.add_argument("out", metavar="OUT.xlsx", help="导出的文件")
    p.add_argument("--report", metavar="ID", type=int, nargs="+", action="extend", dest="reports",
                   help="只导出这些报告（编号见 halfyear list）；默认全部")
    p.add_argument("--status", metavar="状态", nargs="+", action="extend", dest="statuses",
                   choices=(*STATUSES, *_STATUS_GROUPS),
                   help="只导出这些状态的措施：" + "、".join(STATUSES) + "；"
                        + "；".join(f"{word} 即 {'、'.join(group)}" for word, group in _STATUS_GROUPS.items()))
    p.add_argument("--unit", metavar="单位", default="", help="只导出牵头单位或配合单位含此文字的措施")
    p.add_argument("--one-sheet", action="store_true", help="多份报告放在同一个工作表（加“来源报告”列）")
    p.add_argument("--as-of", metavar="日期", type=_date_arg, help="导出某一天结束时的台账，如 2023-06-30")
    p.add_argument("--reconcile", metavar="日期", type=_date_arg, nargs="+", action="extend", dest="reconcile",
                   help="加一张“对账”表：每条措施在这些日期结束时的完成状态（每个日期一列），如 2023-06-30 2023-12-31")
    p.add_argument("--signature", metavar="栏目=内容", nargs="*", dest="signature",
                   help="在每张台账下加签字栏（" + "/".join(SIGNATURE_FIELDS) + "）；可预填，如 填报单位=组织科 填报人=张三")
    p.set_defaults(func=_export)

    m = sub.add_parser("merge", help="把各单位填写后的台账合并回来", description="读取各单位填写后的台账，列出与程序中不同之处；加 --apply 才写入。")
    m.add_argument("file", metavar="FILE.xlsx", help="填写后的台账")
    m.add_argument("--apply", action="store_true", help="写入这些修改（默认只列出差异）")
    m.add_argument("--accept-conflicts", action="store_true", help="冲突的条目也以文件中的内容为准")
    m.set_defaults(func=_merge)


def _date_arg(text: str) -> date:
    try:
        value = parse_date(text)
    except ValueError:
        value = None
    if value is None:
        raise argparse.ArgumentTypeError(f"“{text}”不是日期，请写成 2023-06-30")
    return value


def _export(args: argparse.Namespace) -> int:
    from db.api import StoreError
    from db.store import open_store
    from desktop.cli import fail
    from desktop.services.export import export_ledger

    try:
        signature = _signature(args.signature)
    except ValueError as exc:
        return fail(str(exc))
    try:
        with open_store(args.db) as store:
            statuses = [s for word in args.statuses or () for s in _STATUS_GROUPS.get(word, (word,))]
            result = export_ledger(store, args.out, report_ids=args.reports, statuses=statuses,
                                   unit=args.unit, one_sheet=args.one_sheet, as_of=args.as_of,
                                   reconcile_dates=args.reconcile or (), signature=signature)
    except (StoreError, LedgerError) as exc:
        return fail(str(exc))
    extra = "，另有“对账”表" if args.reconcile else ""
    print(f"已导出 {result.rows} 行（{result.sheets} 个台账工作表{extra}）到 {result.path}")
    if result.left_out:
        reports = f"（含 {result.reports_left_out} 份报告）" if result.reports_left_out else ""
        print(f"另有 {result.left_out} 项措施{reports}在 {args.as_of.isoformat()} 之后才导入或添加，未列入。")
    return 0


_SIGNATURE_KEYS = dict(zip(SIGNATURE_FIELDS, ("unit", "person", "reviewer", "phone", "day")))


def _signature(pairs: list[str] | None) -> Signature | None:
    """--signature 填报单位=组织科 …: a Signature (None without the option); ValueError (Chinese) for a bad pair."""
    if pairs is None:
        return None
    values: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or key.strip() not in _SIGNATURE_KEYS:
            raise ValueError(f"--signature 的“{pair}”写法不对，应为 栏目=内容，栏目可以是：{'、'.join(SIGNATURE_FIELDS)}。")
        values[_SIGNATURE_KEYS[key.strip()]] = value.strip()
    return Signature(**values)


def _merge(args: argparse.Namespace) -> int:
    from db.api import StoreError
    from db.store import open_store
    from desktop.cli import fail
    from desktop.services.merge import apply_merge, preview_merge

    path = Path(args.file)
    try:
        with open_store(args.db) as store:
            preview = preview_merge(store, path)
            _print_preview(preview)
            if not args.apply:
                if not preview.is_empty:
                    print("以上为差异，未写入。确认无误后加 --apply 写入。")
                return 0
            if not preview.changes and not (args.accept_conflicts and preview.conflicts):
                print("没有可写入的修改。")
                return 0
            count = apply_merge(store, preview, who=path.name, accept_conflicts=args.accept_conflicts)
    except (StoreError, LedgerError) as exc:
        return fail(str(exc))
    fields = len(preview.changes) + (len(preview.conflicts) if args.accept_conflicts else 0)
    print(f"已写入 {fields} 处修改（{count} 条，修改记录署名“{path.name}”）。")  # counted as the preview above
    if preview.conflicts and not args.accept_conflicts:
        print(f"{len({c.item_id for c in preview.conflicts})} 条冲突未写入；如以文件为准，请加 --accept-conflicts 再运行。")
    return 0


def _value(value: object) -> str:
    if value is None or value == "":
        return "（空）"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _print_preview(preview: MergePreview) -> None:
    print(f"{preview.source}：对应到 {preview.rows} 行，其中 {preview.unchanged} 行没有变化。")
    if preview.changes:
        print(f"修改（{len(preview.changes)} 处）：")
        for ch in preview.changes:
            print(f"  序号 {ch.number}（{ch.title}） {ch.label}：{_value(ch.old)} → {_value(ch.new)}")
    if preview.conflicts:
        print(f"冲突（{len(preview.conflicts)} 处，导出后在程序中也改过）：")
        for ch in preview.conflicts:
            print(f"  序号 {ch.number}（{ch.title}） {ch.label}：程序中 {_value(ch.old)}，文件中 {_value(ch.new)}")
    if preview.warnings:
        print(f"请核实（{len(preview.warnings)} 处完成状态倒退，写入前请与填报单位确认）：")
        _print_capped(preview.warnings, "  ！")
    if preview.problems:
        print(f"未导入的行（{len(preview.problems)}）：")
        _print_capped(preview.problems, "  ")
    if preview.is_empty and not preview.problems:
        print("文件与程序中的台账一致，没有需要合并的内容。")


LIST_SHOWN = 50  # lines of a long problem list printed; the rest are counted


def _print_capped(lines: list[str], indent: str) -> None:
    for text in lines[:LIST_SHOWN]:
        print(f"{indent}{text}")
    if len(lines) > LIST_SHOWN:
        print(f"{indent}……另有 {len(lines) - LIST_SHOWN} 条未列出。")
