"""Start-up: the first report is shown before the store is open, and what the clerk does meanwhile waits for it."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt

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
