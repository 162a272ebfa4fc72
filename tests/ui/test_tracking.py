"""Ticking, editing, undo and conflicts go straight to the real store."""

from __future__ import annotations

import threading
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QTreeView

from db.api import Status
from desktop.ui.models.report_list import ALL_REPORTS
from tests.ui.helpers import first_measure, idle, show_report


def test_window_shows_reports_and_tree(window, seeded, qtmodeltester) -> None:
    reports = seeded.list_reports()
    assert {r.id for r in window.report_model.reports()} == {r.id for r in reports}
    qtmodeltester.check(window.report_model)
    assert window.report_id is not None
    qtmodeltester.check(window.item_model)
    assert window.item_model.rowCount() > 0


def test_space_ticks_measure_and_undo_reverts_in_store(qtbot, window, seeded) -> None:
    rid = seeded.list_reports()[0].id
    show_report(qtbot, window, rid)
    m = first_measure(window, done=False)
    assert window.select_item(m.id)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Space)
    assert window.item_model.row_for(m.id).status == Status.DONE  # shown at once, before the store answers
    assert window.item_model.row_for(m.parent_id).done_children == window.item_model.row_for(m.parent_id).done_children
    assert not window.act_undo.isEnabled()  # the step is not on the stack until the write has settled
    idle(qtbot, window)
    assert seeded.get_item(m.id).status == Status.DONE
    assert window.item_model.row_for(m.id) == seeded.get_item(m.id)
    parent = window.item_model.row_for(m.parent_id)
    assert parent == seeded.get_item(m.parent_id) and parent.done_children >= 1
    report = next(r for r in window.report_model.reports() if r.id == rid)
    assert report == seeded.get_report(rid)  # the report list's figures came with the write
    window.undo()
    idle(qtbot, window)
    assert seeded.get_item(m.id).status == m.status
    assert window.item_model.row_for(m.id).status == m.status
    window.redo()
    idle(qtbot, window)
    assert seeded.get_item(m.id).status == Status.DONE
    assert [h.field for h in seeded.history(m.id)].count("status") == 3


def test_ticking_an_item_ticks_its_measures_as_one_step(qtbot, window, seeded) -> None:
    rid = seeded.list_reports()[0].id
    show_report(qtbot, window, rid)
    item = next(r for r in window.item_model.loaded_rows() if not r.is_measure)
    window.select_item(item.id)
    window.act_toggle.trigger()
    shown = [window.item_model.row_for(i) for i in window.item_model.children_ids(item.id)]
    assert all(r.status == Status.DONE for r in shown)  # at once
    assert window.item_model.row_for(item.id).done_children == len(shown)
    idle(qtbot, window)
    kids = [r for r in seeded.item_tree(rid) if r.parent_id == item.id]
    assert kids and all(k.status == Status.DONE for k in kids)
    assert window.undo_stack.count() == 1
    # one transaction: every measure's history has the same moment
    assert len({seeded.history(k.id)[-1].at for k in kids}) == 1
    window.undo()
    idle(qtbot, window)
    assert all(seeded.get_item(k.id).status == Status.NOT_STARTED for k in kids)


def test_ticking_an_item_leaves_cancelled_measures_cancelled(qtbot, window, seeded) -> None:
    rid = seeded.list_reports()[0].id
    item = next(r for r in seeded.item_tree(rid) if not r.is_measure and r.child_count >= 2)
    dropped = next(r for r in seeded.item_tree(rid) if r.parent_id == item.id)
    seeded.set_status(dropped.id, Status.CANCELLED, expected_version=dropped.version, who="t")
    show_report(qtbot, window, rid)
    with qtbot.waitSignal(window.tree_loaded, timeout=10000):
        window.refresh()
    window.select_item(item.id)
    window.act_toggle.trigger()  # tick: every live measure done, the dropped one stays dropped
    idle(qtbot, window)
    kids = {k.id: k.status for k in seeded.item_tree(rid) if k.parent_id == item.id}
    assert kids.pop(dropped.id) == Status.CANCELLED
    assert set(kids.values()) == {Status.DONE}
    window.select_item(item.id)
    window.act_toggle.trigger()  # all live measures done, so the same key unticks them
    idle(qtbot, window)
    kids = {k.id: k.status for k in seeded.item_tree(rid) if k.parent_id == item.id}
    assert kids.pop(dropped.id) == Status.CANCELLED
    assert Status.DONE not in kids.values()


def test_detail_pane_edits_are_saved_and_undoable(qtbot, window, seeded) -> None:
    m = first_measure(window)
    window.select_item(m.id)
    assert window.detail.row.id == m.id
    owner = window.detail.line_edit("owner")
    owner.setText("王小明")
    owner.editingFinished.emit()
    idle(qtbot, window)
    assert seeded.get_item(m.id).owner == "王小明"
    window.detail.note_edit.setPlainText("已召开专题会议")
    window.detail.commit_note()
    idle(qtbot, window)
    assert seeded.get_item(m.id).note == "已召开专题会议"
    window.detail.extend(date(2030, 3, 31), "等待上级文件")
    idle(qtbot, window)
    after = seeded.get_item(m.id)
    assert after.status == Status.EXTENDED and after.due == date(2030, 3, 31)
    assert after.original_due == m.due and after.delay_reason == "等待上级文件"
    qtbot.waitUntil(lambda: window.detail.history_model.rowCount() >= 3, timeout=5000)  # read off the UI thread
    window.undo()  # the extension
    idle(qtbot, window)
    assert seeded.get_item(m.id).due == m.due
    window.undo()  # the note
    idle(qtbot, window)
    window.undo()  # the owner
    idle(qtbot, window)
    back = seeded.get_item(m.id)
    assert (back.owner, back.note, back.status) == (m.owner, m.note, m.status)


def test_history_follows_the_selection(qtbot, window, seeded) -> None:
    a, b = [r for r in window.item_model.loaded_rows() if r.is_measure][:2]
    for row, note in ((a, "甲的进展"), (b, "乙的进展")):
        seeded.update_item(row.id, {"note": note}, expected_version=row.version, who="t")
    with qtbot.waitSignal(window.history_shown, check_params_cb=lambda item_id: item_id == b.id, timeout=5000):
        window.select_item(a.id)
        window.select_item(b.id)  # before a's history has arrived
    shown = window.detail.history_model
    assert shown.rowCount() >= 1
    assert {h.item_id for h in shown.rows()} == {b.id}


def test_in_place_status_edit(qtbot, window, seeded) -> None:
    from desktop.ui.models.item_tree import Column

    m = first_measure(window, done=False)
    idx = window.item_model.index_of(m.id, Column.STATUS)
    assert window.item_model.setData(idx, "已完成", Qt.ItemDataRole.EditRole)
    idle(qtbot, window)
    assert seeded.get_item(m.id).status == Status.DONE
    assert window.item_model.setData(idx, "已办结", Qt.ItemDataRole.EditRole)
    idle(qtbot, window)
    assert seeded.get_item(m.id).status == Status.CLOSED


def test_status_rules_refuse_closing_undone_work_and_bare_extensions(qtbot, window, seeded, messages) -> None:
    m = first_measure(window, done=False)
    window.select_item(m.id)
    combo = window.detail.status_combo
    for word in ("已办结", "已延期"):
        combo.setCurrentIndex(combo.findData(Status(word)))
        combo.activated.emit(combo.currentIndex())
        assert seeded.get_item(m.id).status == m.status and seeded.get_item(m.id).version == m.version
        assert combo.currentData() == m.status  # the editor shows what is stored again
    assert "只能在“已完成”之后" in messages[0] and "登记延期" in messages[1]
    messages.clear()
    assert window.undo_stack.count() == 0


def test_an_extension_must_move_the_deadline_later(qtbot, window, seeded, messages) -> None:
    m = next(r for r in window.item_model.loaded_rows() if r.is_measure and r.due is not None)
    window.select_item(m.id)
    window.detail.extend(m.due, "等待上级文件")
    assert "不晚于现在的完成时限" in messages.pop()
    assert seeded.get_item(m.id).status == m.status
    window.detail.extend(date(m.due.year + 1, 1, 31), "等待上级文件")
    idle(qtbot, window)
    first = seeded.get_item(m.id)
    assert first.status == Status.EXTENDED and first.original_due == m.due
    window.detail.extend(date(m.due.year + 1, 1, 15), "再次延期")  # earlier than the granted extension
    assert "不晚于现在的完成时限" in messages.pop()
    assert seeded.get_item(m.id).due == first.due


def test_conflict_is_explained_and_view_refreshed(qtbot, window, seeded, db_url, messages) -> None:
    from db.store import open_store

    shown = messages
    m = first_measure(window, done=False)
    other = open_store(db_url)
    try:
        cur = other.get_item(m.id)
        other.update_item(m.id, {"note": "另一位同事写的进展"}, expected_version=cur.version, who="同事")
    finally:
        other.close()
    window.select_item(m.id)
    window.act_toggle.trigger()
    assert window.item_model.row_for(m.id).status == Status.DONE  # shown at once …
    idle(qtbot, window)
    assert shown and "其他人修改过" in shown[0]
    assert seeded.get_item(m.id).status == m.status  # … but nothing written
    assert window.item_model.row_for(m.id).status == m.status  # and taken back
    assert window.item_model.row_for(m.id).note == "另一位同事写的进展"
    assert window.undo_stack.count() == 0
    messages.clear()
    # after the refresh the same tick works
    window.select_item(m.id)
    window.act_toggle.trigger()
    idle(qtbot, window)
    assert seeded.get_item(m.id).status == Status.DONE


def test_filters_in_window_keep_selection(qtbot, window, seeded) -> None:
    m = first_measure(window)
    window.select_item(m.id)
    total = window.item_model.visible_count()
    window.filter_bar.search.setText(m.title[:6])
    assert 0 < window.item_model.visible_count() < total
    assert window.current_row().id == m.id
    window.filter_bar.search.setText("")
    window.filter_bar.overdue.setChecked(True)
    assert all(r.overdue for r in window.item_model.loaded_rows()
               if r.is_measure and window.item_model.index_of(r.id).isValid())
    window.filter_bar.clear()
    assert window.item_model.visible_count() == total


def test_clearing_a_search_restores_a_big_expansion_in_steps(qtbot, window, monkeypatch) -> None:
    import desktop.ui.tree_expansion as mw

    # The seed's biggest tree stands in for a huge one: no measures may be laid out at once, 1 item a turn;
    # in a short window, so the clerk's row is scrolled to, below items still to be opened.
    show_report(qtbot, window, max(window.report_model.reports(), key=lambda r: r.measure_count).id)
    monkeypatch.setattr(mw, "LAYOUT_AT_ONCE_ROWS", window.item_model.rowCount())
    monkeypatch.setattr(mw, "EXPAND_STEP_SECONDS", 0.0)
    model, tree = window.item_model, window.tree
    window.resize(1000, 270)
    tree.expandAll()
    parents = model.parent_ids()
    assert len(parents) >= 3
    last = next(r for r in reversed(model.loaded_rows()) if r.is_measure and r.parent_id is not None)
    window.select_item(last.id)
    window.filter_bar.search.setText(last.title[:8])
    window.filter_bar.search.setText("")
    expanded = [p for p in parents if tree.isExpanded(model.index_of(p))]
    assert tree.isExpanded(model.index_of(last.parent_id))  # the clerk's row is shown at once
    assert len(expanded) < len(parents)  # the rest follows between events
    assert window.current_row().id == last.id
    tree.scrollTo(model.index_of(last.id))
    top = tree.indexAt(QPoint(0, 0)).internalId()
    assert top != model.index(0, 0).internalId()  # scrolled: items still to open lie above what is shown
    qtbot.waitUntil(lambda: all(tree.isExpanded(model.index_of(p)) for p in parents), timeout=5000)
    assert tree.indexAt(QPoint(0, 0)).internalId() == top  # and opening them did not move the view
    # a new search stops a restore under way: it must not expand an item the clerk then closes
    first_item_measure = next(r for r in model.loaded_rows() if r.parent_id == parents[0])
    window.filter_bar.search.setText(last.title[:8])
    window.filter_bar.search.setText("")
    assert not tree.isExpanded(model.index_of(parents[0]))  # still waiting for its turn
    window.filter_bar.search.setText(first_item_measure.title)
    tree.collapse(model.index_of(parents[0]))
    qtbot.wait(100)
    assert model.index_of(parents[0]).isValid() and not tree.isExpanded(model.index_of(parents[0]))


def test_a_search_opens_the_clerks_item_at_once_and_the_other_matches_after_the_frame(qtbot, window,
                                                                                    monkeypatch) -> None:
    import desktop.ui.tree_expansion as mw

    show_report(qtbot, window, max(window.report_model.reports(), key=lambda r: r.measure_count).id)
    monkeypatch.setattr(mw, "LAYOUT_AT_ONCE_ROWS", 0)  # no item but the clerk's fits the keystroke's frame
    model, tree = window.item_model, window.tree
    window.resize(1000, 270)
    rows = model.loaded_rows()
    top_items = {r.id for r in rows if r.parent_id is None}
    last = next(r for r in reversed(rows) if r.is_measure and r.parent_id in top_items)
    # a letter of its title that measures of other items have too
    word = next(ch for ch in last.title
                if len({r.parent_id for r in rows if r.is_measure and r.parent_id in top_items and ch in r.title}) >= 3)
    window.select_item(last.id)
    window.filter_bar.search.setText(word)
    parents = model.parent_ids()
    assert len(parents) >= 3 and model.visible_count() <= mw.EXPAND_MATCHES_LIMIT
    assert tree.isExpanded(model.index_of(last.parent_id)) and window.current_row().id == last.id
    assert not all(tree.isExpanded(model.index_of(p)) for p in parents)  # the rest follows between events
    top = tree.indexAt(QPoint(0, 0)).internalId()
    assert top != model.index(0, 0).internalId()  # scrolled to the clerk's row: items to open lie above it
    qtbot.waitUntil(lambda: all(tree.isExpanded(model.index_of(p)) for p in parents), timeout=5000)
    assert tree.indexAt(QPoint(0, 0)).internalId() == top  # and opening them did not move the view
    # the clerk closes an item before the rest opens: it stays closed
    window.filter_bar.search.setText("")
    window.filter_bar.search.setText(word)
    tree.collapse(model.index_of(last.parent_id))
    qtbot.waitUntil(lambda: all(tree.isExpanded(model.index_of(p)) for p in parents if p != last.parent_id),
                    timeout=5000)
    assert not tree.isExpanded(model.index_of(last.parent_id))


def test_what_the_screen_shows_after_each_step_of_a_restore_is_the_tree_as_it_now_is(qtbot, store, settings,
                                                                                    monkeypatch) -> None:
    # A step repaints the tree only if it changed what the screen shows: this checks the screen, not a count.
    import desktop.ui.tree_expansion as te
    from desktop.ui.models.item_tree import HOLD_BACK_MIN_ROWS
    from tests.db.plans import make_plan
    from tests.ui.helpers import started_window

    items = HOLD_BACK_MIN_ROWS + 300
    store.import_plan(make_plan(items=items, measures=2), sha256="c" * 64, original_text="")
    monkeypatch.setattr(te, "LAYOUT_AT_ONCE_ROWS", 0)  # every item but the clerk's opens in a later step
    monkeypatch.setattr(te, "EXPAND_STEP_SECONDS", 0.004)  # a few items a step
    stale: list[int] = []
    steps = [0]
    step = te.TreeExpansion._expand_later

    def checked(self: te.TreeExpansion, *args: Any, **kwargs: Any) -> None:
        step(self, *args, **kwargs)
        QApplication.sendPostedEvents()  # the paint the step asked for, if it asked for one
        steps[0] += 1
        shown, fresh = _shown_and_fresh(self._tree)
        if shown != fresh:
            stale.append(steps[0])

    monkeypatch.setattr(te.TreeExpansion, "_expand_later", checked)
    window = started_window(qtbot, store, settings)
    model, tree = window.item_model, window.tree
    qtbot.waitUntil(lambda: not model.has_held_back, timeout=5000)
    window.resize(1000, 400)
    rows = model.loaded_rows()
    window.select_item(rows[-1].id)  # the clerk's row far down: items above it open, and the view must not move
    for top in (False, True):  # the items opening above the clerk's row, then on the screen
        if top:
            tree.scrollToTop()
        for text in ("措施", ""):
            window.filter_bar.search.setText(text)
            qtbot.waitUntil(lambda: not model.has_held_back and all(
                tree.isExpanded(model.index(r, 0)) for r in range(model.rowCount())), timeout=10000)
    assert steps[0] > 10 and stale == []


def _shown_and_fresh(tree: QTreeView) -> tuple[QImage, QImage]:
    """The tree's viewport as the screen shows it, and as painted now."""
    viewport = tree.viewport()
    window = viewport.window()
    at = viewport.mapTo(window, QPoint(0, 0))
    shown = window.screen().grabWindow(window.winId(), at.x(), at.y(), viewport.width(), viewport.height()).toImage()
    return shown, viewport.grab().toImage().convertToFormat(shown.format())


class _PaintCount(QObject):
    """Counts the paint events of the widget it filters."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_a_big_tree_shows_the_screens_rows_at_once_and_its_other_items_after_the_frame(qtbot, store, settings,
                                                                                     qtmodeltester) -> None:
    from desktop.ui.models.item_tree import HOLD_BACK_MIN_ROWS
    from tests.db.plans import make_plan
    from tests.ui.helpers import started_window

    items = HOLD_BACK_MIN_ROWS + 300
    store.import_plan(make_plan(items=items, measures=2), sha256="b" * 64, original_text="")
    window = started_window(qtbot, store, settings)
    model, tree = window.item_model, window.tree
    assert 0 < model.rowCount() < items  # the first load shows what fits the window; the rest follows
    qtbot.waitUntil(lambda: model.rowCount() == items, timeout=5000)
    qtmodeltester.check(model)
    window.resize(1000, 400)
    rows = model.loaded_rows()
    near_top = rows[7]  # a measure of the third item
    assert near_top.is_measure and near_top.parent_id == rows[6].id
    window.select_item(near_top.id)
    qtbot.wait(50)
    top = tree.indexAt(QPoint(0, 0)).internalId()
    for text in ("措施", ""):  # every measure matches (shown expanded), then the whole tree again
        window.filter_bar.search.setText(text)
        shown = [model.index(r, 0).internalId() for r in range(model.rowCount())]
        assert 0 < len(shown) < items and window.current_row().id == near_top.id
        assert tree.isExpanded(model.index_of(near_top.parent_id)) and tree.isExpanded(model.index(0, 0))
        qtbot.waitUntil(lambda: not model.has_held_back, timeout=5000)
        assert [model.index(r, 0).internalId() for r in range(len(shown))] == shown  # the rest came below them
        qtbot.waitUntil(lambda: all(tree.isExpanded(model.index(r, 0)) for r in range(items)), timeout=5000)
        assert tree.indexAt(QPoint(0, 0)).internalId() == top and window.current_row().id == near_top.id
    # while a job runs the items open after it, but the rows are not kept back that long
    release = threading.Event()
    window.jobs.work(release.wait, 10)
    paints = _PaintCount()
    tree.viewport().installEventFilter(paints)
    window.filter_bar.search.setText("措施")
    assert model.has_held_back
    qtbot.waitUntil(lambda: not model.has_held_back, timeout=5000)
    qtbot.wait(100)
    assert window.jobs.busy and not all(tree.isExpanded(model.index(r, 0)) for r in range(items))
    assert paints.count == 1  # the keystroke's frame; the rows below, laid out off the screen, paint nothing
    tree.viewport().removeEventFilter(paints)
    release.set()
    qtbot.waitUntil(lambda: all(tree.isExpanded(model.index(r, 0)) for r in range(items)), timeout=5000)
    # 全部展开 right after a search opens every item at once, the ones held back too
    window.filter_bar.search.setText("")
    window.filter_bar.search.setText("措施")
    assert model.has_held_back
    window.window_actions.expand.trigger()
    assert model.rowCount() == items and all(tree.isExpanded(model.index(r, 0)) for r in range(items))
    # the clerk's row far down: every row down to it is shown at once
    last = rows[-1]
    window.select_item(last.id)
    for text in ("", "措施"):
        window.filter_bar.search.setText(text)
        assert model.rowCount() == items and window.current_row().id == last.id
    assert tree.visualRect(model.index_of(last.id)).intersects(tree.viewport().rect())
    qtmodeltester.check(model)


def test_a_search_opens_every_item_on_the_screen_in_its_own_frame(qtbot, store, settings) -> None:
    # The keystroke opens only the items its first screens show (the rest a turn later), and every one the screen
    # shows. (Scrolled down with no row chosen, the items on the screen still open a turn later.)
    from desktop.ui.models.item_tree import HOLD_BACK_MIN_ROWS
    from tests.db.plans import make_plan
    from tests.ui.helpers import started_window

    items = HOLD_BACK_MIN_ROWS + 300
    store.import_plan(make_plan(items=items, measures=1), sha256="d" * 64, original_text="")
    window = started_window(qtbot, store, settings)
    model, tree = window.item_model, window.tree
    qtbot.waitUntil(lambda: not model.has_held_back, timeout=5000)
    window.resize(1000, 700)
    qtbot.wait(50)
    for text in ("措施", "", "措施", ""):
        window.filter_bar.search.setText(text)
        opened = [tree.isExpanded(model.index(r, 0)) for r in range(model.rowCount())]
        assert model.has_held_back or not all(opened)  # the rest follows between events
        idx, seen = tree.indexAt(QPoint(0, 0)), 0
        while idx.isValid() and tree.visualRect(idx).top() < tree.viewport().height():
            assert not model.hasChildren(idx) or tree.isExpanded(idx), (text, seen)
            idx, seen = tree.indexBelow(idx), seen + 1
        assert seen > 10
        qtbot.waitUntil(lambda: not model.has_held_back and all(
            tree.isExpanded(model.index(r, 0)) for r in range(model.rowCount())), timeout=5000)


@pytest.mark.parametrize("all_reports", [False, True], ids=["tree", "all reports"])
def test_a_search_repaints_the_list_once(qtbot, store, settings, all_reports) -> None:
    # Each paint of the list is most of a keystroke's time: a second one, asked for by a layout left to the
    # view, doubled the work a search gives the window. Enough rows to scroll; few enough to open at once
    # (a scroll bar coming or going resizes the view, which Qt repaints, rightly).
    from tests.db.plans import make_plan
    from tests.ui.helpers import started_window

    store.import_plan(make_plan(items=30, measures=4), sha256="c" * 64, original_text="")
    window = started_window(qtbot, store, settings)
    if all_reports:
        show_report(qtbot, window, ALL_REPORTS)
    model, view = window.item_model, window.views.view
    window.resize(1000, 600)
    idle(qtbot, window)
    qtbot.wait(300)  # the panes built after the first load have settled
    paints = _PaintCount()
    view.viewport().installEventFilter(paints)
    total, width = model.visible_count(), view.width()
    for text in ("措施1", "措施2", ""):  # each still more rows than the view shows: the scroll bar stays
        paints.count = 0
        window.filter_bar.search.setText(text)
        qtbot.wait(200)
        assert model.visible_count() == total if not text else 0 < model.visible_count() < total
        assert view.width() == width  # the search box's clear button did not push the panes over
        assert paints.count == 1, f"searching {text!r} painted the list {paints.count} times"
    view.viewport().removeEventFilter(paints)
    window.jobs.wait()


def test_all_reports_view_lists_every_measure(qtbot, window, seeded, qtmodeltester) -> None:
    show_report(qtbot, window, ALL_REPORTS)
    qtmodeltester.check(window.item_model)
    expected = sum(r.measure_count for r in seeded.list_reports())
    assert window.item_model.is_flat and window.item_model.rowCount() == expected


def test_refresh_keeps_selection_and_expansion(qtbot, window, seeded) -> None:
    m = first_measure(window)
    window.select_item(m.id)
    parent_idx = window.item_model.index_of(m.parent_id)
    window.tree.setExpanded(parent_idx, True)
    with qtbot.waitSignal(window.tree_loaded, timeout=10000):
        window.refresh()
    assert window.current_row().id == m.id
    assert window.tree.isExpanded(window.item_model.index_of(m.parent_id))


@pytest.mark.parametrize("rule", ["deadline", "schedule"])
def test_light_rule_is_remembered(window, settings, rule) -> None:
    window.set_light_rule(rule)
    assert settings.value("view/light_rule") == rule


def test_a_search_that_keeps_the_cursor_row_does_not_read_it_again(qtbot, window, seeded) -> None:
    m = first_measure(window)
    with qtbot.waitSignal(window.history_shown, timeout=5000):
        window.select_item(m.id)
    word = m.title[:2]
    with qtbot.assertNotEmitted(window.history_shown, wait=300):
        window.filter_bar.search.setText(word)  # the tree is reset; the cursor goes back on the same row
        qtbot.wait(50)
    assert window.tree.currentIndex().internalId() == m.id and window.detail.row == m
    # a new version of the row (another clerk's change, seen on a refresh) is still shown, its history read again
    before = window.detail.history_model.rowCount()
    seeded.update_item(m.id, {"note": "新的进展"}, expected_version=m.version, who="t")
    window.refresh()
    qtbot.waitUntil(lambda: window.detail.row.note == "新的进展", timeout=5000)
    qtbot.waitUntil(lambda: window.detail.history_model.rowCount() == before + 1, timeout=5000)


def test_the_detail_pane_shows_the_row_the_cursor_lands_on_when_a_view_is_shown(qtbot, window, seeded) -> None:
    # Back from the all-reports list the tree takes the focus and Qt puts the cursor on its first row;
    # the pane must show that row (what space would tick), not an empty hint.
    report = window.report_id
    window.activateWindow()
    show_report(qtbot, window, ALL_REPORTS)
    window.views.view.setFocus()
    show_report(qtbot, window, report)
    idle(qtbot, window)
    current = window.tree.currentIndex()
    assert current.isValid()
    # the pane follows in a pass after the tree's first paint (the next test)
    qtbot.waitUntil(lambda: window.detail.row is not None and window.detail.row.id == current.internalId())


def test_a_row_the_cursor_lands_on_in_a_load_is_shown_after_the_loaded_view_has_painted(qtbot, window) -> None:
    # The pane's texts and the loaded view's first paint in one event-loop pass made one stall of both.
    report = window.report_id
    first = [r for r in window.tree_model.loaded_rows() if r.is_measure][-1]
    window.select_item(first.id)
    qtbot.waitUntil(lambda: window.detail.row == first)
    window.activateWindow()
    show_report(qtbot, window, ALL_REPORTS)  # returns once the rows are in, before any later pass
    table = window.views.view
    cursor = table.currentIndex()
    assert cursor.isValid() and cursor.internalId() != first.id  # showing the table put the cursor on its first row
    assert window.detail.row == first
    painted: list[int] = []

    class PaintSpy(QObject):
        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(window.detail.row.id)
            return False

    spy = PaintSpy()
    table.viewport().installEventFilter(spy)
    qtbot.waitUntil(lambda: window.detail.row is not None and window.detail.row.id == cursor.internalId())
    table.viewport().removeEventFilter(spy)
    assert painted and painted[0] == first.id  # the table painted while the pane still showed the row before
    show_report(qtbot, window, report)
