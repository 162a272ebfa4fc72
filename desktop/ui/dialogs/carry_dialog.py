"""结转: where unfinished measures go — a new `…（结转）` plan (the default) or a report that exists."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.carry import NewReport
from desktop.ui.dialogs.modal import answer_of


@dataclass(frozen=True)
class CarryTarget:
    """An existing report, or a report to make (exactly one is set)."""

    report_id: int | None = None
    new_report: NewReport | None = None


class CarryDialog(QDialog):
    """结转未完成措施: N measures of 《…》 go to a new plan or another report."""

    def __init__(self, what: str, new: NewReport, targets: Sequence[tuple[int, str]], *,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("carryDialog")
        self.setWindowTitle(self.tr("结转未完成措施"))
        root = QVBoxLayout(self)
        intro = QLabel(what, self)
        intro.setWordWrap(True)
        root.addWidget(intro)
        grid = QGridLayout()
        self.new_choice = QRadioButton(self.tr("新建结转计划(&N)："), self)
        self.title_edit = QLineEdit(new.title, self)
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(1990, 2100)
        self.year_spin.setSpecialValueText(self.tr("未定"))
        self.year_spin.setMinimum(1989)
        self.year_spin.setValue(new.year if new.year is not None else 1989)
        self.year_spin.setSuffix(self.tr(" 年度"))
        self.existing_choice = QRadioButton(self.tr("结转到已有报告(&E)："), self)
        self.target_combo = QComboBox(self)
        for rid, title in targets:
            self.target_combo.addItem(title, rid)
        self.existing_choice.setEnabled(bool(targets))
        group = QButtonGroup(self)
        group.addButton(self.new_choice)
        group.addButton(self.existing_choice)
        self.new_choice.setChecked(True)
        grid.addWidget(self.new_choice, 0, 0)
        grid.addWidget(self.title_edit, 0, 1)
        grid.addWidget(self.year_spin, 0, 2)
        grid.addWidget(self.existing_choice, 1, 0)
        grid.addWidget(self.target_combo, 1, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        root.addLayout(grid)
        note = QLabel(self.tr("结转后的措施保留内容、单位、责任人、进度和进展，并注明来源；原措施保持不变，"
                              "在修改记录中注明已结转。早于新年度的完成时限改为该年年底。可撤销。"), self)
        note.setWordWrap(True)
        note.setObjectName("muted")
        root.addWidget(note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("结转"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        root.addWidget(self.buttons)
        for w in (self.new_choice, self.existing_choice):
            w.toggled.connect(self._update)
        self.title_edit.textChanged.connect(self._update)
        self._update()
        self.resize(560, self.sizeHint().height())

    def _update(self, *_args: object) -> None:
        new = self.new_choice.isChecked()
        self.title_edit.setEnabled(new)
        self.year_spin.setEnabled(new)
        self.target_combo.setEnabled(not new)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.title_edit.text().strip()) if new else self.target_combo.count() > 0)

    def target(self) -> CarryTarget:
        """The choice as set now."""
        if self.new_choice.isChecked():
            year = self.year_spin.value()
            return CarryTarget(new_report=NewReport(self.title_edit.text().strip(),
                                                    None if year == self.year_spin.minimum() else year))
        return CarryTarget(report_id=int(self.target_combo.currentData()))

    @classmethod
    def ask(cls, parent: QWidget, what: str, new: NewReport, targets: Sequence[tuple[int, str]]) -> CarryTarget | None:
        """Show the chooser; None when cancelled (a classmethod so tests can answer it)."""
        d = cls(what, new, targets, parent=parent)
        return answer_of(d, d.target)
