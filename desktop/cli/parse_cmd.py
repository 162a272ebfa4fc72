"""`halfyear parse FILE`: show the plan a report contains, as an outline or JSON."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from desktop.cli import fail

from desktop.core.errors import ReportError, SpreadPlanError
from desktop.core.extract import parse_report
from desktop.core.plan_json import plan_outline, plan_to_dict, spread_to_dict


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `parse` subcommand."""
    p = sub.add_parser("parse", help="显示报告中的计划（工作事项和具体措施）",
                       description="读取 .txt 或 .docx 报告，找到“下一步工作打算”等计划部分并列出其中的事项和措施。")
    p.add_argument("file", metavar="FILE", help="报告文件（.txt 或 .docx）")
    p.add_argument("--year", type=_year, help="计划年度（报告中读不出年份时使用）")
    p.add_argument("--section", metavar="HEADING", action="append",
                   help="指定计划部分的标题，例如 \"三、下步计划\"；计划分散在几个部分时可多次使用")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=run)


def _year(text: str) -> int:
    if not text.isdigit() or not 1990 <= int(text) <= 2100:
        raise argparse.ArgumentTypeError(f"年度应为四位数字年份，例如 2023（收到“{text}”）")
    return int(text)


def run(args: argparse.Namespace) -> int:
    """Print the plan of `args.file`; exit 2 with one Chinese line when it cannot be read."""
    try:
        plan = parse_report(args.file, year=args.year, section=args.section, default_year=date.today().year)
    except SpreadPlanError as exc:
        if not args.json:
            return fail(str(exc))
        print(json.dumps(spread_to_dict(Path(args.file).name, exc), ensure_ascii=False, indent=2))
        return 0
    except ReportError as exc:
        return fail(str(exc))
    if args.json:
        print(json.dumps(plan_to_dict(plan), ensure_ascii=False, indent=2))
    else:
        print(plan_outline(plan))
    return 0
