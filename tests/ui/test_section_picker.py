"""Import preview: an unsure or spread plan opens the section picker; picking re-extracts off the UI thread."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.services.parser_pool import parse_files
from desktop.ui.dialogs.import_preview import ImportPreviewDialog
from desktop.ui.widgets.section_picker import LOW_CONFIDENCE

# Two plausible plans: this half year's and next year's; the parser cannot be sure which one is meant.
TWO_PLANS = """2024年上半年工作总结
一、上半年工作情况
（一）抓好学习。开展了集中学习。
（二）抓好服务。走访了企业20家。
二、下半年工作安排
（一）开展调研。年底前完成调研报告。
（二）完善制度。9月底前出台办法。
三、2025年工作设想
（一）谋划重点项目。力争纳入省级盘子。
（二）加强队伍建设。要引进人才。
"""
# Tasks spread over three sections after an overall one, none of them named as the plan.
SPREAD = """2024年政府工作报告
一、2023年工作回顾
过去一年，我们完成了全年目标任务。地区生产总值增长了6%。
二、2024年工作总体部署
今年是关键之年。做好今年工作，要坚持稳中求进。
三、加快产业转型升级
（一）要培育新兴产业。年内建成两个产业园。
（二）要改造传统产业。力争技改投资增长10%。
四、持续深化改革开放
（一）要深化国企改革。确保年底前完成改制。
（二）要扩大对外开放。积极引进外资项目。
五、切实保障和改善民生
（一）要稳定扩大就业。新增就业1万人。
（二）要办好民生实事。年底前完成十件实事。
"""


def _titles(dlg: ImportPreviewDialog) -> list[str]:
    m = dlg.model
    return [m.node(m.index(r, 0)).title for r in range(m.rowCount())]


@pytest.fixture
def dialog(qtbot, tmp_path: Path):  # noqa: ANN201
    def make(text: str) -> ImportPreviewDialog:
        path = tmp_path / "报告.txt"
        path.write_text(text, encoding="utf-8")
        dlg = ImportPreviewDialog(parse_files([str(path)]))
        qtbot.addWidget(dlg)
        return dlg
    return make


def test_unsure_plan_offers_ranked_alternatives_and_picking_one_changes_the_items(qtbot, dialog) -> None:
    dlg = dialog(TWO_PLANS)
    plan = dlg.state.parsed.plan
    assert plan is not None and plan.confidence < LOW_CONFIDENCE
    assert dlg.pick_button.isChecked() and not dlg.picker.isHidden()
    assert "不太确定" in dlg.picker.note.text()
    offered = dlg.picker.headings()
    assert offered[0] == plan.section.heading  # the current choice first, ticked
    assert dlg.picker.ticked() == [plan.section.heading]
    other = next(h for h in ("二、下半年工作安排", "三、2025年工作设想") if h != plan.section.heading)
    assert other in offered[:3]
    before = _titles(dlg)
    dlg.picker.tick([other])
    assert dlg.picker.apply_button.isEnabled()
    with qtbot.waitSignal(dlg.plan_reextracted, timeout=10000):
        dlg.picker.apply_button.click()
    assert dlg.state.parsed.plan.section.heading == other
    assert _titles(dlg) != before and len(_titles(dlg)) == 2
    assert dlg.section_label.text() == other
    assert dlg.confirmed_plans()[0].plan.section.heading == other


def test_spread_plan_is_offered_as_several_sections_taken_together(qtbot, dialog) -> None:
    dlg = dialog(SPREAD)
    parsed = dlg.state.parsed
    assert parsed.plan is None and "三、加快产业转型升级" in parsed.spread
    assert not dlg.picker.isHidden() and "分散" in dlg.picker.note.text()
    assert set(dlg.picker.ticked()) == set(parsed.spread)
    assert not dlg.buttons.button(dlg.buttons.StandardButton.Ok).isEnabled()  # nothing to import yet
    dlg.picker.tick(["三、加快产业转型升级", "四、持续深化改革开放", "五、切实保障和改善民生"])
    with qtbot.waitSignal(dlg.plan_reextracted, timeout=10000):
        dlg.picker.apply_button.click()
    plan = dlg.state.parsed.plan
    assert plan is not None
    assert [item.label for item in plan.items] == ["三（一）", "三（二）", "四（一）", "四（二）", "五（一）", "五（二）"]
    assert _titles(dlg)[0] == "要培育新兴产业"
    assert dlg.buttons.button(dlg.buttons.StandardButton.Ok).isEnabled()


def test_picking_runs_off_the_ui_thread(qtbot, dialog) -> None:
    dlg = dialog(TWO_PLANS)
    other = "二、下半年工作安排" if dlg.state.parsed.plan.section.heading != "二、下半年工作安排" else "三、2025年工作设想"
    with qtbot.waitSignal(dlg.plan_reextracted, timeout=10000):
        dlg.pick_section(other)
        # the call returned before the answer: the tree still shows the old plan, the row says it is working
        assert dlg.state.reextracting and dlg.section_label.text() == "正在重新提取…"
    assert not dlg.state.reextracting
