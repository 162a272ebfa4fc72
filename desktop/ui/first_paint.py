"""A call made once a widget's first paint has finished: the start's second step, and the selftest's clock."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer


class AfterFirstPaint(QObject):
    """An event filter that calls back once, in the event loop's next turn after the watched widget's first paint
    (so that paint has been drawn and flushed to the screen before the callback runs)."""

    def __init__(self, on_painted: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_painted: Callable[[], object] | None = on_painted

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 — Qt override
        if self._on_painted is not None and event.type() == QEvent.Type.Paint:
            callback, self._on_painted = self._on_painted, None
            watched.removeEventFilter(self)
            QTimer.singleShot(0, callback)
        return False
