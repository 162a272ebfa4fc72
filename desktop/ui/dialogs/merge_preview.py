"""What merging a unit's filled-in ledger would change, before anything is written."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.dialogs.modal import answer_of

if TYPE_CHECKING:
    from desktop.services.merge import FieldChange, MergePreview

_WARNINGS_SHOWN = 20  # lines in the label; the rest are counted


def merge_warnings_label(preview: MergePreview, parent: QWidget | None = None) -> QLabel | None:
    """The merge preview's warnings (a done or closed item set back to 推进中 …) as a label for the merge
    preview dialog, to sit under its summary line; None when the preview has none."""
    lines = list(preview.warnings)
    if not lines:
        return None
    shown = lines[:_WARNINGS_SHOWN]
    t = QCoreApplication.translate
    if len(lines) > len(shown):
        shown.append(t("MergePreviewDialog", "……另有 %1 处，见下方修改列表。").replace("%1", str(len(lines) - len(shown))))
    head = t("MergePreviewDialog", "请核实：以下 %1 处完成状态倒退（已完成或已办结的事项被改回）。合并前请与填报单位确认；"
             "不合并请按“取消”。").replace("%1", str(len(lines)))
    label = QLabel(head + "\n" + "\n".join(shown), parent)
    label.setObjectName("mergeWarnings")
    label.setTextFormat(Qt.TextFormat.PlainText)  # titles may hold < and &
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class MergePreviewDialog(QDialog):
    """What merging a filled-in ledger would change, row by row; a conflict is taken only when the clerk ticks it."""

    def __init__(self, preview: MergePreview, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QPushButton, QTableView

        from desktop.ui.models.merge_changes import MergeChangesModel

        super().__init__(parent)
        p = preview
        self.setWindowTitle(self.tr("合并台账：%1").replace("%1", p.source))
        self.resize(900, 540)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("读取 %1 行；%2 行没有变化；%3 处修改；%4 处与程序中的修改冲突。")
                             .replace("%1", str(p.rows)).replace("%2", str(p.unchanged))
                             .replace("%3", str(len(p.changes))).replace("%4", str(len(p.conflicts)))))
        warnings = merge_warnings_label(p, self)
        if warnings is not None:
            lay.addWidget(warnings)
        self.model = MergeChangesModel(p, self)
        self.table = QTableView()
        self.table.setObjectName("mergeChanges")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        head = self.table.horizontalHeader()
        for col, width in ((0, 76), (1, 56), (3, 88), (4, 150), (5, 150)):
            head.resizeSection(col, width)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(26)
        lay.addWidget(self.table, 1)
        if p.problems:
            problems = QPlainTextEdit("\n".join([self.tr("—— 未能使用的行 ——"), *p.problems]))
            problems.setReadOnly(True)
            problems.setMaximumHeight(90)
            lay.addWidget(problems)
        row = QHBoxLayout()
        self.take_all = QPushButton(self.tr("冲突处全部采用台账"))
        self.keep_all = QPushButton(self.tr("冲突处全部保留程序中的"))
        self.take_all.clicked.connect(lambda: self.model.take_conflicts(True))
        self.keep_all.clicked.connect(lambda: self.model.take_conflicts(False))
        for b in (self.take_all, self.keep_all):
            b.setEnabled(bool(p.conflicts))
            row.addWidget(b)
        row.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("muted")
        row.addWidget(self.count_label)
        lay.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("合并"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.model.choice_changed.connect(self._count)
        self._count()

    def _count(self) -> None:
        from desktop.ui.models.merge_changes import counted

        chosen = self.model.chosen()
        self.count_label.setText(self.tr("将写入 %1").replace("%1", counted(chosen)))
        self.ok.setEnabled(bool(chosen))

    def chosen(self) -> list[FieldChange]:
        """The changes the clerk ticked."""
        return self.model.chosen()

    @classmethod
    def ask(cls, parent: QWidget, preview: MergePreview) -> list[FieldChange] | None:
        """None when cancelled, else the changes to write (conflicts only where ticked)."""
        dlg = cls(preview, parent)
        return answer_of(dlg, dlg.chosen)
