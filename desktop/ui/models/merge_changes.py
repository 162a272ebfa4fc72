"""The merge preview's rows: every change and conflict a filled-in ledger brings, each with its own tick."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from desktop.ui.models.history import field_label

if TYPE_CHECKING:
    from desktop.services.merge import FieldChange, MergePreview

_Index = QModelIndex | QPersistentModelIndex
_CONFLICT_BACKGROUND = QColor("#fff4e5")


def _t(text: str) -> str:
    return QCoreApplication.translate("MergeChangesModel", text)


def _shown(value: object) -> str:
    return str(value) if value not in (None, "") else _t("（空）")


class MergeChangesModel(QAbstractTableModel):
    """采用 · 序号 · 任务或措施 · 项目 · 程序中 · 台账中; changes start ticked, conflicts unticked (the clerk decides)."""

    choice_changed = Signal()

    def __init__(self, preview: MergePreview, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[FieldChange, bool]] = [(c, False) for c in preview.changes] + \
                                                      [(c, True) for c in preview.conflicts]
        self._taken = [not conflict for _c, conflict in self._rows]

    def headers(self) -> list[str]:
        """The column titles."""
        return [_t("采用"), _t("序号"), _t("任务或措施"), _t("项目"), _t("程序中"), _t("台账中")]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 6:
            return self.headers()[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return f | Qt.ItemFlag.ItemIsUserCheckable if index.column() == 0 else f

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        change, conflict = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and col == 0:
            return Qt.CheckState.Checked if self._taken[index.row()] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return (_t("冲突") if conflict else "") + ("！" if change.warning else "")
            return [None, change.number, change.title, field_label(change.field), _shown(change.old),
                    _shown(change.new)][col]
        if role == Qt.ItemDataRole.ToolTipRole:
            if col in (2, 4, 5):  # the cell may be cut: the whole of it
                return [None, None, change.title, None, _shown(change.old), _shown(change.new)][col]
            if change.warning:
                return change.warning
            if conflict:
                return _t("导出台账之后，程序中也改过这一项：勾选则采用台账中的内容，不勾选则保留程序中的")
            return None
        if role == Qt.ItemDataRole.BackgroundRole and conflict:
            return _CONFLICT_BACKGROUND
        return None

    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 0 or not index.isValid():
            return False
        self._taken[index.row()] = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.choice_changed.emit()
        return True

    def take(self, row: int, taken: bool) -> None:
        """Tick or untick one row (as a clerk's click does)."""
        self.setData(self.index(row, 0), Qt.CheckState.Checked if taken else Qt.CheckState.Unchecked,
                     Qt.ItemDataRole.CheckStateRole)

    def take_conflicts(self, taken: bool) -> None:
        """Tick or untick every conflict at once."""
        for row, (_c, conflict) in enumerate(self._rows):
            if conflict:
                self._taken[row] = taken
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0), [Qt.ItemDataRole.CheckStateRole])
        self.choice_changed.emit()

    def is_conflict(self, row: int) -> bool:
        """True for a row edited both in the app and in the file."""
        return self._rows[row][1]

    def chosen(self) -> list[FieldChange]:
        """The ticked changes, in the preview's order."""
        return [c for (c, _conflict), taken in zip(self._rows, self._taken) if taken]


def counted(changes: Sequence[FieldChange]) -> str:
    """`5 处修改（3 条）`: fields and the items they belong to, as the preview and the result line both say."""
    return _t("%1 处修改（%2 条任务或措施）").replace("%1", str(len(changes))) \
        .replace("%2", str(len({c.item_id for c in changes})))
