"""The 对账 view (Ctrl+D) over the scripted year: what it shows at 6/30 and 12/31, the ranking, the lists, what moved,
the 通报 it writes and the ledger it exports as of its date.

The figures are those worked out by hand in tests/services/test_review.py; here they must reach the screen.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.ui.dialogs.export_dialog import ExportDialog
from desktop.ui.dialogs.review_dialog import ReviewDialog, quick_dates
from desktop.ui.export_actions import LedgerFiles
from desktop.ui.review_view import NoticeFiles
from tests.services.year_history import Year
from tests.ui.helpers import show_report, started_window
from tests.ui.year_store import year, year_template  # noqa: F401 — fixtures

JUNE, DEC = date(2023, 6, 30), date(2023, 12, 31)


@pytest.fixture
def window(qtbot: Any, year: Year, settings: Any) -> Any:
    settings.setValue("view/light_rule", "deadline")
    w = started_window(qtbot, year.store, settings, until="reports_loaded")
    yield w
    w.jobs.wait()


def open_review(qtbot: Any, window: Any) -> ReviewDialog:
    assert window.act_review.shortcut().toString() == "Ctrl+D"
    assert window.act_review in window.menuBar().actions()[2].menu().actions()  # 查看 ▸ 年终对账
    with qtbot.waitSignal(window.review_room.review_shown, timeout=10000):
        window.act_review.trigger()
    d = window.review_room.dialog
    assert d is not None and d.isVisible()
    return d


def show(qtbot: Any, window: Any, d: ReviewDialog, as_of: date, compare: date | None = None) -> Any:
    with qtbot.waitSignal(window.review_room.review_shown, timeout=10000) as blocker:
        d.set_as_of(as_of, compare)
        d.ask_now()
    return blocker.args[0]


def names(year: Year, ids: list[Any]) -> list[str]:
    by_id = {r.id: n for n, r in year.m.items()}
    return [by_id[i] for i in ids]


def test_june_by_deadline_on_screen(qtbot: Any, window: Any, year: Year) -> None:
    d = open_review(qtbot, window)
    d.choose_year(2023)
    req = d.request()
    assert req is not None and req.year == 2023 and req.report_ids is None and req.rule == "deadline"
    review = show(qtbot, window, d, JUNE)
    assert d.title_label.text() == "关于2023年上半年工作任务推进情况的通报"
    summary = d.summary_label.text()
    assert "明确6项工作任务，细化为19项具体措施" in summary
    assert "已完成1项，占5.3%；达进度4项，占21.0%；欠进度1项，占5.3%；未启动11项，占57.9%；已延期1项，占5.3%；已取消1项，占5.2%" \
        in summary
    assert "另有1项措施在6月30日之后才导入或添加" in summary  # A3.5 came on 7/15
    counts = d.counts_label.text()
    for cell in ("<b>11</b>　57.9%", "<b>1</b>　5.2%", "<b>0</b>　0.0%", "逾期未完成 <b style='color:#c62828'>1</b>"):
        assert cell in counts
    # the ranking, as worked out by hand
    assert d.units.rows() == [(1, "干部科", 6, 1, 16.7, 1, 1, 3, 0, 0), (2, "组织科", 7, 0, 0.0, 0, 0, 3, 1, 1),
                              (2, "人才办", 4, 0, 0.0, 0, 0, 3, 0, 0),
                              (None, "（未明确牵头单位）", 2, 0, 0.0, 0, 0, 2, 0, 0)]
    assert d.units_view.model().index(0, 4).data() == "16.7%"
    d.units_view.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # 任务数: 组织科 first
    assert d.units.column("牵头单位")[:2] == ["组织科", "干部科"]
    d.units_view.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # back to the ranking; no rank stays last
    assert d.units.column("排名") == [1, 2, 2, None]
    # the problem list: lagging (overdue too), extended and not started, with the facts of that day
    assert d.tabs.tabText(1) == "问题清单（13）"
    d.problem_kind.setCurrentText("欠进度")
    [row] = d.lines.rows()
    assert row == ("欠进度·逾期", "2023年组织工作安排", "1.1", year.m["A1.1"].text, "干部科", "李四", date(2023, 5, 31),
                   "已制定方案", date(2023, 3, 15), "")
    d.problem_kind.setCurrentText("已延期")
    [row] = d.lines.rows()
    assert (row[0], row[4], row[6], row[9]) == ("已延期", "组织科", date(2023, 10, 31), "配套资金未到位")  # 6/30's reason
    d.problem_kind.setCurrentText("未启动")
    assert names(year, [d.lines.item_id(n) for n in range(d.lines.rowCount())]) == [
        "A1.4", "A2.4", "A2.5", "A2.6", "A3.2", "A3.3", "A3.4", "B2.1", "B2.2", "B3.1", "B3.2"]
    assert review.count("未启动") == 11


def test_december_against_june_and_the_schedule_rule(qtbot: Any, window: Any, year: Year) -> None:
    d = open_review(qtbot, window)
    d.choose_year(2023)
    review = show(qtbot, window, d, DEC, JUNE)
    mv = review.movement
    assert mv is not None and (mv.earlier, mv.later) == (JUNE, DEC)
    assert d.tabs.tabText(2) == f"前后变化（{d.moves.rowCount()}）"
    assert "与6月30日相比，新完成" in d.movement_label.text()
    assert ("已完成7项，占35.0%；达进度2项，占10.0%；欠进度1项，占5.0%；未启动8项，占40.0%；已延期1项，占5.0%；"
            "已取消1项，占5.0%") in d.summary_label.text()
    assert d.units.rows() == [(1, "组织科", 8, 4, 57.1, 0, 0, 3, 0, 1), (2, "人才办", 3, 1, 33.3, 0, 0, 1, 1, 0),
                              (3, "干部科", 6, 2, 33.3, 1, 1, 1, 0, 0),
                              (None, "（未明确牵头单位）", 3, 0, 0.0, 0, 0, 3, 0, 0)]
    d.units_view.sortByColumn(5, Qt.SortOrder.DescendingOrder)  # by 欠进度: 干部科 first, still ranked 3rd
    assert d.units.rows()[0][:2] == (3, "干部科")
    moved: dict[str, list[str]] = {}
    for n, label in enumerate(d.moves.column("变化")):
        moved.setdefault(str(label), []).append(names(year, [d.moves.item_id(n)])[0])
    # as worked out by hand in tests/services/test_review.py
    assert moved == {"新完成": ["A1.1", "A2.1", "A2.2", "A3.1", "B1.1", "B3.1"], "新增欠进度": ["B2.2"],
                     "赶上进度": ["A1.1"], "新增延期": ["A3.2"], "新启动": ["A1.4", "A3.2", "B2.2", "B3.1"],
                     "仍未启动": ["A2.4", "A2.5", "A2.6", "A3.3", "A3.4", "B2.1", "B3.2"]}
    a32 = d.moves.rows()[d.moves.column("变化").index("新增延期")]
    assert a32[4:7] == ("人才办", "", "已延期")
    # the 序时 rule from the view's own choice
    with qtbot.waitSignal(window.review_room.review_shown, timeout=10000) as blocker:
        d.set_as_of(JUNE)
        d.rule_combo.setCurrentIndex(d.rule_combo.findData("schedule"))
        d.ask_now()
    june = blocker.args[0]
    assert june.rule == "schedule" and june.count("超进度") == 3 and june.count("欠进度") == 2
    assert "按序时进度判断" in d.summary_label.text()


def test_quick_dates_reports_and_an_empty_choice(qtbot: Any, window: Any, year: Year) -> None:
    d = open_review(qtbot, window)
    d.choose_year(2023)
    assert [b.text() for b in d.quick_buttons] == ["6月30日", "9月30日", "12月31日", "今天"]
    d.quick_buttons[2].click()
    assert d.request().as_of == DEC  # type: ignore[union-attr]
    d.quick_buttons[0].click()
    assert d.request().as_of == JUNE  # type: ignore[union-attr]
    assert quick_dates(2022, date(2026, 12, 2))[3] == ("今天", date(2026, 12, 2))
    # one report ticked by hand: asked for by id
    for n in range(d.report_list.count()):
        it = d.report_list.item(n)
        it.setCheckState(Qt.CheckState.Checked if it.data(Qt.ItemDataRole.UserRole) == year.b
                         else Qt.CheckState.Unchecked)
    assert d.request().report_ids == (year.b,)  # type: ignore[union-attr]
    review = show(qtbot, window, d, DEC)
    assert [r.id for r in review.reports] == [year.b] and d.title_label.text().startswith("关于《")
    for n in range(d.report_list.count()):
        d.report_list.item(n).setCheckState(Qt.CheckState.Unchecked)
    d.ask_now()
    assert d.request() is None and d.status_label.text() == "请至少勾选一份报告。"


def test_the_notice_and_the_ledger_as_of_the_day(qtbot: Any, window: Any, year: Year, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import docx
    import openpyxl

    d = open_review(qtbot, window)
    d.choose_year(2023)
    show(qtbot, window, d, JUNE)
    notice = tmp_path / "通报.docx"
    monkeypatch.setattr(NoticeFiles, "save_path", classmethod(lambda cls, parent, suggested: str(notice)))
    with qtbot.waitSignal(window.review_room.notice_written, timeout=20000) as blocker:
        d.docx_button.click()
    assert blocker.args[0] == notice
    text = "\n".join(p.text for p in docx.Document(str(notice)).paragraphs)
    assert "关于2023年上半年工作任务推进情况的通报" in text and "一、总体情况" in text
    assert "未启动11项，占57.9%" in text and "截至6月30日：已制定方案。" in text
    assert "督查通报草稿已写入" in d.status_label.text()

    asked: list[Any] = []

    def answer(cls: Any, parent: Any, choices: Any, **_kw: Any) -> Any:
        asked.append(choices)
        return choices

    ledger = tmp_path / "台账.xlsx"
    monkeypatch.setattr(ExportDialog, "ask", classmethod(answer))
    monkeypatch.setattr(LedgerFiles, "save_path", classmethod(lambda cls, parent, suggested: str(ledger)))
    with qtbot.waitSignal(window.export_finished, timeout=20000) as done:
        d.export_button.click()
    [choices] = asked
    assert (choices.as_of, choices.reconcile_dates, set(choices.report_ids)) == (JUNE, (JUNE,), {year.a, year.b})
    assert done.args[0].left_out == 1
    assert "另有 1 项措施在6月30日之后才导入或添加，未列入" in window.statusBar().currentMessage()
    wb = openpyxl.load_workbook(ledger)
    assert "对账" in wb.sheetnames


def test_double_click_shows_the_measure_in_the_window(qtbot: Any, window: Any, year: Year) -> None:
    d = open_review(qtbot, window)
    d.choose_year(2023)
    show(qtbot, window, d, JUNE)
    d.problem_kind.setCurrentText("欠进度")
    d.lines_view.doubleClicked.emit(d.lines.index(0, 3))
    qtbot.waitUntil(lambda: window.current_row() is not None and window.current_row().id == year.m["A1.1"].id,
                    timeout=5000)
    # a measure of the other report: its tree opens first
    d.problem_kind.setCurrentText("未启动")
    row = names(year, [d.lines.item_id(n) for n in range(d.lines.rowCount())]).index("B3.1")
    with qtbot.waitSignal(window.tree_loaded, timeout=10000):
        d.lines_view.doubleClicked.emit(d.lines.index(row, 3))
    assert window.report_id == year.b and window.current_row().id == year.m["B3.1"].id


def test_an_edit_in_the_window_updates_the_open_view(qtbot: Any, window: Any, year: Year) -> None:
    d = open_review(qtbot, window)
    d.choose_year(2023)
    show(qtbot, window, d, date.today())  # today: an edit now counts
    before = d.review.count("已完成")  # type: ignore[union-attr]
    m = year.m["A3.3"]  # 未启动
    show_report(qtbot, window, year.a)
    with qtbot.waitSignal(window.review_room.review_shown, timeout=10000) as blocker:
        window.tick(m.id, True)
    assert blocker.args[0].count("已完成") == before + 1
