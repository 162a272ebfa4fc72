"""`halfyear export` and `halfyear merge` end to end on a SQLite file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from desktop.cli import main
from tests.services.test_merge import Sheet, measures


@pytest.fixture
def db_url(ledger_store: Any) -> str:
    return str(ledger_store.url)


def test_export_then_merge_preview_and_apply(ledger_store: Any, db_url: str, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "台账.xlsx"
    assert main(["--db", db_url, "export", str(out), "--one-sheet"]) == 0
    assert "已导出" in capsys.readouterr().out
    m = measures(ledger_store)
    sheet = Sheet(out)
    sheet.set(m[0].uuid, "完成状态", "已完成")
    sheet.set(m[1].uuid, "完成状态", "完成了")
    sheet.save()

    assert main(["--db", db_url, "merge", str(out)]) == 0
    text = capsys.readouterr().out
    assert "完成状态：未启动 → 已完成" in text and "“完成了”不是可用的状态" in text and "加 --apply" in text
    assert ledger_store.get_item(m[0].id).status.value == "未启动"

    assert main(["--db", db_url, "merge", str(out), "--apply"]) == 0
    assert "已写入 1 处修改（1 条" in capsys.readouterr().out  # counted as the preview counted
    assert ledger_store.get_item(m[0].id).status.value == "已完成"
    assert ledger_store.history(m[0].id)[-1].who == out.name


def test_export_options(ledger_store: Any, db_url: str, tmp_path: Path) -> None:
    report = ledger_store.list_reports()[0]
    out = tmp_path / "r.xlsx"
    assert main(["--db", db_url, "export", str(out), "--report", str(report.id), "--status", "未启动", "推进中",
                 "--unit", "", "--as-of", "2030-01-01"]) == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == "工作台账"
    assert any("统计截至：2030年1月1日" in str(c.value) for c in wb["工作台账"][2])


def test_errors_are_one_chinese_line(db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db_url, "merge", str(tmp_path / "没有.xlsx")]) == 2
    assert capsys.readouterr().err.startswith("错误：找不到文件")
    assert main(["--db", db_url, "export", str(tmp_path / "无此目录" / "a.xlsx")]) == 2
    assert "不存在" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--db", db_url, "export", str(tmp_path / "a.xlsx"), "--status", "完成了"])
    with pytest.raises(SystemExit):
        main(["--db", db_url, "export", str(tmp_path / "a.xlsx"), "--as-of", "明天"])


def test_export_with_a_unit_that_matches_nothing_fails_and_writes_nothing(
        ledger_store: Any, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    m = measures(ledger_store)
    ledger_store.update_item(m[0].id, {"lead_unit": "组织科", "co_units": "党校、宣传科"}, expected_version=m[0].version,
                             who="t")
    folder = tmp_path / "导出"
    folder.mkdir()
    out = folder / "台账.xlsx"
    assert main(["--db", db_url, "export", str(out), "--unit", "不存在科"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and len(captured.err.splitlines()) == 1
    err = captured.err
    assert err.startswith("错误：没有牵头单位或配合单位含“不存在科”的措施") and "组织科、党校、宣传科" in err
    assert not list(folder.iterdir())
    assert main(["--db", db_url, "export", str(out), "--status", "已办结"]) == 2
    assert "没有状态为已办结的措施" in capsys.readouterr().err and not out.exists()
    assert main(["--db", db_url, "export", str(out), "--unit", "组织"]) == 0 and out.exists()


def test_merge_prints_a_warning_for_a_closed_item_set_back(
        ledger_store: Any, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    m = measures(ledger_store)
    version = ledger_store.set_status(m[0].id, "已完成", expected_version=m[0].version, who="t").after.version
    ledger_store.set_status(m[0].id, "已办结", expected_version=version, who="t")
    out = tmp_path / "台账.xlsx"
    assert main(["--db", db_url, "export", str(out), "--one-sheet"]) == 0
    sheet = Sheet(out)
    sheet.set(m[0].uuid, "完成状态", "推进中")
    sheet.set(m[1].uuid, "完成状态", "推进中")
    sheet.save()
    capsys.readouterr()
    assert main(["--db", db_url, "merge", str(out)]) == 0
    text = capsys.readouterr().out
    warnings = [line for line in text.splitlines() if line.startswith("  ！")]
    assert "请核实（1 处完成状态倒退" in text and len(warnings) == 1
    assert "已办结（督办部门已核实）的事项将被改为“推进中”" in warnings[0]
    assert ledger_store.get_item(m[0].id).status.value == "已办结"
    assert main(["--db", db_url, "merge", str(out), "--apply"]) == 0
    text = capsys.readouterr().out
    assert "请核实（1 处" in text and "已写入 2 处修改（2 条" in text  # --apply is the clerk's confirmation
    assert ledger_store.get_item(m[0].id).status.value == "推进中"
