"""The detail pane's 进展记录 (each entry with its date) and a carried measure's origin, which selects the origin."""

from __future__ import annotations

from typing import Any

from db.carry import NewReport
from tests.ui.helpers import first_measure, idle, show_report


def _show(qtbot: Any, window: Any, item_id: int) -> None:
    with qtbot.waitSignal(window.detail_side.dated_shown, timeout=10000):
        assert window.select_item(item_id)


def test_the_progress_log_lists_each_entry_with_its_date(qtbot: Any, window: Any) -> None:
    m = first_measure(window)
    _show(qtbot, window, m.id)
    pane = window.detail
    assert pane.progress_model.rowCount() == 0 and not pane.origin_button.isVisibleTo(pane)
    assert [pane._tabs.tabText(n) for n in range(pane._tabs.count())][-1] == "进展记录"
    with qtbot.waitSignal(window.detail_side.dated_shown, timeout=10000):
        window.request_changes(m.id, {"note": "3月：已召开推进会"}, "填写进展情况")
    with qtbot.waitSignal(window.detail_side.dated_shown, timeout=10000):
        window.request_changes(m.id, {"note": "3月：已召开推进会\n6月：完成初稿"}, "填写进展情况")
    entries = pane.progress_model.entries()
    assert [e.text for e in entries] == ["6月：完成初稿", "3月：已召开推进会"]  # newest first, only what was added
    assert all(e.at is not None and e.who == window.who for e in entries)
    shown = pane.progress_model.index(0, 0).data()
    assert shown == entries[0].at.strftime("%Y-%m-%d %H:%M")
    assert pane.progress_model.index(0, 2).data() == "6月：完成初稿"
    # a tick leaves the note alone: the log is not read again (no extra trip to the database)
    reads: list[int] = []
    window.detail_side.dated_shown.connect(reads.append)
    window.tick(m.id, True)
    idle(qtbot, window)
    assert reads == [] and pane.progress_model.rowCount() == 2


def test_a_carried_measure_shows_and_selects_its_origin(qtbot: Any, window: Any, seeded: Any) -> None:
    origin = first_measure(window)
    result = seeded.carry_forward([origin.id], new_report=NewReport("下一年计划（结转）", 2024), who="测试")
    [copy] = result.copies
    with qtbot.waitSignal(window.reports_loaded, timeout=10000):
        window.reload_reports()
    show_report(qtbot, window, result.target_report_id)
    _show(qtbot, window, copy.id)
    button = window.detail.origin_button
    assert button.isVisibleTo(window.detail) and button.isEnabled()
    report = next(r for r in window.report_model.reports() if r.id == origin.report_id)
    assert button.text().startswith(f"结转自 《{report.title}》1.") and "测试" in button.toolTip()
    with qtbot.waitSignal(window.tree_loaded, timeout=10000):
        button.click()
    assert window.report_id == origin.report_id and window.current_row().id == origin.id
    qtbot.waitUntil(lambda: not window.detail.origin_button.isVisibleTo(window.detail), timeout=5000)  # not carried
