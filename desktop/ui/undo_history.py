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
    """Edit ▸ 撤销历史: every step since the window opened; clicking one goes back (or forward) to it.

    The list sits in a small dialog of the window (styled like its other dialogs, kept above it, placed by
    its top right corner by `place_beside`); the returned list's window() is that dialog.
    """
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

    dialog = QDialog(parent)
    dialog.setObjectName("undoHistory")
    dialog.setWindowTitle(parent.tr("撤销历史"))
    dialog.setModal(False)
    lay = QVBoxLayout(dialog)
    hint = QLabel(parent.tr("本次打开以来的每一步修改。点一步，就撤销（或重做）到那一步为止。"))
    hint.setObjectName("hint")
    hint.setWordWrap(True)
    lay.addWidget(hint)
    view = QListView(dialog)
    view.setObjectName("undoHistoryList")
    model = UndoHistoryModel(runner.stack, parent.tr("（打开时的状态）"), view)
    view.setModel(model)
    view.setAlternatingRowColors(True)
    lay.addWidget(view, 1)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.button(QDialogButtonBox.StandardButton.Close).setText(parent.tr("关闭"))
    buttons.rejected.connect(dialog.close)
    lay.addWidget(buttons)
    dialog.resize(360, 460)

    def show_current() -> None:
        view.setCurrentIndex(model.index(model.current, 0))

    model.modelReset.connect(show_current)
    view.clicked.connect(lambda idx: runner.go_to(idx.row()))
    show_current()
    return view


def place_beside(dialog: QWidget, window: QWidget) -> None:
    """Put the dialog inside the window's top right corner, below its toolbar (not at the screen's corner)."""
    frame = window.frameGeometry()
    x = frame.right() - dialog.width() - 24
    y = frame.top() + 96
    dialog.move(max(frame.left(), x), y)
