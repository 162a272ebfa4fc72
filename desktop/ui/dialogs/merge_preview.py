"""What merging a unit's filled-in ledger would change, before anything is written."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from desktop.ui.models.history import field_label

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
    """What merging a filled-in ledger would change; conflicts need an explicit tick."""

    def __init__(self, preview: MergePreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        p = preview
        self.setWindowTitle(self.tr("合并台账：%1").replace("%1", p.source))
        self.resize(720, 480)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("读取 %1 行；%2 行没有变化；%3 处修改；%4 处与程序中的修改冲突。")
                             .replace("%1", str(p.rows)).replace("%2", str(p.unchanged))
                             .replace("%3", str(len(p.changes))).replace("%4", str(len(p.conflicts)))))
        warnings = merge_warnings_label(p, self)
        if warnings is not None:
            lay.addWidget(warnings)
        text = QPlainTextEdit()
        text.setReadOnly(True)
        lines = [self._line(c) for c in p.changes]
        if p.conflicts:
            lines += ["", self.tr("—— 冲突（程序中也改过）——")] + [self._line(c) for c in p.conflicts]
        if p.problems:
            lines += ["", self.tr("—— 未能使用的行 ——")] + list(p.problems)
        text.setPlainText("\n".join(lines))
        lay.addWidget(text, 1)
        self.take_conflicts = QCheckBox(self.tr("冲突处也采用台账中的内容（覆盖程序中的修改）"))
        self.take_conflicts.setEnabled(bool(p.conflicts))
        lay.addWidget(self.take_conflicts)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("合并"))
        ok.setEnabled(not p.is_empty)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    @staticmethod
    def _line(c: FieldChange) -> str:
        mark = "！" if c.warning else ""  # the steps back the label above lists
        return f"{mark}{c.number}  {c.title}：{field_label(c.field)}  {c.old or '（空）'} → {c.new or '（空）'}"

    @classmethod
    def ask(cls, parent: QWidget, preview: MergePreview) -> bool | None:
        """None when cancelled, else whether to take the conflicting values too."""
        dlg = cls(preview, parent)
        return dlg.take_conflicts.isChecked() if dlg.exec() == QDialog.DialogCode.Accepted else None
