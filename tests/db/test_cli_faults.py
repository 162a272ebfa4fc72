"""The command line on bad paths and damaged content: one Chinese line, exit 2, never a traceback."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db.store import open_store
from desktop.cli import main
from desktop.services.export import export_ledger
from tests.db.plans import make_plan
from tests.services.test_merge import Sheet


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _one_line(code: int, err: str) -> bool:
    return code == 2 and len(err.strip().splitlines()) == 1 and err.startswith("错误：")


@pytest.mark.parametrize("command", ["parse", "import", "merge", "restore", "--db"])
def test_a_symlink_loop_is_not_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             command: str) -> None:
    suffix = {"parse": ".txt", "import": ".docx", "merge": ".xlsx"}.get(command, ".db")
    loop = tmp_path / f"loop{suffix}"
    loop.symlink_to(loop)
    db = str(tmp_path / "h.db")
    args = ["--db", str(loop), "list"] if command == "--db" else ["--db", db, command, str(loop)]
    code, _, err = _run(capsys, *args)
    assert _one_line(code, err), err
    assert "循环的符号链接" in err and "找不到" not in err


def test_text_damaged_inside_an_intact_database_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "h.db"
    with open_store(str(db)) as st:
        rid = st.import_plan(make_plan(), sha256="a" * 64, original_text="").report_id
        item = st.item_tree(rid)[1]
    conn = sqlite3.connect(db)
    with conn:  # bytes that are not UTF-8 where text belongs: the file itself stays valid
        conn.execute("UPDATE item SET title = CAST(x'e4b8ade6ff' AS TEXT) WHERE id = ?", (item.id,))
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    for args in (["show", str(rid)], ["export", str(tmp_path / "t.xlsx")], ["done", str(item.id)]):
        code, _, err = _run(capsys, "--db", str(db), *args)
        assert _one_line(code, err), (args, err)
        assert "损坏的内容" in err and "备份" in err
    assert not (tmp_path / "t.xlsx").exists()


def test_a_long_problem_list_is_cut_at_fifty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "h.db"
    with open_store(str(db)) as st:
        st.import_plan(make_plan(items=20, measures=4), sha256="a" * 64, original_text="")
        path = export_ledger(st, tmp_path / "台账.xlsx").path
        uuids = [r.uuid for r in st.item_tree(1) if r.is_measure]
    sheet = Sheet(path)
    for uuid in uuids:
        sheet.set(uuid, "完成状态", "基本完成")  # not a status: every row is a problem
    sheet.save()
    code, out, _ = _run(capsys, "--db", str(db), "merge", str(path))
    assert code == 0
    assert out.count("不是可用的状态") == 50 and f"另有 {len(uuids) - 50} 条未列出" in out


def test_a_daily_backup_that_fails_is_said_but_does_not_stop_reading(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import db.backup as backups
    from db.api import StoreError

    db = tmp_path / "h.db"
    open_store(str(db)).close()

    def full(store: object) -> None:
        raise StoreError("磁盘空间不足，备份没有完成。")

    monkeypatch.setattr(backups, "maybe_daily_backup", full)
    with open_store(str(db)) as st:
        assert st.warnings == ["今天的自动备份没有完成：磁盘空间不足，备份没有完成。"]
    code, out, err = _run(capsys, "--db", str(db), "list")
    assert code == 0 and "还没有导入任何报告" in out
    assert err.strip() == "注意：今天的自动备份没有完成：磁盘空间不足，备份没有完成。"


def test_an_unexpected_file_error_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import desktop.cli.store_cmds as cmds

    def broken(args: object) -> int:
        raise PermissionError(13, "Permission denied", "/srv/share/x")

    monkeypatch.setattr(cmds, "_list", broken)
    code, _, err = _run(capsys, "--db", str(tmp_path / "h.db"), "list")
    assert _one_line(code, err) and "/srv/share/x" in err and "没有访问权限" in err
