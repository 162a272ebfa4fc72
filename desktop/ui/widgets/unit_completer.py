"""The office's units offered while typing 牵头单位 (one unit) or 配合单位 (several, separated by 、)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

_SEPARATORS = re.compile(r"[、，,；;\s]+")


class SeveralUnitsCompleter(QCompleter):
    """Completes the unit being typed after the last 、 and keeps the ones before it."""

    def splitPath(self, path: str) -> list[str]:
        """Only the part after the last separator is matched."""
        return [_SEPARATORS.split(path)[-1]]

    def pathFromIndex(self, index: object) -> str:
        """The units typed before, then the one chosen."""
        chosen = str(super().pathFromIndex(index))  # type: ignore[arg-type]
        widget = self.widget()
        typed = widget.text() if isinstance(widget, QLineEdit) else ""
        head = [u for u in _SEPARATORS.split(typed)[:-1] if u]
        return "、".join([*head, chosen])


def offer_units(edit: QLineEdit, units: Sequence[str], *, several: bool) -> None:
    """Offer `units` in a line edit's completer (none when the office has not listed any)."""
    if not units:
        edit.setCompleter(None)  # type: ignore[arg-type]
        return
    parent: QWidget = edit
    completer = SeveralUnitsCompleter(parent) if several else QCompleter(parent)
    completer.setModel(QStringListModel(list(units), completer))
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    completer.setMaxVisibleItems(12)
    edit.setCompleter(completer)
