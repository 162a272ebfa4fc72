"""A row's change history (who changed which field when) as a table."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

from db.api import HistoryRow

_Index = QModelIndex | QPersistentModelIndex

FIELD_NAMES = {
    "title": "任务", "text": "内容", "status": "状态", "lead_leader": "牵头领导", "lead_unit": "牵头单位",
    "co_units": "配合单位", "owner": "责任人", "due": "完成时限", "original_due": "原定时限",
    "delay_reason": "延期原因", "note": "进展情况", "created": "创建", "deleted": "删除",
    "restored": "恢复", "position": "位置", "parent_id": "上级", "parent": "上级",
    # every key the store writes to history (db/store.py) needs a Chinese name here
    "label": "编号", "progress": "进度", "ongoing": "长期坚持", "completed_at": "完成时间", "merged": "合并到",
    "carried_to": "结转到",
}


def field_label(field: str) -> str:
    """The Chinese name of a store field."""
    return QCoreApplication.translate("fields", FIELD_NAMES.get(field, field))


class HistoryModel(QAbstractTableModel):
    """Newest change first: 时间 · 修改人 · 项目 · 原值 → 新值."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[HistoryRow] = []

    def set_history(self, rows: Iterable[HistoryRow]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._rows = sorted(rows, key=lambda h: (h.at, h.id), reverse=True)
        self.endResetModel()

    def rows(self) -> list[HistoryRow]:
        """The rows shown, newest first."""
        return list(self._rows)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 4:
            t = QCoreApplication.translate
            return [t("HistoryModel", "时间"), t("HistoryModel", "修改人"), t("HistoryModel", "项目"),
                    t("HistoryModel", "修改内容")][section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        h = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                return h.at.strftime("%Y-%m-%d %H:%M")
            if col == 1:
                return h.who
            if col == 2:
                return field_label(h.field)
            old, new = h.old or "", h.new or ""
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{old}\n→\n{new}"
            return f"{_short(old)} → {_short(new)}" if old else _short(new)
        return None


def _short(text: str, limit: int = 40) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"
