"""The export's options (Ctrl+E), as `halfyear export` has them: as of a day, filters, sheets, 对账, signature."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from db.api import Status
from desktop.core.ledger_model import SIGNATURE_FIELDS, Signature
from desktop.ui.dialogs.modal import answer_of
from desktop.ui.qdates import pydate, qdate

_ALL_UNITS = "全部单位"
_SIGNATURE_KEYS = ("unit", "person", "reviewer", "phone", "day")
_RECONCILE_DATES = 3  # the 对账 sheet's status columns the dialog offers


@dataclass(frozen=True)
class ExportChoices:
    """What to export: the reports (None: the one shown, or all), the day, filters, sheets, 对账 dates, signature."""

    report_ids: tuple[int, ...] | None = None
    as_of: date | None = None
    statuses: tuple[str, ...] = ()
    unit: str = ""
    one_sheet: bool = False
    reconcile_dates: tuple[date, ...] = ()
    signature: Signature | None = None
    scope: str = field(default="", compare=False)  # how the dialog names the reports (当前报告《…》)


class ExportDialog(QDialog):
    """导出台账: the options; the file is chosen after 导出."""

    def __init__(self, choices: ExportChoices, *, units: Sequence[str] = (), today: date | None = None,
                 settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("导出台账"))
        self._choices = choices
        self._settings = settings
        today = today or date.today()
        root = QVBoxLayout(self)
        if choices.scope:
            scope = QLabel(self.tr("导出范围：%1").replace("%1", choices.scope), self)
            scope.setWordWrap(True)
            root.addWidget(scope)

        day_box = QGroupBox(self.tr("日期"), self)
        dl = QVBoxLayout(day_box)
        row = QHBoxLayout()
        self.as_of_box = QCheckBox(self.tr("按某一天结束时的情况导出(&D)，截至："), day_box)
        self.as_of_edit = QDateEdit(qdate(choices.as_of or today), day_box)
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDisplayFormat("yyyy年M月d日")
        self.as_of_box.setChecked(choices.as_of is not None)
        self.as_of_edit.setEnabled(choices.as_of is not None)
        self.as_of_box.toggled.connect(self.as_of_edit.setEnabled)
        row.addWidget(self.as_of_box)
        row.addWidget(self.as_of_edit)
        row.addStretch(1)
        dl.addLayout(row)
        hint = QLabel(self.tr("按历史记录还原当日的状态、进展和延期原因；之后才导入或添加的措施不列入，导出后会说明有多少项。"),
                      day_box)
        hint.setWordWrap(True)
        hint.setObjectName("asOfHint")
        dl.addWidget(hint)
        root.addWidget(day_box)

        filter_box = QGroupBox(self.tr("筛选"), self)
        fl = QFormLayout(filter_box)
        status_row = QHBoxLayout()
        self.status_boxes: dict[str, QCheckBox] = {}
        for s in Status:
            box = QCheckBox(s.value, filter_box)
            box.setChecked(s.value in choices.statuses)
            self.status_boxes[s.value] = box
            status_row.addWidget(box)
        status_row.addStretch(1)
        status_holder = QWidget(filter_box)
        status_holder.setLayout(status_row)
        status_row.setContentsMargins(0, 0, 0, 0)
        fl.addRow(self.tr("完成状态（不选为全部）："), status_holder)
        self.unit_combo = QComboBox(filter_box)
        self.unit_combo.setEditable(True)
        self.unit_combo.addItem(self.tr(_ALL_UNITS))
        for u in sorted({u for u in units if u}):
            self.unit_combo.addItem(u)
        self.unit_combo.setCurrentText(choices.unit or self.tr(_ALL_UNITS))
        unit_label = QLabel(self.tr("牵头或配合单位(&U)："), filter_box)
        unit_label.setBuddy(self.unit_combo)
        fl.addRow(unit_label, self.unit_combo)
        root.addWidget(filter_box)

        sheet_box = QGroupBox(self.tr("工作表"), self)
        sl = QGridLayout(sheet_box)
        self.per_report = QRadioButton(self.tr("每份报告一张工作表(&P)"), sheet_box)
        self.one_sheet = QRadioButton(self.tr("全部合为一张工作表(&O)"), sheet_box)
        group = QButtonGroup(self)
        group.addButton(self.per_report)
        group.addButton(self.one_sheet)
        (self.one_sheet if choices.one_sheet else self.per_report).setChecked(True)
        sl.addWidget(self.per_report, 0, 0)
        sl.addWidget(self.one_sheet, 0, 1)
        self.reconcile_box = QCheckBox(self.tr("加一张“对账”表：每项措施在以下日期的完成状态(&R)"), sheet_box)
        sl.addWidget(self.reconcile_box, 1, 0, 1, 2)
        dates_row = QHBoxLayout()
        self.reconcile_days: list[tuple[QCheckBox, QDateEdit]] = []
        given = list(choices.reconcile_dates)
        defaults = [date(today.year, 6, 30), date(today.year, 12, 31), today]
        for n in range(_RECONCILE_DATES):
            on = QCheckBox(sheet_box)
            edit = QDateEdit(qdate(given[n] if n < len(given) else defaults[n]), sheet_box)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy年M月d日")
            on.setChecked(n < len(given) or (not given and n < 2))
            on.toggled.connect(edit.setEnabled)
            edit.setEnabled(on.isChecked())
            dates_row.addWidget(on)
            dates_row.addWidget(edit)
            self.reconcile_days.append((on, edit))
        dates_row.addStretch(1)
        sl.addLayout(dates_row, 2, 0, 1, 2)
        self.reconcile_box.setChecked(bool(given))
        self.reconcile_box.toggled.connect(self._reconcile_toggled)
        self._reconcile_toggled(bool(given))
        root.addWidget(sheet_box)

        sign_box = QGroupBox(self.tr("签字栏"), self)
        gl = QGridLayout(sign_box)
        self.signature_box = QCheckBox(self.tr("在每张台账下加签字栏(&S)（空着的项留横线手写）"), sign_box)
        gl.addWidget(self.signature_box, 0, 0, 1, 4)
        self.signature_edits: list[QLineEdit] = []
        remembered = self._remembered_signature()
        for n, (label, key) in enumerate(zip(SIGNATURE_FIELDS, _SIGNATURE_KEYS)):
            line = QLineEdit(sign_box)
            line.setText(getattr(choices.signature, key) if choices.signature else remembered.get(key, ""))
            gl.addWidget(QLabel(label + "：", sign_box), 1 + n // 2, (n % 2) * 2)
            gl.addWidget(line, 1 + n // 2, (n % 2) * 2 + 1)
            self.signature_edits.append(line)
        self.signature_box.setChecked(choices.signature is not None)
        self.signature_box.toggled.connect(self._signature_toggled)
        self._signature_toggled(choices.signature is not None)
        root.addWidget(sign_box)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("导出(&X)…"))
        ok.setObjectName("exportOk")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        root.addWidget(buttons)
        self.resize(640, self.sizeHint().height())

    def _reconcile_toggled(self, on: bool) -> None:
        for box, edit in self.reconcile_days:
            box.setEnabled(on)
            edit.setEnabled(on and box.isChecked())

    def _signature_toggled(self, on: bool) -> None:
        for edit in self.signature_edits:
            edit.setEnabled(on)

    def _remembered_signature(self) -> dict[str, str]:
        if self._settings is None:
            return {}
        return {k: str(self._settings.value(f"export/signature/{k}", "")) for k in _SIGNATURE_KEYS}

    def choices(self) -> ExportChoices:
        """The options as set now."""
        unit = self.unit_combo.currentText().strip()
        reconcile: tuple[date, ...] = ()
        if self.reconcile_box.isChecked():
            reconcile = tuple(sorted({pydate(e.date()) for b, e in self.reconcile_days if b.isChecked()}))
        signature = None
        if self.signature_box.isChecked():
            signature = Signature(*(e.text().strip() for e in self.signature_edits))
        return replace(
            self._choices, as_of=pydate(self.as_of_edit.date()) if self.as_of_box.isChecked() else None,
            statuses=tuple(s for s, b in self.status_boxes.items() if b.isChecked()),
            unit="" if unit in ("", self.tr(_ALL_UNITS), _ALL_UNITS) else unit,
            one_sheet=self.one_sheet.isChecked(), reconcile_dates=reconcile, signature=signature)

    def accept(self) -> None:
        """Remember the signature's names for next time."""
        c = self.choices()
        if self._settings is not None and c.signature is not None:
            for key in _SIGNATURE_KEYS:
                if key != "day":
                    self._settings.setValue(f"export/signature/{key}", getattr(c.signature, key))
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget, choices: ExportChoices, *, units: Sequence[str] = (),
            settings: QSettings | None = None) -> ExportChoices | None:
        """Show the options; None when cancelled (a classmethod so tests can answer it)."""
        d = cls(choices, units=units, settings=settings, parent=parent)
        return answer_of(d, d.choices)
