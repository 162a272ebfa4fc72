"""The detail pane's 进展记录: each 进展情况 entry with its date (from the note's history), and where a carried row came from."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QPushButton, QTableView, QWidget

if TYPE_CHECKING:
    from db.carry import Origin
    from db.progress_log import ProgressEntry

_Index = QModelIndex | QPersistentModelIndex
_HEADERS = ("日期", "填写人", "进展情况")


class ProgressLogModel(QAbstractTableModel):
    """Newest entry first: 日期 · 填写人 · what was written then."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[ProgressEntry] = []

    def set_entries(self, entries: Sequence[ProgressEntry]) -> None:
        """Replace the entries (given oldest first, as the store reads them)."""
        self.beginResetModel()
        self._entries = list(reversed(entries))
        self.endResetModel()

    def entries(self) -> list[ProgressEntry]:
        """The entries in the order shown (newest first)."""
        return list(self._entries)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(_HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        e = self._entries[index.row()]
        col = index.column()
        if col == 0:
            return e.at.strftime("%Y-%m-%d %H:%M") if e.at else self.tr("（日期不详）")
        if col == 1:
            return e.who
        return e.text.replace("\n", " ") if role == Qt.ItemDataRole.DisplayRole else e.text

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(_HEADERS[section])
        return None


def progress_log_view(model: ProgressLogModel, parent: QWidget | None = None) -> QTableView:
    """The table of the 进展记录 tab."""
    view = QTableView(parent)
    view.setObjectName("progressLog")
    view.setModel(model)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    return view


class OriginButton(QPushButton):
    """来源：《2023年下半年工作计划》2.3 — a carried row's origin; clicking selects it (`origin_requested`)."""

    origin_requested = Signal(int, int)  # origin item id, its report id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("originLink")
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setStyleSheet("QPushButton { text-align: left; color: #2f6fd0; padding: 2px 0; border: none;"
                           " background: transparent; } QPushButton:hover { text-decoration: underline; }"
                           " QPushButton:disabled { color: #777; }")
        self._origin: Origin | None = None
        self.clicked.connect(self._clicked)
        self.set_origin(None)

    @property
    def origin(self) -> Origin | None:
        """The origin shown (None: the row was not carried)."""
        return self._origin

    def set_origin(self, origin: Origin | None) -> None:
        """Show where a carried row came from, or hide."""
        self._origin = origin
        self.setVisible(origin is not None)
        if origin is None:
            return
        when = origin.at.strftime("%Y-%m-%d")
        if origin.item_id is None:
            self.setText(self.tr("结转自 %1（原条目已删除）").replace("%1", origin.words))
            self.setEnabled(False)
        else:
            self.setText(self.tr("结转自 %1 ›").replace("%1", origin.words))
            self.setEnabled(True)
        self.setToolTip(self.tr("%1 由 %2 结转；点击查看原条目").replace("%1", when).replace("%2", origin.who or "—"))

    def _clicked(self) -> None:
        if self._origin is not None and self._origin.item_id is not None:
            self.origin_requested.emit(self._origin.item_id, self._origin.report_id)
