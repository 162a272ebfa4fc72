"""`halfyear review` on the scripted year: the Chinese summary, --json for scripts, --docx, and its errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import docx
import pytest

from desktop.cli import main
from tests.services.year_history import Year, scripted_year


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from db.store import open_store

    store = open_store(str(tmp_path_factory.mktemp("cli") / "halfyear.db"))
    yield scripted_year(store)
    store.close()


def run(year: Year, *args: str) -> int:
    return main(["--db", str(year.store.url), "review", *args])


def test_json_for_june_and_december(year: Year, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(year, "--year", "2023", "--as-of", "2023-06-30", "--compare", "2023-12-31", "--rule", "时限",
               "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["as_of"], data["rule"], data["items"], data["measures"], data["overdue"]) == (
        "2023-06-30", "deadline", 6, 19, 1)
    assert {k: (v["count"], v["share"]) for k, v in data["categories"].items()} == {
        "已完成": (1, 5.3), "超进度": (0, 0.0), "达进度": (4, 21.0), "欠进度": (1, 5.3), "未启动": (11, 57.9),
        "已延期": (1, 5.3), "已取消": (1, 5.2)}
    assert data["left_out"] == {"reports": 0, "measures": 1}
    assert [(u["unit"], u["rank"], u["tasks"], u["done"], u["rate"]) for u in data["units"]] == [
        ("干部科", 1, 6, 1, 16.7), ("组织科", 2, 7, 0, 0.0), ("人才办", 2, 4, 0, 0.0), ("（未明确牵头单位）", None, 2, 0, 0.0)]
    [lagging] = data["lagging"]
    assert lagging["id"] == year.m["A1.1"].id and lagging["latest"] == "已制定方案"
    assert (lagging["latest_at"], lagging["due"], lagging["unit"], lagging["overdue"]) == (
        "2023-03-15", "2023-05-31", "干部科", True)
    assert [m["id"] for m in data["overdue_list"]] == year.ids("A1.1")
    assert len(data["not_started"]) == 11
    assert [(m["id"], m["delay_reason"]) for m in data["extended"]] == [(year.m["A2.1"].id, "配套资金未到位")]
    mv = data["movement"]
    assert (mv["earlier"], mv["later"]) == ("2023-06-30", "2023-12-31")
    assert mv["newly_completed"] == year.ids("A1.1", "A2.1", "A2.2", "A3.1", "B1.1", "B3.1")
    assert mv["fell_behind"] == year.ids("B2.2") and mv["newly_extended"] == year.ids("A3.2")
    assert mv["still_not_started"] == year.ids("A2.4", "A2.5", "A2.6", "A3.3", "A3.4", "B2.1", "B3.2")
    assert data["docx"] is None

    assert run(year, "--year", "2023", "--as-of", "2023-12-31", "--rule", "序时", "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert {k: v["count"] for k, v in data["categories"].items()} == {
        "已完成": 7, "超进度": 0, "达进度": 0, "欠进度": 3, "未启动": 8, "已延期": 1, "已取消": 1}
    assert sum(v["share"] for v in data["categories"].values()) == pytest.approx(100.0)
    assert data["movement"] is None and data["left_out"] == {"reports": 0, "measures": 0}


def test_summary_in_chinese_with_the_draft(year: Year, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "通报.docx"
    assert run(year, "--year", "2023", "--as-of", "2023-06-30", "--rule", "时限", "--docx", str(out),
               "--issuer", "**县督查室") == 0
    text = capsys.readouterr().out
    lines = text.splitlines()
    assert lines[0] == "关于2023年上半年工作任务推进情况的通报"
    assert "已完成1项，占5.3%；达进度4项，占21.0%；欠进度1项，占5.3%；未启动11项，占57.9%；已延期1项，占5.3%；已取消1项，占5.2%。" in text
    table = lines[lines.index("各单位推进情况：") + 1:lines.index("各单位推进情况：") + 6]
    assert table[0].split() == ["排名", "牵头单位", "任务数", "已完成", "完成率", "欠进度", "逾期"]
    assert table[1].split() == ["1", "干部科", "6", "1", "16.7%", "1", "1"]
    assert "欠进度的措施（1 项）：" in text and "逾期的措施（1 项）：" in text and "未启动的措施（11 项）：" in text
    assert f"督查通报草稿已写入 {out}" in text
    paragraphs = [p.text for p in docx.Document(str(out)).paragraphs]
    assert paragraphs[0] == "关于2023年上半年工作任务推进情况的通报" and "**县督查室" in paragraphs


def test_ranking_by_behind(year: Year, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(year, "--year", "2023", "--as-of", "2023-12-31", "--rule", "时限", "--rank", "欠进度", "--json") == 0
    assert [u["unit"] for u in json.loads(capsys.readouterr().out)["units"]][:3] == ["干部科", "人才办", "组织科"]


@pytest.mark.parametrize("args, said", [
    (["--as-of", "6月底"], "--as-of：“6月底”不是日期"),
    (["--as-of", "2023-06-30", "--report", "99"], "没有编号为 99 的报告"),
    (["--as-of", "2023-06-30", "--report", "2", "--year", "2023"], "--report 与 --year 只能用一个"),
    (["--as-of", "2023-06-30", "--year", "2030"], "没有计划年度为 2030 年的报告"),
    (["--as-of", "2023-06-30", "--docx", "/无此文件夹/通报.docx"], "文件夹“/无此文件夹”不存在"),
    (["--as-of", "2023-06-30", "--docx", "通报.doc"], "扩展名不是 .docx"),
    (["--compare", "2023-06-30"], "缺少参数：--as-of"),
])
def test_errors_exit_2_with_one_chinese_line(year: Year, capsys: pytest.CaptureFixture[str], args: list[str],
                                              said: str) -> None:
    try:
        code = run(year, *args)
    except SystemExit as exc:  # argparse's own errors (a bad date, a missing option)
        code = exc.code  # type: ignore[assignment]
    err = capsys.readouterr().err
    assert code == 2
    error_lines = [line for line in err.splitlines() if line.startswith("错误：")]
    assert len(error_lines) == 1 and said in error_lines[0]
    assert "Traceback" not in err
