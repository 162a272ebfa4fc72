"""Read a 台账 workbook that units filled in, back into LedgerRows matched by their hidden UUIDs."""

from __future__ import annotations

import math
import os
import re
import stat
import unicodedata
import warnings
import zipfile
from collections.abc import Callable, Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.cell.read_only import EMPTY_CELL
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import from_excel

from desktop.core.errors import Cancelled
from desktop.core.os_words import os_words
from desktop.core.ledger_model import (
    MERGE_FIELDS,
    META_SHEET,
    SIGNATURE_MARK,
    STATUSES,
    LedgerError,
    LedgerMeta,
    LedgerReadError,
    LedgerReadResult,
    LedgerRow,
    columns,
)
from desktop.core.typed_dates import DateNeedsYearError, parse_typed_date
from desktop.core.types import CancelFn, ProgressFn
from desktop.core.zip_limits import XLSX_LIMITS, ZipLimitError, check_zip

YearOf = Callable[[str], int | None]  # a row's UUID → the plan year of its report (None when unknown)

_HEADER_SEARCH_ROWS = 20  # the header sits in row 3; allow a unit to have added a few lines above it
_REQUIRED = ("number", "status")  # with these two headers a sheet is a ledger, ours or someone's copy
_NO_DEADLINE = frozenset({"长期", "长期坚持", "常态化", "持续推进", "无", "/", "-", "—"})
_STATUS_LIST = "、".join(STATUSES)
_XLS_MAGIC = b"\xd0\xcf\x11\xe0"
_MAX_COLUMNS = 64  # a ledger has 16 columns; units add a few; nothing beyond this is read
_EXCEL_ROWS = 1_048_576  # Excel's last row: a row number past it is a damaged (or hostile) file
MAX_ROWS = 200_000  # filled rows per file; a 50,000-measure ledger has 55,000
_CHECKED = ("uuid", "version", *MERGE_FIELDS)  # the cells whose content is used, not only shown


def _norm(text: str) -> str:
    """Header text compared loosely: full-width forms folded, spaces and line breaks dropped."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


_HEADERS: dict[str, str] = {_norm(c.header): c.key for c in columns(with_source=True)}
_HEADER_OF: dict[str, str] = {c.key: c.header for c in columns(with_source=True)}


def read_ledger(path: str | os.PathLike[str], *, on_progress: ProgressFn | None = None,
                is_cancelled: CancelFn | None = None, year_of: YearOf | None = None) -> LedgerReadResult:
    """Read a ledger exported by this program; raise only LedgerReadError (Chinese message) or Cancelled.

    `year_of(uuid)` completes a deadline typed without a year (12月底前) with the plan year of the row's
    report; it is asked only for such cells. Without it (or when it returns None) such a row is refused.
    """
    p = Path(path)
    try:
        with warnings.catch_warnings():
            # openpyxl warns in English about extensions it skips and cells it cannot read (a date
            # serial out of range); what matters to the clerk is reported row by row in Chinese
            warnings.simplefilter("ignore")
            return _read(p, _Tick(on_progress, is_cancelled or (lambda: False)), year_of or (lambda _uuid: None))
    except (LedgerError, Cancelled):
        raise
    except Exception as exc:  # noqa: BLE001 - any library failure on a bad file becomes one clear message
        raise LedgerReadError(str(p), f"读取“{p.name}”时出错（{type(exc).__name__}：{exc}）。文件可能已损坏，"
                                      "请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试。") from exc


def _check_file(p: Path) -> None:
    try:
        info = p.stat()
    except FileNotFoundError:
        raise LedgerReadError(str(p), f"找不到文件“{p}”，请确认文件位置。") from None
    except OSError as exc:  # a symlink loop is not a missing file
        raise LedgerReadError(str(p), f"无法打开“{p}”：{os_words(exc)}。请检查文件路径。") from exc
    if stat.S_ISDIR(info.st_mode):
        raise LedgerReadError(str(p), f"“{p}”是一个文件夹，请选择台账文件（.xlsx）。")
    try:
        with p.open("rb") as fh:
            magic = fh.read(4)
    except OSError as exc:
        raise LedgerReadError(str(p), f"无法打开“{p.name}”：{os_words(exc)}。"
                                      "如果它正在 Excel 或 WPS 中打开，请先关闭。") from exc
    if magic == _XLS_MAGIC or p.suffix.lower() in (".xls", ".et"):
        raise LedgerReadError(str(p), f"“{p.name}”是旧版 Excel（.xls）或 WPS 格式，本程序只能读取 .xlsx。"
                                      "请在 Excel 或 WPS 中“另存为” .xlsx 后再导入。")
    if not magic:
        raise LedgerReadError(str(p), f"“{p.name}”是空文件，请选择各单位填写后的台账文件。")
    if not zipfile.is_zipfile(p):
        raise LedgerReadError(str(p), f"“{p.name}”不是有效的 Excel 文件（.xlsx），可能已损坏或不完整。"
                                      "请让填报单位重新发送，或在 Excel/WPS 中打开后另存为 .xlsx。")
    try:
        check_zip(p, XLSX_LIMITS)  # before openpyxl unpacks the shared strings and styles whole
    except ZipLimitError as exc:
        raise LedgerReadError(str(p), f"“{p.name}”中的“{exc.part or '部件'}”{exc.why}，远超一份台账的大小"
                                      "（可能是损坏或恶意构造的文件），没有读取。请让填报单位在 Excel/WPS 中"
                                      "打开确认后另存为 .xlsx 再发送。") from exc


class _Tick:
    """Progress over the rows of all sheets (as the file's dimensions announce them), cancel checks, and
    the count of filled rows against MAX_ROWS."""

    def __init__(self, on_progress: ProgressFn | None, is_cancelled: CancelFn) -> None:
        self.on_progress, self.is_cancelled = on_progress, is_cancelled
        self.total = self.done = self.filled = 0

    def row(self) -> None:
        self.filled += 1
        if self.filled > MAX_ROWS:
            raise LedgerReadError("", f"文件中填写的行超过 {MAX_ROWS:,} 行，远多于一份台账（程序导出的台账每条措施一行），"
                                      "没有读取。请确认选择的是各单位填回的台账。")

    def step(self, rows: int = 1) -> None:
        self.done += rows
        if self.done % 1000 < rows:
            if self.is_cancelled():
                raise Cancelled()
            if self.on_progress:
                self.on_progress(min(self.done, self.total), self.total)


def _read(p: Path, tick: _Tick, year_of: YearOf) -> LedgerReadResult:
    _check_file(p)
    try:
        # data_only=False: a formula cell must be seen as one; its cached value may be missing (a file
        # written by a program that does not calculate), and reading it as empty would erase a note
        wb = openpyxl.load_workbook(p, read_only=True, data_only=False)
    except Exception as exc:  # noqa: BLE001 - zip members missing, broken XML, …
        raise LedgerReadError(str(p), f"“{p.name}”已损坏，无法作为 Excel 文件打开（{type(exc).__name__}）。"
                                      "请让填报单位重新发送，或在 Excel/WPS 中打开后另存为 .xlsx。") from exc
    try:
        meta = _read_meta(wb)
        rows: list[LedgerRow] = []
        problems: list[str] = []
        sheets: list[str] = []
        seen: dict[str, str] = {}
        without_uuid_column: list[str] = []
        tick.total = sum(ws.max_row or 0 for ws in wb.worksheets if ws.title != META_SHEET)
        for ws in wb.worksheets:
            if ws.title == META_SHEET:
                continue
            found = _read_sheet(ws, rows, problems, seen, tick, year_of)
            if found is True:
                sheets.append(ws.title)
            elif found is False:
                without_uuid_column.append(ws.title)
    finally:
        wb.close()
    if not sheets:
        if without_uuid_column:
            names = "、".join(f"“{n}”" for n in without_uuid_column)
            raise LedgerReadError(str(p), f"“{p.name}”的工作表{names}缺少隐藏的标识列（可能是把内容复制到了新表格），"
                                          "无法与程序中的任务对应。请在本程序导出的原文件上填写后再导入。")
        raise LedgerReadError(str(p), f"“{p.name}”不是本程序导出的工作台账：没有找到带“序号、完成状态”表头"
                                      "和隐藏标识列的工作表。请选择由“导出台账”生成、经各单位填写后的文件。")
    for name in without_uuid_column:
        problems.append(f"工作表“{name}”缺少隐藏的标识列，其中的行无法对应，已跳过。")
    return LedgerReadResult(rows=tuple(rows), problems=tuple(problems), meta=meta, sheets=tuple(sheets))


def _read_meta(wb: Any) -> LedgerMeta | None:
    if META_SHEET not in wb.sheetnames:
        return None
    values: dict[str, Any] = {}
    for row in wb[META_SHEET].iter_rows(min_row=1, max_row=20, max_col=2, values_only=True):
        if row and row[0] is not None:
            values[str(row[0])] = row[1] if len(row) > 1 else None
    stamp = values.get("exported_at")
    try:
        exported_at = datetime.fromisoformat(str(stamp)) if stamp else None
    except ValueError:
        exported_at = None
    try:
        version = int(values.get("version") or 0)
    except (TypeError, ValueError):
        version = 0
    try:
        as_of = date.fromisoformat(str(values["as_of"])) if values.get("as_of") else None
    except ValueError:
        as_of = None
    return LedgerMeta(format_version=version, exported_at=exported_at, title=str(values.get("title") or ""),
                      as_of=as_of)


def _header_map(row: tuple[Any, ...]) -> dict[str, int]:
    found: dict[str, int] = {}
    for i, value in enumerate(row):
        if isinstance(value, str):
            key = _HEADERS.get(_norm(value))
            if key and key not in found:
                found[key] = i
    return found


def _read_sheet(ws: Any, rows: list[LedgerRow], problems: list[str], seen: dict[str, str],
                tick: _Tick, year_of: YearOf) -> bool | None:
    """Append the sheet's valid rows; True if it is a ledger, False if one without UUIDs, None if not one."""
    cols: dict[str, int] | None = None
    header_row = 0
    # never more columns than a ledger can have: a stray cell in column XFD would make every row 16,384 wide
    for n, values in enumerate(ws.iter_rows(max_row=_HEADER_SEARCH_ROWS, max_col=_MAX_COLUMNS, values_only=True),
                               start=1):
        found = _header_map(values)
        if all(k in found for k in _REQUIRED):
            cols, header_row = found, n
            break
    if cols is None:
        return None
    if "uuid" not in cols:
        return False
    name = ws.title
    get = _Getter(cols, year_of)
    # cells, not values: a formula or an error value must not read as an empty or a made-up entry
    it: Iterator[tuple[Any, ...]] = ws.iter_rows(min_row=header_row + 1, max_col=max(cols.values()) + 1)
    gap: tuple[Any, ...] | None = None  # openpyxl fills rows missing from the file with one shared tuple
    for n, cells in enumerate(it, start=header_row + 1):
        if cells is gap or all(c is EMPTY_CELL for c in cells):
            gap = cells
            if n > _EXCEL_ROWS:
                raise LedgerReadError(name, f"工作表“{name}”的行号超出了 Excel 的最大行数，文件已损坏。"
                                            "请让填报单位在 Excel/WPS 中打开后另存为 .xlsx 再发送。")
            if not n % 1000:
                tick.step(1000)
            continue
        tick.step()
        values = tuple(c.value for c in cells)
        if not any(v is not None and v != "" for v in values):
            continue
        if isinstance(values[0], str) and values[0].lstrip().startswith(SIGNATURE_MARK):
            continue  # the signature block under the table (填报单位：…) is not a task
        tick.row()
        unreadable = get.unreadable(cells, n)
        if unreadable:
            problems.append(f"“{name}”第{n}行：{unreadable}；该行未导入。")
            continue
        row = _parse_row(name, n, values, get, problems)
        if row is None:
            continue
        where = f"“{name}”第{n}行"
        if row.uuid in seen:
            problems.append(f"{where}与{seen[row.uuid]}的标识相同（可能是复制了整行），该行未导入。")
            continue
        seen[row.uuid] = where
        rows.append(row)
    return True


class _Getter:
    """Reads one field of a row tuple by column key; a column missing from the sheet reads as None."""

    def __init__(self, cols: dict[str, int], year_of: YearOf) -> None:
        self._cols = cols
        self.year_of = year_of

    def cell(self, key: str, n: int) -> str:
        """The cell address of a column in row n, e.g. H7, for messages."""
        return f"{get_column_letter(self._cols[key] + 1)}{n}"

    def has(self, key: str) -> bool:
        return key in self._cols

    def unreadable(self, cells: tuple[Any, ...], n: int) -> str:
        """Why the cells the merge uses cannot be read (a formula, an error value), or ''."""
        for key in _CHECKED:
            i = self._cols.get(key)
            if i is None or i >= len(cells):
                continue
            kind = getattr(cells[i], "data_type", None)
            header = _HEADER_OF[key]
            if kind == "f":
                return (f"{self.cell(key, n)} 单元格（{header}）是公式，程序读不到公式算出的内容，"
                        "请改为直接填写")
            if kind == "e":
                return f"{self.cell(key, n)} 单元格（{header}）显示错误值“{cells[i].value}”，请改为有效的内容"
        return ""

    def __call__(self, values: tuple[Any, ...], key: str) -> Any:
        i = self._cols.get(key)
        return values[i] if i is not None and i < len(values) else None


def _parse_row(sheet: str, n: int, values: tuple[Any, ...], get: _Getter, problems: list[str]) -> LedgerRow | None:
    where = f"“{sheet}”第{n}行"
    uuid = _text(get(values, "uuid"))
    number = _text(get(values, "number"))
    if not uuid:
        label = f"（序号 {number}）" if number else ""
        problems.append(f"{where}{label}没有标识（UUID），无法对应到程序中的任务，未导入。"
                        "新增的任务请在程序中添加。")
        return None
    raw_version = get(values, "version")
    try:
        version = int(raw_version)
    except (TypeError, ValueError):
        problems.append(f"{where}的版本号“{_text(raw_version)}”无效（隐藏列被改动），未导入。")
        return None
    status = _text(get(values, "status"))
    if status and status not in STATUSES:
        hint = "“滞后”由亮灯自动判断，不需手填；" if status == "滞后" else ""
        problems.append(f"{where}：完成状态“{status}”不是可用的状态，{hint}应为{_STATUS_LIST}之一；该行未导入。")
        return None
    raw_due = get(values, "due")
    try:
        try:
            due = parse_date(raw_due)
        except DateNeedsYearError:  # 12月底前: the plan year of the row's report says which year
            year = get.year_of(uuid)
            if year is None:
                problems.append(f"{where}（{get.cell('due', n)} 单元格）：完成时限“{_text(raw_due)}”没有写年份，"
                                "所属报告也没有计划年度，无法确定是哪一年；请写成 2024年12月31日 这样带年份的日期。"
                                "该行未导入。")
                return None
            due = parse_date(raw_due, year=year)
    except ValueError:
        if isinstance(raw_due, (date, time, timedelta)) or (isinstance(raw_due, (int, float))
                                                          and not isinstance(raw_due, bool)):
            problems.append(f"{where}（{get.cell('due', n)} 单元格）：完成时限“{_text(raw_due)}”不在 "
                            f"{DUE_YEARS.start}—{DUE_YEARS.stop - 1} 年之间（日期格式的单元格里可能填了 0、负数或过大的数），"
                            "请改为正确的日期；该行未导入。")
        else:
            problems.append(f"{where}（{get.cell('due', n)} 单元格）：完成时限“{_text(raw_due)}”不是有效日期，"
                            "请写成 2024-12-31、2024年12月31日 或 2024年12月底；该行未导入。")
        return None
    return LedgerRow(
        uuid=uuid, version=version, number=number, is_group=False,
        task=_text(get(values, "task")), measure=_text(get(values, "measure")),
        lead_leader=_text(get(values, "lead_leader")), lead_unit=_text(get(values, "lead_unit")),
        co_units=_text(get(values, "co_units")), owner=_text(get(values, "owner")),
        due=due, status=status, light=_text(get(values, "light")),
        note=_text(get(values, "note")), delay_reason=_text(get(values, "delay_reason")),
        report_title=_text(get(values, "report_title")),
    )


def _text(value: Any) -> str:
    """A cell as the text a unit meant: numbers without a trailing .0, dates as 2023-12-31."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def parse_date(value: Any, *, year: int | None = None) -> date | None:
    """A deadline cell as a date: a real Excel date, or text as people type it (desktop/core/typed_dates.py:
    2023-12-31, 2023/12/31, 2023年12月31日, 2023年12月底 …); None for an empty cell or 长期坚持.

    `year` completes text without one (12月底前); without it such text raises DateNeedsYearError.
    Anything else that is not a date, and a date outside DUE_YEARS (a negative or tiny serial in a
    date cell reads as 1899), raises ValueError.
    """
    found = _parse_date(value, year=year)
    if found is not None and found.year not in DUE_YEARS:
        raise ValueError(value)
    return found


DUE_YEARS = range(1990, 2100)  # a deadline outside these years is a typing or conversion accident


def _parse_date(value: Any, *, year: int | None) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (bool, time, timedelta)):  # serial 0 in a date cell reads as a time of day
        raise ValueError(value)
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            raise ValueError(value)
        number = int(value)
        if 19000101 <= number <= 29991231:  # typed as 20231231
            return parse_typed_date(str(number))
        if 1 <= value < 2958466 and float(value).is_integer():  # a date serial shown in a General cell
            result = from_excel(value)
            return result.date() if isinstance(result, datetime) else result  # type: ignore[return-value]
        raise ValueError(value)
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if not text or text in _NO_DEADLINE:
        return None
    return parse_typed_date(text, year=year)
