"""One writer: on SQLite a tick during an import waits in the window's database lane, not on the busy timeout,
and every write lands in the order it was asked for."""

from __future__ import annotations

import threading
import time

from db.api import Status
from db.store import open_store
from desktop.services.importing import ConfirmedPlan
from desktop.ui.dialogs.import_preview import ImportPreviewDialog
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import SEEDS, import_seed
from tests.ui.helpers import first_measure, idle


def test_a_tick_during_an_import_lands_after_it_in_order(qtbot, db_url, settings, monkeypatch) -> None:  # noqa: ANN001
    store = open_store(db_url, busy_timeout_ms=200)  # a second writer in this process would give up after 0.2 s
    try:
        import_seed(store, SEEDS[0])
        w = MainWindow(store, settings=settings)
        qtbot.addWidget(w)
        w.show()
        with qtbot.waitSignal(w.tree_loaded, timeout=10000):
            w.start()
        m = first_measure(w, done=False)
        saving = threading.Event()
        real_row = store._plan_row

        def slow_row(*args, **kw):  # noqa: ANN002, ANN003, ANN202
            if not saving.is_set():
                saving.set()  # inside the import's transaction: SQLite's write lock is held from here …
                time.sleep(0.6)  # … for three busy timeouts
            return real_row(*args, **kw)

        monkeypatch.setattr(store, "_plan_row", slow_row)
        monkeypatch.setattr(ImportPreviewDialog, "review", classmethod(
            lambda cls, parent, parsed: [ConfirmedPlan(p.name, p.plan, p.doc) for p in parsed if p.plan]))
        with qtbot.waitSignal(w.import_finished, timeout=30000) as imported:
            w.import_files([str(SEEDS[1])])
            qtbot.waitUntil(saving.is_set, timeout=20000)
            w.tick(m.id, True)  # while the import holds the lock
            assert w.item_model.row_for(m.id).status is Status.DONE  # shown at once all the same
            w.request_changes(m.id, {"note": "导入时写的进展"}, "填写进展情况")
            w.tick(m.id, False)
        idle(qtbot, w)
        (_name, result), = imported.args[0]
        assert not isinstance(result, Exception)
        assert {r.source_name for r in store.list_reports()} == {SEEDS[0].name, SEEDS[1].name}
        row = store.get_item(m.id)
        assert row.status is Status.IN_PROGRESS and row.note == "导入时写的进展"  # the untick came last
        steps = [(h.field, h.new) for h in store.history(m.id) if h.field in ("status", "note")]
        assert steps == [("status", "已完成"), ("note", "导入时写的进展"), ("status", "推进中")]
        assert w.undo_stack.count() == 3
        w.jobs.wait()
    finally:
        store.close()
