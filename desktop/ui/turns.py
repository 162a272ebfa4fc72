"""Deferred UI work that must not share an event-loop pass.

Timers that fall due while the UI thread is busy all fire in the same pass once it is free. After the first
load, the detail pane's build (~40 ms here) and the tree's held-back rows (~20–45 ms of layout) did, with the
paint before them: one 107–202 ms stall (bench/ui.py, "first load"). Steps queued here run one per pass, and
not in the pass that paints what the step before changed (a paint after a load costs 30–60 ms here), so the
window's paints and the clerk's keys are handled between any two.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QTimer

# A real timer, not a zero one: Qt 6 runs a zero single-shot as a posted event, ahead of the paints and the
# input already waiting, in the same pass.
_GAP_MS = 1


class Turns(QObject):
    """Runs queued steps in order, each in an event-loop pass of its own."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._queue: deque[Callable[[], object]] = deque()
        self._spaced = False  # a pass has gone by since the last step (its paint, if it asked for one)
        self._stopped = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_GAP_MS)
        self._timer.timeout.connect(self._run_one)

    def after(self, ms: int, step: Callable[[], object]) -> None:
        """Queue `step` once `ms` have passed; it runs in a pass of its own, after the steps queued before it."""
        if ms <= 0:
            self._enqueue(step)
        else:
            QTimer.singleShot(ms, self, partial(self._enqueue, step))

    def stop(self) -> None:
        """Drop the steps still queued, and any queued later: the window is closing, and a step run now could
        start a store query that answers after the window is gone."""
        self._stopped = True
        self._queue.clear()
        self._timer.stop()

    def _enqueue(self, step: Callable[[], object]) -> None:
        if self._stopped:
            return
        self._queue.append(step)
        if not self._timer.isActive():
            self._timer.start()

    def _run_one(self) -> None:
        if not self._queue:
            return
        if not self._spaced:  # the paint a step asked for runs in the next pass, ahead of its timers
            self._spaced = True
            self._timer.start()
            return
        self._spaced = False
        step = self._queue.popleft()
        try:
            step()
        finally:
            if self._queue:
                self._timer.start()
