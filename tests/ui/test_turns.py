"""Deferred steps run one per event-loop pass, in order, with what they post handled in between."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer

from desktop.ui.turns import Turns


def test_steps_due_together_run_in_passes_of_their_own(qtbot) -> None:
    owner = QObject()
    turns = Turns(owner)
    ran: list[str] = []

    def first() -> None:
        ran.append("first")
        # a zero single-shot runs as a posted event, as a paint or a key press waiting to be handled does
        QTimer.singleShot(0, lambda: ran.append("posted by first"))
        turns.after(0, lambda: ran.append("queued by first"))

    turns.after(5, first)
    turns.after(20, lambda: ran.append("second"))
    time.sleep(0.05)  # the UI thread busy: both steps' timers are due when the event loop next runs
    qtbot.waitUntil(lambda: len(ran) == 4, timeout=2000)
    assert ran == ["first", "posted by first", "second", "queued by first"]


def test_a_step_that_fails_does_not_stop_the_ones_after_it(qtbot) -> None:
    owner = QObject()
    turns = Turns(owner)
    ran: list[str] = []

    def fails() -> None:
        ran.append("fails")
        raise ValueError("步骤出错")

    turns.after(0, fails)
    turns.after(0, lambda: ran.append("after"))
    with qtbot.captureExceptions() as caught:
        qtbot.waitUntil(lambda: ran == ["fails", "after"], timeout=2000)
    assert [type(e[1]) for e in caught] == [ValueError]


def test_once_stopped_no_step_runs_not_even_one_queued_to_come_later(qtbot) -> None:
    # A closing window stops its turns: a step run after the close could start a store query that answers once
    # the window's widgets are gone.
    owner = QObject()
    turns = Turns(owner)
    ran: list[str] = []
    turns.after(0, lambda: ran.append("queued"))
    turns.after(10, lambda: ran.append("timed"))
    turns.stop()
    turns.after(0, lambda: ran.append("after the stop"))
    qtbot.wait(100)
    assert ran == []
