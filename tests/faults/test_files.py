"""Damaged, emptied, foreign and too-new database files through the command line: refused, untouched."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from db.backup import backup_now
from db.store import open_store
from tests.db.plans import make_plan
from tests.faults import machine


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""


@pytest.fixture
def db_with_backup(tmp_path: Path) -> tuple[Path, Path]:
    path = tmp_path / "halfyear.db"
    with open_store(str(path)) as st:
        for n in range(20):
            st.import_plan(make_plan(items=10, measures=5), sha256=f"{n:064d}", original_text="长文" * 2000)
        backup = backup_now(st)
    return path, backup


def _spoil(path: Path, how: str) -> None:
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    if how == "emptied":
        path.write_bytes(b"")
    elif how == "scribbled":
        data = bytearray(path.read_bytes())
        for offset in range(4096 * 3, len(data) - 4096, 4096 * 2):
            data[offset:offset + 300] = b"\xa5" * 300
        path.write_bytes(bytes(data))
    elif how == "not a database":
        path.write_text("会议纪要\n" * 500, encoding="utf-8")
    elif how == "newer":
        conn = sqlite3.connect(path)
        with conn:
            conn.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
        conn.close()


@pytest.mark.parametrize("how, words", [("emptied", "0 字节"), ("scribbled", "已损坏"),
                                        ("not a database", "不是本程序的数据库文件"), ("newer", "更新版本")])
def test_a_spoilt_database_is_refused_untouched(db_with_backup: tuple[Path, Path], how: str, words: str) -> None:
    path, backup = db_with_backup
    _spoil(path, how)
    before = _digest(path), sorted(p.name for p in path.parent.iterdir())
    said, stderr = machine.run_batch([["--db", str(path), cmd] for cmd in ("list", "backup")]
                                     + [["--db", str(path), "show", "1"], ["--db", str(path), "done", "2"]])
    assert stderr == "", stderr
    for s in said:
        assert s.one_chinese_line and words in s.err, s
        assert str(backup) in s.err, s  # the way back is named
    # SQLite's read-only check of a WAL file may leave its empty -wal and -shm; the file itself is untouched
    side = {f"{path.name}-wal", f"{path.name}-shm"}
    after = _digest(path), sorted(p.name for p in path.parent.iterdir() if p.name not in side)
    assert after == before
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0


def test_restoring_a_newer_or_damaged_backup_touches_nothing(db_with_backup: tuple[Path, Path]) -> None:
    path, backup = db_with_backup
    newer = backup.with_name("newer.db")
    newer.write_bytes(backup.read_bytes())
    _spoil(newer, "newer")
    damaged = backup.with_name("damaged.db")
    damaged.write_bytes(backup.read_bytes())
    _spoil(damaged, "scribbled")
    before = _digest(path), sorted(p.name for p in path.parent.rglob("*"))
    said, stderr = machine.run_batch([["--db", str(path), "restore", str(f)] for f in (newer, damaged)])
    assert stderr == ""
    assert said[0].one_chinese_line and "更新版本" in said[0].err, said[0]
    assert said[1].one_chinese_line and "损坏" in said[1].err, said[1]
    assert (_digest(path), sorted(p.name for p in path.parent.rglob("*"))) == before
