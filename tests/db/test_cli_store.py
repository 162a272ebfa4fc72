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
