"""Items and measures of one report (a tree) or of all reports (a flat list of measures)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from enum import IntEnum
from itertools import compress, groupby, repeat
from operator import contains
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel, QCoreApplication, QModelIndex, QModelRoleData, QModelRoleDataSpan, QObject, QPersistentModelIndex,
    Qt, Signal,
)
from PySide6.QtGui import QColor, QFont

from db.enums import DONE_STATUSES, Status
from db.item_row import ItemRow
from desktop.ui.icons import light_icon
from desktop.ui.models.positions import SiblingPositions
from desktop.ui.models.row_filter import (
    PreparedRows,
    RowFilter,
    haystack,
    leaf_matcher,
    narrows,
    prepare_rows,
    text_words,
)

ItemIdRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2
SortRole = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex

# Roles as plain ints: data() runs for every painted cell, and comparing an int with an enum member
# looked up through Qt.ItemDataRole costs a descriptor call each time.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_CHECK_STATE = int(Qt.ItemDataRole.CheckStateRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_CENTRED = int(Qt.AlignmentFlag.AlignCenter)
_ROLE_OF = QModelRoleData.role
_SET_DATA = QModelRoleData.setData


class Column(IntEnum):
    """The tree's columns, in display order."""

    TASK = 0
    STATUS = 1
    PROGRESS = 2
    UNIT = 3
    OWNER = 4
    DUE = 5
    UPDATED = 6
    REPORT = 7  # the all-reports list only: the tree of one report hides it


def _headers() -> list[str]:
    t = QCoreApplication.translate
    return [t("ItemTreeModel", "任务"), t("ItemTreeModel", "状态"), t("ItemTreeModel", "进度"),
            t("ItemTreeModel", "牵头单位"), t("ItemTreeModel", "责任人"), t("ItemTreeModel", "完成时限"),
            t("ItemTreeModel", "最后更新"), t("ItemTreeModel", "报告")]


# Columns editable in place and the store field each one writes.
EDIT_FIELD = {Column.STATUS: "status", Column.UNIT: "lead_unit", Column.OWNER: "owner", Column.DUE: "due"}

_F = Qt.ItemFlag
_NO_FLAGS = _F.NoItemFlags
_PLAIN = _F.ItemIsEnabled | _F.ItemIsSelectable
_CHECKABLE = _PLAIN | _F.ItemIsUserCheckable
_EDITABLE = _PLAIN | _F.ItemIsEditable


def _column_flags(leaf: bool) -> tuple[Qt.ItemFlag, ...]:
    """Each column's flags for a measure (leaf) or an item."""
    never = _F.ItemNeverHasChildren if leaf else _NO_FLAGS
    out = []
    for col in Column:
        if col == Column.TASK:
            out.append(_CHECKABLE | never)
        elif col in EDIT_FIELD and (leaf or col != Column.STATUS):
            out.append(_EDITABLE | never)  # an item's status follows from its measures
        else:
            out.append(_PLAIN | never)
    return tuple(out)


_LEAF_FLAGS = _column_flags(True)
_ITEM_FLAGS = _column_flags(False)
_NCOLS = len(Column)
_MATCHES_KEPT = 32
_CELLS_KEPT = 5000
# Holding back fewer top-level rows than this would save the frame less (~2 ms here) than the full layout that
# showing them a turn later costs.
HOLD_BACK_MIN_ROWS = 200

# Colours, not brushes: Qt takes either for ForegroundRole, and QBrush's Python type costs ~1 ms to set up.
_GREY = QColor("#8a8f98")
_RED = QColor("#c62828")


def task_text(row: ItemRow) -> str:
    """The label and title as a clerk reads them: “（一）加强…”, “1. 开展…”."""
    label = row.label
    if not label:
        return row.title
    return f"{label}. {row.title}" if label.isdigit() else f"{label}{row.title}"


def _fmt_updated(at: datetime, now_year: int) -> str:
    # f-strings: strftime costs ~0.1 ms a call, which adds up while painting. Always with the year: the rows of
    # last year's plan and this year's look alike otherwise; the time is in the tooltip.
    return f"{at.year}-{at.month:02d}-{at.day:02d}"


class ItemTreeModel(QAbstractItemModel):
    """Read-only view of ItemRow snapshots; edits are requested via signals, never written here."""

    tick_requested = Signal(int, bool)  # item id, checked
    edit_requested = Signal(int, str, object)  # item id, field, new value

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._flat = False
        self._light_rule = "deadline"
        self._rows: dict[int, ItemRow] = {}
        self._order: list[int] = []  # pre-order of everything loaded
        self._order_at: dict[int, int] | None = None  # each loaded row's place in _order (_load_places)
        self._hay: dict[int, str] = {}
        self._kids: dict[int, list[int]] = {0: []}  # 0 = the invisible root
        self._held: list[int] | None = None  # the whole top level while only its first rows are shown (_hold_back)
        self._pos: Mapping[int, int] = {}  # each shown row's place among its siblings
        # The unfiltered, unsorted tree's _kids and _pos, built once per load: clearing a search gives them back
        # instead of regrouping every row (~6 ms of that keystroke at 10,000 measures).
        self._whole: tuple[dict[int, list[int]], Mapping[int, int]] | None = None
        self._parent_of: dict[int, int] = {}  # every loaded row's parent key (0 = top level); {} in the flat list
        self._parent_key: dict[int, int] = {}
        self._parent_index: dict[int, QModelIndex] = {}  # parent() answers, per parent key, while no row moves
        self._filter = RowFilter()
        self._leaf_ids: list[int] = []
        self._leaf_set: frozenset[int] = frozenset()
        self._leaf_hay: list[str] = []  # the measures' search texts in _leaf_ids order (scanned in C, see _matching_leaves)
        self._leaf_at: dict[int, int] = {}
        self._visible_leaves: list[int] | None = None
        # Recent filters' matches: deleting letters again gives back a result computed while typing them.
        self._matches: dict[tuple[object, ...], list[int]] = {}
        # What painted cells answered, per (id, column): the roles asked and the values, in the span's order.
        # A keystroke repaints mostly the same rows.
        self._cells: dict[tuple[int, int], tuple[tuple[int, ...], tuple[object, ...]]] = {}
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._now_year = date.today().year
        self._headers = _headers()
        self._report_titles: dict[int, str] = {}

    def set_report_titles(self, titles: dict[int, str]) -> None:
        """Report names for the flat list's tooltips."""
        self._report_titles = dict(titles)
        self._cells.clear()

    # ---- loading -------------------------------------------------------------------------------
    def set_rows(self, rows: Iterable[ItemRow] | PreparedRows, *, flat: bool = False,
                 flt: RowFilter | None = None, first_rows: int | None = None, keep: int | None = None) -> None:
        """Replace everything (one report's pre-order tree, or every measure when `flat`).

        Pass PreparedRows (built by prepare_rows in the loading job) to keep the UI thread's share small.
        `first_rows` and `keep` hold top-level rows back as for set_filter.
        """
        prepared = rows if isinstance(rows, PreparedRows) else prepare_rows(list(rows))
        ids = prepared.ids
        refilter = flt is not None and flt != self._filter
        if flt is not None:
            self._filter = flt
        # A new filter rebuilds even over the same ids. It used to empty _order to force that, which an empty
        # report's ids then matched: its tree kept the last report's rows, their data gone.
        if not refilter and flat == self._flat and ids == self._order:
            self._bulk_update(prepared)  # same structure: keep selection and expansion untouched
            return
        self.beginResetModel()
        self._flat = flat
        self._rows = prepared.by_id
        self._order = ids
        self._order_at = None
        self._hay = prepared.hay
        self._take_leaves(prepared)
        self._parent_key = prepared.parent_key
        self._visible_leaves = None
        self._whole = None
        self._rebuild()
        self._hold_back(first_rows, keep)
        self.endResetModel()

    def _take_leaves(self, prepared: PreparedRows) -> None:
        self._leaf_ids, self._leaf_set = prepared.leaf_ids, prepared.leaf_set
        self._leaf_hay, self._leaf_at = prepared.leaf_hay, prepared.leaf_at
        self._matches.clear()
        self._cells.clear()

    def _bulk_update(self, prepared: PreparedRows) -> None:
        self._rows = prepared.by_id
        self._hay = prepared.hay
        self._take_leaves(prepared)
        # One signal per sibling range instead of one per row (50,000 signals take seconds).
        for key, lst in self._kids.items():
            if not lst:
                continue
            parent = QModelIndex() if key == 0 else self.index_of(key)
            if key != 0 and not parent.isValid():
                continue
            self.dataChanged.emit(self.index(0, 0, parent), self.index(len(lst) - 1, _NCOLS - 1, parent))

    def update_rows(self, rows: Iterable[ItemRow]) -> None:
        """Refresh rows in place (after an edit); unknown ids are ignored."""
        for r in rows:
            if r.id not in self._rows:
                continue
            self._rows[r.id] = r
            parent = self._rows.get(r.parent_id) if r.parent_id is not None else None
            self._hay[r.id] = hay = haystack(r, parent)
            at = self._leaf_at.get(r.id)
            if at is not None:
                self._leaf_hay[at] = hay
            self._matches.clear()
            self._cells.clear()  # a parent's label and title show in its measures' cells too
            idx = self.index_of(r.id)
            if idx.isValid():
                self.dataChanged.emit(idx, idx.siblingAtColumn(_NCOLS - 1))

    def set_light_rule(self, rule: str) -> None:
        """Show the deadline light or the schedule (序时) light as the row's mark."""
        if rule != self._light_rule:
            self._light_rule = rule
            self._cells.clear()
            top = self._kids.get(0, [])
            if top:
                self.dataChanged.emit(self.index(0, 0), self.index(len(top) - 1, 0),
                                      [Qt.ItemDataRole.DecorationRole])

    @property
    def is_flat(self) -> bool:
        """True in the all-reports view."""
        return self._flat

    # ---- filtering and sorting (in Python over our own lists) ----------------------------------
    def set_filter(self, flt: RowFilter, *, first_rows: int | None = None, keep: int | None = None) -> bool:
        """Show only measures passing `flt`, and the items that hold them; False when the shown rows stay the same.

        With `first_rows`, a tree of many top-level rows shows only that many of them (and those down to `keep`'s)
        until show_held_back(): the view lays out each top-level row through Python calls, ~1,000 of them took
        ~10 ms of the keystroke (bench/ui_keystroke.py), and the rows below the screen can follow a frame later.
        """
        if flt == self._filter:
            return False
        previous = self._filter
        self._filter = flt
        narrow = not previous.is_empty and not flt.is_empty and narrows(flt, previous)
        shown, leaves = self._visible_leaves, self._matching_leaves(narrow)
        # A letter that matches the same measures (often, as a word grows) resets nothing: the tree keeps its
        # layout, expansion, selection and scroll instead of laying out every shown row again. The whole
        # measure list (no filter) also shows items without measures, so it only equals itself.
        if shown is not None and (leaves is self._leaf_ids) == (shown is self._leaf_ids) and leaves == shown:
            return False
        self.beginResetModel()
        self._rebuild(narrow=narrow)  # finds `leaves` among the recent matches
        self._hold_back(first_rows, keep)
        self.endResetModel()
        return True

    def _hold_back(self, first_rows: int | None, keep: int | None) -> None:
        if first_rows is None or self._flat:
            return
        top = self._kids[0]
        keep_top = self.top_level_id(keep)
        shown = max(first_rows, 0 if keep_top is None else self._pos[keep_top] + 1 + first_rows)
        if len(top) - shown < HOLD_BACK_MIN_ROWS:
            return
        self._kids = {**self._kids, 0: top[:shown]}  # a copy: _whole keeps the whole tree's lists
        self._held = top

    def show_held_back(self) -> bool:
        """Append the top-level rows set_filter or set_rows held back; False when none were."""
        held = self._held
        if held is None:
            return False
        shown = len(self._kids[0])
        self.beginInsertRows(QModelIndex(), shown, len(held) - 1)
        self._kids[0], self._held = held, None
        self.endInsertRows()
        return True

    @property
    def has_held_back(self) -> bool:
        """True while top-level rows are held back (set_filter, set_rows)."""
        return self._held is not None

    def held_back(self, item_id: int) -> bool:
        """True when `item_id`'s top-level row is held back (shown by show_held_back)."""
        if self._held is None:
            return False
        top = self.top_level_id(item_id)
        return top is not None and self._pos[top] >= len(self._kids[0])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort siblings by a column; the tree keeps items above their measures."""
        self.show_held_back()  # a layout change may move rows, not add them
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [(i.internalId(), i.column()) for i in old]
        self._sort = (column, order)
        self._rebuild()
        self.changePersistentIndexList(old, [self._index_for(i, c) for i, c in old_ids])
        self.layoutChanged.emit()

    def _index_for(self, item_id: int, column: int) -> QModelIndex:
        pos = self._pos.get(item_id)
        return QModelIndex() if pos is None else self.createIndex(pos, column, item_id)

    def _matching_leaves(self, narrow: bool) -> list[int]:
        flt = self._filter
        if flt.is_empty:
            return self._leaf_ids
        # "due within N days" of an unset day means of today: the same filter matches other rows tomorrow
        key = (flt, date.today() if flt.due_within_days is not None and flt.today is None else None)
        found = self._matches.get(key)
        if found is not None:
            return found
        words = text_words(flt)
        hay = self._hay
        if narrow and self._visible_leaves is not None:
            candidates = self._visible_leaves
        elif words:
            # The first word over every measure as one C-level pass (no Python frame per row), the rest
            # over what it left.
            candidates = list(compress(self._leaf_ids, map(contains, self._leaf_hay, repeat(words[0]))))
            words = words[1:]
        else:
            candidates = self._leaf_ids
        for w in words:
            candidates = [i for i in candidates if w in hay[i]]
        accept = leaf_matcher(flt)
        if accept.has_fields:
            fields = accept.fields_only
            rows = self._rows
            candidates = [i for i in candidates if fields(rows[i])]
        if len(self._matches) >= _MATCHES_KEPT:
            del self._matches[next(iter(self._matches))]
        self._matches[key] = candidates
        return candidates

    def _rebuild(self, *, narrow: bool = False) -> None:
        rows = self._rows
        self._held = None
        self._parent_index.clear()  # the rows move: parent() answers again
        leaves = self._matching_leaves(narrow)
        self._visible_leaves = leaves
        whole = not self._flat and self._sort is None and leaves is self._leaf_ids
        if whole and self._whole is not None:
            self._parent_of = self._parent_key
            self._kids, self._pos = self._whole
            return
        if self._flat:
            kids: dict[int, list[int]] = {0: list(leaves) if self._sort is not None else leaves}
            self._parent_of = {}
        else:
            self._parent_of = parent_key = self._parent_key
            kids = {0: []}
            if leaves is self._leaf_ids:
                for i in self._order:
                    kids.setdefault(parent_key[i], []).append(i)
            else:
                # Leaves come in pre-order: a parent is first seen at its first shown measure, which is after
                # every earlier sibling's, so appending it then keeps the tree's order. Siblings come in runs,
                # taken whole by groupby (in C): Python runs once per run, not per measure.
                for p, run in groupby(leaves, parent_key.__getitem__):
                    lst = kids.get(p)
                    if lst is None:
                        kids[p] = lst = []
                        q = p
                        while q:
                            up = parent_key[q]
                            above = kids.get(up)
                            if above is not None:
                                above.append(q)
                                break
                            kids[up] = [q]
                            q = up
                    lst.extend(run)
        if self._sort is not None:
            col, order = self._sort
            keyfn = self._sort_key(Column(col))
            for lst in kids.values():
                lst.sort(key=lambda i: keyfn(rows[i]), reverse=order == Qt.SortOrder.DescendingOrder)
        pos: Mapping[int, int]
        if self._flat and self._sort is None and leaves is self._leaf_ids:
            pos = self._leaf_at  # every measure in load order: their places, indexed in the loading job (read only)
        elif self._sort is None:  # the lists keep load order; a flat list's measures are indexed by the job
            pos = SiblingPositions(kids, self._parent_of, self._leaf_at if self._flat else self._load_places())
        else:
            places: dict[int, int] = {}
            for lst in kids.values():
                places.update(zip(lst, range(len(lst))))
            pos = places
        self._kids, self._pos = kids, pos
        if whole:
            self._whole = kids, pos

    def _load_places(self) -> dict[int, int]:
        """Each loaded row's place in load order (built once per load, when a tree first needs it)."""
        if self._order_at is None:
            self._order_at = dict(zip(self._order, range(len(self._order))))
        return self._order_at

    @staticmethod
    def _sort_key(col: Column) -> Callable[[ItemRow], Any]:
        if col == Column.TASK:
            return lambda r: (r.report_id, r.position) if r.depth == 0 else (r.position,)
        if col == Column.STATUS:
            order = {s: n for n, s in enumerate(Status)}
            return lambda r: order.get(r.status, 99)
        if col == Column.PROGRESS:
            return lambda r: r.progress
        if col == Column.UNIT:
            return lambda r: r.lead_unit
        if col == Column.OWNER:
            return lambda r: r.owner
        if col == Column.DUE:
            return lambda r: (r.due is None, r.due or date.max)
        if col == Column.REPORT:
            return lambda r: (r.report_id, r.position)
        return lambda r: r.updated_at

    # ---- lookups used by the window --------------------------------------------------------------
    def row_for(self, item_id: int) -> ItemRow | None:
        """The snapshot for an id, visible or not."""
        return self._rows.get(item_id)

    def index_of(self, item_id: int, column: int = 0) -> QModelIndex:
        """The index showing `item_id`, or an invalid index when it is filtered out (held-back rows are shown)."""
        if item_id not in self._pos:
            return QModelIndex()
        if self.held_back(item_id):
            self.show_held_back()
        return self._index_for(item_id, column)

    def visible_count(self) -> int:
        """How many measures are currently shown."""
        return len(self._visible_leaves) if self._visible_leaves is not None else 0

    def measure_count(self) -> int:
        """How many measures are loaded (filters ignored)."""
        return len(self._leaf_ids)

    def loaded_rows(self) -> list[ItemRow]:
        """Every loaded snapshot in pre-order (filters ignored)."""
        return [self._rows[i] for i in self._order]

    def parent_ids(self) -> list[int]:
        """Visible rows that have visible children (what the tree can expand)."""
        return [k for k, v in self._kids.items() if k and v]

    def child_count(self, item_id: int) -> int:
        """How many children of an item are shown."""
        return len(self._kids.get(item_id, ()))

    def top_level_id(self, item_id: int | None) -> int | None:
        """The shown top-level row above (or at) `item_id`; None when it is not shown."""
        if item_id is None or item_id not in self._pos:
            return None
        while self._parent_of.get(item_id, 0):
            item_id = self._parent_of[item_id]
        return item_id

    def children_ids(self, item_id: int) -> list[int]:
        """Ids of an item's loaded children (filters ignored)."""
        return [i for i in self._order if self._rows[i].parent_id == item_id]

    # ---- QAbstractItemModel ----------------------------------------------------------------------
    # index(), parent() and flags() run a few hundred times per painted frame and a few thousand per layout:
    # an invalid index's internalId() is 0 (the root's key) and its column() is -1, so neither needs isValid().
    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:
        lst = self._kids.get(parent.internalId())
        if lst is None or not (0 <= row < len(lst)) or not (0 <= column < _NCOLS):
            return QModelIndex()
        return self.createIndex(row, column, lst[row])

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        # With a row selected, the tree asks for the parent of every painted cell twice (the selection's range
        # compares parents): the same few indexes each time, kept until the rows move (_rebuild).
        p = self._parent_of.get(index.internalId(), 0)
        found = self._parent_index.get(p)
        if found is None:
            found = self._parent_index[p] = QModelIndex() if p == 0 else self.createIndex(self._pos[p], 0, p)
        return found

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        if parent.isValid():
            if parent.column() != 0:
                return 0
            return len(self._kids.get(parent.internalId(), ()))
        return len(self._kids[0])

    def hasChildren(self, parent: _Index = QModelIndex()) -> bool:
        # Asked for every row the tree lays out: the answer without a second Python call (rowCount)
        if parent.isValid():
            return parent.column() == 0 and bool(self._kids.get(parent.internalId()))
        return bool(self._kids[0])

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return _NCOLS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < _NCOLS:
            return self._headers[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        # Called about three times per row whenever the tree lays out: one lookup, no enum arithmetic.
        col = index.column()
        if col < 0:
            return _NO_FLAGS
        return (_LEAF_FLAGS if index.internalId() in self._leaf_set else _ITEM_FLAGS)[col]

    def data(self, index: _Index, role: int = _DISPLAY) -> object:
        if not index.isValid():
            return None
        return self._value(self._rows[index.internalId()], index.column(), role)

    def multiData(self, index: _Index, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:  # noqa: N802, N803
        # A painted cell asks for seven roles in one call (QStyledItemDelegate). Answering them here costs one
        # call into Python instead of seven, and each such call must take the interpreter lock: while a job's
        # thread runs Python, that wait made a paint several times slower (bench/ui.py, "longest stall").
        # It shares _value() with data(): a subclass overriding data() alone would not change painted cells.
        # Every role is set, None included: the delegate hands the same span to every cell, so a role left
        # alone would show the cell painted before. The roles are read and the values set through map(), a
        # loop in C: per painted cell, Python bytecode runs only for the lookups (bench/ui_keystroke.py).
        if not index.isValid():
            return
        slots = list(roleDataSpan)  # type: ignore[call-overload]  # a span iterates in PySide; the stubs say not
        roles = tuple(map(_ROLE_OF, slots))
        key = (index.internalId(), index.column())
        cells = self._cells
        cell = cells.get(key)
        if cell is None or cell[0] != roles:
            values = tuple(self._value(self._rows[key[0]], key[1], role) for role in roles)
            # a font is made from the application's font as it is now: a cell showing one is never kept
            if not any(isinstance(v, QFont) for v in values):
                if len(cells) >= _CELLS_KEPT:  # scrolling through 50,000 rows must not keep them all
                    cells.clear()
                cells[key] = (roles, values)
        else:
            values = cell[1]
        any(map(_SET_DATA, slots, values))  # setData returns None: any() runs it on every slot

    def _value(self, r: ItemRow, col: int, role: int) -> object:
        if role == _DISPLAY:
            return self._display(r, col)
        if role == _EDIT:
            return self._edit_value(r, col)
        if role == _CHECK_STATE and col == Column.TASK:
            return self._check_state(r)
        if role == _DECORATION and col == Column.TASK:
            light = r.light_schedule if self._light_rule == "schedule" else r.light_deadline
            return light_icon(str(light))  # "none" is a blank icon, so titles stay aligned
        if role == _FOREGROUND:
            if col == Column.DUE and r.overdue:
                return _RED
            if r.is_measure and r.status in DONE_STATUSES or r.status == Status.CANCELLED:
                return _GREY
            return None
        if role == _FONT and r.depth == 0 and not r.is_measure and col == Column.TASK:
            font = QFont()  # from the application's font as it is now (never kept: it may change)
            font.setBold(True)
            return font
        if role == _TOOLTIP and col == Column.TASK:
            text = r.text or r.title
            if self._flat:
                parent = self._rows.get(r.parent_id) if r.parent_id is not None else None
                head = self._report_titles.get(r.report_id, "")
                if parent is not None:
                    head += f" › {parent.label}{parent.title}"
                return f"{head}\n\n{text}" if head else text
            return text
        if role == _TOOLTIP and col == Column.UPDATED:
            at = r.updated_at
            return f"{at.year}-{at.month:02d}-{at.day:02d} {at.hour:02d}:{at.minute:02d}"
        if role == _TOOLTIP and col == Column.REPORT:
            return self._report_titles.get(r.report_id, "")
        if role == _ALIGNMENT and col in (Column.PROGRESS, Column.DUE, Column.UPDATED):
            return _CENTRED
        if role == ItemIdRole:
            return r.id
        if role == RowRole:
            return r
        return None

    def _display(self, r: ItemRow, col: int) -> str:
        if col == Column.TASK:
            if self._flat and r.parent_id is not None:
                parent = self._rows.get(r.parent_id)
                if parent is not None:  # in the flat list the item's number tells measures apart
                    return f"{parent.label} {task_text(r)}" if parent.label else task_text(r)
            return task_text(r)
        if col == Column.STATUS:
            if not r.is_measure:
                return QCoreApplication.translate("ItemTreeModel", "%1/%2 项完成") \
                    .replace("%1", str(r.done_children)).replace("%2", str(r.child_count))
            return QCoreApplication.translate("Status", str(r.status))
        if col == Column.PROGRESS:
            return f"{r.progress}%"
        if col == Column.UNIT:
            return r.lead_unit
        if col == Column.OWNER:
            return r.owner
        if col == Column.DUE:
            if r.due:
                return r.due.isoformat()
            return QCoreApplication.translate("ItemTreeModel", "长期坚持") if r.ongoing else ""
        if col == Column.REPORT:
            return self._report_titles.get(r.report_id, "")
        return _fmt_updated(r.updated_at, self._now_year)

    @staticmethod
    def _edit_value(r: ItemRow, col: int) -> object:
        if col == Column.STATUS:
            return str(r.status)
        if col == Column.UNIT:
            return r.lead_unit
        if col == Column.OWNER:
            return r.owner
        if col == Column.DUE:
            return r.due
        if col == Column.TASK:
            return r.title
        return None

    @staticmethod
    def _check_state(r: ItemRow) -> Qt.CheckState:
        if r.is_measure:
            return Qt.CheckState.Checked if r.status in DONE_STATUSES else Qt.CheckState.Unchecked
        if r.child_count and r.done_children >= r.child_count:
            return Qt.CheckState.Checked
        return Qt.CheckState.PartiallyChecked if r.done_children else Qt.CheckState.Unchecked

    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Turn a view edit into a request; the window writes the store and refreshes the row."""
        if not index.isValid():
            return False
        item_id = index.internalId()
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == Column.TASK:
            checked = Qt.CheckState(value) if isinstance(value, int) else value
            self.tick_requested.emit(item_id, checked == Qt.CheckState.Checked)
            return True
        if role == Qt.ItemDataRole.EditRole and index.column() in EDIT_FIELD:
            field = EDIT_FIELD[Column(index.column())]
            if field == "status":
                value = value if isinstance(value, Status) else Status(str(value))
            elif isinstance(value, str):
                value = value.strip()
            self.edit_requested.emit(item_id, field, value)
            return True
        return False
