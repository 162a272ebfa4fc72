"""Ask for the text of a new item or measure."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QWidget


class RowTitleDialog:
    """The question behind a classmethod, so tests can answer it."""

    @classmethod
    def ask(cls, parent: QWidget, title: str, label: str) -> str | None:
        """The text typed (stripped), or None when cancelled or left empty."""
        text, ok = QInputDialog.getMultiLineText(parent, title, label)
        text = text.strip()
        return text if ok and text else None
