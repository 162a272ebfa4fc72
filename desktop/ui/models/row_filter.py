"""The tree's filter, applied in Python over loaded rows (a proxy calling data() per cell is too slow)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from db.api import ItemRow, Status

DONE_STATUSES = frozenset({Status.DONE, Status.CLOSED})


@dataclass(frozen=True, slots=True)
class RowFilter:
    """What the clerk typed and picked above the tree; the empty filter shows everything."""

    text: str = ""
    statuses: frozenset[Status] = frozenset()
    unit: str = ""
    overdue_only: bool = False
    due_within_days: int | None = None
    today: date | None = None

    @property
    def is_empty(self) -> bool:
        """True when no condition is set."""
        return not (self.text.strip() or self.statuses or self.unit or self.overdue_only
                    or self.due_within_days is not None)


def haystack(row: ItemRow, parent: ItemRow | None) -> str:
    """The lower-cased text a search matches against: the row's words plus its item's title."""
    parts = [row.label, row.title, row.text, row.lead_unit, row.co_units, row.owner, row.lead_leader,
             row.note, str(row.status)]
    if parent is not None:
        parts.append(parent.title)
    return "\n".join(parts).casefold()


def leaf_matcher(flt: RowFilter):  # noqa: ANN201 — returns a fast closure, typing it adds nothing
    """A predicate (row, haystack) -> bool for one measure; built once per keystroke."""
    words = flt.text.casefold().split()
    statuses = flt.statuses
    unit = flt.unit.casefold()
    overdue_only = flt.overdue_only
    limit = None
    if flt.due_within_days is not None:
        limit = (flt.today or date.today()) + timedelta(days=flt.due_within_days)

    def accept(row: ItemRow, hay: str) -> bool:
        for w in words:
            if w not in hay:
                return False
        if statuses and row.status not in statuses:
            return False
        if unit and unit not in row.lead_unit.casefold() and unit not in row.co_units.casefold():
            return False
        if overdue_only and not row.overdue:
            return False
        if limit is not None:
            if row.due is None or row.due > limit or row.status in DONE_STATUSES:
                return False
        return True

    return accept
