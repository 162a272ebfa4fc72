"""Plain data of a year-end review (对账) as of a date: counts, shares, units, listed measures and what moved.

Built by `desktop.services.review` from the store, written out by `desktop.core.notice_docx` and the
CLI. No database and no Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

# How a measure stands at the reference date; each measure is in exactly one of these, so counts add up.
DONE = "已完成"  # 已完成 or 已办结
AHEAD = "超进度"
ON_TRACK = "达进度"
BEHIND = "欠进度"
NOT_STARTED = "未启动"
EXTENDED = "已延期"
CANCELLED = "已取消"
CATEGORIES: tuple[str, ...] = (DONE, AHEAD, ON_TRACK, BEHIND, NOT_STARTED, EXTENDED, CANCELLED)

RULE_WORDS = {"deadline": "按完成时限", "schedule": "按序时进度"}
NO_UNIT = "（未明确牵头单位）"


@dataclass(frozen=True)
class Count:
    """One category (or status) with its count and its share of all measures in per cent (one decimal)."""

    name: str
    count: int
    share: float


class MeasureLine(NamedTuple):
    """One measure as it stood at the reference date (a tuple: a 50,000-measure review builds one per measure)."""

    id: int
    report_id: int
    report_title: str
    number: str  # 序号 in its report's ledger at that date, e.g. 2.3
    item_title: str  # the 工作任务 it belongs to ("" for an item that is its own measure)
    text: str
    unit: str  # 牵头单位 (the item's when the measure names none); "" when none is named
    owner: str
    due: date | None
    original_due: date | None
    status: str
    category: str
    overdue: bool
    progress: int
    expected: int | None  # 序时进度 at that date
    latest: str  # the latest 进展情况 entry written by that date
    latest_at: date | None  # when it was written (None: unknown, or no entry)
    delay_reason: str


@dataclass(frozen=True)
class UnitLine:
    """A 牵头单位's figures; `rate` is done / (tasks − cancelled) in per cent, one decimal, halves up."""

    unit: str
    tasks: int
    done: int
    rate: float
    behind: int
    overdue: int
    not_started: int
    extended: int
    cancelled: int
    rank: int | None = None  # 1 = best; equal figures share a rank; None for measures without a unit


@dataclass(frozen=True)
class ReportRef:
    """A report the review covers."""

    id: int
    title: str
    year: int | None


@dataclass(frozen=True)
class Movement:
    """What changed between two reference dates (measures as they stand at the later one)."""

    earlier: date
    later: date
    newly_completed: tuple[MeasureLine, ...]
    fell_behind: tuple[MeasureLine, ...]  # 欠进度 at the later date, not at the earlier
    caught_up: tuple[MeasureLine, ...]  # 欠进度 at the earlier date, 达进度/超进度/已完成 at the later
    newly_extended: tuple[MeasureLine, ...]
    newly_started: tuple[MeasureLine, ...]  # 未启动 at the earlier date, under way or done at the later
    still_not_started: tuple[MeasureLine, ...]
    not_started_before: int  # 未启动 at the earlier date (前期尚未启动的N项中……)
    behind_before: int
    added: int  # measures listed at the later date that did not exist at the earlier


@dataclass(frozen=True)
class Review:
    """The review of some reports as of the end of `as_of`."""

    as_of: date
    rule: str  # "deadline" or "schedule"
    reports: tuple[ReportRef, ...]
    items: int  # 工作事项 (top level)
    items_done: int
    measures: int  # 具体措施
    by_category: tuple[Count, ...]  # CATEGORIES in order; shares add up to 100.0
    by_status: tuple[Count, ...]  # the six statuses in order; shares add up to 100.0
    overdue: int  # measures past their deadline and not done (in any category)
    units: tuple[UnitLine, ...]  # ranked
    lines: tuple[MeasureLine, ...]  # every measure, in ledger order
    reports_later: int = 0  # chosen reports imported after the date (left out)
    measures_later: int = 0  # measures of the chosen reports added after the date (left out)
    movement: Movement | None = None
    schedule_yellow_points: int = 10  # 欠进度 under the 序时 rule: this many points behind or more
    chosen: tuple[ReportRef, ...] = ()  # the reports asked for, those imported after the date too (for the title)

    def count(self, category: str) -> int:
        """How many measures are in a category (or have a status)."""
        for c in (*self.by_category, *self.by_status):
            if c.name == category:
                return c.count
        raise KeyError(category)

    def listed(self, category: str) -> tuple[MeasureLine, ...]:
        """The measures of one category, in ledger order."""
        return tuple(m for m in self.lines if m.category == category)

    @property
    def overdue_lines(self) -> tuple[MeasureLine, ...]:
        """The measures past their deadline and not done."""
        return tuple(m for m in self.lines if m.overdue)
