"""Plain data and column layout of the 台账 workbook, shared by its writer and its reader."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum

# Status words a clerk may set by hand (domain.md); 滞后 is not one of them: it follows from the light.
STATUSES: tuple[str, ...] = ("未启动", "推进中", "已完成", "已办结", "已延期", "已取消")
DONE_STATUSES: frozenset[str] = frozenset({"已完成", "已办结"})
CLOSED_STATUSES: frozenset[str] = frozenset({"已完成", "已办结", "已取消"})

# Light values as the store spells them → the word shown in the 亮灯 column.
LIGHT_TEXT: dict[str, str] = {"green": "绿灯", "yellow": "黄灯", "red": "红灯", "none": ""}

LEDGER_SHEET = "工作台账"
STATS_SHEET = "完成情况统计"
META_SHEET = "_halfyear"  # hidden; says which program and format wrote the file
FORMAT_NAME = "halfyear-ledger"
FORMAT_VERSION = 1


class Kind(Enum):
    """How a column's cells are written and read."""

    TEXT = "text"  # wrapped, left aligned
    SHORT = "short"  # wrapped, centred (names, statuses)
    DATE = "date"
    STAMP = "stamp"  # a datetime shown as a date
    HIDDEN = "hidden"


@dataclass(frozen=True, slots=True)
class Column:
    """One ledger column: the LedgerRow field it shows, its header text and its width in Excel units."""

    key: str
    header: str
    width: float
    kind: Kind


# Widths: one Chinese character needs about 2 Excel units at 10 pt; the long-text columns get the room.
NUMBER = Column("number", "序号", 6, Kind.SHORT)
SOURCE = Column("report_title", "来源报告", 16, Kind.TEXT)
COLUMNS_MAIN: tuple[Column, ...] = (
    Column("task", "工作任务", 22, Kind.TEXT),
    Column("measure", "具体措施", 40, Kind.TEXT),
    Column("lead_leader", "牵头领导", 9, Kind.SHORT),
    Column("lead_unit", "牵头单位", 12, Kind.TEXT),
    Column("co_units", "配合单位", 12, Kind.TEXT),
    Column("owner", "责任人", 8, Kind.SHORT),
    Column("due", "完成时限", 11, Kind.DATE),
    Column("status", "完成状态", 9, Kind.SHORT),
    Column("light", "亮灯", 6, Kind.SHORT),
    Column("note", "进展情况", 28, Kind.TEXT),
    Column("delay_reason", "存在问题/延期原因", 18, Kind.TEXT),
    Column("updated_at", "最后更新", 11, Kind.STAMP),
)
# 来源 of a measure carried forward (结转) from an earlier report; only in sheets that hold such measures.
ORIGIN = Column("origin", "来源", 18, Kind.TEXT)
COLUMNS_HIDDEN: tuple[Column, ...] = (
    Column("uuid", "标识（请勿修改）", 10, Kind.HIDDEN),
    Column("version", "版本（请勿修改）", 6, Kind.HIDDEN),
)

# Fields a unit fills in and the round trip brings back; anything else in the sheet is for reading only.
MERGE_FIELDS: tuple[str, ...] = (
    "status", "note", "lead_leader", "lead_unit", "co_units", "owner", "due", "delay_reason",
)

TITLE_ROWS = 2  # row 1: title; row 2: source and export date; the header follows
HEADER_ROW = TITLE_ROWS  # 0-based index of the header row


def columns(*, with_source: bool, with_origin: bool = False) -> tuple[Column, ...]:
    """The columns of one ledger sheet in order, the hidden ones last."""
    head = (NUMBER, SOURCE) if with_source else (NUMBER,)
    return head + COLUMNS_MAIN + ((ORIGIN,) if with_origin else ()) + COLUMNS_HIDDEN


# The signature block under a ledger's table (填报单位/填报人/审核人/联系电话/日期); the reader stops at it.
SIGNATURE_FIELDS: tuple[str, ...] = ("填报单位", "填报人", "审核人", "联系电话", "日期")
SIGNATURE_MARK = "填报单位："
RECONCILE_SHEET = "对账"


class LedgerError(Exception):
    """A ledger could not be written or read; `str(exc)` is a Chinese message saying what to do."""


class LedgerWriteError(LedgerError):
    """The workbook could not be saved at `path`; nothing was left behind there."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(message)
        self.path = path


class LedgerReadError(LedgerError):
    """The file is missing, damaged, or not a ledger exported by this program."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(message)
        self.path = path


@dataclass(frozen=True, slots=True)
class LedgerRow:
    """One ledger line: an item as a group row, or a measure beneath it."""

    uuid: str
    version: int
    number: str  # "1" for an item, "1.1" for its first measure
    is_group: bool  # an item with measures beneath it
    task: str = ""  # 工作任务
    measure: str = ""  # 具体措施
    lead_leader: str = ""
    lead_unit: str = ""
    co_units: str = ""
    owner: str = ""
    due: date | None = None
    status: str = ""
    light: str = "none"  # green / yellow / red / none, as the store spells it
    note: str = ""  # 进展情况
    delay_reason: str = ""
    updated_at: datetime | None = None
    report_title: str = ""
    origin: str = ""  # 来源 of a carried measure, e.g. 《2023年下半年工作计划》2.3

    @property
    def level(self) -> int:
        """0 for an item, 1 for a measure, deeper for measures of measures."""
        return self.number.count(".")


@dataclass(frozen=True, slots=True)
class LedgerSheet:
    """One ledger sheet: its tab name, the title above the table and its rows in order."""

    name: str
    title: str
    rows: Sequence[LedgerRow]
    with_source: bool = False  # a 来源报告 column, when several reports share the sheet
    subtitle: str = ""  # shown left of the export date, e.g. the source report


@dataclass(frozen=True, slots=True)
class LedgerStatsRow:
    """Completion figures for one report or one lead unit."""

    key: str
    total: int
    done: int
    in_progress: int
    not_started: int
    overdue: int
    rate: float  # 0.0–1.0
    ahead: int  # 超进度
    on_track: int  # 达进度
    behind: int  # 欠进度
    cancelled: int = 0  # left out of the rate, so a 合计 line can be computed the same way
    items: int = 0  # 事项: top-level items with a measure counted here (total: the measures)
    extended: int = 0  # 已延期: not counted under in_progress


@dataclass(frozen=True, slots=True)
class LedgerStats:
    """The 完成情况统计 sheet: figures per report and per lead unit."""

    by_report: tuple[LedgerStatsRow, ...] = ()
    by_unit: tuple[LedgerStatsRow, ...] = ()
    total: LedgerStatsRow | None = None  # the 合计 line (items are counted once, not summed over units)


@dataclass(frozen=True, slots=True)
class Signature:
    """The signature block under each ledger sheet; empty fields are left as lines to write on."""

    unit: str = ""  # 填报单位
    person: str = ""  # 填报人
    reviewer: str = ""  # 审核人
    phone: str = ""  # 联系电话
    day: str = ""  # 日期

    def values(self) -> tuple[str, ...]:
        """The values in SIGNATURE_FIELDS order."""
        return (self.unit, self.person, self.reviewer, self.phone, self.day)


@dataclass(frozen=True, slots=True)
class ReconcileRow:
    """One measure of the 对账 sheet: its place, wording and unit, and its status at each chosen date ("" = not yet listed)."""

    number: str
    task: str
    measure: str
    lead_unit: str
    statuses: tuple[str, ...]
    report_title: str = ""


@dataclass(frozen=True, slots=True)
class Reconcile:
    """The 对账 sheet: one status column per date."""

    dates: tuple[date, ...]
    rows: tuple[ReconcileRow, ...]
    with_source: bool = False


@dataclass(frozen=True, slots=True)
class LedgerMeta:
    """What the hidden sheet says about the export the file came from."""

    format_version: int
    exported_at: datetime | None
    title: str
    as_of: date | None = None  # exported as it stood on a past date: a record, not for merging back


@dataclass(frozen=True, slots=True)
class LedgerReadResult:
    """Rows read back (only those that can be matched and are valid) and what was wrong with the others."""

    rows: tuple[LedgerRow, ...]
    problems: tuple[str, ...] = ()
    meta: LedgerMeta | None = None
    sheets: tuple[str, ...] = field(default=())


def date_words(d: date) -> str:
    """A date as the 台账 writes it: 2025年6月30日."""
    return f"{d.year}年{d.month}月{d.day}日"
