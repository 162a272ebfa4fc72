"""Opening databases: safe SQLite settings, where the file lives, and refusing bad files untouched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db.api import DatabaseOpenError
from db.backup import BackupPolicy, backup_now
from db.engine import default_url, normalise_url
from db.store import open_store
from tests.db.plans import make_plan


def test_sqlite_pragmas_make_commits_durable(store) -> None:  # type: ignore[no-untyped-def]
    with store.engine.connect() as conn:
        values = {name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
                  for name in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout")}
    assert values == {"journal_mode": "wal", "foreign_keys": 1, "synchronous": 2, "busy_timeout": 5000}


def test_url_from_argument_environment_or_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HALFYEAR_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_url() == f"sqlite:///{tmp_path / 'xdg' / 'halfyear' / 'halfyear.db'}"
    monkeypatch.setenv("HALFYEAR_DB", f"sqlite:///{tmp_path / 'env.db'}")
    with open_store() as st:
        assert st.path == tmp_path / "env.db" and st.is_sqlite
    assert normalise_url(str(tmp_path / "plain.db")) == f"sqlite:///{tmp_path / 'plain.db'}"


def _bytes(path: Path) -> bytes:
    return path.read_bytes()


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "halfyear.db"
    path.write_text("这不是数据库\n" * 100, encoding="utf-8")
    before = _bytes(path)
    with pytest.raises(DatabaseOpenError) as info:
        open_store(str(path))
    assert "不是本程序的数据库文件" in str(info.value) and "没有找到可用的备份" in str(info.value)
    assert _bytes(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["halfyear.db"]


def test_a_damaged_database_names_the_newest_backup(tmp_path: Path) -> None:
    path = tmp_path / "halfyear.db"
    with open_store(str(path)) as st:
        for n in range(30):
            st.import_plan(make_plan(items=10, measures=5), sha256=f"{n:064d}", original_text="长文" * 2000)
        newest = backup_now(st)
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 3, len(data) - 4096, 4096 * 2):  # scribble over every other page
        data[offset:offset + 200] = b"\xff" * 200
    path.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    before = _bytes(path)
    with pytest.raises(DatabaseOpenError) as info:
        open_store(str(path))
    assert info.value.newest_backup == newest and str(newest) in str(info.value)
    assert "已损坏" in str(info.value)
    assert _bytes(path) == before


def test_a_database_from_a_newer_app_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "halfyear.db"
    open_store(str(path)).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'f00d_future'")
    conn.close()
    with pytest.raises(DatabaseOpenError) as info:
        open_store(str(path))
    assert "更新版本" in str(info.value)


def test_unreachable_postgresql_gives_a_clear_message() -> None:
    with pytest.raises(DatabaseOpenError) as info:
        open_store("postgresql+psycopg://nobody:secret@127.0.0.1:1/none")
    assert "无法连接数据库" in str(info.value) and "secret" not in str(info.value)


def test_another_programs_sqlite_database_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "halfyear.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseOpenError) as info:
        open_store(str(path))
    assert "不是本程序的数据库文件" in str(info.value)
    assert path.read_bytes() == before


def test_a_database_locked_by_another_program_gives_a_store_error(tmp_path: Path) -> None:
    from db.api import Status, StoreError

    path = tmp_path / "halfyear.db"
    with open_store(str(path), busy_timeout_ms=50) as st:
        rid = st.import_plan(make_plan(), sha256="a" * 64, original_text="").report_id
        m = st.item_tree(rid)[1]
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        try:
            with pytest.raises(StoreError) as info:
                st.set_status(m.id, Status.DONE, expected_version=1, who="")
            assert "占用" in str(info.value)
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert st.set_status(m.id, Status.DONE, expected_version=1, who="").after.version == 2


@pytest.mark.parametrize("url, words", [
    ("mysql://clerk@server/db", "不支持的数据库“mysql”"),
    ("{tmp}/no-such-folder/x.db", "不存在"),
])
def test_bad_addresses_are_refused_without_creating_anything(tmp_path: Path, url: str, words: str) -> None:
    url = url.format(tmp=tmp_path)
    with pytest.raises(DatabaseOpenError) as err:
        open_store(url)
    assert words in str(err.value) and "备份" not in str(err.value)
    assert list(tmp_path.iterdir()) == []  # a typo in --db must not start an empty database elsewhere


def test_opening_a_second_store_keeps_the_first_stores_locks(tmp_path: Path) -> None:
    # Closing any descriptor of a file drops all of this process's POSIX locks on it, SQLite's too; then
    # another process believes it is the last user, checkpoints and deletes the WAL under our open store.
    import subprocess
    import sys

    path = tmp_path / "halfyear.db"
    first = open_store(str(path))
    try:
        first.list_reports()  # the pooled connection now holds its lock on the file
        open_store(str(path)).close()  # checks the file, as every CLI command and the window do
        probe = (f"import sqlite3; c = sqlite3.connect({str(path)!r}); "
                 "c.execute('SELECT count(*) FROM sqlite_master').fetchall(); c.close()")
        subprocess.run([sys.executable, "-c", probe], check=True)
        assert Path(f"{path}-wal").exists(), "another process took the file over while our store was open"
    finally:
        first.close()


def test_an_emptied_database_with_backups_is_refused_and_names_the_newest(tmp_path: Path) -> None:
    path = tmp_path / "halfyear.db"
    with open_store(str(path)) as st:
        st.import_plan(make_plan(), sha256="a" * 64, original_text="")
        newest = backup_now(st)
    path.write_bytes(b"")  # a copy that was cut off, a disk that lost the file's content
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with pytest.raises(DatabaseOpenError) as info:
        open_store(str(path))
    assert "0 字节" in str(info.value) and str(newest) in str(info.value)
    assert path.read_bytes() == b""


def test_an_emptied_database_with_backups_in_the_chosen_folder_is_refused(tmp_path: Path) -> None:
    path, policy = tmp_path / "halfyear.db", BackupPolicy(folder=tmp_path / "elsewhere")
    with open_store(str(path), backups=policy) as st:
        st.import_plan(make_plan(), sha256="a" * 64, original_text="")
        newest = backup_now(st)
    assert newest.parent == policy.folder
    path.write_bytes(b"")
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with pytest.raises(DatabaseOpenError) as info:
        open_store(str(path), backups=policy)
    assert "0 字节" in str(info.value) and str(newest) in str(info.value)
    assert path.read_bytes() == b""


def test_an_empty_file_without_backups_becomes_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    path.touch()  # what a file dialog's "new file" leaves
    with open_store(str(path)) as st:
        assert st.list_reports() == []


def test_odd_characters_in_the_file_name_are_checked_as_they_are(tmp_path: Path) -> None:
    # the check reads the file through a SQLite URI: #, % and spaces must not cut or change the name
    path = tmp_path / "台账 50%#1.db"
    with open_store(str(path)) as st:
        st.import_plan(make_plan(), sha256="a" * 64, original_text="")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backups", "台账 50%#1.db"]
    with open_store(str(path)) as st:
        assert len(st.list_reports()) == 1
    path.write_text("这不是数据库\n" * 100, encoding="utf-8")
    Path(f"{path}-wal").unlink(missing_ok=True)
    with pytest.raises(DatabaseOpenError):
        open_store(str(path))
