"""Who answers for a task and by when, typed beside it: they fill the item's columns, not its measures."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.duty_lines import read_duty_line
from desktop.core.extract import extract_plan
from desktop.core.reports import split_paragraphs
from desktop.core.types import Duty, ReportDocument


def doc(text: str) -> ReportDocument:
    return ReportDocument(source="t.txt", paragraphs=tuple(split_paragraphs(text)), sha256="0")


def test_column_lines_under_an_item_are_its_unit_and_deadline():
    plan = extract_plan(doc("""
一、上半年工作情况
略。
二、下半年工作安排
（一）推进老旧小区改造。完成**个小区管网更新。同步加装电梯**部。
牵头单位：县住建局
配合单位：各乡镇、县财政局
完成时限：2024年10月底前
（二）做好防汛工作。落实值班值守制度。
责任领导：副县长张**　责任人：李**
完成时限：长期坚持
"""))
    housing, flood = plan.items
    assert [c.title for c in housing.children] == ["完成**个小区管网更新", "同步加装电梯**部"]
    assert housing.duty == Duty(lead_unit="县住建局", co_units="各乡镇、县财政局")
    assert all(c.due == date(2024, 10, 31) for c in housing.children)
    assert [c.title for c in flood.children] == ["落实值班值守制度"]
    assert (flood.duty.lead_leader, flood.duty.owner) == ("副县长张**", "李**")
    assert flood.ongoing and flood.children[0].ongoing and flood.due is None


@pytest.mark.parametrize("said", ["持续推进", "常年开展", "持续"])
def test_a_deadline_line_saying_the_work_goes_on_marks_it_ongoing(said: str) -> None:
    plan = extract_plan(doc(f"一、上半年工作情况\n略。\n二、下半年工作安排\n（一）做好矛盾纠纷排查。每月排查一次。\n"
                            f"牵头单位：综治中心\n完成时限：{said}\n（二）推进改厕。完成改厕300户。\n完成时限：持续推进，2024年11月底前验收"))
    goes_on, dated = plan.items
    assert goes_on.ongoing and goes_on.due is None and goes_on.children[0].ongoing
    assert dated.due == date(2024, 11, 30) and not dated.ongoing  # a date said beside it still counts


def test_a_measure_may_close_with_its_unit_in_brackets():
    plan = extract_plan(doc("""
一、2024年工作回顾
略。
二、2025年重点任务
（一）办好民生实事
1.新建城区幼儿园**所（责任单位：县教育局；完成时限：2025年8月底）。
2.改造农村公路**公里（牵头单位：县交通运输局（公路中心））。
3.开展义诊活动（每月一次）。
""", ))
    first, second, third = plan.items[0].children
    assert (first.title, first.duty.lead_unit, first.due) == ("新建城区幼儿园**所", "县教育局", date(2025, 8, 31))
    assert (second.title, second.duty.lead_unit) == ("改造农村公路**公里", "县交通运输局（公路中心）")
    assert third.title == "开展义诊活动（每月一次）" and not third.duty


def test_only_lines_made_of_such_columns_are_read_so():
    assert read_duty_line("责任部门：营销部（农电工作部）").duty.lead_unit == "营销部（农电工作部）"
    assert read_duty_line("（牵头单位：县发改局，完成时间：6月底）").due_text == "6月底"
    assert read_duty_line("工作要求：各单位要高度重视，确保按期完成。") is None
    assert read_duty_line("责任单位") is None
    assert read_duty_line("一是落实责任单位：各乡镇") is None
    long_value = "牵头单位：" + "县发改局要会同有关部门" * 10
    assert read_duty_line(long_value) is None


def test_lenticular_names_a_deadline_after_a_comma_and_a_bracket_closing_the_paragraph():
    plan = extract_plan(doc("""
一、2024年工作回顾
略。
二、2025年工作打算
（一）做好防汛备汛。汛前完成堤防隐患排查。储备防汛物资**批（责任单位：县水利局防汛股，2025年5月20日前完成）。
（二）抓好河湖清障
1.清理河道阻水障碍物**处。
2.拆除违建**处，年内完成。
【牵头单位】县河长办　【完成时限】2025年6月底前
（三）推进水库除险加固
1.完成**水库主体工程（责任单位：县水利工程站，2025年11月底前完成）。
2.开展安全鉴定（责任单位：县水利局建管股，2025年10月底前完成）。
以上各项，各牵头单位每月25日前报送进展情况。
**县水利局
"""))
    flood, clearing, dams = plan.items
    # the bracket closes a paragraph of two measures: the item's
    assert (flood.duty.lead_unit, flood.due) == ("县水利局防汛股", date(2025, 5, 20))
    assert [c.due for c in flood.children] == [date(2025, 5, 20)] * 2 and not flood.children[1].duty
    assert flood.children[1].title == "储备防汛物资**批"
    # the item's own column line gives its deadline, though one measure says 年内
    assert (clearing.duty.lead_unit, clearing.due) == ("县河长办", date(2025, 6, 30))
    assert [c.due for c in clearing.children] == [date(2025, 6, 30), date(2025, 12, 31)]
    assert [(c.duty.lead_unit, c.due) for c in dams.children] == [
        ("县水利工程站", date(2025, 11, 30)), ("县水利局建管股", date(2025, 10, 31))]
    assert dams.duty.lead_unit == ""


def test_after_items_that_each_end_with_their_columns_a_closing_request_is_no_measure():
    plan = extract_plan(doc("""
一、上半年工作
略。
二、下半年工作打算
1.抓好项目建设。完成**个项目开工。
（牵头单位：镇经发办；完成时限：2025年10月底前）
2.抓好环境整治。清理垃圾**吨。
（牵头单位：镇城建办；完成时限：2025年11月底前）
各牵头单位要按月报送工作进展，确保各项任务按期完成。
"""))
    assert [len(i.children) for i in plan.items] == [1, 1]
    assert plan.items[1].duty.lead_unit == "镇城建办"
