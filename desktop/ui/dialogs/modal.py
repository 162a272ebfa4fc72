"""Asking with a modal dialog, then letting it go."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QDialog

T = TypeVar("T")


def answer_of(dlg: QDialog, answer: Callable[[], T], *, keep: Callable[[], bool] | None = None) -> T | None:
    """Run `dlg` modally: `answer()` when accepted, else None; then the dialog is deleted.

    Parented to the window, every dialog asked would otherwise live on (with the plans, previews and
    pools it holds) until the window closes. `keep()` true after the answer: leave it to its parent instead
    (work of its own still runs, and deleting it would wait for that).
    """
    try:
        return answer() if dlg.exec() == QDialog.DialogCode.Accepted else None
    finally:
        if keep is None or not keep():
            dlg.deleteLater()
