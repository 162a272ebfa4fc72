"""The ledger workbook as written: layout, styling rules, print setup, statistics, hidden UUIDs, safety."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from desktop.core.errors import Cancelled
from desktop.core.ledger import (
    STATUSES,
    LedgerRow,
    LedgerSheet,
    LedgerStats,
    LedgerStatsRow,
    LedgerWriteError,
    write_ledger,
)

HEADERS = ["序号", "工作任务", "具体措施", "牵头领导", "牵头单位", "配合单位", "责任人", "完成时限", "完成状态", "亮灯",
           "进展情况", "存在问题/延期原因", "最后更新"]
TITLE = "2023年下半年工作任务推进台账"


def sample_rows(report: str = "2023年上半年组织工作总结") -> list[LedgerRow]:
    """Two items: one with two measures, one that is its own measure; formula-looking text included."""
    return [
        LedgerRow("u-1", 2, "1", True, task="聚焦高素质干部队伍建设", lead_leader="张**", lead_unit="干部科",
                  status="推进中", report_title=report),
        LedgerRow("u-1-1", 3, "1.1", False, measure="分层分类举办培训班**期", lead_unit="干部科", co_units="党校",
                  owner="李**", due=date(2023, 12, 31), status="已完成", light="green",
                  note="已举办3期", updated_at=datetime(2023, 7, 1, 9, 30), report_title=report),
        LedgerRow("u-1-2", 1, "1.2", False, measure="=HYPERLINK(\"http://x\") 完善考核办法", lead_unit="考核办",
                  due=date(2023, 8, 31), status="未启动", light="red", note="+加快进度", delay_reason="-人手不足",
                  report_title=report),
        LedgerRow("u-2", 1, "2", False, task="@深化基层党建", measure="推进党支部标准化建设", due=date(2023, 9, 30),
                  status="已延期", light="yellow", delay_reason="等待上级文件", report_title=report),
    ]


def sample_stats() -> LedgerStats:
    return LedgerStats(
        by_report=(LedgerStatsRow("2023年上半年组织工作总结", 3, 1, 0, 1, 1, 1 / 3, 0, 1, 2, items=2, extended=1),),
        by_unit=(LedgerStatsRow("干部科", 1, 1, 0, 0, 0, 1.0, 1, 0, 0),
                 LedgerStatsRow("考核办", 1, 0, 0, 1, 1, 0.0, 0, 0, 1),
                 LedgerStatsRow("", 2, 0, 1, 0, 0, 0.0, 0, 1, 0, cancelled=1)),
    )


def export(tmp_path: Path, **kw: object) -> Path:
    sheets = kw.pop("sheets", None) or [LedgerSheet("工作台账", TITLE, sample_rows(), subtitle="来源：组织工作总结")]
    out = tmp_path / "台账.xlsx"
    write_ledger(out, sheets, kw.pop("stats", sample_stats()), title=TITLE, exported_on=date(2023, 12, 25),
                 **kw)  # type: ignore[arg-type]
    return out


@pytest.fixture
def book(tmp_path: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(export(tmp_path))


def test_title_date_and_header(book: openpyxl.Workbook) -> None:
    assert book.sheetnames[:2] == ["工作台账", "完成情况统计"]
    ws = book["工作台账"]
    assert ws["A1"].value == TITLE
    assert "A1:M1" in {str(r) for r in ws.merged_cells.ranges}
    assert ws["A2"].value == "来源：组织工作总结"
    assert "导出日期：2023年12月25日" in [c.value for c in ws[2]]
    assert [c.value for c in ws[3]][:13] == HEADERS
    assert book.active.title == "工作台账"


def test_hierarchy_numbers_and_outline(book: openpyxl.Workbook) -> None:
    ws = book["工作台账"]
    assert [ws.cell(r, 1).value for r in range(4, 8)] == ["1", "1.1", "1.2", "2"]
    assert ws["B4"].value == "聚焦高素质干部队伍建设" and ws["C4"].value is None
    assert ws["B4"].font.b and not ws["C5"].font.b  # the item row stands out from its measures
    assert ws["C5"].value == "分层分类举办培训班**期"
    assert ws.row_dimensions[5].outlineLevel == 1 and not ws.row_dimensions[4].outlineLevel
    assert ws.cell(5, 9).value == "已完成" and ws.cell(7, 9).value == "已延期"
    assert [ws.cell(r, 10).value for r in range(5, 8)] == ["绿灯", "红灯", "黄灯"]


def test_real_dates_wrapping_borders_widths(book: openpyxl.Workbook) -> None:
    ws = book["工作台账"]
    due = ws["H5"]
    assert due.is_date and due.value == datetime(2023, 12, 31) and due.number_format == "yyyy-mm-dd"
    assert ws["M5"].is_date and ws["M5"].value == datetime(2023, 7, 1, 9, 30)
    assert ws["H4"].value is None and ws["H4"].border.left.style == "thin"  # empty cells still boxed
    assert ws["C5"].alignment.wrap_text and ws["C5"].border.bottom.style == "thin"
    assert ws.column_dimensions["C"].width > 2 * ws.column_dimensions["D"].width  # room for long text
    assert ws.column_dimensions["A"].width >= 5


def test_formula_looking_text_is_text(book: openpyxl.Workbook) -> None:
    ws = book["工作台账"]
    for ref, text in (("C6", '=HYPERLINK("http://x") 完善考核办法'), ("K6", "+加快进度"), ("L6", "-人手不足"),
                      ("B7", "@深化基层党建")):
        assert ws[ref].value == text and ws[ref].data_type == "s", ref
        assert ws[ref].quotePrefix, ref
    assert not ws["C5"].quotePrefix


def test_hidden_uuid_and_version_columns(book: openpyxl.Workbook) -> None:
    ws = book["工作台账"]
    assert ws["N3"].value == "标识（请勿修改）" and ws["O3"].value == "版本（请勿修改）"
    assert ws.column_dimensions["N"].hidden and ws.column_dimensions["O"].hidden
    assert [ws.cell(r, 14).value for r in range(4, 8)] == ["u-1", "u-1-1", "u-1-2", "u-2"]
    assert [ws.cell(r, 15).value for r in range(4, 8)] == [2, 3, 1, 1]
    assert book["_halfyear"].sheet_state == "hidden"
    assert book["_halfyear"]["B1"].value == "halfyear-ledger"


def test_frozen_header_and_autofilter_spanning_hidden_columns(book: openpyxl.Workbook) -> None:
    ws = book["工作台账"]
    assert ws.freeze_panes == "A4"
    assert ws.auto_filter.ref == "A3:O7"  # sorting in Excel must move the hidden UUIDs too


def test_status_validation_drop_down(book: openpyxl.Workbook) -> None:
    ws = book["工作台账"]
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert len(lists) == 1
    assert lists[0].formula1 == '"' + ",".join(STATUSES) + '"'
    assert str(lists[0].sqref) == "I4:I7" and lists[0].showErrorMessage
    dates = [dv for dv in ws.data_validations.dataValidation if dv.type == "date"]
    assert str(dates[0].sqref) == "H4:H7"


def test_conditional_formats_colour_status_and_light(book: openpyxl.Workbook) -> None:
    ws = book["工作台账"]
    rules = {str(cf.sqref): cf.rules for cf in ws.conditional_formatting}
    status = rules["I4:I7"]
    assert status[0].type == "expression" and status[0].stopIfTrue
    assert "TODAY()" in status[0].formula[0] and "$H4" in status[0].formula[0]
    words = {r.formula[0].strip('"') for r in status[1:] if r.type == "cellIs"}
    assert words == set(STATUSES)
    fills = {r.formula[0]: r.dxf.fill.bgColor.rgb for r in status[1:] if r.dxf.fill is not None}
    assert fills['"已完成"'] != fills['"未启动"']
    assert {r.formula[0] for r in rules["J4:J7"]} == {'"红灯"', '"黄灯"', '"绿灯"'}


def test_as_of_export_judges_overdue_on_that_date(tmp_path: Path) -> None:
    ws = openpyxl.load_workbook(export(tmp_path, as_of=date(2023, 9, 30)))["工作台账"]
    rule = next(iter(ws.conditional_formatting)).rules[0]
    assert "DATE(2023,9,30)" in rule.formula[0] and "TODAY" not in rule.formula[0]
    assert any("统计截至：2023年9月30日" in str(c.value) for c in ws[2] if c.value)


def test_print_setup(book: openpyxl.Workbook) -> None:
    ws = book["工作台账"]
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.paperSize == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth in (None, 1) and ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows == "$3:$3"
    assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text


def test_statistics_sheet_with_bar_charts(book: openpyxl.Workbook) -> None:
    ws = book["完成情况统计"]
    values = [[c.value for c in row] for row in ws.iter_rows()]
    heads = [r for r in values if r[1] == "事项数"]
    assert [h[0] for h in heads] == ["报告", "牵头单位"]
    assert heads[0][1:] == ["事项数", "措施数", "已完成/办结", "推进中", "已延期", "未启动", "已取消", "已逾期", "完成率",
                            "超进度", "达进度", "欠进度"]
    report = next(r for r in values if r[0] == "2023年上半年组织工作总结")
    # 事项 apart from 措施; 已延期 in its own column, not under 推进中
    assert report[1:10] == [2, 3, 1, 0, 1, 1, 0, 1, pytest.approx(1 / 3)]
    assert report[10:13] == [0, 1, 2]
    assert ["干部科", 0, 1, 1, 0, 0, 0, 0, 0, 1.0, 1, 0, 0] in values
    assert any(r[0] == "（未填写牵头单位）" for r in values)
    totals = [r for r in values if r[0] == "合计"]
    assert totals[1][2:4] == [4, 1] and totals[1][7] == 1 and totals[1][9] == pytest.approx(1 / 3)  # cancelled left out
    assert ws["J6"].number_format == "0.0%"
    assert any(isinstance(v[0], str) and v[0].startswith("注：推进中、已延期、未启动") for v in values)
    charts = ws._charts
    assert len(charts) == 2 and all(c.tagname == "barChart" for c in charts)
    refs = [c.series[0].val.numRef.f for c in charts]
    assert refs[0].endswith("$J$6:$J$6")


def test_one_sheet_with_source_column(tmp_path: Path) -> None:
    rows = sample_rows("报告甲")[:2] + sample_rows("报告乙")[3:]
    out = export(tmp_path, sheets=[LedgerSheet("工作台账", TITLE, rows, with_source=True)])
    ws = openpyxl.load_workbook(out)["工作台账"]
    assert [c.value for c in ws[3]][:3] == ["序号", "来源报告", "工作任务"]
    assert [ws.cell(r, 2).value for r in range(4, 7)] == ["报告甲", "报告甲", "报告乙"]
    assert ws.column_dimensions["P"].hidden


def test_sheet_per_report_names_are_legal_and_unique(tmp_path: Path) -> None:
    long = "某某市委组织部关于2023年上半年组织工作的总结和下半年工作打算[定稿]"
    sheets = [LedgerSheet(long, TITLE, sample_rows()), LedgerSheet(long, TITLE, sample_rows()),
              LedgerSheet("a/b", TITLE, sample_rows())]
    names = openpyxl.load_workbook(export(tmp_path, sheets=sheets)).sheetnames
    assert len(names[0]) <= 31 and names[0] != names[1] and len(names[1]) <= 31
    assert "[" not in "".join(names) and names[2] == "a_b"


def test_empty_ledger_still_opens(tmp_path: Path) -> None:
    out = export(tmp_path, sheets=[LedgerSheet("工作台账", TITLE, [])], stats=LedgerStats())
    ws = openpyxl.load_workbook(out)["工作台账"]
    assert [c.value for c in ws[3]][:13] == HEADERS


def test_progress_and_cancel(tmp_path: Path) -> None:
    rows = [LedgerRow(f"u{i}", 1, str(i), False, measure="措施") for i in range(1200)]
    seen: list[tuple[int, int]] = []
    export(tmp_path, sheets=[LedgerSheet("工作台账", TITLE, rows)], on_progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (1200, 1200) and len(seen) >= 3
    target = tmp_path / "台账.xlsx"
    before = target.read_bytes()
    with pytest.raises(Cancelled):
        export(tmp_path, sheets=[LedgerSheet("工作台账", TITLE, rows)], is_cancelled=lambda: True)
    assert target.read_bytes() == before  # the earlier file is untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["台账.xlsx"]  # no temp file left behind


def test_failure_leaves_no_broken_file(tmp_path: Path) -> None:
    target = tmp_path / "台账.xlsx"
    target.write_bytes(b"old contents")
    bad = LedgerRow("u", 1, "1", False, measure="x", due="not a date")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        write_ledger(target, [LedgerSheet("工作台账", TITLE, [bad])], None, title=TITLE, exported_on=date.today())
    assert target.read_bytes() == b"old contents"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["台账.xlsx"]


def test_clear_messages_for_bad_targets(tmp_path: Path) -> None:
    sheets = [LedgerSheet("工作台账", TITLE, sample_rows())]
    with pytest.raises(LedgerWriteError, match="不存在"):
        write_ledger(tmp_path / "nope" / "a.xlsx", sheets, None, title=TITLE, exported_on=date.today())
    with pytest.raises(LedgerWriteError, match=r"\.xlsx"):
        write_ledger(tmp_path / "a.xls", sheets, None, title=TITLE, exported_on=date.today())


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into read-only folders")
def test_no_permission_message(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(LedgerWriteError, match="权限"):
            write_ledger(folder / "a.xlsx", [LedgerSheet("工作台账", TITLE, sample_rows())], None, title=TITLE,
                         exported_on=date.today())
    finally:
        folder.chmod(0o700)


def test_replace_failure_message_and_cleanup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A target locked by Excel (Windows refuses the rename) gives a clear message and no debris."""
    target = tmp_path / "台账.xlsx"
    target.write_bytes(b"old")

    def locked(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied", dst)

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(LedgerWriteError, match="正在 Excel 或 WPS 中打开"):
        write_ledger(target, [LedgerSheet("工作台账", TITLE, sample_rows())], None, title=TITLE,
                     exported_on=date.today())
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["台账.xlsx"]


def test_row_heights_fit_wrapped_text(tmp_path: Path) -> None:
    """LibreOffice does not autofit rows on load, so heights are set from the text length."""
    short = LedgerRow("a", 1, "1", False, measure="短措施")
    long = LedgerRow("b", 1, "2", False, measure="加强干部教育培训，" * 20)
    lines = LedgerRow("c", 1, "3", False, note="第一行\n第二行\n第三行")
    out = export(tmp_path, sheets=[LedgerSheet("工作台账", TITLE, [short, long, lines])])
    dims = openpyxl.load_workbook(out)["工作台账"].row_dimensions
    assert dims[5].height > 4 * dims[4].height  # 180 characters in a 40-wide column need 8+ lines
    assert dims[6].height >= 3 * 14


def test_numbers_as_text_are_not_flagged(tmp_path: Path) -> None:
    """序号 "1.1" is text on purpose; Excel and WPS must not mark every row with a green triangle."""
    import zipfile

    with zipfile.ZipFile(export(tmp_path)) as z:
        xml = z.read("xl/worksheets/sheet1.xml").decode()
    assert '<ignoredError sqref="A4:O7" numberStoredAsText="1"/>' in xml


@pytest.mark.parametrize(("where", "error", "message"), [
    ("mkstemp", PermissionError(13, "Permission denied"), "没有权限"),
    ("replace", OSError(28, "No space left on device"), "磁盘空间不足"),
    ("replace", OSError(30, "Read-only file system"), "只读"),
])
def test_os_failures_become_chinese_messages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str,
                                             error: OSError, message: str) -> None:
    import tempfile

    def fail(*args: object, **kwargs: object) -> None:
        raise error

    monkeypatch.setattr(tempfile if where == "mkstemp" else os, where, fail)
    with pytest.raises(LedgerWriteError, match=message):
        write_ledger(tmp_path / "a.xlsx", [LedgerSheet("工作台账", TITLE, sample_rows())], None, title=TITLE,
                     exported_on=date.today())
    assert list(tmp_path.iterdir()) == []


def test_exported_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    # the temp file behind the atomic write is private; the ledger itself is meant to be shared
    umask = os.umask(0o022)
    try:
        path = export(tmp_path)
    finally:
        os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o644
