"""An editable copy of an extracted plan for the import preview: rename, delete, merge, split."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from collections.abc import Sequence
from itertools import count

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.core.numerals import CIRCLED, from_chinese, to_chinese
from desktop.core.types import Duty, Plan, PlanItem

_Index = QModelIndex | QPersistentModelIndex
_ids = count(1)
_LABEL = re.compile(r"^(\D*?)(\d{1,2}|[一二三四五六七八九十]{1,3}|[" + CIRCLED + r"])(\D*)$")


@dataclass(eq=False)
class EditNode:
    """A mutable plan item or measure while the clerk edits the preview."""

    label: str
    title: str
    text: str
    due: date | None = None
    ongoing: bool = False
    source: str = ""
    duty: Duty = field(default_factory=Duty)  # the unit a task table names for the row
    children: list[EditNode] = field(default_factory=list)
    parent: EditNode | None = None
    id: int = field(default_factory=lambda: next(_ids))
    extracted_title: str = ""  # the title the parser gave it; "" for rows the clerk made

    @classmethod
    def from_item(cls, item: PlanItem, parent: EditNode | None = None) -> EditNode:
        """Copy a parsed PlanItem (and its measures)."""
        node = cls(item.label, item.title, item.text, item.due, item.ongoing, item.source, item.duty, parent=parent,
                   extracted_title=item.title)
        node.children = [cls.from_item(c, node) for c in item.children]
        return node

    def split_text(self) -> str:
        """What the split dialog starts from: the row as the clerk sees it.

        An item's text also holds its measures' sentences (they are its body), so splitting it from the text
        would repeat every measure as a new item; a renamed row is split from its new title, not the old text.
        """
        if self.children or (self.extracted_title and self.title != self.extracted_title):
            return self.title
        return self.text or self.title

    def to_item(self) -> PlanItem:
        """Back to the frozen type the store imports."""
        return PlanItem(label=self.label, title=self.title, text=self.text, due=self.due,
                        children=tuple(c.to_item() for c in self.children), ongoing=self.ongoing,
                        source=self.source, duty=self.duty)


@dataclass
class PreviewEdits:
    """The clerk's edits of one file's preview, by the titles the parser gave (to carry them to a new extraction)."""

    renamed: dict[str, str] = field(default_factory=dict)  # extracted title → the clerk's title
    deleted: set[str] = field(default_factory=set)  # extracted titles of deleted rows
    reshaped: int = 0  # merges and splits: they cannot be matched to another extraction

    def __bool__(self) -> bool:
        return bool(self.renamed or self.deleted or self.reshaped)

    def count(self) -> int:
        """How many edits, as the clerk would count them."""
        return len(self.renamed) + len(self.deleted) + self.reshaped


def _relabel(nodes: list[EditNode]) -> None:
    """Renumber siblings in their own style (（一）（二）…, 1 2 …, 一是 二是 …) after a merge, split or delete."""
    if not nodes:
        return
    m = _LABEL.match(nodes[0].label)
    if m is None:
        return
    prefix, num, suffix = m.groups()
    for n, node in enumerate(nodes, 1):
        if num.isdigit():
            label = str(n)
        elif num in CIRCLED:
            label = CIRCLED[n - 1] if n <= len(CIRCLED) else str(n)
        elif from_chinese(num) is not None:
            label = to_chinese(n)
        else:
            return
        node.label = f"{prefix}{label}{suffix}"


def _title_of(text: str) -> str:
    return text.strip().rstrip("。；;，, ")


class PlanEditModel(QAbstractItemModel):
    """Items and their measures; column 0 (the title) is editable. Structure edits are methods."""

    COLUMNS = 4  # 任务 · 完成时限 · 措施数 · 牵头单位 (the last only when a task table names units)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._roots: list[EditNode] = []
        self._by_id: dict[int, EditNode] = {}
        self.edits = PreviewEdits()

    # ---- loading and result ------------------------------------------------------------------------
    def set_plan(self, plan: Plan | None, keep: PreviewEdits | None = None) -> int:
        """Start editing a freshly extracted plan (or nothing); `keep`'s renames and deletions are applied to the
        rows the parser titled the same. Returns how many of them found their row."""
        self.beginResetModel()
        self._roots = [EditNode.from_item(i) for i in plan.items] if plan else []
        self.edits = PreviewEdits()
        applied = self._apply(keep) if keep else 0
        self._reindex()
        self.endResetModel()
        return applied

    def _apply(self, keep: PreviewEdits) -> int:
        applied = 0
        lists = [self._roots, *(n.children for n in self._roots)]
        for lst in lists:
            for node in list(lst):
                if node.extracted_title in keep.deleted:
                    lst.remove(node)
                    self.edits.deleted.add(node.extracted_title)
                    applied += 1
                elif node.extracted_title in keep.renamed:
                    self._set_title(node, keep.renamed[node.extracted_title])
                    self.edits.renamed[node.extracted_title] = node.title
                    applied += 1
        for lst in lists:
            _relabel(lst)
        return applied

    def _reindex(self) -> None:
        self._by_id = {}
        stack = list(self._roots)
        while stack:
            n = stack.pop()
            self._by_id[n.id] = n
            stack.extend(n.children)

    def items(self) -> tuple[PlanItem, ...]:
        """The plan items exactly as shown."""
        return tuple(n.to_item() for n in self._roots)

    def to_plan(self, plan: Plan, *, title: str, year: int | None) -> Plan:
        """The parsed plan with the clerk's edits applied."""
        return replace(plan, title=title, year=year, items=self.items())

    def measure_count(self) -> int:
        """Measures as the store will count them (an item without children is its own measure)."""
        return sum(len(n.children) or 1 for n in self._roots)

    def names_units(self) -> bool:
        """Whether any row says which unit answers for it (else the 牵头单位 column stays hidden)."""
        return any(n.duty.lead_unit or any(c.duty.lead_unit for c in n.children) for n in self._roots)

    def shift_year(self, delta: int) -> None:
        """Move every deadline by whole years (the clerk corrected the plan year)."""
        if not delta:
            return
        for n in self._by_id.values():
            if n.due is not None:
                try:
                    n.due = n.due.replace(year=n.due.year + delta)
                except ValueError:  # 29 February
                    n.due = n.due.replace(year=n.due.year + delta, day=28)
        if self._roots:
            self.dataChanged.emit(self.index(0, 1), self.index(len(self._roots) - 1, 1))
            for r, n in enumerate(self._roots):
                if n.children:
                    p = self.index(r, 0)
                    self.dataChanged.emit(self.index(0, 1, p), self.index(len(n.children) - 1, 1, p))

    # ---- node helpers ------------------------------------------------------------------------------
    def node(self, index: _Index) -> EditNode | None:
        """The node an index shows."""
        return self._by_id.get(index.internalId()) if index.isValid() else None

    def _siblings(self, node: EditNode) -> list[EditNode]:
        return node.parent.children if node.parent is not None else self._roots

    def index_of(self, node: EditNode, column: int = 0) -> QModelIndex:
        """The index of a node."""
        return self.createIndex(self._siblings(node).index(node), column, node.id)

    # ---- structure edits ---------------------------------------------------------------------------
    def rename(self, index: _Index, title: str) -> bool:
        """Change a title (also what editing in place does)."""
        return self.setData(index.sibling(index.row(), 0), title, Qt.ItemDataRole.EditRole)

    def delete(self, indexes: Sequence[_Index]) -> None:
        """Remove items or measures (an item goes with its measures)."""
        nodes = {n.id: n for n in (self.node(i) for i in indexes) if n is not None}
        # Deleting an item already deletes its measures.
        doomed = [n for n in nodes.values() if n.parent is None or n.parent.id not in nodes]
        for n in doomed:
            if n.extracted_title:
                self.edits.deleted.add(n.extracted_title)
            else:
                self.edits.reshaped += 1
            sibs = self._siblings(n)
            row = sibs.index(n)
            parent = self.index_of(n.parent) if n.parent is not None else QModelIndex()
            self.beginRemoveRows(parent, row, row)
            sibs.pop(row)
            self.endRemoveRows()
        self._after_structure({id(self._siblings(n)): self._siblings(n) for n in doomed}.values())

    def can_merge(self, indexes: Sequence[_Index]) -> bool:
        """Two or more rows with the same parent."""
        nodes = [n for n in (self.node(i) for i in indexes if i.column() == 0) if n is not None]
        return len(nodes) >= 2 and len({id(n.parent) for n in nodes}) == 1

    def merge_titles(self, indexes: Sequence[_Index]) -> list[str]:
        """The titles of rows about to be merged, in tree order (the clerk picks the merged row's title)."""
        nodes = [n for n in (self.node(i) for i in indexes if i.column() == 0) if n is not None]
        if not nodes:
            return []
        sibs = self._siblings(nodes[0])
        return [n.title for n in sorted(nodes, key=sibs.index)]

    def merge(self, indexes: Sequence[_Index], title: str | None = None) -> QModelIndex:
        """Join sibling rows into the first: texts joined, measures gathered; the title is `title` (default the first's)."""
        nodes = [n for n in (self.node(i) for i in indexes if i.column() == 0) if n is not None]
        if not self.can_merge([self.index_of(n) for n in nodes]):
            return QModelIndex()
        sibs = self._siblings(nodes[0])
        nodes.sort(key=sibs.index)
        first, rest = nodes[0], nodes[1:]
        self.beginResetModel()  # rows move between parents; a reset keeps the bookkeeping simple
        self.edits.reshaped += 1
        if title and title.strip():
            first.title = title.strip()
        first.text = "".join(n.text for n in nodes)
        first.source = "\n".join(dict.fromkeys(n.source for n in nodes if n.source))
        dues = [n.due for n in nodes if n.due is not None]
        first.due = max(dues) if dues else None
        first.ongoing = all(n.ongoing for n in nodes)
        for n in rest:
            for c in n.children:
                c.parent = first
            first.children.extend(n.children)
            sibs.remove(n)
        _relabel(sibs)
        _relabel(first.children)
        self._reindex()
        self.endResetModel()
        return self.index_of(first)

    def split(self, index: _Index, parts: list[str]) -> list[QModelIndex]:
        """Cut a row into several siblings, one per part; an item's measures stay with the first part."""
        node = self.node(index)
        parts = [p.strip() for p in parts if p.strip()]
        if node is None or len(parts) < 2:
            return []
        sibs = self._siblings(node)
        row = sibs.index(node)
        self.beginResetModel()
        self.edits.reshaped += 1
        node.title, node.text = _title_of(parts[0]), parts[0]
        new = [EditNode(node.label, _title_of(p), p, node.due, node.ongoing, node.source, node.duty, parent=node.parent)
               for p in parts[1:]]
        sibs[row + 1:row + 1] = new
        _relabel(sibs)
        self._reindex()
        self.endResetModel()
        return [self.index_of(n) for n in [node, *new]]

    def _after_structure(self, lists: object) -> None:
        for lst in lists:  # type: ignore[attr-defined]
            _relabel(lst)
        self._reindex()
        if self._roots:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._roots) - 1, self.COLUMNS - 1))
            for r, n in enumerate(self._roots):
                if n.children:
                    p = self.index(r, 0)
                    self.dataChanged.emit(self.index(0, 0, p), self.index(len(n.children) - 1, self.COLUMNS - 1, p))

    @staticmethod
    def _set_title(n: EditNode, title: str) -> None:
        # Renaming a measure whose text was its title keeps the two in step.
        if n.text.rstrip("。") == n.title:
            n.text = title + ("。" if n.text.endswith("。") else "")
        n.title = title

    # ---- QAbstractItemModel ------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:
        if parent.isValid():
            pn = self.node(parent)
            lst = pn.children if pn is not None and parent.column() == 0 else []
        else:
            lst = self._roots
        if not (0 <= row < len(lst) and 0 <= column < self.COLUMNS):
            return QModelIndex()
        return self.createIndex(row, column, lst[row].id)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        n = self.node(index)
        if n is None or n.parent is None:
            return QModelIndex()
        return self.index_of(n.parent)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._roots)
        n = self.node(parent)
        return len(n.children) if n is not None and parent.column() == 0 else 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < self.COLUMNS:
            t = QCoreApplication.translate
            return [t("PlanEditModel", "任务 / 措施"), t("PlanEditModel", "完成时限"),
                    t("PlanEditModel", "措施数"), t("PlanEditModel", "牵头单位")][section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return f | Qt.ItemFlag.ItemIsEditable if index.column() == 0 else f

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        n = self.node(index)
        if n is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                if not n.label:
                    return n.title
                return f"{n.label}. {n.title}" if n.label.isdigit() else f"{n.label}{n.title}"
            if col == 1:
                if n.ongoing:
                    return QCoreApplication.translate("PlanEditModel", "长期坚持")
                return n.due.isoformat() if n.due else ""
            if col == 2:
                return str(len(n.children)) if n.parent is None else ""
            if col == 3:
                return n.duty.lead_unit
            return None
        if role == Qt.ItemDataRole.EditRole and col == 0:
            return n.title
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            return n.text or n.title
        if role == Qt.ItemDataRole.ToolTipRole and col == 3 and n.duty.lead_unit:  # a long unit list is cut
            co = QCoreApplication.translate("PlanEditModel", "配合单位：%1").replace("%1", n.duty.co_units)
            return n.duty.lead_unit + ("\n" + co if n.duty.co_units else "")
        return None

    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        n = self.node(index)
        if n is None or role != Qt.ItemDataRole.EditRole or index.column() != 0:
            return False
        title = str(value).strip()
        if not title or title == n.title:
            return False
        self._set_title(n, title)
        if n.extracted_title:
            self.edits.renamed[n.extracted_title] = title
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        return True
