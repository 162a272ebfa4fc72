"""Reading ledgers back: rows matched by hidden UUID, units' edits, and every kind of bad file."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from desktop.core.ledger import LedgerReadError, LedgerSheet, parse_date, read_ledger, write_ledger
from tests.core.test_ledger import TITLE, export, sample_rows


def edit(path: Path, changes: dict[str, object], *, sheet: str = "工作台账") -> None:
    """Change cells the way a unit does in Excel (openpyxl stands in for it) and save in place."""
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet]
    for ref, value in changes.items():
        ws[ref] = value
    wb.save(path)


def test_round_trip_reads_every_row(tmp_path: Path) -> None:
    result = read_ledger(export(tmp_path))
    assert result.problems == ()
    assert result.sheets == ("工作台账",)
    assert result.meta is not None and result.meta.title == TITLE and result.meta.format_version == 1
    assert isinstance(result.meta.exported_at, datetime)
    written = sample_rows()
    assert [(r.uuid, r.version, r.number) for r in result.rows] == [(r.uuid, r.version, r.number) for r in written]
    for got, want in zip(result.rows, written):
        for name in ("task", "measure", "lead_leader", "lead_unit", "co_units", "owner", "due", "status", "note",
                     "delay_reason"):
            assert getattr(got, name) == getattr(want, name), name


def test_units_edits_come_back(tmp_path: Path) -> None:
    out = export(tmp_path)
    edit(out, {"I6": "推进中", "K6": "已起草考核办法", "H6": "2023年10月15日", "G5": "王**",
               "H5": datetime(2024, 1, 31), "F7": "宣传科", "H7": "2024/3/1", "L7": None, "E5": 12345})
    rows = {r.uuid: r for r in read_ledger(out).rows}
    assert rows["u-1-2"].status == "推进中" and rows["u-1-2"].note == "已起草考核办法"
    assert rows["u-1-2"].due == date(2023, 10, 15)
    assert rows["u-1-1"].owner == "王**" and rows["u-1-1"].due == date(2024, 1, 31)
    assert rows["u-1-1"].lead_unit == "12345"  # a number typed into a text column reads as that text
    assert rows["u-2"].co_units == "宣传科" and rows["u-2"].due == date(2024, 3, 1) and rows["u-2"].delay_reason == ""


def test_sorted_rows_and_inserted_column_still_match(tmp_path: Path) -> None:
    out = export(tmp_path)
    wb = openpyxl.load_workbook(out)
    ws = wb["工作台账"]
    ws.insert_cols(3)  # a unit adds a column of its own; columns are found by header, not position
    ws["C3"] = "备注"
    ws.move_range("A7:P7", rows=1)  # and moves the last row down a line
    wb.save(out)
    result = read_ledger(out)
    assert result.problems == ()
    assert {r.uuid: r.status for r in result.rows} == {"u-1": "推进中", "u-1-1": "已完成", "u-1-2": "未启动",
                                                       "u-2": "已延期"}


def test_row_without_uuid_is_reported_and_skipped(tmp_path: Path) -> None:
    out = export(tmp_path)
    edit(out, {"A8": "3", "C8": "新增的措施", "I8": "推进中"})
    result = read_ledger(out)
    assert len(result.rows) == 4
    assert len(result.problems) == 1
    assert "第8行" in result.problems[0] and "没有标识" in result.problems[0] and "序号 3" in result.problems[0]


def test_unknown_status_and_bad_date(tmp_path: Path) -> None:
    out = export(tmp_path)
    edit(out, {"I5": "完成了", "I6": "滞后", "H7": "下个月"})
    result = read_ledger(out)
    assert [r.uuid for r in result.rows] == ["u-1"]
    text = "\n".join(result.problems)
    assert "第5行" in text and "“完成了”不是可用的状态" in text
    assert "滞后" in text and "亮灯自动判断" in text
    assert "第7行（H7 单元格）：完成时限“下个月”不是有效日期" in text and "2024年12月底" in text


def test_dates_typed_as_text_in_the_usual_forms(tmp_path: Path) -> None:
    out = export(tmp_path)
    edit(out, {"H4": "2024年12月底", "H5": "2024.12.31", "H6": "2024/12/31", "H7": "2024年6月30日前"})
    result = read_ledger(out)
    assert result.problems == ()
    assert [r.due for r in result.rows] == [date(2024, 12, 31)] * 3 + [date(2024, 6, 30)]


def test_a_date_without_a_year_takes_the_plan_year_of_its_report(tmp_path: Path) -> None:
    out = export(tmp_path)
    edit(out, {"H5": "12月底前", "H6": "9月15日", "H7": "年底前"})
    asked: list[str] = []

    def year_of(uuid: str) -> int | None:
        asked.append(uuid)
        return None if uuid == "u-2" else 2023

    result = read_ledger(out, year_of=year_of)
    assert asked == ["u-1-1", "u-1-2", "u-2"]  # only for the cells without a year
    assert {r.uuid: r.due for r in result.rows} == {"u-1": None, "u-1-1": date(2023, 12, 31),
                                                   "u-1-2": date(2023, 9, 15)}
    assert len(result.problems) == 1
    assert "第7行（H7 单元格）：完成时限“年底前”没有写年份" in result.problems[0]
    assert "该行未导入" in result.problems[0]
    # without anyone to ask, such a cell is never guessed
    assert {r.uuid for r in read_ledger(out).rows} == {"u-1"}


def test_duplicate_uuid_from_copied_row(tmp_path: Path) -> None:
    out = export(tmp_path)
    wb = openpyxl.load_workbook(out)
    ws = wb["工作台账"]
    for col in range(1, 16):
        ws.cell(8, col).value = ws.cell(5, col).value
    wb.save(out)
    result = read_ledger(out)
    assert len(result.rows) == 4
    assert any("第8行与“工作台账”第5行的标识相同" in p for p in result.problems)


def test_version_column_tampered(tmp_path: Path) -> None:
    out = export(tmp_path)
    edit(out, {"O5": "abc"})
    result = read_ledger(out)
    assert "u-1-1" not in {r.uuid for r in result.rows}
    assert any("版本号" in p for p in result.problems)


def test_not_our_ledger(tmp_path: Path) -> None:
    path = tmp_path / "其他表格.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "电话"])
    wb.save(path)
    with pytest.raises(LedgerReadError, match="不是本程序导出的工作台账"):
        read_ledger(path)


def test_copied_into_new_workbook_without_uuid_column(tmp_path: Path) -> None:
    path = tmp_path / "复制的.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["序号", "工作任务", "具体措施", "完成状态"])
    wb.active.append(["1", "任务", "措施", "已完成"])
    wb.save(path)
    with pytest.raises(LedgerReadError, match="缺少隐藏的标识列"):
        read_ledger(path)


def _file(name: str, data: bytes):  # type: ignore[no-untyped-def]
    def make(tmp_path: Path) -> Path:
        (tmp_path / name).write_bytes(data)
        return tmp_path / name
    return make


def _broken_zip(tmp_path: Path) -> Path:
    good = export(tmp_path)
    path = tmp_path / "截断.xlsx"
    path.write_bytes(good.read_bytes()[:3000])
    return path


def _zip_without_workbook(tmp_path: Path) -> Path:
    path = tmp_path / "伪装.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<w/>")
    return path


def _corrupt_member(tmp_path: Path) -> Path:
    good = export(tmp_path)
    path = tmp_path / "坏表.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            dst.writestr(item, data)
    return path


@pytest.mark.parametrize(("make", "message"), [
    (lambda t: t / "没有.xlsx", "找不到文件"),
    (lambda t: t, "文件夹"),
    (_file("空.xlsx", b""), "空文件"),
    (_file("旧.xlsx", b"\xd0\xcf\x11\xe0" + b"\0" * 600), "另存为"),
    (_file("文本.xlsx", "序号,状态".encode()), "不是有效的 Excel"),
    (_broken_zip, "不是有效的 Excel"),
    (_zip_without_workbook, "已损坏"),
    (_corrupt_member, "损坏"),
], ids=["missing", "directory", "empty", "xls", "text", "truncated", "not-xlsx-zip", "corrupt-sheet"])
def test_damaged_or_wrong_files_give_one_clear_error(tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(LedgerReadError, match=message) as info:
        read_ledger(make(tmp_path))
    assert str(info.value).isascii() is False  # a Chinese sentence, not a library traceback


def test_several_sheets_and_source_column(tmp_path: Path) -> None:
    out = tmp_path / "多表.xlsx"
    sheets = [LedgerSheet("报告甲", TITLE, sample_rows("甲")[:2]),
              LedgerSheet("报告乙", TITLE, sample_rows("乙")[2:], with_source=True)]
    write_ledger(out, sheets, None, title=TITLE, exported_on=date(2023, 12, 1))
    result = read_ledger(out)
    assert result.sheets == ("报告甲", "报告乙")
    assert [r.uuid for r in result.rows] == ["u-1", "u-1-1", "u-1-2", "u-2"]
    assert result.rows[2].report_title == "乙" and result.rows[0].report_title == ""


@pytest.mark.parametrize(("value", "expected"), [
    (None, None), ("", None), ("长期坚持", None), (date(2023, 5, 1), date(2023, 5, 1)),
    (datetime(2023, 5, 1, 8), date(2023, 5, 1)), ("2023-12-31", date(2023, 12, 31)),
    ("2023年12月31日", date(2023, 12, 31)), ("２０２３年８月１日", date(2023, 8, 1)), ("2023/8/1", date(2023, 8, 1)),
    ("2023.08.01", date(2023, 8, 1)), (" 2023 年 8 月 1 日 ", date(2023, 8, 1)), (20231231, date(2023, 12, 31)),
    (45291, date(2023, 12, 31)), ("20231231", date(2023, 12, 31)), ("2023年12月底", date(2023, 12, 31)),
    ("2023年底前", date(2023, 12, 31)), ("常态化", None),
])
def test_parse_date_accepts(value: object, expected: date | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["年底前", "2023-13-01", "2023-02-30", "12/31", 3.5, True, "明年", 2024.12])
def test_parse_date_rejects(value: object) -> None:
    with pytest.raises(ValueError):
        parse_date(value)


def test_parse_date_completes_a_missing_year_only_when_given_one() -> None:
    assert parse_date("12月底前", year=2024) == date(2024, 12, 31)
    assert parse_date("2023年3月底", year=2024) == date(2023, 3, 31)
    with pytest.raises(ValueError, match="12月底前"):
        parse_date("12月底前")


def test_progress_and_cancel(tmp_path: Path) -> None:
    from desktop.core.errors import Cancelled
    from desktop.core.ledger import LedgerRow

    rows = [LedgerRow(f"u{i}", 1, str(i), False, measure="措施", status="推进中") for i in range(2500)]
    out = tmp_path / "big.xlsx"
    write_ledger(out, [LedgerSheet("工作台账", TITLE, rows)], None, title=TITLE, exported_on=date(2023, 12, 1))
    seen: list[tuple[int, int]] = []
    assert len(read_ledger(out, on_progress=lambda d, t: seen.append((d, t))).rows) == 2500
    assert [d for d, _ in seen] == [1000, 2000] and all(t >= 2500 for _, t in seen)
    with pytest.raises(Cancelled):
        read_ledger(out, is_cancelled=lambda: True)
