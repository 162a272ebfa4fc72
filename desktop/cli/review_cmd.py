"""`halfyear review`: how the plans stood at a date (对账), in Chinese or as JSON, and the 督查通报 draft."""

from __future__ import annotations

import argparse
import json
import sys

from desktop.cli.excel_cmds import _date_arg

_RULES = {"时限": "deadline", "序时": "schedule", "deadline": "deadline", "schedule": "schedule"}
_RANKS = {"完成率": "rate", "欠进度": "behind", "逾期": "overdue", "任务数": "tasks", "单位": "unit"}
LIST_SHOWN = 50  # measures printed per list; the rest are counted (--json has them all)


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `review` subcommand."""
    p = sub.add_parser(
        "review", help="对账：某一天的任务推进情况，可生成督查通报（.docx）",
        description="按历史记录还原某一天结束时的台账，统计完成、超进度、达进度、欠进度、未启动、已延期、已取消的措施"
                    "及各牵头单位的完成率，列出欠进度、逾期、未启动和延期的措施；可与另一天比较，可生成督查通报草稿。"
                    "占比保留一位小数，按最大余数法取整，合计为 100.0%。")
    p.add_argument("--report", metavar="ID", type=int, nargs="+", action="extend", dest="reports",
                   help="只统计这些报告（编号见 halfyear list）；默认全部")
    p.add_argument("--year", type=int, metavar="年份", help="只统计这一计划年度的报告，如 2023")
    p.add_argument("--as-of", metavar="日期", type=_date_arg, required=True, help="统计截至这一天结束时，如 2023-06-30")
    p.add_argument("--compare", metavar="日期", type=_date_arg, help="与这一天比较（新完成、新增欠进度、新增延期、仍未启动）")
    p.add_argument("--rule", choices=("时限", "序时"), help="判断进度的规则：时限（按完成时限）或 序时（按序时进度）；默认用数据库中的设置")
    p.add_argument("--rank", choices=tuple(_RANKS), default="完成率", help="各单位表的排序，默认 完成率")
    p.add_argument("--docx", metavar="通报.docx", help="把督查通报草稿写入这个 Word 文件")
    p.add_argument("--issuer", metavar="单位", default="", help="通报的发文单位（草稿落款；默认留待填写）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出数字和清单，供脚本使用")
    p.set_defaults(func=_review)


def _review(args: argparse.Namespace) -> int:
    from db.api import StoreError
    from db.store import open_store
    from desktop.cli import fail
    from desktop.core.notice_docx import NoticeWriteError, write_notice
    from desktop.services.review import ReviewError, as_json, build_review, rank_units

    if args.reports and args.year is not None:
        return fail("--report 与 --year 只能用一个：按报告编号，或按计划年度。")
    try:
        with open_store(args.db) as store:
            review = build_review(store, as_of=args.as_of, report_ids=args.reports, year=args.year,
                                  compare=args.compare, rule=_RULES[args.rule] if args.rule else None)
        written = write_notice(args.docx, review, issuer=args.issuer) if args.docx else None
    except (StoreError, ReviewError, NoticeWriteError) as exc:
        return fail(str(exc))
    units = rank_units(review.units, _RANKS[args.rank])
    if args.json:
        data = as_json(review, units=units)
        data["docx"] = str(written) if written else None
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    _print(review, units)
    if written:
        print(f"\n督查通报草稿已写入 {written}（【】内为待填写内容）。")
    return 0


def _print(review: object, units: list) -> None:
    from desktop.core import review_model as rm
    from desktop.core import review_text as rt
    from desktop.core.review_model import Review

    assert isinstance(review, Review)
    print(rt.title(review))
    print()
    for text in rt.overview(review):
        print(text)
    if not review.lines:
        return
    print()
    print("各单位推进情况：")
    cells = [list(rt.UNIT_HEADER)] + [rt.unit_cells(u) for u in units]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(rt.UNIT_HEADER))]
    for row in cells:
        print("  " + "  ".join(_pad(text, w, left=i == 1) for i, (text, w) in enumerate(zip(row, widths))))
    for name, lines in (("欠进度", review.listed(rm.BEHIND)), ("逾期", review.overdue_lines),
                        ("未启动", review.listed(rm.NOT_STARTED)), ("已延期", review.listed(rm.EXTENDED))):
        if not lines:
            continue
        print()
        print(f"{name}的措施（{len(lines)} 项）：")
        for n, m in enumerate(lines[:LIST_SHOWN], 1):
            print("  " + rt.problem_line(n, m, review))
        if len(lines) > LIST_SHOWN:
            print(f"  ……另有 {len(lines) - LIST_SHOWN} 项未列出（--json 或 --docx 中有全部）。")


def _width(text: str) -> int:
    """Columns a text takes in a terminal: CJK characters take two."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _pad(text: str, width: int, *, left: bool) -> str:
    gap = " " * (width - _width(text))
    return text + gap if left else gap + text
