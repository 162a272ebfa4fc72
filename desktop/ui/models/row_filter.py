"""The tree's filter, applied in Python over loaded rows (a proxy calling data() per cell is too slow)."""

from __future__ import annotations

from datetime import date, timedelta
from operator import itemgetter
from typing import Any, NamedTuple

from db.enums import DONE_STATUSES, Status
from db.item_row import ItemRow


# Named tuples rather than frozen dataclasses: the window builds a RowFilter before its first paint, and
# the dataclass machinery (its import and the code it generates per class) cost ~1.2 ms of the cold start.
class RowFilter(NamedTuple):
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


# The searched fields straight from the row's tuple (ItemRow FIELDS order): label, title, text, lead_unit,
# co_units, owner, lead_leader, note and the status as stored (a Status's text is its value). A load builds
# one per row in the job that reads the rows, and the first report's tree waits for them.
_WORDS = itemgetter(6, 7, 8, 13, 14, 15, 12, 19, 10)


def haystack(row: ItemRow, parent: ItemRow | None) -> str:
    """The lower-cased text a search matches against: the row's words plus its item's title."""
    text = "\n".join(_WORDS(row))
    if parent is not None:
        text += "\n" + parent.title
    return text.casefold()


class PreparedRows(NamedTuple):
    """Rows with their lookups and search text, built in the worker thread so the UI thread only swaps them in."""

    rows: list[ItemRow]
    hay: dict[int, str]
    by_id: dict[int, ItemRow]
    ids: list[int]
    leaf_ids: list[int]
    units: frozenset[str]
    parent_key: dict[int, int]  # each row's parent id, 0 for a top-level row (or one whose parent is not loaded)
    leaf_set: frozenset[int]
    leaf_hay: list[str]  # the measures' search texts in leaf_ids order
    leaf_at: dict[int, int]  # a measure's place in leaf_ids


def prepare_rows(rows: list[ItemRow]) -> PreparedRows:
    """Lower-case each row's searchable text once per load, index the rows (Qt-free, runs in a job)."""
    by_id = {r.id: r for r in rows}
    hay = {r.id: haystack(r, by_id.get(r.parent_id) if r.parent_id is not None else None) for r in rows}
    leaf_ids = [r.id for r in rows if r.is_measure]
    parent_key = {r.id: p if (p := r.parent_id) is not None and p in by_id else 0 for r in rows}
    return PreparedRows(rows, hay, by_id, [r.id for r in rows], leaf_ids,
                        frozenset(r.lead_unit for r in rows if r.lead_unit), parent_key, frozenset(leaf_ids),
                        [hay[i] for i in leaf_ids], {i: n for n, i in enumerate(leaf_ids)})


def text_words(flt: RowFilter) -> list[str]:
    """The search words, case-folded."""
    return flt.text.casefold().split()


def narrows(new: RowFilter, old: RowFilter) -> bool:
    """True when every row passing `new` also passed `old` (typing more letters): filter the last result only."""
    if (new.statuses, new.unit, new.overdue_only, new.due_within_days, new.today) != \
            (old.statuses, old.unit, old.overdue_only, old.due_within_days, old.today):
        return False
    old_words, new_words = text_words(old), text_words(new)
    if len(new_words) < len(old_words):
        return False
    return all(nw.find(ow) >= 0 for ow, nw in zip(old_words, new_words))


def leaf_matcher(flt: RowFilter) -> Any:  # a fast closure carrying .fields_only and .has_fields
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
        return accept_fields(row)

    def accept_fields(row: ItemRow) -> bool:
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

    accept.fields_only = accept_fields  # type: ignore[attr-defined]
    accept.has_fields = bool(statuses or unit or overdue_only or limit is not None)  # type: ignore[attr-defined]
    return accept
