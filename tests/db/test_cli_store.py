"""halfyear import/list/show/done/status/backup/restore against a real SQLite file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from db.backup import list_backups
from db.store import open_store
from desktop.cli import main

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_import_list_show_done_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "h.db"
    code, out, _ = run(capsys, db, "import", *map(str, SEEDS[:2]))
    assert code == 0 and out.count("已导入") == 2 and "项工作" in out and "条措施" in out
    code, _, err = run(capsys, db, "import", str(SEEDS[0]))
    assert code == 2 and "已经导入过" in err and "--again" in err
    code, out, _ = run(capsys, db, "import", "--again", str(SEEDS[0]))
    assert code == 0
    code, out, _ = run(capsys, db, "list")
    assert code == 0 and len(out.strip().splitlines()) == 4 and "0%" in out
    code, out, _ = run(capsys, db, "show", "1")
    ids = [int(x) for x in re.findall(r"\[(\d+)\]", out)]
    with open_store(str(db)) as st:
        tree = st.item_tree(1)
        assert ids == [r.id for r in tree]
        measure = next(r for r in tree if r.is_measure)
    code, out, _ = run(capsys, db, "done", str(measure.id))
    assert code == 0 and "未启动 → 已完成" in out
    code, out, _ = run(capsys, db, "status", str(measure.id), "推进中", "--note", "正在推进")
    assert code == 0 and "已完成 → 推进中" in out
    with open_store(str(db)) as st:
        row = st.get_item(measure.id)
        assert (row.status.value, row.note, row.version) == ("推进中", "正在推进", 3)
    code, _, err = run(capsys, db, "done", "999999")
    assert code == 2 and "没有编号为 999999 的条目" in err
    code, _, err = run(capsys, db, "show", "999")
    assert code == 2 and "没有编号为 999 的报告" in err


def test_import_reports_a_bad_file_and_goes_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    code, out, err = run(capsys, tmp_path / "h.db", "import", str(bad), str(SEEDS[0]))
    assert code == 2 and err.startswith("错误：") and "已导入" in out


def test_backup_and_restore_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "h.db"
    run(capsys, db, "import", str(SEEDS[0]))
    code, out, _ = run(capsys, db, "backup")
    saved = Path(out.split("已备份到 ")[1].strip())
    assert code == 0 and saved.exists() and saved in list_backups(str(db))
    run(capsys, db, "import", str(SEEDS[1]))
    code, out, _ = run(capsys, db, "restore", str(saved))
    assert code == 0 and "恢复前的数据库已备份到" in out
    with open_store(str(db)) as st:
        assert len(st.list_reports()) == 1
    code, _, err = run(capsys, db, "restore", str(tmp_path / "nope.db"))
    assert code == 2 and "找不到备份文件" in err


def test_cli_never_adds_samples(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "h.db"
    code, out, _ = run(capsys, db, "list")
    assert code == 0 and "还没有导入任何报告" in out


def test_a_bad_database_file_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "h.db"
    db.write_bytes(b"garbage" * 100)
    code, _, err = run(capsys, db, "list")
    assert code == 2 and "不是本程序的数据库文件" in err


def test_import_without_a_year_says_so(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    from tests.conftest import ROOT, SEEDS

    result = subprocess.run([sys.executable, "-m", "desktop", "--db", str(tmp_path / "h.db"), "import", str(SEEDS[3])],
                            cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0, result.stderr
    assert "已导入" in result.stdout
    assert "读不出计划年度" in result.stderr and "--year" in result.stderr
    # the same rule as the window: this year's deadlines, not none
    from datetime import date

    from db.store import open_store

    with open_store(str(tmp_path / "h.db")) as store:
        report = store.list_reports()[0]
        assert report.year == date.today().year
        assert all(r.due is None or r.due.year == date.today().year for r in store.item_tree(report.id))
        assert any(r.due is not None for r in store.item_tree(report.id))


def test_done_on_an_item_ticks_its_measures(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from db.store import open_store
    from desktop.__main__ import main
    from tests.conftest import SEEDS

    db = str(tmp_path / "h.db")
    assert main(["--db", db, "import", str(SEEDS[0]), "--year", "2023"]) == 0
    with open_store(db) as store:
        item = store.item_tree(1)[0]
    assert not item.is_measure and item.child_count == 3
    assert main(["--db", db, "done", str(item.id)]) == 0
    with open_store(db) as store:
        rows = store.subtree(item.id)
    assert all(r.status.value == "已完成" for r in rows if r.is_measure)
    assert rows[0].progress == 100


def _measures_of_first_report(db: Path) -> list:  # type: ignore[type-arg]
    with open_store(str(db)) as st:
        return [r for r in st.item_tree(1) if r.is_measure]


def _state(db: Path, item_id: int) -> tuple:  # type: ignore[type-arg]
    with open_store(str(db)) as st:
        r = st.get_item(item_id)
        return r.status.value, r.due, r.original_due, r.delay_reason, r.version, len(st.history(item_id))


def test_extension_needs_a_later_date_and_a_reason(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import date

    db = tmp_path / "h.db"
    assert run(capsys, db, "import", str(SEEDS[0]), "--year", "2023")[0] == 0
    m = _measures_of_first_report(db)
    assert m[0].due == date(2023, 12, 31)
    untouched = _state(db, m[0].id)
    refusals = [
        ((), ("--due", "--reason")),
        (("--due", "2024-12-31"), ("--reason",)),
        (("--reason", "等待上级文件"), ("--due",)),
        (("--due", "2024-12-31", "--reason", "  "), ("--reason",)),
        (("--due", "2023-12-31", "--reason", "等待上级文件"), ("不晚于", "2023-12-31")),
        (("--due", "2023年6月底", "--reason", "等待上级文件"), ("不晚于", "2023-06-30")),
        (("--due", "3月底", "--reason", "等待上级文件"), ("不晚于", "按 2023 年理解", "请写上年份")),
        (("--due", "下个月", "--reason", "等待上级文件"), ("不是有效日期", "2024年12月底")),
    ]
    for extra, words in refusals:
        code, out, err = run(capsys, db, "status", str(m[0].id), "已延期", *extra)
        assert code == 2 and out == "" and err.startswith("错误：") and len(err.splitlines()) == 1, (extra, err)
        assert all(w in err for w in words), (extra, err)
        assert _state(db, m[0].id) == untouched  # bad input never changes the database


@pytest.mark.parametrize("typed", ["2024-12-31", "2024/12/31", "2024年12月31日", "2024年12月底"])
def test_extension_records_the_new_date_the_first_date_and_the_reason(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], typed: str) -> None:
    from datetime import date

    db = tmp_path / "h.db"
    run(capsys, db, "import", str(SEEDS[0]), "--year", "2023")
    m = _measures_of_first_report(db)[0]
    code, out, err = run(capsys, db, "status", str(m.id), "已延期", "--due", typed, "--reason", "等待上级文件",
                         "--note", "已报请延期")
    assert code == 0, err
    assert "未启动 → 已延期" in out and "2023-12-31 → 2024-12-31" in out and "等待上级文件" in out
    with open_store(str(db)) as st:
        row = st.get_item(m.id)
        fields = {h.field: (h.old, h.new) for h in st.history(m.id)}
    assert (row.status.value, row.due, row.original_due, row.delay_reason, row.note) == (
        "已延期", date(2024, 12, 31), date(2023, 12, 31), "等待上级文件", "已报请延期")
    assert fields["due"] == ("2023-12-31", "2024-12-31") and fields["status"] == ("未启动", "已延期")
    # a second extension must go later than the granted date, and keeps the first promise
    code, _, err = run(capsys, db, "status", str(m.id), "已延期", "--due", "2024-06-30", "--reason", "再等等")
    assert code == 2 and "不晚于现在的完成时限 2024-12-31" in err
    assert run(capsys, db, "status", str(m.id), "已延期", "--due", "2025年3月底", "--reason", "再等等")[0] == 0
    with open_store(str(db)) as st:
        row = st.get_item(m.id)
    assert (row.due, row.original_due, row.delay_reason) == (date(2025, 3, 31), date(2023, 12, 31), "再等等")


def test_due_and_reason_belong_to_an_extension_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "h.db"
    run(capsys, db, "import", str(SEEDS[0]), "--year", "2023")
    m = _measures_of_first_report(db)[0]
    untouched = _state(db, m.id)
    code, _, err = run(capsys, db, "status", str(m.id), "推进中", "--due", "2024-12-31")
    assert code == 2 and "--due 和 --reason 只在登记延期时使用" in err
    assert _state(db, m.id) == untouched


def test_closing_comes_after_done(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "h.db"
    run(capsys, db, "import", str(SEEDS[0]), "--year", "2023")
    m = _measures_of_first_report(db)
    run(capsys, db, "status", str(m[1].id), "推进中")
    for row, was in ((m[0], "未启动"), (m[1], "推进中")):
        untouched = _state(db, row.id)
        code, out, err = run(capsys, db, "status", str(row.id), "已办结")
        assert code == 2 and out == "" and len(err.splitlines()) == 1
        assert f"现在是“{was}”" in err and f"halfyear done {row.id}" in err and "已完成" in err
        assert _state(db, row.id) == untouched
    assert run(capsys, db, "done", str(m[0].id))[0] == 0
    code, out, _ = run(capsys, db, "status", str(m[0].id), "已办结")
    assert code == 0 and "已完成 → 已办结" in out
    # ticking a closed measure again leaves it closed
    code, out, _ = run(capsys, db, "done", str(m[0].id))
    assert code == 0 and "没有修改" in out and _state(db, m[0].id)[0] == "已办结"


def test_list_names_what_each_figure_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "h.db"
    run(capsys, db, "import", str(SEEDS[0]), "--year", "2023")
    m = _measures_of_first_report(db)
    total = len(m)
    run(capsys, db, "done", str(m[0].id))
    run(capsys, db, "status", str(m[1].id), "已取消")
    code, out, _ = run(capsys, db, "list")
    head, line = out.strip().splitlines()
    assert code == 0 and head.split("\t") == ["编号", "年份", "事项完成", "措施完成", "措施完成率", "逾期措施", "标题"]
    cells = line.split("\t")
    # the ledger's 完成率: done measures over measures not cancelled (1 of total − 1), not a share of items
    assert cells[2] == "0/3" and cells[3] == f"1/{total - 1}" and cells[4] == f"{100 / (total - 1):.1f}%"
    with open_store(str(db)) as st:
        stats = st.statistics(by="report")[0]
    assert cells[4] == f"{stats.rate * 100:.1f}%"
    code, out, _ = run(capsys, db, "show", "1")
    assert f"事项完成 0/3，措施完成 1/{total - 1}，措施完成率 {cells[4]}" in out.splitlines()[0]
    with pytest.raises(SystemExit):
        main(["list", "--help"])
    text = capsys.readouterr().out.replace("\n", "")
    assert "措施完成率与导出台账“完成情况统计”中的完成率相同" in text and "不含已取消" in text


def test_import_refuses_the_same_report_as_another_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """One rule with the window: a .docx of a report imported as .txt is told apart by its plan, not its bytes."""
    import docx

    copy = tmp_path / "同一份报告.docx"
    d = docx.Document()
    for line in SEEDS[0].read_text(encoding="utf-8").splitlines():
        d.add_paragraph(line)
    d.save(str(copy))
    db = tmp_path / "h.db"
    assert run(capsys, db, "import", str(SEEDS[0]))[0] == 0
    code, _, err = run(capsys, db, "import", str(copy))
    assert code == 2 and "计划相同" in err and "--again" in err
    assert run(capsys, db, "import", "--again", str(copy))[0] == 0
