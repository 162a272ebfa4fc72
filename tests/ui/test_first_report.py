"""Start-up: the first report is shown before the store is open, and what the clerk does meanwhile waits for it."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from db.api import Status
from desktop.ui.app import _open_store, show_first_report
from desktop.ui.main_window import MainWindow
from desktop.ui.models.item_tree import Column
from tests.ui.conftest import SEEDS, import_seed
from tests.ui.helpers import idle


def test_the_first_report_shows_before_the_store_and_the_list_follows(qtbot, store, db_url: str,
                                                                       settings: QSettings) -> None:
    rid = import_seed(store, SEEDS[0])
    w = MainWindow(None, settings=settings)
    qtbot.addWidget(w)
    opened: list[bool] = []
    with qtbot.waitSignal(w.tree_loaded, timeout=10000):
        show_first_report(w, db_url, then=lambda: opened.append(True))
    assert w.store is None and w.report_id == rid
    assert w.item_model.measure_count() == len([r for r in store.item_tree(rid) if r.is_measure])
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    # a tick before the store is open is written once it is
    m = next(r for r in w.item_model.loaded_rows() if r.is_measure)
    w.item_model.setData(w.item_model.index_of(m.id, Column.TASK), Qt.CheckState.Checked.value,
                         Qt.ItemDataRole.CheckStateRole)
    with qtbot.waitSignal(w.reports_loaded, timeout=10000):
        w.jobs.db(_open_store, db_url, on_done=w.set_store)
    idle(qtbot, w)
    assert store.get_item(m.id).status == Status.DONE
    assert w.report_id == rid and w.act_delete_report.isEnabled() and w.report_model.reports()[0].id == rid
    w.close_store()


def test_without_a_fast_read_the_store_opens_as_before(qtbot, tmp_path, settings: QSettings) -> None:
    w = MainWindow(None, settings=settings)
    qtbot.addWidget(w)
    opened: list[bool] = []
    show_first_report(w, f"sqlite:///{tmp_path / 'new.db'}", then=lambda: opened.append(True))
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    assert w.report_id is None


def test_the_parser_process_starts_when_the_window_is_idle(qtbot, monkeypatch, settings: QSettings) -> None:
    import desktop.ui.app as app_module

    started: list[bool] = []
    monkeypatch.setattr(app_module, "PARSER_START_IDLE_MS", 50)
    monkeypatch.setattr(app_module, "_start_parser", lambda: started.append(True))
    w = MainWindow(None, settings=settings)
    qtbot.addWidget(w)
    app_module.start_parser_when_idle(w)
    assert not started  # not before the window is idle
    qtbot.waitUntil(lambda: bool(started), timeout=5000)


def _started_the_clerks_way(qtbot, settings: QSettings) -> tuple[MainWindow, list[bool]]:  # noqa: ANN001
    """show_window, as desktop.ui.app.run calls it; the list fills when its callback has run."""
    from desktop.ui.app import show_window

    ready: list[bool] = []
    w = show_window(QApplication.instance(), settings=settings, then=lambda: ready.append(True))
    qtbot.addWidget(w)
    return w, ready


def test_a_window_started_frame_first_is_the_whole_window_once_its_rooms_are_built(qtbot, seeded,
                                                                                    settings: QSettings) -> None:
    first = MainWindow(seeded, settings=settings)
    qtbot.addWidget(first)
    first.show()
    with qtbot.waitSignal(first.tree_loaded, timeout=10000):
        first.start()
    first.resize(701, 533)  # the offscreen screen is 800×600
    first.splitter.setSizes([180, 320, 200])
    sizes, menus = first.splitter.sizes(), [a.text() for a in first.menuBar().actions()]
    first.close()

    w, ready = _started_the_clerks_way(qtbot, settings)
    assert (w.width(), w.height()) == (701, 533)  # the frame has the last session's size from the start
    assert not ready and not w.menuBar().actions()
    qtbot.waitUntil(lambda: bool(ready), timeout=5000)  # built after the frame's first paint, then told
    assert w.splitter.sizes() == sizes and [a.text() for a in w.menuBar().actions()] == menus
    assert w.centralWidget() is w.splitter and not w.acceptDrops() and not w.act_import.isEnabled()
    with qtbot.waitSignal(w.reports_loaded, timeout=10000):
        w.set_store(seeded)
    assert w.report_model.reports() and w.acceptDrops() and w.act_import.isEnabled()
    w.close_store()


def test_a_frame_closed_before_its_rooms_are_built_closes_cleanly(qtbot, settings: QSettings) -> None:
    w = MainWindow(None, settings=settings, rooms_later=True)  # never shown, so never built
    qtbot.addWidget(w)
    w.close()
    w.close_store()
    assert settings.value("window/geometry") is None  # nothing of a half-built window is saved
