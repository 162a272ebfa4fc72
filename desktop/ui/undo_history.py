"""Edit ▸ 撤销历史: the undo stack's steps as a list; clicking one undoes or redoes up to it (as ops).

Built when first asked for, like QUndoView before it; QUndoView itself would move the stack directly,
without waiting for the writes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QListView, QWidget

if TYPE_CHECKING:
    from desktop.ui.undo import UndoRunner

_Index = QModelIndex | QPersistentModelIndex


class UndoHistoryModel(QAbstractListModel):
    """The stack's steps as a list, the window's opening state first (QUndoView's list, read only)."""

    def __init__(self, stack: QUndoStack, empty_label: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stack, self._empty = stack, empty_label
        self._texts: list[str] = []  # read from the stack when it changes: it may be destroyed before the view
        self.current = 0  # the stack's index: the row of the state the window is in
        stack.indexChanged.connect(self._changed)
        stack.cleanChanged.connect(self._changed)
        self._changed()

    def _changed(self, *_args: object) -> None:
        self.beginResetModel()
        try:
            self._texts = [self._stack.text(i) for i in range(self._stack.count())]
            self.current = self._stack.index()
        except RuntimeError:  # the window is being destroyed: its stack went first
            self._texts, self.current = [], 0
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._texts) + 1

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = index.row()
        return self._empty if row == 0 else self._texts[row - 1]


def build_history_view(runner: UndoRunner, parent: QWidget) -> QListView:
    """Edit ▸ 撤销历史: every step since the window opened; clicking one goes back (or forward) to it."""
    view = QListView()
    model = UndoHistoryModel(runner.stack, parent.tr("（打开时的状态）"), view)
    view.setModel(model)
    view.setWindowTitle(parent.tr("撤销历史"))
    view.setWindowFlag(Qt.WindowType.Tool, True)
    view.setParent(parent, view.windowFlags())
    view.resize(320, 420)

    def show_current() -> None:
        view.setCurrentIndex(model.index(model.current, 0))

    model.modelReset.connect(show_current)
    view.clicked.connect(lambda idx: runner.go_to(idx.row()))
    show_current()
    return view
