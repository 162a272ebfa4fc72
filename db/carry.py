"""Carry forward (结转): the plain types and the SQL of copying unfinished measures into another report."""

from __future__ import annotations

import uuid as uuidlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, and_, delete, func, insert, select, update

from db.enums import OPEN_STATUSES, Status
from db.item_row import ItemRow
from db.models import CarryLink, History, Item, Report

_CHUNK = 500


@dataclass(frozen=True)
class NewReport:
    """A report made to receive carried measures: `…（结转）` with the plan year of the work carried."""

    title: str
    year: int | None


@dataclass(frozen=True)
class Origin:
    """Where a carried copy came from. `item_id` is None when the origin was deleted since."""

    copy_id: int
    uuid: str
    item_id: int | None
    report_id: int
    report_title: str
    number: str  # the origin's 序号 in its ledger when it was carried, e.g. 2.3
    title: str
    at: datetime
    who: str

    @property
    def words(self) -> str:
        """The 来源 cell of the ledger, e.g. 《2023年下半年工作计划》2.3."""
        return f"《{self.report_title}》{self.number}"


@dataclass(frozen=True)
class Skipped:
    """A chosen row that was not carried, and why (Chinese)."""

    item_id: int
    reason: str


@dataclass(frozen=True)
class CarryResult:
    """What `Store.carry_forward` wrote; `Store.undo_carry_forward(result)` takes it all back.

    `created` are the new rows (copied measures and the items made to hold them) as written, in
    pre-order; `carried` the ids of the measures copied; `report_created` says the target was made
    for this carry and goes again on undo.
    """

    target_report_id: int
    report_created: bool
    created: tuple[ItemRow, ...]
    carried: tuple[int, ...]
    skipped: tuple[Skipped, ...] = ()

    @property
    def copies(self) -> tuple[ItemRow, ...]:
        """The copied measures (without the items made to hold them)."""
        return tuple(r for r in self.created if r.is_measure)


def is_unfinished(row: ItemRow) -> bool:
    """Neither done nor cancelled: what is carried forward."""
    return row.status in OPEN_STATUSES and not (row.child_count and row.progress == 100)


def carried_due(due: date | None, target_year: int | None) -> date | None:
    """A copy's deadline: the old one, unless it lies before the target plan's year (then that year's end)."""
    if due is None or target_year is None or due.year >= target_year:
        return due
    return date(target_year, 12, 31)


def carried_status(status: Status) -> str:
    """未启动 stays 未启动; work under way (推进中, or 已延期: the extension belonged to the old plan) is 推进中."""
    return Status.NOT_STARTED.value if status is Status.NOT_STARTED else Status.IN_PROGRESS.value


def new_report_row(new: NewReport, origin_titles: Iterable[str], now: datetime) -> dict[str, Any]:
    """The report row made for a carry (no file behind it: a sha256 no file can have)."""
    names = "、".join(f"《{t}》" for t in dict.fromkeys(origin_titles))
    start = now.date()
    if new.year is not None and new.year > start.year:
        start = date(new.year, 1, 1)  # carried in December into next year's plan: 序时 counts from January
    return {
        "title": new.title, "source_name": "结转", "sha256": f"carry-{uuidlib.uuid4().hex}", "year": new.year,
        "heading": "结转事项", "preamble": f"由{names}结转的未完成事项。", "original_text": "", "imported_at": now,
        "period_start": start, "sample": False,
    }


def copy_row(src: ItemRow, *, report_id: int, parent_id: int | None, depth: int, position: int,
             target_year: int | None, now: datetime, holder: bool) -> dict[str, Any]:
    """The item row of a copy: a carried measure (its state goes along) or an item made to hold measures."""
    return {
        "uuid": str(uuidlib.uuid4()), "report_id": report_id, "parent_id": parent_id, "depth": depth,
        "position": position, "label": "" if holder else src.label, "title": src.title, "text": src.text,
        "source": src.source, "status": Status.NOT_STARTED.value if holder else carried_status(src.status),
        "progress": 0 if holder else src.progress, "lead_leader": src.lead_leader, "lead_unit": src.lead_unit,
        "co_units": src.co_units, "owner": src.owner, "due": carried_due(src.due, target_year),
        "original_due": None, "delay_reason": "", "note": "" if holder else src.note, "ongoing": src.ongoing,
        "completed_at": None, "created_at": now, "updated_at": now, "version": 1,
    }


def link_row(copy_uuid: str, origin: ItemRow, report_title: str, number: str, now: datetime, who: str) -> dict[str, Any]:
    """The carry_link row of one copy."""
    return {"item_uuid": copy_uuid, "origin_uuid": origin.uuid, "origin_report_id": origin.report_id,
            "origin_report_title": report_title, "origin_number": number, "origin_title": origin.title,
            "at": now, "who": who}


def history_row(report_id: int, item_id: int, now: datetime, who: str, field: str, old: str | None,
                new: str | None) -> dict[str, Any]:
    """One history row."""
    return {"report_id": report_id, "item_id": item_id, "at": now, "who": who, "field": field, "old": old, "new": new}


def holders_in(s: Connection, report_id: int) -> dict[str, int]:
    """Top-level items of a report that hold carried measures: origin UUID → the holder's id."""
    stmt = (select(CarryLink.origin_uuid, Item.id).join(Item, Item.uuid == CarryLink.item_uuid)
            .where(Item.report_id == report_id, Item.parent_id.is_(None)))
    return {u: i for u, i in s.execute(stmt)}


def carried_into(s: Connection, report_id: int, origin_uuids: Sequence[str]) -> set[str]:
    """Which of these origins already have a copy in the report."""
    found: set[str] = set()
    for start in range(0, len(origin_uuids), _CHUNK):
        stmt = (select(CarryLink.origin_uuid).join(Item, Item.uuid == CarryLink.item_uuid)
                .where(Item.report_id == report_id, CarryLink.origin_uuid.in_(origin_uuids[start:start + _CHUNK])))
        found.update(s.execute(stmt).scalars())
    return found


def top_count(s: Connection, report_id: int) -> int:
    """How many top-level items a report has."""
    return int(s.execute(select(func.count()).select_from(Item)
                         .where(Item.report_id == report_id, Item.parent_id.is_(None))).scalar_one())


def child_count(s: Connection, parent_id: int) -> int:
    """How many children an item has."""
    return int(s.execute(select(func.count()).select_from(Item).where(Item.parent_id == parent_id)).scalar_one())


def insert_item(s: Connection, row: dict[str, Any]) -> int:
    """Insert one item row and return its id."""
    return int(s.execute(insert(Item).returning(Item.id), [row]).scalar_one())


def insert_links(s: Connection, links: list[dict[str, Any]], history: list[dict[str, Any]]) -> None:
    """Write the link and history rows of a carry."""
    if links:
        s.execute(insert(CarryLink), links)
    if history:
        s.execute(insert(History), history)


def insert_report(s: Connection, row: dict[str, Any]) -> int:
    """Insert the report made for a carry and return its id."""
    return int(s.execute(insert(Report).returning(Report.id), [row]).scalar_one())


def reports_of(s: Connection, ids: Sequence[int]) -> dict[int, int]:
    """Item id → its report's id, for the items that still exist."""
    return _column_by_id(s, Item.report_id, ids)


def versions(s: Connection, ids: Sequence[int]) -> dict[int, int]:
    """Current versions of these items (missing ones left out)."""
    return _column_by_id(s, Item.version, ids)


def _column_by_id(s: Connection, column: Any, ids: Sequence[int]) -> dict[int, Any]:
    out: dict[int, Any] = {}
    for start in range(0, len(ids), _CHUNK):
        out.update(s.execute(select(Item.id, column).where(Item.id.in_(ids[start:start + _CHUNK]))).all())
    return out


def children_outside(s: Connection, parent_ids: Sequence[int], own: set[int]) -> bool:
    """Whether any of these items has a child that is not in `own` (added after the carry)."""
    for start in range(0, len(parent_ids), _CHUNK):
        kids = s.execute(select(Item.id).where(Item.parent_id.in_(parent_ids[start:start + _CHUNK]))).scalars()
        if any(k not in own for k in kids):
            return True
    return False


def remove_items(s: Connection, rows: Sequence[ItemRow]) -> None:
    """Delete carried copies deepest first, closing the gaps they leave among their siblings."""
    for r in sorted(rows, key=lambda r: (-r.depth, -r.position)):
        s.execute(delete(Item).where(Item.id == r.id))
        parent = Item.parent_id.is_(None) if r.parent_id is None else Item.parent_id == r.parent_id
        s.execute(update(Item).where(Item.report_id == r.report_id, parent, Item.position > r.position)
                  .values(position=Item.position - 1))
    uuids = [r.uuid for r in rows]
    for start in range(0, len(uuids), _CHUNK):
        s.execute(delete(CarryLink).where(CarryLink.item_uuid.in_(uuids[start:start + _CHUNK])))


def report_is_empty(s: Connection, report_id: int) -> bool:
    """Whether a report has no items left."""
    return s.execute(select(Item.id).where(Item.report_id == report_id).limit(1)).first() is None


def delete_report(s: Connection, report_id: int) -> None:
    """Delete a report made for a carry (empty again after the undo) and its history."""
    s.execute(delete(History).where(History.report_id == report_id))
    s.execute(delete(Report).where(Report.id == report_id))


def origins_of(s: Connection, *, report_ids: Sequence[int] | None = None,
               item_ids: Sequence[int] | None = None) -> dict[int, Origin]:
    """The origins of the carried copies among these reports' or items' rows, by the copy's id."""
    o = Item.__table__.alias("o")
    r = Report.__table__.alias("r")
    base = (select(Item.id, CarryLink.origin_uuid, o.c.id, CarryLink.origin_report_id,
                   func.coalesce(r.c.title, CarryLink.origin_report_title), CarryLink.origin_number,
                   CarryLink.origin_title, CarryLink.at, CarryLink.who)
            .select_from(CarryLink)
            .join(Item, Item.uuid == CarryLink.item_uuid)
            .outerjoin(o, o.c.uuid == CarryLink.origin_uuid)
            .outerjoin(r, and_(r.c.id == o.c.report_id)))
    stmts = []
    if item_ids is not None:
        ids = list(item_ids)
        stmts = [base.where(Item.id.in_(ids[i:i + _CHUNK])) for i in range(0, len(ids), _CHUNK)]
    elif report_ids is not None:
        stmts = [base.where(Item.report_id.in_(list(report_ids)))]
    else:
        stmts = [base]
    out: dict[int, Origin] = {}
    for stmt in stmts:
        for row in s.execute(stmt):
            out[row[0]] = Origin(*row)
    return out


def copies_of(s: Connection, origin_uuids: Sequence[str]) -> dict[str, list[int]]:
    """The ids of the copies made of these items, by the origin's UUID."""
    out: dict[str, list[int]] = {}
    for start in range(0, len(origin_uuids), _CHUNK):
        stmt = (select(CarryLink.origin_uuid, Item.id).join(Item, Item.uuid == CarryLink.item_uuid)
                .where(CarryLink.origin_uuid.in_(origin_uuids[start:start + _CHUNK])).order_by(Item.id))
        for u, i in s.execute(stmt):
            out.setdefault(u, []).append(i)
    return out
