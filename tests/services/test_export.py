"""Exporting the store's ledger: sheets per report or one, filters, statistics, numbering, UUIDs."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from db.api import Status
from desktop.core.ledger import LedgerWriteError
from desktop.services.export import export_ledger

HEADERS = ["序号", "工作任务", "具体措施", "牵头领导", "牵头单位", "配合单位", "责任人", "完成时限", "完成状态", "亮灯",
           "进展情况", "存在问题/延期原因", "最后更新"]


def table(ws: Any) -> list[dict[str, Any]]:
    """Data rows of a ledger sheet as dicts keyed by header."""
    head = [c.value for c in ws[3]]
    return [dict(zip(head, (c.value for c in row))) for row in ws.iter_rows(min_row=4)]


def test_sheet_per_report(ledger_store: Any, tmp_path: Path) -> None:
    result = export_ledger(ledger_store, tmp_path / "台账.xlsx")
    reports = sorted(ledger_store.list_reports(), key=lambda r: r.id)
    assert result.sheets == 2 and result.path == tmp_path / "台账.xlsx"
    wb = openpyxl.load_workbook(result.path)
    assert wb.sheetnames == [reports[0].title, reports[1].title, "完成情况统计", "_halfyear"]
    total = 0
    for report, ws in zip(reports, wb.worksheets):
        tree = ledger_store.item_tree(report.id)
        rows = table(ws)
        total += len(rows)
        assert [c.value for c in ws[3]][:13] == HEADERS
        assert ws["A1"].value.endswith("工作任务推进台账") and str(report.year) in ws["A1"].value
        assert [r["标识（请勿修改）"] for r in rows] == [i.uuid for i in tree]
        assert [r["版本（请勿修改）"] for r in rows] == [i.version for i in tree]
        assert [r["完成状态"] for r in rows] == [i.status.value for i in tree]
        for item, row in zip(tree, rows):
            if item.depth == 0:
                assert row["工作任务"] == item.title and "." not in row["序号"]
            else:
                assert row["具体措施"] == item.text and row["工作任务"] is None
                assert row["序号"].count(".") == item.depth
            assert (row["完成时限"].date() if row["完成时限"] else None) == item.due
        first_group = next(i for i, item in enumerate(tree) if item.child_count)
        assert rows[first_group + 1]["序号"] == rows[first_group]["序号"] + ".1"
        assert ws.cell(4 + first_group, 2).font.b
    assert total == result.rows


def test_one_sheet_with_source_column(ledger_store: Any, tmp_path: Path) -> None:
    result = export_ledger(ledger_store, tmp_path / "all.xlsx", one_sheet=True)
    wb = openpyxl.load_workbook(result.path)
    assert wb.sheetnames[0] == "工作台账" and result.sheets == 1
    rows = table(wb["工作台账"])
    assert {r["来源报告"] for r in rows} == {r.title for r in ledger_store.list_reports()}
    assert wb["工作台账"]["A2"].value == "共 2 份报告"


def test_single_report_by_id(ledger_store: Any, tmp_path: Path) -> None:
    report = ledger_store.list_reports()[0]
    result = export_ledger(ledger_store, tmp_path / "one.xlsx", report_ids=[report.id])
    wb = openpyxl.load_workbook(result.path)
    assert wb.sheetnames[0] == "工作台账"
    assert wb["工作台账"]["A2"].value == f"来源：{report.title}"
    assert result.rows == len(ledger_store.item_tree(report.id))


def _measures(store: Any) -> list[Any]:
    return [i for r in sorted(store.list_reports(), key=lambda r: r.id) for i in store.item_tree(r.id)
            if i.is_measure and i.depth > 0]


def test_status_and_unit_filters_keep_item_rows(ledger_store: Any, tmp_path: Path) -> None:
    m = _measures(ledger_store)
    ledger_store.set_status(m[0].id, Status.IN_PROGRESS, expected_version=m[0].version, who="t")
    ledger_store.set_status(m[5].id, Status.IN_PROGRESS, expected_version=m[5].version, who="t")
    result = export_ledger(ledger_store, tmp_path / "f.xlsx", statuses=["推进中"], one_sheet=True)
    rows = table(openpyxl.load_workbook(result.path)["工作台账"])
    uuids = [r["标识（请勿修改）"] for r in rows]
    parents = {ledger_store.get_item(m[0].parent_id).uuid, ledger_store.get_item(m[5].parent_id).uuid}
    assert set(uuids) == {m[0].uuid, m[5].uuid} | parents
    assert "筛选：状态为推进中" in openpyxl.load_workbook(result.path)["工作台账"]["A2"].value

    group = ledger_store.get_item(m[0].parent_id)
    ledger_store.update_item(group.id, {"lead_unit": "干部科"}, expected_version=group.version, who="t")
    ledger_store.update_item(m[5].id, {"co_units": "宣传科、干部科"}, expected_version=m[5].version + 1, who="t")
    result = export_ledger(ledger_store, tmp_path / "u.xlsx", unit="干部科", one_sheet=True)
    uuids = [r["标识（请勿修改）"] for r in table(openpyxl.load_workbook(result.path)["工作台账"])]
    children = [i.uuid for i in ledger_store.subtree(group.id)]
    assert uuids[: len(children)] == children  # a unit named on the item covers its measures
    assert m[5].uuid in uuids and len(uuids) == len(children) + 2


def test_statistics_sheet_matches_store(ledger_store: Any, tmp_path: Path) -> None:
    m = _measures(ledger_store)
    ledger_store.update_item(m[1].id, {"status": "已完成", "lead_unit": "组织科"}, expected_version=m[1].version,
                             who="t")
    ledger_store.update_item(m[2].id, {"status": "已取消"}, expected_version=m[2].version, who="t")
    result = export_ledger(ledger_store, tmp_path / "s.xlsx")
    ws = openpyxl.load_workbook(result.path)["完成情况统计"]
    values = [[c.value for c in row] for row in ws.iter_rows()]
    # the sheet counts from the rows it exports; the store counts in SQL: the same figures
    for s in ledger_store.statistics(by="report"):
        line = dict(zip(values[4], next(v for v in values if v[0] == s.key)))
        report = next(r for r in ledger_store.list_reports() if r.title == s.key)
        assert (line["事项数"], line["措施数"], line["已完成/办结"], line["未启动"], line["已逾期"]) == (
            report.item_count, s.total, s.done, s.not_started, s.overdue)
        assert line["推进中"] + line["已延期"] == s.in_progress and line["完成率"] == pytest.approx(s.rate)
        assert (line["超进度"], line["达进度"], line["欠进度"]) == (s.ahead, s.on_track, s.behind)
    unit_line = next(v for v in values if v[0] == "组织科")
    assert unit_line[1:4] == [1, 1, 1]
    assert any(v[0] == "（未填写牵头单位）" for v in values)
    total = sum(s.total for s in ledger_store.statistics(by="report"))
    report_total = dict(zip(values[4], [v for v in values if v[0] == "合计"][0]))
    assert (report_total["措施数"], report_total["已完成/办结"], report_total["已取消"]) == (total, 1, 1)
    assert report_total["完成率"] == pytest.approx(1 / (total - 1))
    assert len(ws._charts) == 2


def test_as_of_is_shown_and_judges_overdue(ledger_store: Any, tmp_path: Path) -> None:
    today = date.today()
    result = export_ledger(ledger_store, tmp_path / "a.xlsx", as_of=today)
    ws = openpyxl.load_workbook(result.path).worksheets[0]
    assert any(f"统计截至：{today.year}年{today.month}月{today.day}日" in str(c.value) for c in ws[2])
    rule = next(iter(ws.conditional_formatting)).rules[0]
    assert f"DATE({today.year},{today.month},{today.day})" in rule.formula[0]
    stamps = [r["最后更新"] for r in table(ws)]
    assert stamps and all(s is not None and s.date() <= today for s in stamps)
    from desktop.services.export import NothingToExportError

    measures = sum(r.measure_count for r in ledger_store.list_reports())
    # nothing had been imported by then: said with the count, and no (empty) file written
    with pytest.raises(NothingToExportError, match=f"{measures} 项措施（含 2 份报告）是在此之后才导入"):
        export_ledger(ledger_store, tmp_path / "b.xlsx", as_of=date(2000, 1, 1))
    assert not (tmp_path / "b.xlsx").exists()


def test_unknown_report_and_bad_target(ledger_store: Any, tmp_path: Path) -> None:
    from db.api import NotFoundError

    with pytest.raises(NotFoundError):
        export_ledger(ledger_store, tmp_path / "x.xlsx", report_ids=[999])
    with pytest.raises(LedgerWriteError, match="不存在"):
        export_ledger(ledger_store, tmp_path / "no" / "x.xlsx")


def test_a_filter_that_matches_nothing_writes_nothing_and_names_the_units(ledger_store: Any, tmp_path: Path) -> None:
    from desktop.services.export import NothingToExportError

    m = _measures(ledger_store)
    units = [f"第{n}科" for n in range(1, 13)]
    for row, unit in zip(m, units):
        ledger_store.update_item(row.id, {"lead_unit": unit, "co_units": "党校、宣传科"}, expected_version=row.version,
                                 who="t")
    folder = tmp_path / "导出"
    folder.mkdir()
    out = folder / "空.xlsx"
    with pytest.raises(NothingToExportError) as info:
        export_ledger(ledger_store, out, unit="不存在科")
    text = str(info.value)
    assert not list(folder.iterdir())  # not even a temp file left behind
    assert "没有牵头单位或配合单位含“不存在科”的措施" in text and "没有导出文件" in text
    assert text.count("、") < 12 and "党校" in text and "宣传科" in text and "等 14 个" in text  # at most 10 named
    assert set(info.value.units) == {*units, "党校", "宣传科"}

    with pytest.raises(NothingToExportError, match="没有状态为已办结的措施.*未启动 \\d+ 条"):
        export_ledger(ledger_store, out, statuses=["已办结"], report_ids=[m[0].report_id])
    with pytest.raises(NothingToExportError, match="状态为已取消、且牵头单位或配合单位含“第1科”"):
        export_ledger(ledger_store, out, statuses=["已取消"], unit="第1科")
    assert not list(folder.iterdir())
    assert export_ledger(ledger_store, out, unit="第1科").rows == 2  # the measure and its item


def test_no_units_filled_in_says_so(ledger_store: Any, tmp_path: Path) -> None:
    from desktop.services.export import NothingToExportError

    with pytest.raises(NothingToExportError, match="还没有填写任何牵头单位或配合单位"):
        export_ledger(ledger_store, tmp_path / "x.xlsx", unit="组织科")
