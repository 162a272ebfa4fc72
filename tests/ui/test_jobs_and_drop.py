"""Background jobs report results, failures and cancellation; files dropped on the window are imported."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from desktop.core.errors import Cancelled
from desktop.ui.dialogs.import_preview import ImportPreviewDialog
from desktop.services.parser_pool import parse_files
from desktop.ui.jobs import JobRunner
from tests.ui.conftest import SEEDS
from tests.ui.helpers import first_measure, idle


def test_job_delivers_result_and_progress(qtbot) -> None:
    runner = JobRunner()
    seen: list[tuple[int, int]] = []

    def work(n: int, *, on_progress, is_cancelled) -> int:  # noqa: ANN001
        for i in range(n):
            on_progress(i + 1, n)
        return n * 2

    results: list[int] = []
    job = runner.work(work, 300, on_done=results.append)  # connected before the job starts: no race
    job.signals.progress_changed.connect(lambda d, t: seen.append((d, t)))
    qtbot.waitUntil(lambda: results == [600], timeout=5000)
    runner.wait()
    assert len(seen) <= 101  # throttled to whole percent steps


def test_job_failure_and_cancel_are_reported(qtbot) -> None:
    runner = JobRunner()

    def boom() -> None:
        raise ValueError("坏了")

    errors: list[Exception] = []
    runner.db(boom, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ValueError)

    gate = threading.Event()

    def slow(*, is_cancelled) -> str:  # noqa: ANN001
        gate.wait(5)
        if is_cancelled():
            raise Cancelled()
        return "done"

    job = runner.db(slow)
    job.cancel()
    with qtbot.waitSignal(job.signals.cancelled, timeout=5000):
        gate.set()
    runner.wait()


def test_parse_files_stops_when_cancelled() -> None:
    with pytest.raises(Cancelled):
        parse_files([str(SEEDS[0])], is_cancelled=lambda: True)


def test_dropped_files_are_imported(qtbot, window, seeded, monkeypatch) -> None:
    got: list[list[str]] = []
    monkeypatch.setattr(ImportPreviewDialog, "review",
                        classmethod(lambda cls, parent, parsed: got.append([p.name for p in parsed]) or None))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(SEEDS[3])), QUrl.fromLocalFile(str(SEEDS[4]))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.import_finished, timeout=20000):
        window.dropEvent(event)
    assert got == [[SEEDS[3].name, SEEDS[4].name]]


def test_undo_after_someone_else_edited_is_refused_plainly(qtbot, window, seeded, db_url, messages) -> None:
    from db.store import open_store

    m = first_measure(window, done=False)
    window.select_item(m.id)
    window.act_toggle.trigger()
    idle(qtbot, window)
    other = open_store(db_url)
    try:
        cur = other.get_item(m.id)
        other.update_item(m.id, {"owner": "同事"}, expected_version=cur.version, who="同事")
    finally:
        other.close()
    window.undo()
    idle(qtbot, window)
    assert messages and "其他人修改过" in messages[0]
    messages.clear()
    after = seeded.get_item(m.id)
    assert after.status.is_done and after.owner == "同事"  # nothing overwritten
    assert window.undo_stack.count() == 0  # the stale step is gone
    window.jobs.wait()
