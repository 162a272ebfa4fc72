"""Backups: online copies, daily at most, the last 10 kept, and a restore that keeps the current data."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db.api import Status, StoreError
from db.backup import KEEP, backup_file, backup_now, list_backups, maybe_daily_backup, restore
from db.store import Store, open_store
from tests.db.plans import make_plan


def _url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'halfyear.db'}"


def test_backup_and_restore_round_trip(tmp_path: Path) -> None:
    url = _url(tmp_path)
    with open_store(url) as st:
        rid = st.import_plan(make_plan(), sha256="a" * 64, original_text="全文").report_id
        m = st.item_tree(rid)[1]
        st.set_status(m.id, Status.DONE, expected_version=1, who="")
        saved = backup_now(st)
        st.set_status(m.id, Status.CANCELLED, expected_version=2, who="")
        st.import_plan(make_plan(), sha256="b" * 64, original_text="")
    assert saved in list_backups(url)
    current_copy = restore(url, saved)
    assert current_copy is not None and "before-restore" in current_copy.name
    with open_store(url) as st:
        assert [r.id for r in st.list_reports()] == [rid]
        assert st.get_item(m.id).status is Status.DONE
    with open_store(f"sqlite:///{current_copy}", migrate=False) as old:
        assert len(old.list_reports()) == 2 and old.get_item(m.id).status is Status.CANCELLED


def test_restore_refuses_a_bad_file_and_changes_nothing(tmp_path: Path) -> None:
    url = _url(tmp_path)
    with open_store(url) as st:
        st.import_plan(make_plan(), sha256="a" * 64, original_text="")
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database at all" * 10)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE x (y)").connection.close()
    before = len(list_backups(url))
    for file in (bad, other, tmp_path / "missing.db"):
        with pytest.raises(StoreError):
            restore(url, file)
    assert len(list_backups(url)) == before
    with open_store(url) as st:
        assert len(st.list_reports()) == 1


def test_keeps_the_last_ten(tmp_path: Path) -> None:
    url = _url(tmp_path)
    open_store(url).close()
    made = [backup_file(tmp_path / "halfyear.db") for _ in range(KEEP + 3)]
    assert list_backups(url) == list(reversed(made))[:KEEP]


def test_daily_backup_at_most_once_a_day(tmp_path: Path) -> None:
    url = _url(tmp_path)
    open_store(url).close()
    open_store(url).close()
    with open_store(url) as st:
        assert maybe_daily_backup(st) is None
    assert len([p for p in list_backups(url) if "daily" in p.name]) == 1


def test_backup_of_a_busy_database_is_consistent(store: Store) -> None:
    rid = store.import_plan(make_plan(items=20, measures=5), sha256="a" * 64, original_text="").report_id
    copy = backup_now(store)
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM item WHERE report_id = ?", (rid,)).fetchone()[0] == 120
    finally:
        conn.close()


@pytest.mark.postgres
def test_postgresql_backups_are_left_to_pg_dump(pg_store: Store) -> None:
    with pytest.raises(StoreError) as info:
        backup_now(pg_store)
    assert "pg_dump" in str(info.value)


def _hash(path: Path) -> bytes:
    import hashlib

    return hashlib.sha256(path.read_bytes()).digest()


def test_a_backup_from_a_newer_version_is_refused_before_anything_is_touched(tmp_path: Path) -> None:
    url = _url(tmp_path)
    live = tmp_path / "halfyear.db"
    with open_store(url) as st:
        st.import_plan(make_plan(), sha256="a" * 64, original_text="")
        newer = backup_now(st)
    conn = sqlite3.connect(newer)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = 'f00d_future'")
    conn.close()
    before, backups = _hash(live), list_backups(url)
    with pytest.raises(StoreError) as info:
        restore(url, newer)
    assert "更新版本" in str(info.value) and "f00d_future" in str(info.value) and "没有恢复" in str(info.value)
    assert _hash(live) == before and list_backups(url) == backups
    with open_store(url) as st:
        assert len(st.list_reports()) == 1


def test_checking_and_restoring_a_backup_leaves_nothing_beside_it(tmp_path: Path) -> None:
    url = _url(tmp_path)
    with open_store(url) as st:
        st.import_plan(make_plan(), sha256="a" * 64, original_text="")
        saved = backup_now(st)
    restore(url, saved)
    beside = sorted(p.name for p in saved.parent.iterdir() if p.name.startswith(saved.name))
    assert beside == [saved.name]


def test_restoring_the_live_file_onto_itself_is_refused(tmp_path: Path) -> None:
    url = _url(tmp_path)
    with open_store(url) as st:
        st.import_plan(make_plan(), sha256="a" * 64, original_text="")
    with pytest.raises(StoreError) as info:
        restore(url, tmp_path / "halfyear.db")
    assert "就是当前的数据库文件" in str(info.value)
    with open_store(url) as st:
        assert len(st.list_reports()) == 1


def test_a_killed_backups_part_file_is_swept_on_the_next_backup(tmp_path: Path) -> None:
    import os
    import time

    url = _url(tmp_path)
    open_store(url).close()
    folder = tmp_path / "backups"
    stale, fresh = folder / "halfyear-20240101-000000-000000-daily.part", folder / "halfyear-now.part"
    for leftover in (stale, fresh):
        leftover.write_bytes(b"half a backup")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    backup_file(tmp_path / "halfyear.db")
    assert not stale.exists()
    assert fresh.exists()  # it may belong to a backup another program is writing right now
