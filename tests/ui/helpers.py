"""Small helpers for window tests."""

from __future__ import annotations

from db.api import ItemRow


def first_measure(window, *, done: bool | None = None) -> ItemRow:  # noqa: ANN001
    """The first loaded measure (optionally with the given done state)."""
    for r in window.item_model.loaded_rows():
        if r.is_measure and r.parent_id is not None and (done is None or r.status.is_done == done):
            return r
    raise AssertionError("no such measure")


def show_report(qtbot, window, report_id: int) -> None:  # noqa: ANN001
    """Select a report and wait for its tree."""
    if window.report_id == report_id:
        return
    with qtbot.waitSignal(window.tree_loaded, timeout=10000):
        window.select_report(report_id)


def idle(qtbot, window, timeout: int = 10000) -> None:  # noqa: ANN001
    """Wait until every store op has reported back (edits settled, undo and redo done, reads shown)."""
    qtbot.waitUntil(lambda: not window.jobs.busy and not window.undo_runner.busy, timeout=timeout)


def started_window(qtbot, store, settings, *, until: str = "tree_loaded"):  # noqa: ANN001, ANN201
    """The main window over `store`, shown and started, once its `until` signal has come."""
    from desktop.ui.main_window import MainWindow

    w = MainWindow(store, settings=settings)
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(getattr(w, until), timeout=10000):
        w.start()
    return w
