"""A plan typed as a Word table: rows are the tasks, the header says which column holds what."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest

from db.api import ItemFilter
from desktop.core.extract import parse_report
from desktop.core.reports import read_report
from desktop.core.task_tables import Cell, Role, read_task_table, role_of


@pytest.mark.parametrize(("header", "role"), [
    ("序号", Role.NUMBER), ("工作任务", Role.TASK), ("目标任务", Role.TASK), ("具体举措", Role.MEASURES),
    ("牵头单位", Role.UNIT), ("责任部门", Role.UNIT), ("配合单位", Role.CO_UNITS), ("分管领导", Role.LEADER),
    ("责任人", Role.OWNER), ("责任单位及责任人", Role.UNIT), ("时间节点", Role.DUE), ("完成时限", Role.DUE),
    ("完成情况", None), ("进展情况", None), ("备注", None),
])
def test_a_column_is_known_by_its_header_words(header, role):
    assert role_of(header) is role


def _grid(rows: list[list[str]]) -> list[list[Cell]]:
    return [[Cell((r, c), tuple(text.split("|")) if text else ()) for c, text in enumerate(row)]
            for r, row in enumerate(rows)]


def test_a_table_reporting_what_was_done_is_not_a_plan():
    grid = _grid([["序号", "工作内容", "完成情况"], ["1", "修订制度", "已完成"], ["2", "开展培训", "推进中"]])
    assert read_task_table(grid) is None


def test_a_content_column_is_the_task_when_no_column_is_named_for_tasks():
    table = read_task_table(_grid([["主要内容", "责任科室"], ["档案数字化", "档案科"]]))
    assert table is not None
    assert [(r.label, r.task, r.parts[0].duty.lead_unit) for r in table.rows] == [("1", "档案数字化", "档案科")]


def test_the_header_may_follow_a_title_row_merged_over_the_table():
    title = Cell("title", ("2025年重点工作任务清单",))
    grid = [[title, title, title], *_grid([["编号", "重点事项", "完成时间"], ["1", "建成便民服务站", "6月底"]])]
    table = read_task_table(grid)
    assert table is not None and [r.task for r in table.rows] == ["建成便民服务站"]
    assert table.rows[0].parts[0].due_text == "6月底"


def _plan_docx(path: Path) -> Path:
    document = docx.Document()
    for text in ("**镇2024年工作总结", "一、2024年工作开展情况", "全年完成各项任务。"):
        document.add_paragraph(text)
    done = document.add_table(rows=2, cols=3)  # what was done, in a table too: read as its cells
    for cell, text in zip(done.rows[0].cells + done.rows[1].cells, ("序号", "工作内容", "完成情况", "1", "修订制度", "已完成")):
        cell.text = text
    document.add_paragraph("二、2025年工作安排")
    document.add_paragraph("新的一年，我镇将重点抓好以下任务，逐项落实到人。")
    rows = [
        ("序号", "工作任务", "具体举措", "牵头单位", "责任人", "时间节点"),
        ("1", "提升为民服务水平", "1.改造便民服务中心。\n2.推行延时错时服务。", "党政办", "王**", "2025年6月底前"),
        ("2", "抓好人居环境整治", "清理沟渠河道。", "农业办", "李**", "2025年5月底前"),
        ("", "", "新建公厕**座。", "城建办", "赵**", "2025年10月底前"),
        ("3", "守牢安全生产底线", "开展隐患排查。每季度通报一次。", "应急办", "", "长期坚持"),
    ]
    table = document.add_table(rows=len(rows), cols=6)
    for row, values in zip(table.rows, rows):
        for cell, text in zip(row.cells, values):
            cell.text = text
    table.cell(2, 1).merge(table.cell(3, 1))  # the task written once over its two rows
    table.cell(2, 0).merge(table.cell(3, 0))
    document.add_paragraph("**镇人民政府")
    document.add_paragraph("2024年12月20日")
    document.save(path)
    return path


def test_a_plan_typed_as_a_table_gives_one_item_per_task(tmp_path):
    plan = parse_report(_plan_docx(tmp_path / "table.docx"))
    assert plan.section.heading == "二、2025年工作安排"
    assert plan.section.preamble == "新的一年，我镇将重点抓好以下任务，逐项落实到人。"
    assert [(i.label, i.title) for i in plan.items] == [
        ("1", "提升为民服务水平"), ("2", "抓好人居环境整治"), ("3", "守牢安全生产底线")]
    service, environment, safety = plan.items
    assert [c.title for c in service.children] == ["改造便民服务中心", "推行延时错时服务"]
    assert (service.duty.lead_unit, service.duty.owner, service.due) == ("党政办", "王**", date(2025, 6, 30))
    # merged over two rows: each row's measure keeps its own unit and deadline, the item the latest
    assert [(c.title, c.duty.lead_unit, c.due) for c in environment.children] == [
        ("清理沟渠河道", "农业办", date(2025, 5, 31)), ("新建公厕**座", "城建办", date(2025, 10, 31))]
    assert environment.duty.lead_unit == "" and environment.due == date(2025, 10, 31)
    assert [c.title for c in safety.children] == ["开展隐患排查", "每季度通报一次"]
    assert all(c.ongoing and c.due is None for c in safety.children)
    assert "牵头单位：应急办" in safety.source


def test_the_table_also_reads_as_text_one_line_per_task(tmp_path):
    doc = read_report(_plan_docx(tmp_path / "table.docx"))
    assert [t.lines for t in doc.tables] == [("1.提升为民服务水平", "2.抓好人居环境整治", "3.守牢安全生产底线")]
    assert "修订制度" in doc.paragraphs and "具体举措" not in doc.paragraphs


def test_units_from_the_table_are_stored_with_the_items(tmp_path, store):
    plan = parse_report(_plan_docx(tmp_path / "table.docx"))
    store.import_plan(plan, sha256="c" * 64, original_text="")
    rows = {r.title: r for r in store.items(ItemFilter())}
    assert (rows["提升为民服务水平"].lead_unit, rows["提升为民服务水平"].owner) == ("党政办", "王**")
    assert rows["新建公厕**座"].lead_unit == "城建办"


def test_a_task_table_attached_after_the_signature_is_not_the_plan(tmp_path):
    document = docx.Document()
    for text in ("一、上半年工作", "完成了各项任务。", "二、下半年工作打算", "（一）抓好项目建设。确保按期开工。",
                 "（二）抓好队伍建设。开展业务培训。", "特此报告。", "**县交通运输局", "附件：重点项目推进表"):
        document.add_paragraph(text)
    table = document.add_table(rows=3, cols=3)
    for row, values in zip(table.rows, (("序号", "项目名称", "年度目标"), ("1", "农村公路提质", "改造**公里"),
                                        ("2", "客运站改造", "年底前完工"))):
        for cell, text in zip(row.cells, values):
            cell.text = text
    document.save(tmp_path / "attached.docx")
    plan = parse_report(tmp_path / "attached.docx", year=2024)
    assert [i.title for i in plan.items] == ["抓好项目建设", "抓好队伍建设"]
    assert [len(i.children) for i in plan.items] == [1, 1]


def test_a_task_table_pasted_into_a_text_file_keeps_its_rows(tmp_path):
    # Word copies a table as tab-separated rows; a cell of several paragraphs comes in double quotes
    text = ("一、上半年工作\n\t完成了年度过半任务。\n二、下半年工作安排\n\t下半年重点做好以下工作：\n"
            "编号\t工作事项\t推进举措\t责任股室\t完成期限\n"
            '1\t规范档案管理\t"1.完成馆藏档案数字化**卷。\n2.修订档案借阅制度。"\t业务股\t10月底前\n'
            "2\t加强安全防护\t更新消防器材。开展应急演练。\t办公室\t年底前\n"
            "\t以上计划，请审阅。\n")
    path = tmp_path / "计划.txt"
    path.write_text(text, encoding="gb18030")
    plan = parse_report(path, year=2024)
    assert [(i.title, i.duty.lead_unit, i.due) for i in plan.items] == [
        ("规范档案管理", "业务股", date(2024, 10, 31)), ("加强安全防护", "办公室", date(2024, 12, 31))]
    assert [c.title for c in plan.items[0].children] == ["完成馆藏档案数字化**卷", "修订档案借阅制度"]
    assert len(plan.items[1].children) == 2
    indented = read_report(path)
    assert indented.leads[1] == "\t" and indented.paragraphs[1] == "完成了年度过半任务。"


def test_a_header_of_two_rows_names_the_lead_and_the_helping_units():
    top = _grid([["序号", "重点任务", "责任单位", "责任单位", "完成时限"]])[0]
    top[3] = top[2]  # `责任单位` spans two columns
    sub = [top[0], top[1], Cell("s2", ("牵头",)), Cell("s3", ("配合",)), top[4]]  # the rest merged down
    body = _grid([[], ["1", "建设污水管网", "县住建局", "各乡镇", "10月底"]])[1]  # keys apart from the header's
    table = read_task_table([top, sub, body])
    assert table is not None and [r.task for r in table.rows] == ["建设污水管网"]
    duty = table.rows[0].parts[0].duty
    assert (duty.lead_unit, duty.co_units) == ("县住建局", "各乡镇")


def test_a_task_table_after_numbered_items_breaks_them_down_and_is_not_listed_again(tmp_path):
    document = docx.Document()
    for text in ("**区统计局2024年工作总结", "一、2024年工作回顾", "完成了经济普查。", "二、2025年工作思路",
                 "（一）夯实统计基础。年底前完成名录库更新。", "（二）提升数据质量。开展执法检查两次。",
                 "（三）优化统计服务。每季度发布分析报告。", "各项任务的责任科室和完成时限见下表："):
        document.add_paragraph(text)
    rows = [("序号", "重点任务", "责任科室", "完成时限"), ("1", "更新名录库", "综合科", "12月底前"),
            ("2", "开展执法检查", "法规科", "10月底前"), ("3", "发布季度分析", "综合科", "每季度")]
    table = document.add_table(rows=len(rows), cols=4)
    for row, values in zip(table.rows, rows):
        for cell, text in zip(row.cells, values):
            cell.text = text
    document.add_paragraph("**区统计局")
    document.save(tmp_path / "both.docx")
    plan = parse_report(tmp_path / "both.docx")
    assert [i.title for i in plan.items] == ["夯实统计基础", "提升数据质量", "优化统计服务"]
