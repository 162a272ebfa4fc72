"""SELECTs that compute roll-ups, overdue flags and both lights in SQL, for now or for a past date."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import (
    Date,
    DateTime,
    String,
    bindparam,
    Integer,
    and_,
    case,
    cast,
    func,
    not_,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql import ColumnElement
from sqlalchemy.sql.functions import FunctionElement

from db.api import DONE_STATUSES, ItemFilter, Light, LightSettings, Status
from db.models import History, Item, Report

_DONE = tuple(s.value for s in DONE_STATUSES)
_CANCELLED = Status.CANCELLED.value


class days_between(FunctionElement[int]):  # noqa: N801 - reads like the SQL function it compiles to
    """Whole days from the second date to the first (dates differ in SQLite and PostgreSQL)."""

    type = Integer()
    inherit_cache = True


@compiles(days_between, "sqlite")
def _days_sqlite(element: days_between, compiler: Any, **kw: Any) -> str:
    a, b = list(element.clauses)
    return f"CAST(julianday({compiler.process(a, **kw)}) - julianday({compiler.process(b, **kw)}) AS INTEGER)"


@compiles(days_between)
def _days_default(element: days_between, compiler: Any, **kw: Any) -> str:
    a, b = list(element.clauses)
    return f"(CAST({compiler.process(a, **kw)} AS DATE) - CAST({compiler.process(b, **kw)} AS DATE))"


@dataclass(frozen=True)
class Scope:
    """Which rows a query covers and the reference date of lights and as-of values."""

    report_ids: Sequence[int] | None = None
    item_ids: Sequence[int] | None = None
    as_of: date | None = None
    is_sqlite: bool = True

    @property
    def ref(self) -> date:
        """The day lights and overdue flags are judged on."""
        return self.as_of or date.today()

    @property
    def cutoff(self) -> datetime:
        """Changes at or after this moment did not exist yet at the end of `as_of`."""
        assert self.as_of is not None
        return datetime.combine(self.as_of + timedelta(days=1), time())

    @property
    def shape(self) -> Shape:
        """What the SQL looks like (the values go in as parameters, so statements are built once)."""
        return Shape(self.report_ids is not None, self.item_ids is not None, self.as_of is not None, self.is_sqlite)

    def params(self, settings: LightSettings) -> dict[str, Any]:
        """Bound values for a statement built from `shape`."""
        out: dict[str, Any] = {
            "ref": self.ref,
            "ref_yellow": self.ref + timedelta(days=settings.deadline_yellow_days),
            "yellow_pts": settings.schedule_yellow_points,
            "red_pts": settings.schedule_red_points,
        }
        if self.report_ids is not None:
            out["report_ids"] = list(self.report_ids)
        if self.item_ids is not None:
            out["item_ids"] = list(self.item_ids)
        if self.as_of is not None:
            out["cutoff"] = self.cutoff
        return out


@dataclass(frozen=True)
class Shape:
    """The parts of a Scope that change the SQL text."""

    reports: bool
    items: bool
    as_of: bool
    is_sqlite: bool


_REF = bindparam("ref", type_=Date)
_REF_YELLOW = bindparam("ref_yellow", type_=Date)
_CUTOFF = bindparam("cutoff", type_=DateTime)
_YELLOW_PTS = bindparam("yellow_pts", type_=Integer)
_RED_PTS = bindparam("red_pts", type_=Integer)


def _old_value(item_id: ColumnElement[int], field: str) -> Any:
    """The value a field had at the cutoff: the `old` of the first change after it (a correlated subquery)."""
    return (
        select(History.old)
        .where(History.item_id == item_id, History.field == field, History.at >= _CUTOFF)
        .order_by(History.at, History.id)
        .limit(1)
        .scalar_subquery()
    )


def _values(alias: Any, shape: Shape) -> dict[str, Any]:
    """status/progress/note/due of an item alias, rebuilt from history when the shape is as-of."""
    if not shape.as_of:
        return {"status": alias.status, "progress": alias.progress, "note": alias.note, "due": alias.due}
    # status/progress/note are never NULL, so a NULL subquery means "not changed since"; a due date can be
    # NULL (no deadline), so whether it changed later is asked separately.
    status = func.coalesce(_old_value(alias.id, "status"), alias.status)
    progress = func.coalesce(cast(_old_value(alias.id, "progress"), Integer), alias.progress)
    note = func.coalesce(_old_value(alias.id, "note"), alias.note)
    changed_due = select(func.count()).where(History.item_id == alias.id, History.field == "due",
                                             History.at >= _CUTOFF).scalar_subquery()
    old_due = _old_value(alias.id, "due")
    old_due_typed = type_coerce(old_due, Date) if shape.is_sqlite else cast(old_due, Date)
    due = case((changed_due > 0, old_due_typed), else_=alias.due)
    return {"status": status, "progress": progress, "note": note, "due": due}


def _restrict(alias: Any, shape: Shape, *, by_parent: bool = False) -> list[ColumnElement[bool]]:
    """WHERE terms limiting an alias to the scope's reports/items and to rows that existed then."""
    terms: list[ColumnElement[bool]] = []
    if shape.reports:
        terms.append(alias.report_id.in_(bindparam("report_ids", expanding=True)))
    if shape.items:
        terms.append((alias.parent_id if by_parent else alias.id).in_(bindparam("item_ids", expanding=True)))
    if shape.as_of:
        terms.append(alias.created_at < _CUTOFF)
    return terms


def _folded(col: Any, is_sqlite: bool) -> Any:
    """`col` ready for a LIKE against a lower-cased pattern.

    SQLite's LIKE already ignores ASCII case, and its lower() folds nothing beyond ASCII either, so
    calling it there would only cost time; PostgreSQL's LIKE is case-sensitive.
    """
    return col if is_sqlite else func.lower(col)


def _text_match(cols: Sequence[Any], is_sqlite: bool) -> ColumnElement[bool]:
    """Any of `cols` contains the :pat pattern (lower-cased, % and _ escaped with /)."""
    pat = bindparam("pat", type_=String)
    return or_(*(_folded(col, is_sqlite).like(pat, escape="/") for col in cols))


@lru_cache(maxsize=64)
def item_select(shape: Shape, text: bool = False) -> Any:
    """A subquery of every item in scope with roll-ups, overdue and lights as columns.

    `text=True` applies the text filter (:pat) to the item rows before anything is computed for them.
    """
    i = Item.__table__.alias("i")
    p = Item.__table__.alias("p")
    r = Report.__table__.alias("r")
    ch = Item.__table__.alias("ch")
    cv = _values(ch.c, shape)
    ch_done = case((cv["status"].in_(_DONE), 1), else_=0)
    ch_cancelled = case((cv["status"] == _CANCELLED, 1), else_=0)
    agg = (
        select(ch.c.parent_id.label("pid"), func.count().label("n"), func.sum(ch_done).label("d"),
               func.sum(ch_cancelled).label("x"))
        .where(ch.c.parent_id.is_not(None), *_restrict(ch.c, shape, by_parent=True))
        .group_by(ch.c.parent_id)
        .subquery("agg")
    )
    v = _values(i.c, shape)
    n = func.coalesce(agg.c.n, 0)
    d = func.coalesce(agg.c.d, 0)
    active = n - func.coalesce(agg.c.x, 0)
    own_done = v["status"].in_(_DONE)
    eff_done = or_(own_done, and_(active > 0, d == active))
    progress = case(
        (active > 0, d * 100 // active),
        (own_done, 100),
        (n > 0, 0),
        else_=v["progress"],
    )
    due = v["due"]
    cancelled = v["status"] == _CANCELLED
    no_light = or_(cancelled, i.c.ongoing, due.is_(None))
    overdue = and_(not_(eff_done), not_(no_light), due < _REF)
    light_deadline = case(
        (no_light, Light.NONE.value),
        (eff_done, Light.GREEN.value),
        (due < _REF, Light.RED.value),
        (due <= _REF_YELLOW, Light.YELLOW.value),
        else_=Light.GREEN.value,
    )
    start = r.c.period_start
    expected = case(
        (no_light, None),
        (_REF >= due, 100),
        (_REF <= start, 0),
        else_=days_between(_REF, start) * 100 // days_between(due, start),
    )
    unit = case((i.c.lead_unit != "", i.c.lead_unit), else_=func.coalesce(p.c.lead_unit, ""))
    return (
        select(
            i.c.id, i.c.uuid, i.c.report_id, i.c.parent_id, i.c.depth, i.c.position, i.c.label, i.c.title,
            i.c.text, i.c.source, v["status"].label("status"), progress.label("progress"), i.c.lead_leader,
            i.c.lead_unit, i.c.co_units, i.c.owner, type_coerce(due, Date).label("due"), i.c.original_due,
            i.c.delay_reason, v["note"].label("note"), i.c.completed_at, i.c.updated_at, i.c.version,
            case((n == 0, 1), else_=0).label("is_measure"), n.label("child_count"), d.label("done_children"),
            case((overdue, 1), else_=0).label("overdue"), light_deadline.label("light_deadline"),
            cast(expected, Integer).label("expected"), i.c.ongoing, i.c.created_at,
            case((eff_done, 1), else_=0).label("eff_done"), unit.label("unit"),
            func.coalesce(p.c.position, i.c.position).label("root_pos"),
            r.c.imported_at.label("r_imported_at"), r.c.title.label("r_title"),
        )
        .select_from(i.join(r, r.c.id == i.c.report_id).outerjoin(p, p.c.id == i.c.parent_id)
                     .outerjoin(agg, agg.c.pid == i.c.id))
        .where(*_restrict(i.c, shape),
               *([_text_match((i.c.label, i.c.title, i.c.text, v["note"], i.c.lead_leader, i.c.lead_unit,
                               i.c.co_units, i.c.owner), shape.is_sqlite)] if text else []))
        .subquery("rows")
    )


def schedule_light(rows: Any) -> Any:
    """The 序时进度 light from a rows subquery's expected and progress columns."""
    behind = rows.c.expected - rows.c.progress
    return case(
        (rows.c.expected.is_(None), Light.NONE.value),
        (rows.c.eff_done == 1, Light.GREEN.value),
        (behind > _RED_PTS, Light.RED.value),
        (behind >= _YELLOW_PTS, Light.YELLOW.value),
        else_=Light.GREEN.value,
    )


@dataclass(frozen=True)
class FilterShape:
    """Which ItemFilter fields are set (their values go in as parameters)."""

    text: bool = False
    statuses: bool = False
    unit: bool = False
    overdue: bool = False
    due_before: bool = False
    measures_only: bool = False


def filter_shape(flt: ItemFilter | None) -> FilterShape:
    """The shape of a filter, for the statement cache."""
    if flt is None:
        return FilterShape()
    return FilterShape(bool(flt.text), bool(flt.statuses), bool(flt.unit), flt.overdue_only,
                       flt.due_before is not None, flt.measures_only)


def _like(text: str) -> str:
    """A LIKE pattern matching `text` anywhere, with % and _ taken literally (escape character /)."""
    escaped = text.lower().replace("/", "//").replace("%", "/%").replace("_", "/_")
    return f"%{escaped}%"


def filter_params(flt: ItemFilter | None) -> dict[str, Any]:
    """Bound values of a filter."""
    if flt is None:
        return {}
    out: dict[str, Any] = {}
    if flt.text:
        out["pat"] = _like(flt.text)
    if flt.statuses:
        out["statuses"] = [Status(s).value for s in flt.statuses]
    if flt.unit:
        out["unit_pat"] = _like(flt.unit)
    if flt.due_before is not None:
        out["due_before"] = flt.due_before
    return out


@lru_cache(maxsize=128)
def row_select(shape: Shape, fshape: FilterShape, order: str = "tree") -> Any:
    """SELECT of ItemRow columns (in ItemRow FIELDS order) for the scope, filtered in SQL.

    `order="tree"`: by report, then top item, depth and position (pre-order for items and their
    measures); `"siblings"`: each parent's children in position order, which follows the item index
    and so costs no sort (item_tree arranges the tree itself).
    """
    rows = item_select(shape, fshape.text)
    c = rows.c
    stmt = select(
        c.id, c.uuid, c.report_id, c.parent_id, c.depth, c.position, c.label, c.title, c.text, c.source,
        c.status, c.progress, c.lead_leader, c.lead_unit, c.co_units, c.owner, c.due, c.original_due,
        c.delay_reason, c.note, c.completed_at, c.updated_at, c.version, c.is_measure, c.child_count,
        c.done_children, c.overdue, c.light_deadline, schedule_light(rows).label("light_schedule"),
        c.ongoing, c.expected, c.created_at,
    )
    stmt = stmt.where(*filter_terms(rows, fshape, shape.is_sqlite))
    if order == "siblings":
        return stmt.order_by(c.parent_id, c.position, c.id)
    return stmt.order_by(c.report_id, c.root_pos, c.depth, c.position, c.id)


def filter_terms(rows: Any, fshape: FilterShape, is_sqlite: bool) -> list[ColumnElement[bool]]:
    """WHERE terms of a filter shape over a rows subquery."""
    c = rows.c
    terms: list[ColumnElement[bool]] = []
    # the text filter is applied inside item_select (before roll-ups and lights are computed)
    if fshape.statuses:
        terms.append(c.status.in_(bindparam("statuses", expanding=True)))
    if fshape.unit:
        unit_pat = bindparam("unit_pat", type_=String)
        terms.append(or_(_folded(c.unit, is_sqlite).like(unit_pat, escape="/"),
                         _folded(c.co_units, is_sqlite).like(unit_pat, escape="/")))
    if fshape.overdue:
        terms.append(c.overdue == 1)
    if fshape.due_before:
        terms.append(and_(c.due.is_not(None), c.due <= bindparam("due_before", type_=Date)))
    if fshape.measures_only:
        terms.append(c.child_count == 0)
    return terms


def stats_columns(rows: Any) -> list[Any]:
    """Aggregates of measures for StatsRow (total … behind), to be grouped by the caller."""
    c = rows.c
    st = c.status
    live = and_(c.expected.is_not(None), st != _CANCELLED)
    behind_by = c.expected - c.progress
    return [
        func.count().label("total"),
        func.sum(case((c.eff_done == 1, 1), else_=0)).label("done"),
        func.sum(case((st.in_([Status.IN_PROGRESS.value, Status.EXTENDED.value]), 1), else_=0)).label("in_progress"),
        func.sum(case((st == Status.NOT_STARTED.value, 1), else_=0)).label("not_started"),
        func.sum(case((c.overdue == 1, 1), else_=0)).label("overdue"),
        func.sum(case((st == _CANCELLED, 1), else_=0)).label("cancelled"),
        func.sum(case((and_(live, c.progress > c.expected), 1), else_=0)).label("ahead"),
        func.sum(case((and_(live, c.progress <= c.expected, behind_by < _YELLOW_PTS), 1), else_=0)).label("on_track"),
        func.sum(case((and_(live, behind_by >= _YELLOW_PTS), 1), else_=0)).label("behind"),
    ]
