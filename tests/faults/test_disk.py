"""A full disk and a read-only folder: told as what they are, nothing acknowledged is lost.

Before issue 13 both were reported as a damaged database with advice to restore a backup, which,
followed, rolls the data back.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from db.backup import check_backup, list_backups
from db.store import open_store
from tests.conftest import SEEDS
from tests.db.plans import make_plan
from tests.faults import machine


def _prepare(db: Path) -> list[int]:
    with open_store(str(db)) as st:
        rid = st.import_plan(make_plan(items=3, measures=3), sha256="e" * 64, original_text="").report_id
        return [r.id for r in st.item_tree(rid) if r.is_measure]


def _notes(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return "\n".join(r[0] or "" for r in conn.execute("SELECT new FROM history WHERE field = 'note'"))
    finally:
        conn.close()


def test_a_full_disk_is_told_and_loses_nothing(tmp_path: Path, figure: Callable[[str], None]) -> None:
    with machine.small_disk(tmp_path / "disk", 1024) as disk:
        db = disk / "halfyear.db"
        ids = _prepare(db)
        acked: list[str] = []
        told = 0
        for n, leave_kb in enumerate((0, 12, 40, 96, 200)):
            filler = machine.fill(disk, leave_kb)
            note = f"[满{leave_kb}]"
            said, stderr = machine.run_batch([
                ["--db", str(db), "status", str(ids[n]), "推进中", "--note", note],
                ["--db", str(db), "import", str(SEEDS[n % len(SEEDS)])],
                ["--db", str(db), "backup"],
                ["--db", str(db), "list"],
            ])
            filler.unlink()
            assert stderr == "", stderr
            for s in said:
                if s.code == 0:
                    continue
                told += 1
                assert s.one_chinese_line, (leave_kb, s)
                assert "磁盘空间不足" in s.err and "损坏" not in s.err and "restore" not in s.err, (leave_kb, s)
            if said[0].code == 0:
                acked.append(note)
        notes = _notes(db)
        assert all(note in notes for note in acked)
        assert not list((disk / "backups").glob("*.part*"))  # no half-written backup left
        for backup in list_backups(db):
            check_backup(backup)  # every backup that looks finished is a good one
    figure(f"full disk (1 MB tmpfs, 0-200 KB left): {told} commands refused with 磁盘空间不足, "
           f"{len(acked)} of 5 writes acknowledged, 0 lost, database intact")


def test_an_export_onto_a_full_disk_leaves_nothing(tmp_path: Path, ledger_files: tuple[str, str]) -> None:
    db, _ = ledger_files
    with machine.small_disk(tmp_path / "stick", 64) as stick:
        machine.fill(stick, 8)
        said, stderr = machine.run_batch([["--db", db, "export", str(stick / "台账.xlsx")]])
        assert stderr == "", stderr  # no "Exception ignored in ZipFile.__del__"
        assert said[0].one_chinese_line and "磁盘空间不足" in said[0].err, said[0]
        assert sorted(p.name for p in stick.iterdir()) == ["filler.bin"]


def test_a_read_only_folder_is_told_as_one(tmp_path: Path) -> None:
    with machine.small_disk(tmp_path / "share", 2048) as share:
        db = share / "halfyear.db"
        ids = _prepare(db)
        before = _notes(db)
        with machine.read_only(share):
            said, stderr = machine.run_batch([
                ["--db", str(db), "list"],
                ["--db", str(db), "status", str(ids[0]), "推进中", "--note", "只读"],
                ["--db", str(db), "backup"],
                ["--db", str(db), "export", str(share / "台账.xlsx")],
                ["--db", str(db), "import", str(SEEDS[0])],
            ])
        assert stderr == "", stderr
        for s in said:
            assert s.one_chinese_line, s
            assert "没有写入权限" in s.err and "损坏" not in s.err, s
        assert _notes(db) == before


def test_a_read_only_database_file_is_told_as_one(tmp_path: Path) -> None:
    db = tmp_path / "halfyear.db"
    ids = _prepare(db)
    with machine.immutable(db):
        said, stderr = machine.run_batch([
            ["--db", str(db), "list"],
            ["--db", str(db), "status", str(ids[0]), "推进中", "--note", "不可改"],
        ])
    assert stderr == "", stderr
    assert said[0].code == 0, said[0]  # reading a file one may not change still works
    assert said[1].one_chinese_line and "没有写入权限" in said[1].err and "halfyear.db" in said[1].err, said[1]
    assert "不可改" not in _notes(db)


def test_an_export_into_a_read_only_folder_is_told(tmp_path: Path, ledger_files: tuple[str, str]) -> None:
    db, _ = ledger_files
    with machine.small_disk(tmp_path / "cd", 256) as cd, machine.read_only(cd):
        said, stderr = machine.run_batch([["--db", db, "export", str(cd / "台账.xlsx")]])
    assert stderr == "", stderr
    assert said[0].one_chinese_line and "只读" in said[0].err, said[0]
