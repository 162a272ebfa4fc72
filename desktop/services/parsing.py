"""Read and extract reports for the import preview: the parsed file's data type and the parsing itself (Qt-free).

What runs here runs in the parser's worker process (parser_pool.py sends it there). The window imports this
module on the UI thread for ParsedFile, so it imports neither multiprocessing nor the pool.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from desktop.core.errors import NoPlanSectionError, ReportError, SpreadPlanError
from desktop.core.types import Alternative, Plan, ReportDocument


@dataclass
class ParsedFile:
    """One file after parsing: its document and plan, or the reason it failed."""

    path: str
    doc: ReportDocument | None = None
    plan: Plan | None = None
    error: str = ""
    headings: tuple[str, ...] = field(default=())
    spread: tuple[str, ...] = field(default=())  # the sections a spread plan runs over, to take together
    alternatives: tuple[Alternative, ...] = field(default=())  # ranked candidate sections, best first

    @property
    def name(self) -> str:
        """The file name shown to the clerk."""
        return Path(self.path).name


def parse_file(path: str, *, section: str | None = None, year: int | None = None) -> ParsedFile:
    """Read and extract one report; failures become a ParsedFile with the Chinese reason."""
    from desktop.core.reports import read_report

    result = ParsedFile(path)
    try:
        result.doc = read_report(path)
    except ReportError as exc:
        result.error = str(exc)
        return result
    except OSError as exc:
        result.error = f"{Path(path).name}：无法读取文件（{exc.strerror or exc}）。"
        return result
    return _extract_into(result, section, year)


def extract_again(parsed: ParsedFile, *, sections: Sequence[str], year: int | None) -> ParsedFile:
    """The same file's plan taken from other sections (the preview's re-pick); the document is not read again."""
    result = ParsedFile(parsed.path, doc=parsed.doc, headings=parsed.headings)
    return _extract_into(result, list(sections), year)


def _extract_into(result: ParsedFile, section: str | Sequence[str] | None, year: int | None) -> ParsedFile:
    from desktop.core.extract import extract_plan

    assert result.doc is not None
    try:
        # one rule with the command line: no year in the text means this year, and the preview says so
        result.plan = extract_plan(result.doc, section=section, year=year, default_year=date.today().year)
    except SpreadPlanError as exc:
        result.error = exc.explain("请在上方“计划部分”中勾选要一起导入的部分。")
        result.spread, result.alternatives = exc.sections, exc.alternatives
        result.headings = result.headings or exc.headings
    except NoPlanSectionError as exc:
        result.error = exc.explain("请在上方“计划部分”中选择其中一个。")  # the preview lists the headings there
        result.alternatives = exc.alternatives
        result.headings = result.headings or exc.headings
    except ReportError as exc:
        result.error = str(exc)
    else:
        result.alternatives = result.plan.alternatives
        # the level-1 headings come with the answer: reading them apart reflowed the whole text a second time
        result.headings = result.headings or result.plan.headings
    return result


def parse_safely(path: str) -> ParsedFile:
    """parse_file, with an unexpected parser error turned into this file's failure."""
    try:
        return parse_file(path)
    except Exception as exc:  # noqa: BLE001 — an unexpected parser error is this file's failure only
        return ParsedFile(path, error=f"{Path(path).name}：读取时出现意外错误（{type(exc).__name__}：{exc}）。")


def extract_again_safely(parsed: ParsedFile, sections: Sequence[str], year: int | None) -> ParsedFile:
    """extract_again, with an unexpected parser error turned into this file's failure."""
    try:
        return extract_again(parsed, sections=sections, year=year)
    except Exception as exc:  # noqa: BLE001 — an unexpected parser error is this file's failure only
        return ParsedFile(parsed.path, doc=parsed.doc, headings=parsed.headings,
                          error=f"{parsed.name}：提取时出现意外错误（{type(exc).__name__}：{exc}）。")
