"""Backups of the SQLite database with the online backup API: daily, before migrations, on demand."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from db.api import DatabaseOpenError, StoreError
from db.store import SQLITE_HEADER, Store, normalise_url, sqlite_path

KEEP = 10
_STAMP = "%Y%m%d-%H%M%S-%f"


def backup_dir(db_path: Path) -> Path:
    """Where a database's backups live: a `backups` folder next to it."""
    return db_path.parent / "backups"


def list_backups(target: Store | str | Path) -> list[Path]:
    """Backups of a database, newest first."""
    path = _db_path(target)
    folder = backup_dir(path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{path.stem}-*.db"), key=lambda p: p.name, reverse=True)


def newest_backup(db_path: Path | None) -> Path | None:
    """The newest backup of a database file, if any."""
    if db_path is None:
        return None
    found = list_backups(db_path)
    return found[0] if found else None


def backup_file(db_path: Path, *, reason: str = "manual") -> Path:
    """Copy a database file with SQLite's online backup API (consistent even while others write)."""
    folder = backup_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{db_path.stem}-{datetime.now().strftime(_STAMP)}-{reason}.db"
    partial = target.with_suffix(".part")
    src = sqlite3.connect(db_path)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    partial.replace(target)  # a half-written backup never looks like a good one
    _prune(db_path)
    return target


def backup_now(store: Store) -> Path:
    """Back up the store's SQLite database now; returns the backup file."""
    path = store.path
    if path is None:
        raise StoreError("PostgreSQL 数据库请用 pg_dump 备份；本命令只备份 SQLite 数据库文件。")
    return backup_file(path)


def maybe_daily_backup(store: Store) -> Path | None:
    """Back up unless a backup was already taken today (called when the store opens)."""
    path = store.path
    if path is None or not path.exists():
        return None
    newest = newest_backup(path)
    today = datetime.now().strftime("%Y%m%d")
    if newest is not None and newest.name[len(path.stem) + 1:].startswith(today):
        return None
    return backup_file(path, reason="daily")


def _prune(db_path: Path) -> None:
    for old in list_backups(db_path)[KEEP:]:
        old.unlink(missing_ok=True)


def _db_path(target: Store | str | Path) -> Path:
    if isinstance(target, Store):
        path = target.path
    elif isinstance(target, Path):
        path = target
    else:
        path = sqlite_path(normalise_url(target))
    if path is None:
        raise StoreError("只有 SQLite 数据库文件有备份。")
    return path


def check_backup(file: Path) -> None:
    """Refuse a file that is not a healthy halfyear database (before anything is overwritten)."""
    if not file.is_file():
        raise StoreError(f"找不到备份文件 {file}。")
    with file.open("rb") as fh:
        if fh.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise StoreError(f"{file} 不是数据库备份文件，没有恢复任何内容。")
    conn = sqlite3.connect(f"file:{file}?mode=ro", uri=True)
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
        has_schema = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type='table' AND name IN ('report','item','alembic_version')"
        ).fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{file} 已损坏（{exc}），没有恢复任何内容。") from exc
    finally:
        conn.close()
    if ok != "ok":
        raise StoreError(f"{file} 已损坏，没有恢复任何内容。")
    if has_schema != 3:
        raise StoreError(f"{file} 不是本程序的数据库备份，没有恢复任何内容。")


def restore(store_url: str | None, file: str | Path) -> Path | None:
    """Replace the database with a backup; the current database is backed up first (its path returned).

    Close every open Store on this database first. The restored database is migrated on next open.
    """
    file = Path(file)
    path = sqlite_path(normalise_url(store_url))
    if path is None:
        raise StoreError("只能恢复 SQLite 数据库文件；PostgreSQL 请用 pg_restore。")
    check_backup(file)
    saved: Path | None = None
    if path.exists() and path.stat().st_size > 0:
        try:
            saved = backup_file(path, reason="before-restore")
        except sqlite3.DatabaseError:
            # The current file is damaged: keep it aside as it is instead of copying it page by page.
            saved = backup_dir(path) / f"{path.stem}-{datetime.now().strftime(_STAMP)}-damaged.db"
            saved.parent.mkdir(parents=True, exist_ok=True)
            path.replace(saved)
            for suffix in ("-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(f"file:{file}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(path)
        try:
            src.backup(dst)  # page copy through SQLite: the WAL and other readers stay consistent
        finally:
            dst.close()
    finally:
        src.close()
    return saved


__all__ = ["backup_now", "list_backups", "restore", "maybe_daily_backup", "backup_file", "newest_backup",
           "DatabaseOpenError"]
