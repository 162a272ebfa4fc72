"""The quiet reminder on start: `本周到期 N 项，已逾期 M 项`, with the ids behind both counts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

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
    due: list[int] = []
    late: list[int] = []
    for item_id, deadline in store.open_due(OPEN_STATUSES, sunday, report_ids=report_ids):
        (late if deadline < today else due).append(item_id)
    return Reminders(today=today, week_end=sunday, due_this_week=tuple(due), overdue=tuple(late))
