"""Write the 台账 workbook with xlsxwriter: ledger sheets, the statistics sheet and the hidden metadata.

xlsxwriter, not openpyxl, because styling every cell costs openpyxl 3–4× (shared/platform.md); here a
styled cell costs the same as a plain one, and constant-memory mode keeps 50,000 rows under 100 MB.
Only Excel 2007/2010 features are used (conditional formats, list validation, bar charts) so WPS
and LibreOffice render the file the same way.
"""

from __future__ import annotations

import io
import math
import os
import tempfile
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from desktop.core.errors import Cancelled
from desktop.core.file_save import (
    WORK_PREFIX,
    SaveError,
    check_target,
    os_message,
    save_beside,
    sweep_stale_temp_files,
)
from desktop.core.ledger_model import (
    CLOSED_STATUSES,
    date_words,
    FORMAT_NAME,
    FORMAT_VERSION,
    HEADER_ROW,
    LIGHT_TEXT,
    META_SHEET,
    RECONCILE_SHEET,
    SIGNATURE_FIELDS,
    STATS_SHEET,
    STATUSES,
    Column,
    Kind,
    LedgerSheet,
    LedgerStats,
    LedgerRow,
    LedgerStatsRow,
    LedgerWriteError,
    Reconcile,
    Signature,
    columns,
)
from desktop.core.types import CancelFn, ProgressFn

FONT = "宋体"  # what offices expect; LibreOffice and WPS substitute a CJK font where it is missing
TITLE_FONT = "黑体"
_FORMULA_START = ("=", "+", "-", "@")
_OPENED_IN = "Excel 或 WPS"
_STEP = 500  # rows between progress reports and cancel checks

# Status fills: the usual Excel "good / neutral / bad" palette, readable on paper in grey too.
_STATUS_STYLE: dict[str, dict[str, Any]] = {
    "已完成": {"bg_color": "#C6EFCE", "font_color": "#006100"},
    "已办结": {"bg_color": "#A9D08E", "font_color": "#006100"},
    "推进中": {"bg_color": "#DDEBF7", "font_color": "#1F4E78"},
    "已延期": {"bg_color": "#FFEB9C", "font_color": "#9C5700"},
    "未启动": {"bg_color": "#EDEDED", "font_color": "#404040"},
    "已取消": {"font_color": "#808080", "font_strikeout": True},
}
_OVERDUE_STYLE: dict[str, Any] = {"bg_color": "#FFC7CE", "font_color": "#9C0006", "bold": True}
_LIGHT_STYLE: dict[str, dict[str, Any]] = {
    "红灯": {"bg_color": "#FF5B5B", "font_color": "#FFFFFF", "bold": True},
    "黄灯": {"bg_color": "#FFD966", "font_color": "#000000"},
    "绿灯": {"bg_color": "#70AD47", "font_color": "#FFFFFF"},
}


def write_ledger(path: str | os.PathLike[str], sheets: Sequence[LedgerSheet], stats: LedgerStats | None, *,
                 title: str, exported_on: date, as_of: date | None = None, exported_at: datetime | None = None,
                 on_progress: ProgressFn | None = None, is_cancelled: CancelFn | None = None,
                 signature: Signature | None = None, reconcile: Reconcile | None = None) -> Path:
    """Write the ledger workbook to `path` atomically; raise LedgerWriteError (Chinese) or Cancelled.

    `signature` puts a 填报单位/填报人/审核人/联系电话/日期 block under each ledger sheet's table;
    `reconcile` adds the 对账 sheet (one status column per date) after the ledger sheets.

    `exported_at` (default: now) is recorded in the hidden sheet: the merge uses it to tell edits made
    in the app after the export from edits made by the unit in the file.

    The workbook is built in memory (its worksheets in a private temporary folder) and only then
    written next to the target and renamed over it: a full disk or a kill leaves no half-written file
    behind, and a write that fails fails in our code, not in a zip file's destructor.
    """
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise LedgerWriteError(str(target), f"“{target.name}”的扩展名不是 .xlsx，请以 .xlsx 结尾命名导出文件。")
    folder = target.parent if str(target.parent) else Path(".")
    try:
        mode = check_target(target, folder, opened_in=_OPENED_IN)
    except SaveError as exc:
        raise LedgerWriteError(str(target), str(exc)) from exc
    sweep_stale_temp_files(folder)
    buffer = io.BytesIO()
    try:
        with tempfile.TemporaryDirectory(prefix=WORK_PREFIX) as work:
            _build(buffer, work, sheets, stats, title=title, exported_on=exported_on, as_of=as_of,
                   exported_at=exported_at or datetime.now(), on_progress=on_progress,
                   is_cancelled=is_cancelled or (lambda: False), signature=signature, reconcile=reconcile)
    except Cancelled:
        raise
    except OSError as exc:  # the temporary folder is full or cannot be written
        raise LedgerWriteError(str(target), os_message(exc, target, Path(tempfile.gettempdir()), opened_in=_OPENED_IN)) from exc
    except xlsxwriter.exceptions.XlsxWriterException as exc:
        cause = _os_cause(exc)
        message = (os_message(cause, target, Path(tempfile.gettempdir()), opened_in=_OPENED_IN) if cause
                   else f"生成“{target.name}”失败（{type(exc).__name__}）。原文件（如有）未被改动。")
        raise LedgerWriteError(str(target), message) from exc
    try:
        save_beside(buffer.getbuffer(), target, folder, mode, opened_in=_OPENED_IN)
    except SaveError as exc:
        raise LedgerWriteError(str(target), str(exc)) from exc
    return target


def _os_cause(exc: BaseException) -> OSError | None:
    """The OSError behind an xlsxwriter exception (raised inside an except block, not always chained)."""
    seen = exc.__cause__ or exc.__context__
    while seen is not None:
        if isinstance(seen, OSError):
            return seen
        seen = seen.__cause__ or seen.__context__
    found = next((a for a in exc.args if isinstance(a, OSError)), None)
    return found


class _Formats:
    """Cell formats, created once per workbook and shared by every cell of the same kind."""

    def __init__(self, wb: Workbook) -> None:
        self.wb = wb
        self._cache: dict[tuple[Kind, bool, bool], Format] = {}
        base = {"font_name": FONT, "font_size": 10}
        self.title = wb.add_format({**base, "font_name": TITLE_FONT, "font_size": 16, "bold": True,
                                    "align": "center", "valign": "vcenter"})
        self.subtitle = wb.add_format({**base, "align": "left", "valign": "vcenter"})
        self.date_line = wb.add_format({**base, "align": "right", "valign": "vcenter"})
        self.header = wb.add_format({**base, "font_size": 11, "bold": True, "align": "center",
                                     "valign": "vcenter", "text_wrap": True, "border": 1,
                                     "bg_color": "#D9E1F2"})
        self.section = wb.add_format({**base, "font_size": 11, "bold": True})
        self.signature = wb.add_format({**base, "font_size": 11, "align": "left", "valign": "vcenter"})
        self.int_cell = wb.add_format({**base, "align": "center", "border": 1})
        self.pct_cell = wb.add_format({**base, "align": "center", "border": 1, "num_format": "0.0%"})
        self.key_cell = wb.add_format({**base, "text_wrap": True, "border": 1, "valign": "vcenter"})
        self.total_key = wb.add_format({**base, "bold": True, "border": 1, "bg_color": "#F2F2F2"})
        self.total_int = wb.add_format({**base, "bold": True, "align": "center", "border": 1,
                                        "bg_color": "#F2F2F2"})
        self.total_pct = wb.add_format({**base, "bold": True, "align": "center", "border": 1,
                                        "bg_color": "#F2F2F2", "num_format": "0.0%"})
        self.overdue = wb.add_format(_OVERDUE_STYLE)
        self.status = {word: wb.add_format(style) for word, style in _STATUS_STYLE.items()}
        self.light = {word: wb.add_format(style) for word, style in _LIGHT_STYLE.items()}

    def cell(self, kind: Kind, group: bool, quoted: bool = False) -> Format:
        """The format of a data cell of this kind, in a group (item) row or a measure row."""
        key = (kind, group, quoted)
        fmt = self._cache.get(key)
        if fmt is None:
            props: dict[str, Any] = {"font_name": FONT, "font_size": 10, "border": 1, "valign": "vcenter",
                                     "text_wrap": True}
            if kind in (Kind.SHORT, Kind.DATE, Kind.STAMP, Kind.HIDDEN):
                props["align"] = "center"
            if kind in (Kind.DATE, Kind.STAMP):
                props["num_format"] = "yyyy-mm-dd"
            if group:
                props.update(bold=True, bg_color="#F2F2F2")
            if quoted:  # Excel keeps "=…" as text even after the cell is edited and confirmed
                props["quote_prefix"] = True
            fmt = self._cache[key] = self.wb.add_format(props)
        return fmt


def _build(out: io.BytesIO, work: str, sheets: Sequence[LedgerSheet], stats: LedgerStats | None, *, title: str,
           exported_on: date, as_of: date | None, exported_at: datetime, on_progress: ProgressFn | None,
           is_cancelled: CancelFn, signature: Signature | None = None, reconcile: Reconcile | None = None) -> None:
    wb = xlsxwriter.Workbook(out, {"constant_memory": True, "tmpdir": work, "strings_to_numbers": False,
                                   "strings_to_formulas": False, "strings_to_urls": False})
    try:
        wb.set_properties({"title": title, "subject": "工作任务推进台账", "comments": FORMAT_NAME})
        fmts = _Formats(wb)
        total = sum(len(s.rows) for s in sheets)
        progress = _Progress(total, on_progress, is_cancelled)
        names: set[str] = set()
        for sheet in sheets:
            ws = wb.add_worksheet(_unique_name(sheet.name, names))
            _write_sheet(ws, sheet, fmts, exported_on=exported_on, as_of=as_of, progress=progress,
                         signature=signature)
        if reconcile is not None:
            _write_reconcile(wb.add_worksheet(_unique_name(RECONCILE_SHEET, names)), reconcile, fmts, title=title,
                             exported_on=exported_on)
        if stats is not None:
            _write_stats(wb, wb.add_worksheet(_unique_name(STATS_SHEET, names)), stats, fmts,
                         title=title, exported_on=exported_on, as_of=as_of)
        _write_meta(wb.add_worksheet(META_SHEET), title=title, as_of=as_of, exported_at=exported_at)
        progress.finish()
    finally:
        # close() writes the file; on cancel it still runs so xlsxwriter's temp files are removed
        wb.close()


class _Progress:
    """Counts written rows, reports every few hundred and stops when the user cancels."""

    def __init__(self, total: int, on_progress: ProgressFn | None, is_cancelled: CancelFn) -> None:
        self.total, self.done = total, 0
        self._on_progress, self._is_cancelled = on_progress, is_cancelled
        self._next = 0

    def step(self, n: int = 1) -> None:
        self.done += n
        if self.done >= self._next:
            self._next = self.done + _STEP
            if self._is_cancelled():
                raise Cancelled()
            if self._on_progress:
                self._on_progress(self.done, self.total)

    def finish(self) -> None:
        if self._on_progress:
            self._on_progress(self.total, self.total)


_BAD_SHEET_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})


def _unique_name(name: str, used: set[str]) -> str:
    """A legal sheet name (≤31 characters, no []:*?/\\), unique in the workbook ignoring case."""
    base = (name.translate(_BAD_SHEET_CHARS).strip("'") or "台账")[:31]
    candidate, n = base, 2
    while candidate.lower() in used or candidate == META_SHEET:
        suffix = f"({n})"
        candidate, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(candidate.lower())
    return candidate


def _write_sheet(ws: Worksheet, sheet: LedgerSheet, fmts: _Formats, *, exported_on: date, as_of: date | None,
                 progress: _Progress, signature: Signature | None = None) -> None:
    cols = columns(with_source=sheet.with_source, with_origin=any(row.origin for row in sheet.rows))
    last_col = len(cols) - 1
    visible = [i for i, c in enumerate(cols) if c.kind is not Kind.HIDDEN]
    last_visible = visible[-1]
    for i, col in enumerate(cols):
        ws.set_column(i, i, col.width, None, {"hidden": col.kind is Kind.HIDDEN})

    ws.set_row(0, 30)
    ws.merge_range(0, 0, 0, last_visible, sheet.title, fmts.title)
    dates = f"导出日期：{date_words(exported_on)}"
    if as_of is not None:
        dates = f"统计截至：{date_words(as_of)}　{dates}"
    ws.set_row(1, 18)
    split = max(1, last_visible - 4)
    ws.merge_range(1, 0, 1, split - 1, sheet.subtitle, fmts.subtitle)
    ws.merge_range(1, split, 1, last_visible, dates, fmts.date_line)
    ws.set_row(HEADER_ROW, 30)
    for i, col in enumerate(cols):
        ws.write_string(HEADER_ROW, i, col.header, fmts.header)

    writers = [_cell_writer(ws, col, fmts) for col in cols]
    wrapped = [(col.key, col.width - _CELL_PADDING) for col in cols if col.kind in (Kind.TEXT, Kind.SHORT)]
    keys = [col.key for col in cols]
    r = HEADER_ROW
    for row in sheet.rows:
        r += 1
        height = _row_height(row, wrapped)
        if row.level:
            ws.set_row(r, height, None, {"level": min(row.level, 7)})
        else:
            ws.set_row(r, height)
        for c, (key, write) in enumerate(zip(keys, writers)):
            write(r, c, getattr(row, key), row.is_group)
        progress.step()
    first, last = HEADER_ROW + 1, max(r, HEADER_ROW + 1)

    # 序号 like "1.1" and numbers typed as text are meant as text: no green "number stored as text" marks
    ws.ignore_errors({"number_stored_as_text": f"A{first + 1}:{xl_col_to_name(last_col)}{last + 1}"})
    ws.freeze_panes(HEADER_ROW + 1, 0)
    # the filter spans the hidden columns so sorting in Excel moves each row's UUID along with it
    ws.autofilter(HEADER_ROW, 0, last, last_col)
    ws.outline_settings(True, False, True, False)  # item rows sit above their measures
    idx = {c.key: i for i, c in enumerate(cols)}
    _status_rules(ws, fmts, first, last, idx["status"], idx["due"], as_of=as_of)
    _light_rules(ws, fmts, first, last, idx["light"])
    _validations(ws, first, last, idx["status"], idx["due"])
    if signature is not None:
        _signature(ws, r + 2, last_visible, signature, fmts)
    _page_setup(ws)


def _signature(ws: Worksheet, row: int, last_col: int, signature: Signature, fmts: _Formats) -> None:
    """填报单位：____　填报人：____ … on one merged line under the table (a blank line between)."""
    blank = "＿" * 6
    parts = [f"{field}：{value or blank}" for field, value in zip(SIGNATURE_FIELDS, signature.values())]
    ws.set_row(row, 28)
    ws.merge_range(row, 0, row, last_col, "　　".join(parts), fmts.signature)


_CELL_PADDING = 1.0  # width units lost to the cell margins
_LINE_PT = 14.5  # one line of 10 pt CJK text: 13.5 in Excel/WPS, nearer 14.5 with Noto CJK in LibreOffice
_CJK_UNITS = 1.85  # a CJK character at 10 pt is this many Excel width units; ASCII about 1


def _row_height(row: LedgerRow, wrapped: list[tuple[str, float]]) -> float:
    """Row height in points that shows all wrapped text.

    Excel autofits rows on load, but LibreOffice (and so a PDF made from it) does not, so the
    height is estimated here from the text and the column widths; a few spare points do no harm.
    """
    lines = 1
    for key, width in wrapped:
        text = getattr(row, key)
        if text and isinstance(text, str):
            lines = max(lines, _wrapped_lines(text, width))
    return lines * _LINE_PT + 4


def _wrapped_lines(text: str, width: float) -> int:
    """How many lines `text` takes in a column `width` characters wide, its own line breaks included."""
    count = 0
    for part in text.split("\n"):
        n = len(part)
        wide = (len(part.encode("utf-8")) - n) // 2  # CJK characters take 3 bytes, ASCII 1
        count += max(1, math.ceil((wide * _CJK_UNITS + (n - wide) * 1.05) / width))
    return count


def _cell_writer(ws: Worksheet, col: Column, fmts: _Formats) -> Callable[[int, int, Any, bool], None]:
    """A function writing one value of this column; decided once per column, not once per cell."""
    kind = col.kind
    if col.key == "version":
        def write_int(r: int, c: int, value: Any, group: bool) -> None:
            ws.write_number(r, c, int(value), fmts.cell(kind, group))
        return write_int
    if kind in (Kind.DATE, Kind.STAMP):
        def write_date(r: int, c: int, value: Any, group: bool) -> None:
            if value is None:
                ws.write_blank(r, c, None, fmts.cell(kind, group))
            else:
                if isinstance(value, datetime):
                    value = value.replace(tzinfo=None)
                ws.write_datetime(r, c, value, fmts.cell(kind, group))
        return write_date
    if col.key == "light":
        def write_light(r: int, c: int, value: Any, group: bool) -> None:
            text = LIGHT_TEXT.get(value, value or "")
            if text:
                ws.write_string(r, c, text, fmts.cell(kind, group))
            else:
                ws.write_blank(r, c, None, fmts.cell(kind, group))
        return write_light

    def write_text(r: int, c: int, value: Any, group: bool) -> None:
        if not value:
            ws.write_blank(r, c, None, fmts.cell(kind, group))
            return
        # write_string never makes a formula; the quote prefix keeps it text after an edit in Excel too
        ws.write_string(r, c, value, fmts.cell(kind, group, value.startswith(_FORMULA_START)))
    return write_text


def _status_rules(ws: Worksheet, fmts: _Formats, first: int, last: int, status_col: int, due_col: int, *,
                  as_of: date | None) -> None:
    """Colour the status column by its word, and red when past due and not done (kept live by Excel)."""
    s = f"${xl_col_to_name(status_col)}{first + 1}"
    d = f"${xl_col_to_name(due_col)}{first + 1}"
    today = f"DATE({as_of.year},{as_of.month},{as_of.day})" if as_of else "TODAY()"
    not_closed = ",".join(f'{s}<>"{w}"' for w in sorted(CLOSED_STATUSES))
    ws.conditional_format(first, status_col, last, status_col, {
        "type": "formula", "criteria": f"=AND(ISNUMBER({d}),{d}<{today},{not_closed})",
        "format": fmts.overdue, "stop_if_true": True})
    for word in STATUSES:
        ws.conditional_format(first, status_col, last, status_col, {
            "type": "cell", "criteria": "==", "value": f'"{word}"',
            "format": fmts.status[word]})


def _light_rules(ws: Worksheet, fmts: _Formats, first: int, last: int, light_col: int) -> None:
    for word, fmt in fmts.light.items():
        ws.conditional_format(first, light_col, last, light_col, {
            "type": "cell", "criteria": "==", "value": f'"{word}"', "format": fmt})


def _validations(ws: Worksheet, first: int, last: int, status_col: int, due_col: int) -> None:
    ws.data_validation(first, status_col, last, status_col, {
        "validate": "list", "source": list(STATUSES), "ignore_blank": True,
        "input_title": "完成状态", "input_message": "请从下拉列表中选择完成状态。",
        "error_title": "完成状态无效", "error_message": "请从列表中选择：" + "、".join(STATUSES) + "。",
    })
    ws.data_validation(first, due_col, last, due_col, {
        "validate": "date", "criteria": ">=", "value": date(2000, 1, 1), "ignore_blank": True,
        "error_type": "warning", "error_title": "完成时限",
        "error_message": "请填写日期，例如 2023-12-31。",
    })


def _page_setup(ws: Worksheet) -> None:
    """A4 landscape, one page wide, the header repeated on every page, page numbers in the footer."""
    ws.set_paper(9)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(HEADER_ROW)
    ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    ws.center_horizontally()
    ws.set_footer("&C第 &P 页，共 &N 页", {"margin": 0.25})


# 事项 and 措施 counted apart; the five status columns split the measures (已延期 is not under 推进中), and
# 已逾期 counts those of them past their deadline and not done, whatever their status.
_STATS_HEAD = ("事项数", "措施数", "已完成/办结", "推进中", "已延期", "未启动", "已取消", "已逾期", "完成率", "超进度",
               "达进度", "欠进度")
_RATE_COL = 1 + _STATS_HEAD.index("完成率")


def _write_stats(wb: Workbook, ws: Worksheet, stats: LedgerStats, fmts: _Formats, *, title: str,
                 exported_on: date, as_of: date | None) -> None:
    """Per-report and per-unit completion tables, each with a bar chart of completion rates."""
    ncols = 1 + len(_STATS_HEAD)
    ws.set_column(0, 0, 34)
    ws.set_column(1, ncols - 1, 9)
    ws.set_row(0, 30)
    ws.merge_range(0, 0, 0, ncols - 1, f"{title}·完成情况统计", fmts.title)
    line = f"导出日期：{date_words(exported_on)}"
    if as_of is not None:
        line = f"统计截至：{date_words(as_of)}　{line}"
    ws.merge_range(1, 0, 1, ncols - 1, line, fmts.date_line)
    row = 3
    charts: list[tuple[str, int, int]] = []
    for label, key_head, rows in (("一、按报告统计", "报告", stats.by_report),
                                  ("二、按牵头单位统计", "牵头单位", stats.by_unit)):
        ws.write_string(row, 0, label, fmts.section)
        row += 1
        ws.write_string(row, 0, key_head, fmts.header)
        for i, head in enumerate(_STATS_HEAD, start=1):
            ws.write_string(row, i, head, fmts.header)
        first = row + 1
        for item in rows:
            row += 1
            _stats_line(ws, row, item, fmts, total=False, unit=key_head == "牵头单位")
        row += 1
        _stats_line(ws, row, stats.total or _sum(rows), fmts, total=True, unit=False)
        if rows:
            charts.append((key_head, first, row - 1))
        row += 2
    ws.write_string(row - 1, 0, "注：推进中、已延期、未启动、已完成/办结、已取消五项合计为措施数；已逾期为其中超过完成时限仍未完成的措施。",
                    fmts.subtitle)
    ws.set_paper(9)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.set_footer("&C第 &P 页，共 &N 页", {"margin": 0.25})
    # Charts go below the tables (printed on the same page width), one per table.
    name = ws.get_name().replace("'", "''")
    rate = xl_col_to_name(_RATE_COL)
    row += 1
    for key_head, first, last in charts:
        chart = wb.add_chart({"type": "bar"})
        chart.add_series({
            "name": "完成率",
            "categories": f"='{name}'!$A${first + 1}:$A${last + 1}",
            "values": f"='{name}'!${rate}${first + 1}:${rate}${last + 1}",
            "fill": {"color": "#5B9BD5"}, "data_labels": {"value": True, "num_format": "0%"},
        })
        chart.set_title({"name": f"各{key_head}完成率", "name_font": {"name": FONT, "size": 12}})
        chart.set_x_axis({"min": 0, "max": 1, "num_format": "0%", "major_gridlines": {"visible": True}})
        chart.set_y_axis({"reverse": True, "num_font": {"name": FONT, "size": 9}})
        chart.set_legend({"none": True})
        height = min(1200, 90 + 24 * (last - first + 1))
        chart.set_size({"width": 760, "height": max(220, height)})
        ws.insert_chart(row, 0, chart, {"x_offset": 4, "y_offset": 4})
        row += int(max(220, height) / 20) + 2


def _stats_line(ws: Worksheet, row: int, item: LedgerStatsRow, fmts: _Formats, *, total: bool, unit: bool) -> None:
    key = item.key or ("（未填写牵头单位）" if unit else "（无标题）")
    ws.write_string(row, 0, key, fmts.total_key if total else fmts.key_cell)
    values = (item.items, item.total, item.done, item.in_progress, item.extended, item.not_started, item.cancelled,
              item.overdue, item.rate, item.ahead, item.on_track, item.behind)
    for i, value in enumerate(values, start=1):
        if i == _RATE_COL:
            ws.write_number(row, i, float(value), fmts.total_pct if total else fmts.pct_cell)
        else:
            ws.write_number(row, i, int(value), fmts.total_int if total else fmts.int_cell)


def _sum(rows: Sequence[LedgerStatsRow]) -> LedgerStatsRow:
    total = sum(r.total for r in rows)
    done = sum(r.done for r in rows)
    cancelled = sum(r.cancelled for r in rows)
    live = total - cancelled
    return LedgerStatsRow(
        key="合计", total=total, done=done, in_progress=sum(r.in_progress for r in rows),
        not_started=sum(r.not_started for r in rows), overdue=sum(r.overdue for r in rows),
        rate=done / live if live else 0.0, ahead=sum(r.ahead for r in rows),
        on_track=sum(r.on_track for r in rows), behind=sum(r.behind for r in rows), cancelled=cancelled,
        items=sum(r.items for r in rows), extended=sum(r.extended for r in rows))


_RECONCILE_TEXT = (("序号", 7), ("工作任务", 22), ("具体措施", 42), ("牵头单位", 12))


def _write_reconcile(ws: Worksheet, rec: Reconcile, fmts: _Formats, *, title: str, exported_on: date) -> None:
    """对账: each measure's status at each chosen date, and how it changed; for reading and printing only."""
    text_cols = list(_RECONCILE_TEXT)
    if rec.with_source:
        text_cols.insert(1, ("来源报告", 16))
    heads = [h for h, _ in text_cols] + [date_words(d) for d in rec.dates] + ["变化"]
    widths = [w for _, w in text_cols] + [11] * len(rec.dates) + [24]
    for i, w in enumerate(widths):
        ws.set_column(i, i, w)
    last = len(heads) - 1
    ws.set_row(0, 30)
    ws.merge_range(0, 0, 0, last, f"{title}·对账", fmts.title)
    ws.merge_range(1, 0, 1, last, f"各日期为当日结束时的完成状态（按修改记录还原）；空白表示当时尚未列入。导出日期：{date_words(exported_on)}",
                   fmts.subtitle)
    ws.set_row(HEADER_ROW, 30)
    for i, head in enumerate(heads):
        ws.write_string(HEADER_ROW, i, head, fmts.header)
    text = fmts.cell(Kind.TEXT, False)
    short = fmts.cell(Kind.SHORT, False)
    wrapped = [(n, w - _CELL_PADDING) for n, (_, w) in enumerate(text_cols)]
    r = HEADER_ROW
    for row in rec.rows:
        r += 1
        values = [row.number] + ([row.report_title] if rec.with_source else []) + [row.task, row.measure, row.lead_unit]
        seen = [s for s in row.statuses if s]
        changes = [s for n, s in enumerate(seen) if n == 0 or s != seen[n - 1]]
        values += list(row.statuses) + ["→".join(changes) if len(changes) > 1 else ""]
        ws.set_row(r, _text_height(values, wrapped))
        for c, value in enumerate(values):
            fmt = text if c < len(text_cols) and c > 0 else short
            if value:
                ws.write_string(r, c, value, fmt)
            else:
                ws.write_blank(r, c, None, fmt)
    first, end = HEADER_ROW + 1, max(r, HEADER_ROW + 1)
    for c in range(len(text_cols), len(text_cols) + len(rec.dates)):
        for word in STATUSES:
            ws.conditional_format(first, c, end, c, {"type": "cell", "criteria": "==", "value": f'"{word}"',
                                                     "format": fmts.status[word]})
    ws.freeze_panes(HEADER_ROW + 1, 0)
    ws.autofilter(HEADER_ROW, 0, end, last)
    _page_setup(ws)


def _text_height(values: Sequence[str], wrapped: Sequence[tuple[int, float]]) -> float:
    """Row height showing the wrapped text of the given columns (as _row_height does for ledger rows)."""
    lines = 1
    for n, width in wrapped:
        text = values[n] if n < len(values) else ""
        if text:
            lines = max(lines, _wrapped_lines(text, width))
    return lines * _LINE_PT + 4


def _write_meta(ws: Worksheet, *, title: str, as_of: date | None, exported_at: datetime) -> None:
    """Hidden key/value sheet: tells the reader this file is ours and when it was exported."""
    ws.write_string(0, 0, "format")
    ws.write_string(0, 1, FORMAT_NAME)
    ws.write_string(1, 0, "version")
    ws.write_number(1, 1, FORMAT_VERSION)
    ws.write_string(2, 0, "exported_at")
    ws.write_string(2, 1, exported_at.isoformat(timespec="microseconds"))
    ws.write_string(3, 0, "title")
    ws.write_string(3, 1, title)
    ws.write_string(4, 0, "as_of")
    ws.write_string(4, 1, as_of.isoformat() if as_of else "")
    ws.hide()
