"""The quiet reminder on start: `本周到期 N 项，已逾期 M 项`, with the ids behind both counts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from db.api import ItemFilter
from db.enums import OPEN_STATUSES
from db.store import Store


@dataclass(frozen=True)
class Reminders:
    """Unfinished measures due from today to Sunday of this week, and those past their deadline."""

    today: date
    week_end: date  # Sunday of the week holding `today`
    due_this_week: tuple[int, ...]
    overdue: tuple[int, ...]

    @property
    def text(self) -> str:
        """本周到期 N 项，已逾期 M 项."""
        return f"本周到期 {len(self.due_this_week)} 项，已逾期 {len(self.overdue)} 项"

    @property
    def is_empty(self) -> bool:
        """Nothing to remind of (the bar stays hidden)."""
        return not self.due_this_week and not self.overdue


def reminders(store: Store, *, today: date | None = None, report_ids: Sequence[int] | None = None) -> Reminders:
    """Measures not done nor cancelled (and not 长期坚持) due this week, and those already overdue, as of `today`."""
    today = today or date.today()
    sunday = today + timedelta(days=6 - today.weekday())
    flt = ItemFilter(report_ids=tuple(report_ids) if report_ids is not None else None, statuses=OPEN_STATUSES,
                     measures_only=True, due_before=sunday)
    due: list[int] = []
    late: list[int] = []
    for r in store.items(flt):
        if r.ongoing or r.due is None:
            continue
        (late if r.due < today else due).append(r.id)
    return Reminders(today=today, week_end=sunday, due_this_week=tuple(due), overdue=tuple(late))
