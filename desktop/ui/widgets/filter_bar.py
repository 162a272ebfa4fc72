"""Search box and filters above the tree; emits a RowFilter on every change."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QSpinBox, QWidget

from db.enums import DONE_STATUSES, OPEN_STATUSES, Status
from desktop.ui.icons import icon
from desktop.ui.models.row_filter import RowFilter

_OPEN = frozenset(OPEN_STATUSES)


class FilterBar(QWidget):
    """Search as you type; status, unit, overdue-only and due-within-N-days filters."""

    filter_changed = Signal(object)  # RowFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(6)
        self.search = QLineEdit(self)  # created in place: a later move re-applies the style sheet
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText(self.tr("搜索（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setToolTip(self.tr("在任务、内容、单位、责任人、进展中搜索，输入即筛选；多个词用空格分开"))
        # As wide at least as with its clear button, which shows with the first letter: a narrower window's
        # panes would otherwise move over as a search starts and back as it is cleared.
        self.search.setText(" ")
        self.search.setMinimumWidth(self.search.minimumSizeHint().width())
        self.search.clear()
        self.search.textChanged.connect(self._emit)
        lay.addWidget(self.search, 3)

        self.status = QComboBox(self)
        self.status.setToolTip(self.tr("按完成状态筛选"))
        self.status.addItem(self.tr("全部状态"), frozenset())
        self.status.addItem(self.tr("未完成"), _OPEN)
        self.status.addItem(self.tr("已完成或办结"), frozenset(DONE_STATUSES))
        for s in Status:
            self.status.addItem(QCoreApplication.translate("Status", str(s)), frozenset({s}))
        self.status.currentIndexChanged.connect(self._emit)
        lay.addWidget(self.status)

        self.unit = QComboBox(self)
        self.unit.setEditable(True)
        self.unit.setMinimumContentsLength(8)
        self.unit.setToolTip(self.tr("按牵头或配合单位筛选"))
        line = self.unit.lineEdit()
        assert line is not None  # an editable combo box has its line edit
        line.setPlaceholderText(self.tr("全部单位"))
        self.unit.currentTextChanged.connect(self._emit)
        lay.addWidget(self.unit, 1)

        self.overdue = QCheckBox(self.tr("只看逾期"), self)
        self.overdue.setToolTip(self.tr("只显示已过完成时限仍未完成的措施"))
        self.overdue.toggled.connect(self._emit)
        lay.addWidget(self.overdue)

        self.due_within = QSpinBox(self)
        self.due_within.setRange(0, 366)
        self.due_within.setSpecialValueText(self.tr("到期不限"))
        self.due_within.setPrefix(self.tr("%1 天内到期").split("%1")[0])
        self.due_within.setSuffix(self.tr("%1 天内到期").split("%1")[-1])
        self.due_within.setToolTip(self.tr("只显示在这么多天内到期且未完成的措施；0 表示不限"))
        self.due_within.valueChanged.connect(self._emit)
        lay.addWidget(self.due_within)

    def set_units(self, units: Iterable[str]) -> None:
        """Offer the units found in the loaded rows, keeping what the clerk typed."""
        current = self.unit.currentText()
        self.unit.blockSignals(True)
        self.unit.clear()
        self.unit.addItem("")
        for u in sorted({u for u in units if u}):
            self.unit.addItem(u)
        self.unit.setEditText(current)
        self.unit.blockSignals(False)

    def current_filter(self) -> RowFilter:
        """The filter the widgets describe now."""
        days = self.due_within.value()
        return RowFilter(text=self.search.text(), statuses=self.status.currentData() or frozenset(),
                         unit=self.unit.currentText().strip(), overdue_only=self.overdue.isChecked(),
                         due_within_days=days or None)

    def clear(self) -> None:
        """Back to showing everything."""
        for w in (self.search, self.status, self.unit, self.overdue, self.due_within):
            w.blockSignals(True)
        self.search.clear()
        self.status.setCurrentIndex(0)
        self.unit.setEditText("")
        self.overdue.setChecked(False)
        self.due_within.setValue(0)
        for w in (self.search, self.status, self.unit, self.overdue, self.due_within):
            w.blockSignals(False)
        self._emit()

    def _emit(self, *_args: object) -> None:
        self.filter_changed.emit(self.current_filter())
