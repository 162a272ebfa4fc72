"""The 对账 view's tables (units, listed measures, what moved) as one small sortable table model.

A 50,000-measure review lists thousands of measures: a model over plain tuples shows them at once,
where a QTableWidget would build a cell object for each value.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.core import review_model as rm
from desktop.core.review_model import MeasureLine, Review, UnitLine
from desktop.core.review_text import day_words
from desktop.core.shares import percent_text

_Index = QModelIndex | QPersistentModelIndex
Cell = str | int | float | date | None


def _shown(value: Cell, percent: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if percent and isinstance(value, float):
        return percent_text(value)
    return str(value)


def _key(value: Cell) -> tuple[int, Any]:
    # numbers sort as numbers, empty cells last whichever way
    if value is None or value == "":
        return (1, 0)
    if isinstance(value, date):
        return (0, value.toordinal())
    return (0, value)


class RowsModel(QAbstractTableModel):
    """Rows of plain values under Chinese headers; sorting a column sorts by its values (numbers as numbers)."""

    def __init__(self, headers: Sequence[str], *, percent_columns: Sequence[int] = (),
                 number_columns: Sequence[int] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._percent = frozenset(percent_columns)
        self._numbers = frozenset(number_columns) | self._percent
        self._rows: list[tuple[Cell, ...]] = []
        self._ids: list[int | None] = []

    def set_rows(self, rows: Sequence[tuple[Cell, ...]], ids: Sequence[int | None] | None = None) -> None:
        """Replace the rows (`ids`: the measure each row stands for, for jumping to it)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._ids = list(ids) if ids is not None else [None] * len(self._rows)
        self.endResetModel()

    def rows(self) -> list[tuple[Cell, ...]]:
        """The rows in the order shown."""
        return list(self._rows)

    def column(self, header: str) -> list[Cell]:
        """One column's values in the order shown."""
        i = self._headers.index(header)
        return [r[i] for r in self._rows]

    def item_id(self, row: int) -> int | None:
        """The measure a row stands for (None for a unit)."""
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = _shown(self._rows[index.row()][col], col in self._percent)
            return text if role == Qt.ItemDataRole.DisplayRole or len(text) > 6 else None  # elided cells
        if role == Qt.ItemDataRole.TextAlignmentRole and col in self._numbers:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by one column; rows with an empty cell stay last."""
        self.layoutAboutToBeChanged.emit()
        pairs = list(zip(self._rows, self._ids))
        filled = [p for p in pairs if _key(p[0][column])[0] == 0]
        empty = [p for p in pairs if _key(p[0][column])[0] == 1]
        filled.sort(key=lambda p: _key(p[0][column]), reverse=order == Qt.SortOrder.DescendingOrder)
        pairs = filled + empty
        self._rows = [p[0] for p in pairs]
        self._ids = [p[1] for p in pairs]
        self.layoutChanged.emit()


UNIT_HEADERS = ("排名", "牵头单位", "任务数", "已完成", "完成率", "欠进度", "逾期", "未启动", "已延期", "已取消")
LINE_HEADERS = ("类别", "报告", "序号", "具体措施", "牵头单位", "责任人", "完成时限", "截至当日进展", "进展日期", "延期原因")
MOVE_HEADERS = ("变化", "报告", "序号", "具体措施", "牵头单位", "责任人", "后一日状态", "截至当日进展")


def units_model(parent: QObject | None = None) -> RowsModel:
    """The table per 牵头单位."""
    return RowsModel(UNIT_HEADERS, percent_columns=(4,), number_columns=(0, 2, 3, 5, 6, 7, 8, 9), parent=parent)


def lines_model(headers: Sequence[str] = LINE_HEADERS, parent: QObject | None = None) -> RowsModel:
    """A list of measures."""
    return RowsModel(headers, number_columns=(), parent=parent)


def unit_rows(units: Sequence[UnitLine]) -> list[tuple[Cell, ...]]:
    """The unit table's rows, in the ranking's order."""
    return [(u.rank, u.unit, u.tasks, u.done, u.rate, u.behind, u.overdue, u.not_started, u.extended, u.cancelled)
            for u in units]


# The kinds of the problem list: (label, which lines)
PROBLEMS: tuple[tuple[str, Callable[[Review], Sequence[MeasureLine]]], ...] = (
    ("全部问题", lambda r: [m for m in r.lines if m.category in (rm.BEHIND, rm.NOT_STARTED, rm.EXTENDED) or m.overdue]),
    ("欠进度", lambda r: r.listed(rm.BEHIND)),
    ("已逾期", lambda r: r.overdue_lines),
    ("未启动", lambda r: r.listed(rm.NOT_STARTED)),
    ("已延期", lambda r: r.listed(rm.EXTENDED)),
)


def _kind(m: MeasureLine) -> str:
    return m.category + ("·逾期" if m.overdue and m.category != rm.DONE else "")


def line_rows(lines: Sequence[MeasureLine]) -> list[tuple[Cell, ...]]:
    """The problem list's rows: what the 通报 says of each lagging, overdue, not started or extended measure."""
    return [(_kind(m), m.report_title, m.number, m.text, m.unit or rm.NO_UNIT, m.owner, m.due, m.latest,
             m.latest_at, m.delay_reason) for m in lines]


def movement_rows(review: Review) -> tuple[list[tuple[Cell, ...]], list[int | None]]:
    """What moved between the two dates, one row per measure and change, with the measures' ids."""
    mv = review.movement
    if mv is None:
        return [], []
    rows: list[tuple[Cell, ...]] = []
    ids: list[int | None] = []
    for label, lines in (("新完成", mv.newly_completed), ("新增欠进度", mv.fell_behind), ("赶上进度", mv.caught_up),
                         ("新增延期", mv.newly_extended), ("新启动", mv.newly_started),
                         ("仍未启动", mv.still_not_started)):
        for m in lines:
            rows.append((label, m.report_title, m.number, m.text, m.unit or rm.NO_UNIT, m.owner, m.status, m.latest))
            ids.append(m.id)
    return rows, ids


def movement_title(review: Review) -> str:
    """The tab's heading: 6月30日 → 12月31日."""
    mv = review.movement
    return "" if mv is None else f"{day_words(mv.earlier, year=True)} → {day_words(mv.later, year=True)}"
