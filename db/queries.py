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


# Fields whose value at a past date is rebuilt from history; the rest (wording, labels) read as they are now.
AS_OF_FIELDS = ("status", "progress", "note", "due", "original_due", "delay_reason", "lead_leader", "lead_unit",
                "co_units", "owner")
_NULLABLE = frozenset({"due", "original_due"})


def _later_changes(shape: Shape) -> Any:
    """One row per item changed after the cutoff: for each field of AS_OF_FIELDS the `old` value of its first
    change after the cutoff (the value it had then) and whether it changed at all.

    One pass over the history after the cutoff, joined to the items, instead of a correlated lookup per
    item and field: a year's review of 50,000 measures as of June reads each history row once.
    """
    h = History.__table__.alias("h")
    first = func.row_number().over(partition_by=(h.c.item_id, h.c.field), order_by=(h.c.at, h.c.id))
    terms = [h.c.at >= _CUTOFF, h.c.field.in_(AS_OF_FIELDS)]
    if shape.reports:
        terms.append(h.c.report_id.in_(bindparam("report_ids", expanding=True)))
    later = select(h.c.item_id, h.c.field, h.c.old, first.label("n")).where(*terms).subquery("later")
    cols: list[Any] = [later.c.item_id]
    for field in AS_OF_FIELDS:
        cols.append(func.max(case((later.c.field == field, later.c.old))).label(field))
        if field in _NULLABLE:
            cols.append(func.max(case((later.c.field == field, 1), else_=0)).label(f"{field}_changed"))
    # a CTE: the item, its parent (the inherited unit) and its measures (the roll-up) read it, built once
    return select(*cols).where(later.c.n == 1).group_by(later.c.item_id).cte("then")


def _values(alias: Any, shape: Shape, then: Any = None) -> dict[str, Any]:
    """The AS_OF_FIELDS of an item alias: as stored, or (as-of shapes) as `then` (`_later_changes`) rebuilds them."""
    if not shape.as_of:
        return {f: getattr(alias, f) for f in AS_OF_FIELDS}
    out: dict[str, Any] = {}
    for field in AS_OF_FIELDS:
        old: Any = getattr(then.c, field)
        if field == "progress":
            old = cast(old, Integer)
        elif field in ("due", "original_due"):
            old = type_coerce(old, Date) if shape.is_sqlite else cast(old, Date)
        if field in _NULLABLE:  # a NULL `old` is a real value (no deadline): "changed later" is its own column
            out[field] = case((getattr(then.c, f"{field}_changed") == 1, old), else_=getattr(alias, field))
        else:  # never NULL in the table, so neither as an `old`: NULL means "not changed since"
            out[field] = func.coalesce(old, getattr(alias, field))
    return out


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
    (A year-end review reads its rows its own way: db/review_read.py.)
    """
    i = Item.__table__.alias("i")
    p = Item.__table__.alias("p")
    r = Report.__table__.alias("r")
    then = _later_changes(shape) if shape.as_of else None
    i_then, p_then, ch_then = ((then.alias("i_then"), then.alias("p_then"), then.alias("ch_then")) if then is not None
                               else (None, None, None))
    v = _values(i.c, shape, i_then)
    own_done = v["status"].in_(_DONE)
    agg = _measures_under(shape, ch_then)
    n = func.coalesce(agg.c.n, 0)
    d = func.coalesce(agg.c.d, 0)
    active = n - func.coalesce(agg.c.x, 0)
    eff_done = or_(own_done, and_(active > 0, d == active))
    progress = case((active > 0, d * 100 // active), (own_done, 100), (n > 0, 0), else_=v["progress"])
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
    cols = [
        i.c.id, i.c.uuid, i.c.report_id, i.c.parent_id, i.c.depth, i.c.position, i.c.label, i.c.title,
        i.c.text, i.c.source, v["status"].label("status"), progress.label("progress"),
        v["lead_leader"].label("lead_leader"), v["lead_unit"].label("lead_unit"), v["co_units"].label("co_units"),
        v["owner"].label("owner"), type_coerce(due, Date).label("due"),
        type_coerce(v["original_due"], Date).label("original_due"), v["delay_reason"].label("delay_reason"),
        v["note"].label("note"), i.c.completed_at, i.c.updated_at, i.c.version,
        case((overdue, 1), else_=0).label("overdue"), light_deadline.label("light_deadline"),
        cast(expected, Integer).label("expected"), i.c.ongoing, i.c.created_at,
        case((eff_done, 1), else_=0).label("eff_done"), func.coalesce(p.c.position, i.c.position).label("root_pos"),
        r.c.imported_at.label("r_imported_at"), r.c.title.label("r_title"),
    ]
    pv = _values(p.c, shape, p_then)
    unit = case((v["lead_unit"] != "", v["lead_unit"]), else_=func.coalesce(pv["lead_unit"], ""))
    cols += [case((n == 0, 1), else_=0).label("is_measure"), n.label("child_count"), d.label("done_children"),
             unit.label("unit")]
    base: Any = i.join(r, r.c.id == i.c.report_id).outerjoin(p, p.c.id == i.c.parent_id)
    base = _joined(base.outerjoin(agg, agg.c.pid == i.c.id), ((i_then, i), (p_then, p)))
    return (
        select(*cols)
        .select_from(base)
        .where(*_restrict(i.c, shape),
               *([_text_match((i.c.label, i.c.title, i.c.text, v["note"], v["lead_leader"], v["lead_unit"],
                               v["co_units"], v["owner"]), shape.is_sqlite)] if text else []))
        .subquery("rows")
    )


def _measures_under(shape: Shape, ch_then: Any) -> Any:
    """Per parent id: how many rows are under it (n), how many of them are done (d) and cancelled (x)."""
    ch = Item.__table__.alias("ch")
    cv = _values(ch.c, shape, ch_then)
    ch_done = case((cv["status"].in_(_DONE), 1), else_=0)
    ch_cancelled = case((cv["status"] == _CANCELLED, 1), else_=0)
    ch_from: Any = ch if ch_then is None else ch.outerjoin(ch_then, ch_then.c.item_id == ch.c.id)
    return (
        select(ch.c.parent_id.label("pid"), func.count().label("n"), func.sum(ch_done).label("d"),
               func.sum(ch_cancelled).label("x"))
        .select_from(ch_from)
        .where(ch.c.parent_id.is_not(None), *_restrict(ch.c, shape, by_parent=True))
        .group_by(ch.c.parent_id)
        .subquery("agg")
    )


def _joined(base: Any, pairs: Sequence[tuple[Any, Any]]) -> Any:
    """`base` outer-joined to each (then, item alias) pair whose `then` is set (as-of shapes)."""
    for then, alias in pairs:
        if then is not None:
            base = base.outerjoin(then, then.c.item_id == alias.c.id)
    return base


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


@lru_cache(maxsize=2)
def due_select(by_report: bool) -> Any:
    """Id and deadline of the measures (items without children) in the given statuses due by a day, not 长期坚持.

    The start-up reminder needs only these two columns: read through row_select, its 50,000 rows with
    roll-ups and lights kept the database lane busy ~0.7 s at start, ahead of the clerk's first tick.
    """
    i = Item.__table__.alias("i")
    child = Item.__table__.alias("child")
    terms = [
        i.c.status.in_(bindparam("statuses", expanding=True)),
        i.c.due.is_not(None), i.c.due <= bindparam("due_before", type_=Date),
        i.c.ongoing.is_not(True),
        ~select(child.c.id).where(child.c.parent_id == i.c.id).exists(),
    ]
    if by_report:
        terms.append(i.c.report_id.in_(bindparam("report_ids", expanding=True)))
    return select(i.c.id, i.c.due).where(*terms).order_by(i.c.report_id, i.c.id)
