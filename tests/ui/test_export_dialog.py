"""The export's options in the window (Ctrl+E): as of a day, status and unit filters, one sheet, 对账, signature,
and the count of measures an as-of export left out."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QDate

from desktop.core.ledger_model import Signature
from desktop.ui.dialogs.export_dialog import ExportChoices, ExportDialog
from desktop.ui.export_actions import LedgerFiles
from tests.services.year_history import Year
from tests.ui.helpers import started_window
from tests.ui.year_store import year, year_template  # noqa: F401 — fixtures

JUNE, DEC = date(2023, 6, 30), date(2023, 12, 31)


@pytest.fixture
def window(qtbot: Any, year: Year, settings: Any) -> Any:
    w = started_window(qtbot, year.store, settings)
    yield w
    w.jobs.wait()


def test_the_dialog_reads_back_what_was_set(qtbot: Any, settings: Any) -> None:
    d = ExportDialog(ExportChoices(report_ids=(3,)), units=["组织科", "干部科", "组织科", ""], today=date(2023, 12, 2),
                     settings=settings)
    qtbot.addWidget(d)
    assert d.choices() == ExportChoices(report_ids=(3,))  # untouched: the plain export of before
    assert [d.unit_combo.itemText(n) for n in range(d.unit_combo.count())] == ["全部单位", "干部科", "组织科"]
    assert not d.as_of_edit.isEnabled() and not d.reconcile_days[0][1].isEnabled()
    d.as_of_box.setChecked(True)
    d.as_of_edit.setDate(QDate(2023, 6, 30))
    d.status_boxes["未启动"].setChecked(True)
    d.status_boxes["已延期"].setChecked(True)
    d.unit_combo.setCurrentText("组织科")
    d.one_sheet.setChecked(True)
    d.reconcile_box.setChecked(True)  # 6/30 and 12/31 of the year by default
    d.signature_box.setChecked(True)
    for edit, text in zip(d.signature_edits, ("组织部", "张三", "", "1234567", "")):
        edit.setText(text)
    assert d.choices() == ExportChoices(report_ids=(3,), as_of=JUNE, statuses=("未启动", "已延期"), unit="组织科",
                                        one_sheet=True, reconcile_dates=(JUNE, DEC),
                                        signature=Signature("组织部", "张三", "", "1234567", ""))
    d.reconcile_days[1][0].setChecked(False)
    d.reconcile_days[2][0].setChecked(True)
    d.reconcile_days[2][1].setDate(QDate(2023, 3, 31))
    assert d.choices().reconcile_dates == (date(2023, 3, 31), JUNE)  # in date order
    d.accept()
    again = ExportDialog(ExportChoices(), settings=settings)  # the names are remembered, the date is not
    qtbot.addWidget(again)
    assert [e.text() for e in again.signature_edits] == ["组织部", "张三", "", "1234567", ""]
    assert again.choices().signature is None  # offered, not switched on


def _answer_with(monkeypatch: pytest.MonkeyPatch, setup: Any, seen: list[Any]) -> None:
    """The real dialog, set up as a clerk would, then accepted."""
    def ask(cls: Any, parent: Any, choices: Any, *, units: Any = (), settings: Any = None) -> Any:
        d = cls(choices, units=units, settings=settings, parent=parent)
        seen.append((choices, list(units)))
        setup(d)
        d.accept()
        return d.choices()

    monkeypatch.setattr(ExportDialog, "ask", classmethod(ask))


def test_an_as_of_export_of_one_unit_with_signature(qtbot: Any, window: Any, year: Year, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "台账.xlsx"
    suggested: list[str] = []
    monkeypatch.setattr(LedgerFiles, "save_path",
                        classmethod(lambda cls, parent, name: (suggested.append(name), str(out))[1]))

    def setup(d: ExportDialog) -> None:
        d.as_of_box.setChecked(True)
        d.as_of_edit.setDate(QDate(2023, 6, 30))
        d.unit_combo.setCurrentText("组织科")
        d.signature_box.setChecked(True)
        d.signature_edits[0].setText("组织部")

    seen: list[Any] = []
    _answer_with(monkeypatch, setup, seen)
    with qtbot.waitSignal(window.tree_loaded, timeout=10000):
        window.select_report(year.a)
    with qtbot.waitSignal(window.export_finished, timeout=20000) as blocker:
        window.act_export.trigger()
    [(preset, units)] = seen
    assert preset.report_ids == (year.a,) and preset.scope == "《2023年组织工作安排》"
    assert {"组织科", "干部科", "人才办"} <= set(units)  # the units of the loaded rows are offered
    assert "截至6月30日" in Path(suggested[0]).name
    result = blocker.args[0]
    assert result.left_out == 1  # A3.5, added on 7/15
    assert window.statusBar().currentMessage().endswith("；另有 1 项措施在6月30日之后才导入或添加，未列入")
    wb = openpyxl.load_workbook(out)
    ws = wb.worksheets[0]
    cells = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    assert any("组织部" in c for c in cells) and any(c.startswith("填报单位") for c in cells)
    units_col = [c.value for c in next(col for col in ws.iter_cols() if col[2].value == "牵头单位")][3:]
    assert {u for u in units_col if u} == {"组织科"}  # the unit filter (A3.1 was 人才办 on 6/30)


def test_status_filter_one_sheet_and_reconcile_over_all_reports(qtbot: Any, window: Any, year: Year, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.ui.models.report_list import ALL_REPORTS

    out = tmp_path / "全部.xlsx"
    monkeypatch.setattr(LedgerFiles, "save_path", classmethod(lambda cls, parent, name: str(out)))

    def setup(d: ExportDialog) -> None:
        d.status_boxes["已完成"].setChecked(True)
        d.status_boxes["已办结"].setChecked(True)
        d.one_sheet.setChecked(True)
        d.reconcile_box.setChecked(True)
        d.reconcile_days[0][1].setDate(QDate(2023, 6, 30))
        d.reconcile_days[1][1].setDate(QDate(2023, 12, 31))

    seen: list[Any] = []
    _answer_with(monkeypatch, setup, seen)
    with qtbot.waitSignal(window.tree_loaded, timeout=10000):
        window.select_report(ALL_REPORTS)
    with qtbot.waitSignal(window.export_finished, timeout=20000) as blocker:
        window.act_export.trigger()
    assert seen[0][0].report_ids is None and seen[0][0].scope == "全部报告"
    assert blocker.args[0].sheets == 1 and blocker.args[0].left_out == 0
    assert "未列入" not in window.statusBar().currentMessage()
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:2] == ["工作台账", "对账"]
    head = [c.value for c in wb["对账"][3]]
    assert "2023年6月30日" in head and "2023年12月31日" in head
    ws = wb["工作台账"]
    head = [c.value for c in ws[3]]
    rows = [dict(zip(head, (c.value for c in row))) for row in ws.iter_rows(min_row=4)]
    measures = {m.uuid for m in year.m.values()}
    statuses = [r["完成状态"] for r in rows if r.get("标识（请勿修改）") in measures]
    assert set(statuses) == {"已完成", "已办结"} and len(statuses) == 7  # A1.1, A1.2, A2.1, A2.2, B1.1, B3.1 and A3.1 (办结)


def test_a_filter_that_matches_nothing_says_so(qtbot: Any, window: Any, tmp_path: Path, messages: list[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "空.xlsx"
    monkeypatch.setattr(LedgerFiles, "save_path", classmethod(lambda cls, parent, name: str(out)))
    _answer_with(monkeypatch, lambda d: d.unit_combo.setCurrentText("不存在的科"), [])
    window.act_export.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    assert "导出失败" in messages[0] and "不存在的科" in messages[0] and not out.exists()
    messages.clear()
