"""Ask how to split an item or measure: one line per new row, prefilled with its sentences."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.sentences import split_sentences
from desktop.ui.dialogs.modal import answer_of


class SplitDialog(QDialog):
    """A text box with one part per line."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("拆分"))
        self.resize(560, 320)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("每行一条。已按句子分好，可直接修改、合并或删除行：")))
        self.edit = QPlainTextEdit("\n".join(split_sentences(text)) or text)
        lay.addWidget(self.edit, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("拆分"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def parts(self) -> list[str]:
        """The non-empty lines."""
        return [line.strip() for line in self.edit.toPlainText().splitlines() if line.strip()]

    @classmethod
    def ask(cls, parent: QWidget | None, text: str) -> list[str] | None:
        """The parts, or None when cancelled (tests replace this)."""
        dlg = cls(text, parent)
        return answer_of(dlg, dlg.parts)
