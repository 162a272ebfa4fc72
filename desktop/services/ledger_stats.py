"""The 完成情况统计 figures from the item trees an export has already read (no second pass over the database).

Counted as `Store.statistics` counts (docs/store-api.md) — measures are the leaves, 超进度/达进度/欠进度 by
the 序时 thresholds — with 事项 counted apart from 措施 and 已延期 apart from 推进中.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from db.api import ItemRow, ReportSummary, Status
from desktop.core.ledger import LedgerStats, LedgerStatsRow

_NO_UNIT = ""  # the writer shows it as （未填写牵头单位）


class _Tally:
    __slots__ = ("items", "measures", "done", "in_progress", "extended", "not_started", "cancelled", "overdue",
                 "ahead", "on_track", "behind")

    def __init__(self) -> None:
        self.items: set[int] = set()
        self.measures = self.done = self.in_progress = self.extended = self.not_started = 0
        self.cancelled = self.overdue = self.ahead = self.on_track = self.behind = 0

    def add(self, m: ItemRow, root: int, yellow: int) -> None:
        self.items.add(root)
        self.measures += 1
        status = m.status
        if status.is_done:
            self.done += 1
        elif status is Status.IN_PROGRESS:
            self.in_progress += 1
        elif status is Status.EXTENDED:
            self.extended += 1
        elif status is Status.NOT_STARTED:
            self.not_started += 1
        else:
            self.cancelled += 1
        self.overdue += m.overdue
        expected = m.expected_progress
        if expected is not None and status is not Status.CANCELLED:
            if m.progress > expected:
                self.ahead += 1
            elif expected - m.progress < yellow:
                self.on_track += 1
            else:
                self.behind += 1

    def row(self, key: str) -> LedgerStatsRow:
        live = self.measures - self.cancelled
        return LedgerStatsRow(
            key=key, total=self.measures, done=self.done, in_progress=self.in_progress,
            not_started=self.not_started, overdue=self.overdue, rate=self.done / live if live else 0.0,
            ahead=self.ahead, on_track=self.on_track, behind=self.behind, cancelled=self.cancelled,
            items=len(self.items), extended=self.extended)


def ledger_stats(trees: Iterable[tuple[ReportSummary, Sequence[ItemRow]]], *, yellow_points: int) -> LedgerStats:
    """Figures per report (in the given order), per 牵头单位 (by name) and in total."""
    total = _Tally()
    units: dict[str, _Tally] = {}
    by_report = []
    for report, tree in trees:
        tally = _Tally()
        unit_of: dict[int, str] = {}
        root_of: dict[int, int] = {}
        for r in tree:  # pre-order: a parent comes before its measures
            parent = r.parent_id
            unit_of[r.id] = r.lead_unit or (unit_of.get(parent, _NO_UNIT) if parent is not None else _NO_UNIT)
            root_of[r.id] = root_of.get(parent, r.id) if parent is not None else r.id
            if r.child_count:
                continue
            for t in (tally, total, units.setdefault(unit_of[r.id], _Tally())):
                t.add(r, root_of[r.id], yellow_points)
        by_report.append(tally.row(report.title))
    return LedgerStats(by_report=tuple(by_report),
                       by_unit=tuple(units[u].row(u) for u in sorted(units, key=lambda u: (u == _NO_UNIT, u))),
                       total=total.row("合计"))
