"""Plain types of the store API: enums, frozen row snapshots and errors (no SQLAlchemy objects leak out)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from db.enums import DONE_STATUSES, Light, Status  # noqa: F401 - part of the API
from db.item_row import EDITABLE_FIELDS, ItemRow  # noqa: F401 - part of the API


@dataclass(frozen=True)
class ReportSummary:
    """One imported report with its progress figures."""

    id: int
    title: str
    source_name: str
    year: int | None
    heading: str
    preamble: str
    sample: bool
    imported_at: datetime
    item_count: int
    measure_count: int
    done_count: int  # measures done
    progress: int  # share of items done (an item is done when all its measures are), 0–100
    overdue_count: int  # measures overdue
    sha256: str = ""
    done_items: int = 0

    @property
    def name(self) -> str:
        """How the report is named to the clerk: its title, else its file's name."""
        return self.title or self.source_name


@dataclass(frozen=True)
class ItemFilter:
    """Which rows `Store.items` returns; empty fields do not filter."""

    report_ids: tuple[int, ...] | None = None
    text: str = ""  # substring of label, title, text, note, units or owner (case-insensitive for Latin)
    statuses: tuple[Status, ...] = ()
    unit: str = ""  # substring of 牵头单位 or 配合单位
    overdue_only: bool = False
    due_before: date | None = None  # due on or before this date
    measures_only: bool = False


@dataclass(frozen=True)
class ItemChange:
    """What an edit did; undo = update_item(after.id, fields of `before`, expected_version=after.version).

    `parent` is the parent's row after the edit (its roll-up), read in the same transaction; `report` the
    report's summary after it when the write was asked `with_report=True`.
    """

    before: ItemRow
    after: ItemRow
    parent: ItemRow | None = None
    report: ReportSummary | None = None


@dataclass(frozen=True)
class HistoryRow:
    """One changed field of one item: who changed it, when, from what to what."""

    id: int
    item_id: int
    at: datetime
    who: str
    field: str
    old: str | None
    new: str | None


@dataclass(frozen=True)
class ImportResult:
    """A report saved by `Store.import_plan`."""

    report_id: int
    items: int
    measures: int


@dataclass(frozen=True)
class StatsRow:
    """Completion figures of measures for one report or one unit (超进度/达进度/欠进度 against 序时进度)."""

    key: str
    total: int
    done: int
    in_progress: int
    not_started: int
    overdue: int
    rate: float  # done / (total − cancelled), 0.0–1.0
    ahead: int  # 超进度
    on_track: int  # 达进度
    behind: int  # 欠进度
    report_id: int | None = None


@dataclass(frozen=True)
class LightSettings:
    """Thresholds of both light rule families (domain.md), stored in the database's settings table."""

    deadline_yellow_days: int = 15  # yellow when due within this many days and not done
    schedule_yellow_points: int = 10  # yellow when this many percentage points behind 序时进度 …
    schedule_red_points: int = 30  # … red when more than this many behind


class StoreError(Exception):
    """Base of the store's errors; `str(exc)` is a Chinese message fit to show a clerk."""


class ConflictError(StoreError):
    """The row changed since the caller read it (someone else saved first); nothing was written."""

    def __init__(self, item_id: int, message: str | None = None) -> None:
        self.item_id = item_id
        super().__init__(message or f"第 {item_id} 条在您读取之后已被其他人或其他窗口修改，本次修改没有保存。请刷新后再改。")


class DuplicateReportError(StoreError):
    """The same file (same SHA-256) was imported before."""

    def __init__(self, report_id: int, title: str = "") -> None:
        self.report_id = report_id
        self.title = title
        name = f"“{title}”" if title else ""
        super().__init__(f"这份文件已经导入过{name}（编号 {report_id}）。如确需再导入一份，请选择“再次导入”（命令行加 --again）。")


class NotFoundError(StoreError):
    """No report or item with that id (maybe deleted meanwhile)."""


class InvalidChangeError(StoreError):
    """The requested change is not allowed (unknown field, bad status, moving an item into itself…)."""


class DatabaseOpenError(StoreError):
    """The database file cannot be opened (not a database, damaged, newer schema); nothing was changed."""

    def __init__(self, message: str, newest_backup: Path | None = None, *, about_backups: bool = True) -> None:
        self.newest_backup = newest_backup
        if newest_backup is not None:
            message += f"最新的备份是：{newest_backup}，可用“halfyear restore {newest_backup}”恢复。"
        elif about_backups:  # backups matter for a damaged file, not for a mistyped address
            message += "没有找到可用的备份。"
        super().__init__(message)
