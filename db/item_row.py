"""ItemRow: one item or measure as the store returns it, a tuple that decodes its fields on access.

Loading a 50,000-measure report must stay within 2× a bare sqlite3 fetch (bench/store.py). Building a
Python object field by field costs more than the fetch itself, so a row is the driver's result tuple
re-typed in place (columns in FIELDS order), and the few fields the driver cannot deliver as the API
type (SQLite has no dates, no booleans) are decoded when they are read.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from functools import partial
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from db.enums import Light, Status

FIELDS = (
    "id", "uuid", "report_id", "parent_id", "depth", "position", "label", "title", "text", "source", "status",
    "progress", "lead_leader", "lead_unit", "co_units", "owner", "due", "original_due", "delay_reason", "note",
    "completed_at", "updated_at", "version", "is_measure", "child_count", "done_children", "overdue",
    "light_deadline", "light_schedule", "ongoing", "expected_progress", "created_at",
)
_INDEX = {name: n for n, name in enumerate(FIELDS)}
# What Store.update_item may change; the rest is computed (roll-ups, lights) or kept by the store.
EDITABLE_FIELDS: frozenset[str] = frozenset({
    "label", "title", "text", "status", "progress", "lead_leader", "lead_unit", "co_units", "owner",
    "due", "original_due", "delay_reason", "note", "ongoing",
})

_DEFAULTS: dict[str, Any] = {"ongoing": False, "expected_progress": None, "created_at": None}
_STATUS: dict[Any, Status] = {s.value: s for s in Status}
_LIGHT: dict[Any, Light] = {light.value: light for light in Light}


def _status(v: Any) -> Status:
    return _STATUS.get(v) or Status(v)


def _light(v: Any) -> Light:
    return _LIGHT.get(v) or Light(v)


def _date(v: Any) -> date | None:
    return date.fromisoformat(v) if type(v) is str else v


def _datetime(v: Any) -> Any:
    return datetime.fromisoformat(v) if type(v) is str else v


class ItemRow(tuple[Any, ...]):
    """One item (depth 0) or measure (depth ≥ 1) with its rolled-up progress and lights.

    Immutable and hashable; rows read from the same database compare equal when every value is equal.
    Build one by keyword (`ItemRow(id=…, …)`) and derive one with `replace(**changes)`.
    """

    __slots__ = ()

    if TYPE_CHECKING:  # plain columns, read straight from the tuple (installed below)
        id: int
        uuid: str
        report_id: int
        parent_id: int | None
        depth: int
        position: int
        label: str
        title: str
        text: str
        source: str
        progress: int  # 0–100; an item with measures: share of its (not cancelled) measures done
        lead_leader: str  # 牵头领导
        lead_unit: str  # 牵头单位
        co_units: str  # 配合单位
        owner: str  # 责任人
        delay_reason: str
        note: str  # 进展情况
        version: int
        child_count: int
        done_children: int
        expected_progress: int | None  # 序时进度 at the reference date, None without a due date

    def __new__(cls, **fields: Any) -> ItemRow:
        unknown = fields.keys() - _INDEX.keys()
        if unknown:
            raise TypeError(f"ItemRow has no field {', '.join(sorted(unknown))}")
        missing = [f for f in FIELDS if f not in fields and f not in _DEFAULTS]
        if missing:
            raise TypeError(f"ItemRow needs {', '.join(missing)}")
        values = [fields.get(f, _DEFAULTS.get(f)) for f in FIELDS]
        values[_INDEX["status"]] = _status(values[_INDEX["status"]]).value  # stored as the database has it
        return tuple.__new__(cls, values)

    def replace(self, **changes: Any) -> ItemRow:
        """A copy with some fields changed."""
        return ItemRow(**(self.as_dict() | changes))

    def as_dict(self) -> dict[str, Any]:
        """Every field, decoded, by name."""
        return {name: getattr(self, name) for name in FIELDS}

    def __repr__(self) -> str:
        return f"ItemRow(id={self.id}, label={self.label!r}, title={self.title!r}, status={self.status.value})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (row_from_values, (tuple(self),))

    @property
    def status(self) -> Status:
        return _status(self[10])

    @property
    def due(self) -> date | None:
        return _date(self[16])

    @property
    def original_due(self) -> date | None:
        return _date(self[17])

    @property
    def completed_at(self) -> datetime | None:
        return _datetime(self[20])

    @property
    def updated_at(self) -> datetime:
        return _datetime(self[21])

    @property
    def is_measure(self) -> bool:
        """A leaf: what a clerk ticks off."""
        return bool(self[23])

    @property
    def overdue(self) -> bool:
        return bool(self[26])

    @property
    def light_deadline(self) -> Light:
        return _light(self[27])

    @property
    def light_schedule(self) -> Light:
        return _light(self[28])

    @property
    def ongoing(self) -> bool:
        """长期坚持 / 常态化: never overdue, no light."""
        return bool(self[29])

    @property
    def created_at(self) -> datetime | None:
        return _datetime(self[31])


# A row from one result tuple in FIELDS order, re-typed in place: no copy, no decoding, no Python frame.
row_from_values = partial(tuple.__new__, ItemRow)

_DECODED = {name for name, value in vars(ItemRow).items() if isinstance(value, property)}
for _name, _n in _INDEX.items():
    if _name not in _DECODED:
        setattr(ItemRow, _name, property(itemgetter(_n)))


def preorder(rows: list[ItemRow]) -> list[ItemRow]:
    """Rows in tree pre-order; `rows` list each parent's children in position order."""
    ids = {r.id for r in rows}
    roots: list[ItemRow] = []
    children: dict[int, list[ItemRow]] = {}
    for r in rows:
        parent = r.parent_id
        if parent in ids:
            children.setdefault(parent, []).append(r)
        else:
            roots.append(r)
    out: list[ItemRow] = []
    append = out.append
    get = children.get

    def visit(level: list[ItemRow]) -> None:
        for r in level:
            append(r)
            kids = get(r.id)
            if kids:
                visit(kids)

    visit(roots)
    return out


def ledger_numbers(tree: Sequence[ItemRow]) -> dict[int, str]:
    """Each row's ledger 序号 (1, 1.2, 1.2.1): its place among its siblings in position order, as the ledger
    counts them. The ledger export and a carried copy's 来源 both number by it, so the two always agree."""
    siblings: dict[int | None, list[ItemRow]] = {}
    for r in tree:
        siblings.setdefault(r.parent_id, []).append(r)
    ids = {r.id for r in tree}
    out: dict[int, str] = {}
    # A row whose parent is not in the tree (an as-of ledger: moved under an item added later) counts from 1
    # among its siblings, as the 对账's loop counts it
    level: list[tuple[int | None, str]] = [(p, "") for p in siblings if p is None or p not in ids]
    while level:
        nxt: list[tuple[int | None, str]] = []
        for parent, prefix in level:
            for n, r in enumerate(sorted(siblings.get(parent, ()), key=lambda r: (r.position, r.id)), 1):
                out[r.id] = f"{prefix}{n}"
                nxt.append((r.id, f"{prefix}{n}."))
        level = nxt
    return out
