"""The rows a year-end review reads: each item and measure as it stood at a date, on its own.

Two plain reads and a merge, instead of rebuilding the past in SQL as `queries.item_select` does for the
ledger and the tree: the items with today's values (and their last 进展情况 change before the date), and
the history after the date, of which each field's first change holds the value it had then. SQLite
spent two fifths of an as-of read of 50,000 measures ranking and pivoting those changes; a dict does it
in a fraction of that. The review then needs only two things the ledger's SQL computes, overdue and
序时进度, and they are computed here by the same rules (a row on its own: no roll-up of its measures).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from functools import lru_cache
from typing import Any, NamedTuple

from sqlalchemy import Connection, bindparam, func, select

from db.api import DONE_STATUSES, Status
from db.models import History, Item, Report
from db.progress_log import entry_text, last_change_before

# The fields a review reads whose value at a past date comes from history (the rest, wording, as now).
_FIELDS = ("status", "progress", "note", "due", "original_due", "delay_reason", "lead_unit", "owner")
_DONE = frozenset(s.value for s in DONE_STATUSES)
_CANCELLED = Status.CANCELLED.value
_NULLABLE = frozenset({"due", "original_due"})  # NULL is a value: no deadline


class ReviewRow(NamedTuple):
    """An item or measure as a year-end review reads it at a date, on its own: only the fields it uses, decoded.

    An item's progress, done flag and overdue are read as if it were a measure (no roll-up of its
    measures: the review counts those itself); `lead_unit` is its own, not inherited.
    """

    id: int
    report_id: int
    parent_id: int | None
    title: str
    text: str
    status: str  # the status word as stored (a Status value): compared as text, a review reads 50,000
    progress: int
    lead_unit: str
    owner: str
    due: date | None
    original_due: date | None
    delay_reason: str
    overdue: bool
    expected: int | None  # 序时进度 at the date
    latest: str  # the latest 进展情况 entry written by then (db/progress_log.py); a note older than the history
    latest_at: date | None  # when it was written; None for a note older than the history, or none at all


class _Days(dict[Any, date | None]):
    """Dates by their stored value, decoded once each (SQLite gives ISO text; a plan has few distinct dates)."""

    def __missing__(self, v: Any) -> date | None:
        day = self[v] = date.fromisoformat(v) if type(v) is str else v  # SQLite has no dates; PostgreSQL gives them
        return day


_CUTOFF: Any = bindparam("cutoff")
_REPORTS: Any = bindparam("report_ids", expanding=True)


@lru_cache(maxsize=1)
def items_select() -> Any:
    """The reports' items that existed before the cutoff, with today's values, in ledger order, and each
    one's last note change before the cutoff (time, old and new text)."""
    i = Item.__table__.alias("i")
    p = Item.__table__.alias("p")
    r = Report.__table__.alias("r")
    note = History.__table__.alias("note_change")
    c = i.c
    return (
        select(c.id, c.report_id, c.parent_id, c.title, c.text, *(getattr(c, f) for f in _FIELDS), c.ongoing,
               r.c.period_start, note.c.at, note.c.old, note.c.new)
        .select_from(i.join(r, r.c.id == c.report_id).outerjoin(p, p.c.id == c.parent_id)
                     .outerjoin(note, note.c.id == last_change_before(c.id, _CUTOFF)))
        .where(c.report_id.in_(_REPORTS), c.created_at < _CUTOFF)
        .order_by(c.report_id, func.coalesce(p.c.position, c.position), c.depth, c.position, c.id)
    )


@lru_cache(maxsize=1)
def changes_select() -> Any:
    """The reports' changes of the review's fields at or after the cutoff, latest first: read into a dict
    in this order, each field ends up with the `old` value of its first change, the value it had then."""
    h = History.__table__
    return (
        select(h.c.item_id, h.c.field, h.c.old)
        .where(h.c.at >= _CUTOFF, h.c.field.in_(_FIELDS), h.c.report_id.in_(_REPORTS))
        .order_by(h.c.at.desc(), h.c.id.desc())
    )


def review_rows(conn: Connection, report_ids: Sequence[int], as_of: date, cutoff: datetime) -> list[ReviewRow]:
    """The reports' items and measures as they stood at the end of `as_of` (`cutoff`: the next midnight).

    `conn` must read both statements from one snapshot (SQLite: a BEGIN; PostgreSQL: REPEATABLE READ).
    """
    params = {"cutoff": cutoff, "report_ids": list(report_ids)}
    # Today's values first: should a write slip in between (the caller holds one snapshot, so it should not),
    # its history row still carries the value from before it, so the merge stays right
    rows = _fetch(conn, items_select(), params)
    then: dict[int, dict[str, Any]] = {}
    for item, field, old in _fetch(conn, changes_select(), params):  # latest first: the first change wins
        d = then.get(item)
        if d is None:
            d = then[item] = {}
        if old is None and field not in _NULLABLE:  # as SQL's coalesce(old, today's value)
            d.pop(field, None)
        else:
            d[field] = old
    return _merged(rows, then, as_of)


def _fetch(conn: Connection, stmt: Any, params: dict[str, Any]) -> list[Any]:
    result = conn.execute(stmt, params)
    try:
        return list(result.cursor.fetchall())  # plain tuples: no Row objects for 50,000 rows
    finally:
        result.close()


def _merged(rows: Sequence[Any], then: dict[int, dict[str, Any]], ref: date) -> list[ReviewRow]:
    """Each row with its fields as they were (`then`), its overdue flag and 序时进度 at `ref`.

    The rules are those of `queries.item_select` for a measure: done (已完成/已办结) counts as 100 %; no
    light (so neither overdue nor an expected progress) when cancelled, 长期坚持 or without a deadline;
    expected progress is the share of the period from the report's start to the deadline elapsed at
    `ref`, in whole percent rounded down.
    """
    day = _Days()
    out: list[ReviewRow] = []
    append = out.append
    new_row = tuple.__new__  # a NamedTuple's own __new__ is a Python call per row
    for (i, rep, par, title, text, status, progress, note, due, odue, reason, unit, owner, ongoing, start,
         at, old, new) in rows:
        d = then.get(i)
        if d is not None:  # changed since: the values it had then
            status = d.get("status", status)
            if "progress" in d:
                progress = int(d["progress"])
            note = d.get("note", note)
            due = d.get("due", due)
            odue = d.get("original_due", odue)
            reason = d.get("delay_reason", reason)
            unit = d.get("lead_unit", unit)
            owner = d.get("owner", owner)
        due, odue = day[due], day[odue]
        expected: int | None = None
        overdue = False
        if due is not None and not ongoing and status != _CANCELLED:  # it has a light
            begin = day[start]
            if ref >= due:
                expected = 100
            elif begin is not None:  # (every report has a start; the SQL gives no figure without one)
                expected = 0 if ref <= begin else (ref - begin).days * 100 // (due - begin).days
            overdue = due < ref
        if status in _DONE:
            progress, overdue = 100, False
        if new and new.strip():  # an entry (a change that cleared the note is none)
            latest, latest_at = entry_text(old, new), day[at[:10] if type(at) is str else at.date()]
        else:  # no entry by then: the note as it was, without a date
            latest, latest_at = note.strip(), None
        append(new_row(ReviewRow, (i, rep, par, title, text, status, progress, unit, owner, due, odue, reason,
                                   overdue, expected, latest, latest_at)))
    return out
