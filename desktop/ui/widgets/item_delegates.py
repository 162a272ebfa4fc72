"""In-place editors for the tree: a status list and a date picker; text columns use the default editor."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from db.enums import Status
from desktop.ui.models.item_tree import Column
from desktop.ui.qdates import pydate, qdate

_Index = QModelIndex | QPersistentModelIndex


class ItemDelegate(QStyledItemDelegate):
    """Status column: a combo box of the six status words; due column: a calendar date edit."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        if index.column() == Column.STATUS:
            combo = QComboBox(parent)
            for s in Status:
                combo.addItem(QCoreApplication.translate("Status", str(s)), str(s))
            return combo
        if index.column() == Column.DUE:
            edit = QDateEdit(parent)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            return edit
        editor = super().createEditor(parent, option, index)
        if index.column() == Column.UNIT and isinstance(editor, QLineEdit):
            # the office's units (设置), as in the detail pane's 牵头单位
            from desktop.ui.widgets.unit_completer import offer_units

            room = getattr(parent.window(), "settings_room", None)
            offer_units(editor, list(getattr(room, "units", [])), several=False)
        return editor

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox) and index.column() == Column.STATUS:
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QDateEdit):
            d = value if isinstance(value, date) else date.today()
            editor.setDate(qdate(d))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        if isinstance(editor, QComboBox) and index.column() == Column.STATUS:
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QDateEdit):
            model.setData(index, pydate(editor.date()), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)
