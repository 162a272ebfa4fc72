"""Who answers for a task and by when, typed beside it: they fill the item's columns, not its measures."""

from __future__ import annotations

from datetime import date

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
