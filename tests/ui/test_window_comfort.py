"""Settings survive a restart, the first start loads the samples, the About box names the data location."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from desktop.ui.dialogs.about import AboutDialog, data_location
from desktop.ui.main_window import MainWindow
from desktop.ui.models.item_tree import Column
from tests.ui.conftest import SEEDS


def _open(qtbot, store, settings_path) -> MainWindow:  # noqa: ANN001
    w = MainWindow(store, settings=QSettings(str(settings_path), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.show()
    with qtbot.waitSignal(w.tree_loaded, timeout=10000):
        w.start()
    return w


def test_settings_restored_on_restart(qtbot, seeded, settings_path) -> None:
    w = _open(qtbot, seeded, settings_path)
    w.resize(761, 541)  # the offscreen screen is 800×600
    w.splitter.setSizes([200, 300, 240])
    w.tree.setColumnWidth(Column.OWNER, 133)
    w.set_light_rule("schedule")
    second = w.report_model.reports()[1].id
    with qtbot.waitSignal(w.tree_loaded, timeout=10000):
        w.select_report(second)
    sizes = w.splitter.sizes()
    w.close()
    w2 = _open(qtbot, seeded, settings_path)
    assert (w2.width(), w2.height()) == (761, 541)
    assert w2.splitter.sizes() == sizes
    assert w2.tree.columnWidth(Column.OWNER) == 133
    assert w2.act_light_schedule.isChecked()
    assert w2.report_id == second


def test_first_start_loads_samples_with_hint(qtbot, store, settings) -> None:
    w = MainWindow(store, settings=settings)
    qtbot.addWidget(w)
    w.show()
    w.offer_samples(SEEDS[0].parent)
    w.start()
    qtbot.waitUntil(lambda: len(w.report_model.reports()) == len(SEEDS), timeout=20000)
    assert all(r.sample for r in w.report_model.reports())
    assert w.hint.isVisibleTo(w) and "Ctrl+I" in w.hint.text()
    # the window does not stay on the empty view it showed before the samples arrived
    qtbot.waitUntil(lambda: w.item_model.measure_count() > 0, timeout=20000)
    assert "还没有报告" not in w.statusBar().currentMessage()
    w.jobs.wait()
    # the next start on the same database does not add them again, even after they were removed
    w.remove_samples()
    qtbot.waitUntil(lambda: not w.report_model.reports(), timeout=20000)
    w2 = MainWindow(store, settings=settings)
    qtbot.addWidget(w2)
    w2.offer_samples(SEEDS[0].parent)
    with qtbot.waitSignal(w2.reports_loaded, timeout=10000):
        w2.start()
    w2.jobs.wait()
    assert store.list_reports() == []


def test_about_names_version_and_data_location(window, seeded) -> None:
    text = AboutDialog.text(window, seeded.url)
    assert "0." in text and data_location(seeded.url) in text
    assert data_location("postgresql+psycopg://clerk:secret@db:5432/h") == "postgresql+psycopg://clerk@db:5432/h"


def test_shortcuts_are_shown_in_menus(window) -> None:
    assert window.act_import.shortcut().toString() == "Ctrl+I"
    assert window.act_find.shortcut().toString() == "Ctrl+F"
    assert window.act_undo.shortcut().toString() == "Ctrl+Z"
    assert window.act_redo.shortcut().toString() == "Ctrl+Shift+Z"
    assert window.act_toggle.shortcut().toString() == "Space"
    for act in (window.act_import, window.act_toggle, window.act_refresh, window.act_find):
        assert act.toolTip()


def test_undo_history_view(window) -> None:
    window.show_undo_history()
    assert window._undo_view_window is not None and window._undo_view_window.isVisible()
