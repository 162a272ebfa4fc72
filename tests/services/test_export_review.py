"""The ledger export's year-end options on the scripted year: as-of quotes and counts, 对账, signature, no empty sheets."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from desktop.cli import main
from desktop.core.ledger import Signature, read_ledger
from desktop.services.export import export_ledger
from tests.services.year_history import Year, scripted_year

JUNE, DEC = date(2023, 6, 30), date(2023, 12, 31)


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from db.store import open_store

    store = open_store(str(tmp_path_factory.mktemp("export") / "halfyear.db"))
    yield scripted_year(store)
    store.close()


def table(ws: Any) -> list[dict[str, Any]]:
    head = [c.value for c in ws[3]]
    return [dict(zip(head, (c.value for c in row))) for row in ws.iter_rows(min_row=4) if row[0].value]


def by_uuid(year: Year, rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    names = {r.uuid: n for n, r in year.m.items()}
    return {names[r["标识（请勿修改）"]]: r for r in rows if r.get("标识（请勿修改）") in names}


def test_as_of_quotes_the_latest_entry_and_counts_what_came_later(year: Year, tmp_path: Path) -> None:
    result = export_ledger(year.store, tmp_path / "6月.xlsx", report_ids=[year.a], as_of=JUNE)
    assert (result.left_out, result.reports_left_out) == (1, 0)
    ws = openpyxl.load_workbook(result.path).worksheets[0]
    assert "另有 1 项措施在2023年6月30日之后才导入或添加，未列入" in ws["A2"].value
    rows = by_uuid(year, table(ws))
    assert "A3.5" not in rows and len(rows) == 14
    assert rows["A3.1"]["进展情况"] == "截至6月30日：6月：完成初稿"  # only what was added on 6/25
    assert rows["A1.1"]["进展情况"] == "截至6月30日：已制定方案"
    assert rows["A1.4"]["进展情况"] is None and rows["A1.4"]["完成状态"] == "未启动"
    # units and reasons as they were that day
    assert rows["A3.1"]["牵头单位"] == "人才办" and rows["A2.1"]["存在问题/延期原因"] == "配套资金未到位"
    assert rows["A2.1"]["完成状态"] == "已延期"
    now = by_uuid(year, table(openpyxl.load_workbook(
        export_ledger(year.store, tmp_path / "今天.xlsx", report_ids=[year.a]).path).worksheets[0]))
    assert now["A3.1"]["进展情况"] == "3月：已召开推进会\n6月：完成初稿\n12月：已完成并验收"  # the full note, to merge back


def test_statistics_of_an_as_of_export(year: Year, tmp_path: Path) -> None:
    path = export_ledger(year.store, tmp_path / "s.xlsx", report_ids=[year.a, year.b], as_of=JUNE).path
    values = [[c.value for c in row] for row in openpyxl.load_workbook(path)["完成情况统计"].iter_rows()]
    head = values[4]
    line = dict(zip(head, next(v for v in values if v[0] == "2023年组织工作安排")))
    # A at 6/30: 3 items, 14 measures: 1 done, 4 推进中, 1 已延期, 7 未启动, 1 已取消; A1.1 overdue
    assert [line[k] for k in ("事项数", "措施数", "已完成/办结", "推进中", "已延期", "未启动", "已取消", "已逾期")] == [
        3, 14, 1, 4, 1, 7, 1, 1]
    total = dict(zip(head, [v for v in values if v[0] == "合计"][0]))
    assert (total["事项数"], total["措施数"], total["推进中"], total["未启动"]) == (6, 19, 5, 11)
    unit = dict(zip(head, next(v for v in values if v[0] == "干部科")))
    assert (unit["事项数"], unit["措施数"], unit["已完成/办结"]) == (2, 6, 1)  # A1's four and B2's two


def test_reconcile_sheet_and_signature(year: Year, tmp_path: Path) -> None:
    sign = Signature(unit="组织部", person="张三", phone="1234567")
    path = export_ledger(year.store, tmp_path / "对账.xlsx", report_ids=[year.a, year.b], one_sheet=True,
                         reconcile_dates=[DEC, JUNE, date(2023, 3, 31)], signature=sign).path
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["工作台账", "对账", "完成情况统计", "_halfyear"]
    ws = wb["对账"]
    head = [c.value for c in ws[3]]
    assert head == ["序号", "来源报告", "工作任务", "具体措施", "牵头单位", "2023年3月31日", "2023年6月30日", "2023年12月31日",
                    "变化"]
    rows = [dict(zip(head, (c.value for c in row))) for row in ws.iter_rows(min_row=4)]
    assert len(rows) == 20
    text = {r.text: n for n, r in year.m.items()}
    named = {text[r["具体措施"]]: r for r in rows}
    assert [named["A1.1"][h] for h in head[5:]] == ["推进中", "推进中", "已完成", "推进中→已完成"]
    assert [named["A3.5"][h] for h in head[5:]] == [None, None, "未启动", None]  # listed from 7/15
    assert [named["A2.1"][h] for h in head[5:]] == ["推进中", "已延期", "已完成", "推进中→已延期→已完成"]
    assert named["A1.1"]["牵头单位"] == "干部科" and named["A1.1"]["工作任务"].startswith("突出能力素质提升")
    ledger = wb["工作台账"]
    last = [c.value for c in ledger[ledger.max_row]]
    assert last[0] == "填报单位：组织部　　填报人：张三　　审核人：＿＿＿＿＿＿　　联系电话：1234567　　日期：＿＿＿＿＿＿"
    back = read_ledger(path)  # the signature and the 对账 sheet are not read as tasks
    assert back.problems == () and len(back.rows) == 6 + 20 and back.sheets == ("工作台账",)


def test_a_unit_filter_writes_no_empty_sheets(year: Year, tmp_path: Path) -> None:
    result = export_ledger(year.store, tmp_path / "u.xlsx", unit="人才办")
    names = openpyxl.load_workbook(result.path).sheetnames
    assert names == ["2023年组织工作安排", "2023年下半年工作计划", "完成情况统计", "_halfyear"]  # not the 2022 plan
    assert result.sheets == 2


def test_cli_export_options(year: Year, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cli.xlsx"
    assert main(["--db", str(year.store.url), "export", str(out), "--report", str(year.a), "--as-of", "2023-06-30",
                 "--reconcile", "2023-06-30", "2023-12-31", "--signature", "填报单位=组织科", "审核人=李四"]) == 0
    said = capsys.readouterr().out.splitlines()
    assert said == [f"已导出 17 行（1 个台账工作表，另有“对账”表）到 {out}",
                    "另有 1 项措施在 2023-06-30 之后才导入或添加，未列入。"]
    wb = openpyxl.load_workbook(out)
    ws = wb["工作台账"]
    assert ws.cell(ws.max_row, 1).value.startswith("填报单位：组织科　　填报人：＿")
    assert "审核人：李四" in ws.cell(ws.max_row, 1).value and "对账" in wb.sheetnames
    code = main(["--db", str(year.store.url), "export", str(out), "--signature", "签字人=张三"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and "栏目可以是：填报单位、填报人、审核人、联系电话、日期" in err[0]
