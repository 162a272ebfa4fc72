"""Scripted history: store writes dated on chosen days of the year (the store stamps writes with the clock).

`dated(store, when)` runs the writes of its block and then moves every row those writes made or
stamped to `when`: history rows, new items and reports, completion and update times, carry links. It
goes through the schema only, so it needs nothing of the store's inside.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select, update

from db.models import CarryLink, History, Item, Report


def _max_id(conn: Any, table: Any) -> int:
    return int(conn.execute(select(func.coalesce(func.max(table.id), 0))).scalar_one())


@contextmanager
def dated(store: Any, when: datetime | date) -> Iterator[None]:
    """Date every write made inside the block `when` (a date means 10:00 that day)."""
    if not isinstance(when, datetime):
        when = datetime.combine(when, datetime.min.time()).replace(hour=10)
    with store.engine.connect() as conn:
        marks = {t: _max_id(conn, t) for t in (History, Item, Report, CarryLink)}
    started = datetime.now()
    yield
    with store.engine.begin() as conn:
        conn.execute(update(History).where(History.id > marks[History]).values(at=when))
        conn.execute(update(Item).where(Item.id > marks[Item]).values(created_at=when))
        conn.execute(update(Item).where(Item.updated_at >= started).values(updated_at=when))
        conn.execute(update(Item).where(Item.completed_at >= started).values(completed_at=when))
        conn.execute(update(Report).where(Report.id > marks[Report]).values(imported_at=when,
                                                                             period_start=when.date()))
        conn.execute(update(CarryLink).where(CarryLink.id > marks[CarryLink]).values(at=when))
