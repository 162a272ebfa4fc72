"""Backups of the SQLite database with the online backup API: daily, before migrations, on demand.

Only SQLite opens the live database file here (a plain open() and close() in this process would drop
SQLite's locks on it). Backups are written in rollback-journal mode, so checking or restoring one never
leaves -wal/-shm files beside it.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import time
from datetime import datetime
from pathlib import Path

from db import diagnose
from db.api import DatabaseOpenError, StoreError
from db.backup_files import DEFAULT_KEEP, BackupPolicy, HasPath, backup_dir, list_backups, newest_backup, policy_of
from db.engine import normalise_url, readonly_uri, sqlite_path
from db.migrate import known_revisions
from desktop.core.os_words import os_words

KEEP = DEFAULT_KEEP
_STAMP = "%Y%m%d-%H%M%S-%f"
_STALE_SECONDS = 600  # a .part untouched this long belongs to a backup that was killed


def backup_file(db_path: Path, *, reason: str = "manual", policy: BackupPolicy | None = None) -> Path:
    """Copy a database file with SQLite's online backup API (consistent even while others write).

    Raises StoreError (Chinese) when the copy cannot be written; no half-written file is left.
    """
    folder = backup_dir(db_path, policy)
    target = folder / f"{db_path.stem}-{datetime.now().strftime(_STAMP)}-{reason}.db"
    partial = target.with_suffix(".part")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        sweep_stale_parts(folder)
        src = sqlite3.connect(db_path)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                # the copy keeps the live file's WAL flag; a backup is read, not shared, so make it one file
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        partial.replace(target)  # a half-written backup never looks like a good one
    except (OSError, sqlite3.Error) as exc:
        _remove_partial(partial)
        raise _backup_error(db_path, folder, exc) from exc
    _prune(db_path, policy or BackupPolicy())
    return target


def sweep_stale_parts(folder: Path) -> None:
    """Delete what killed backups left behind (.part files nobody has written to for a while)."""
    now = time.time()
    for leftover in folder.glob("*.part*"):
        try:
            if now - leftover.stat().st_mtime > _STALE_SECONDS:
                leftover.unlink()
        except OSError:
            pass  # another process just finished or removed it


def _remove_partial(partial: Path) -> None:
    for leftover in (partial, Path(f"{partial}-journal")):
        try:
            leftover.unlink(missing_ok=True)
        except OSError:
            pass


def _backup_error(db_path: Path, folder: Path, exc: BaseException) -> StoreError:
    what = "备份没有完成"
    problem = diagnose.os_problem(exc) if isinstance(exc, OSError) else None
    if problem is None:
        code = diagnose.sqlite_code(exc)
        if code in (11, 26):  # SQLITE_CORRUPT, SQLITE_NOTADB: the source is damaged
            return diagnose.damaged(db_path)
        problem = "full" if code == 13 else diagnose.folder_problem(folder if folder.is_dir() else folder.parent)
    if problem == "full":
        return StoreError(diagnose.disk_full(folder, what))
    if problem == "readonly":
        return StoreError(diagnose.no_write(folder, what))
    words = os_words(exc) if isinstance(exc, OSError) else (diagnose.sqlite_code(exc) or type(exc).__name__)
    return StoreError(f"备份没有完成：无法写入“{folder}”（{words}）。"
                      "请检查磁盘后再试；数据库没有受影响。")


def backup_now(store: HasPath) -> Path:
    """Back up the store's SQLite database now; returns the backup file."""
    path = store.path
    if path is None:
        raise StoreError("PostgreSQL 数据库请用 pg_dump 备份；本命令只备份 SQLite 数据库文件。")
    return backup_file(path, policy=policy_of(store))


def maybe_daily_backup(store: HasPath) -> Path | None:
    """Back up unless a backup was already taken today (called when the store opens)."""
    path = store.path
    if path is None or not path.exists():
        return None
    policy = policy_of(store)
    newest = newest_backup(path, policy)
    today = datetime.now().strftime("%Y%m%d")
    if newest is not None and newest.name[len(path.stem) + 1:].startswith(today):
        return None
    return backup_file(path, reason="daily", policy=policy)


def _prune(db_path: Path, policy: BackupPolicy) -> None:
    for old in list_backups(db_path, policy)[max(1, policy.keep):]:
        try:
            old.unlink(missing_ok=True)
        except OSError:
            pass  # pruning is tidying; a file we cannot delete stays


def check_backup(file: Path) -> str:
    """Refuse a file that is not a healthy halfyear database this version can open; return its revision.

    Everything is checked before anything is overwritten: that SQLite can read it, that it is intact,
    that it has our tables, and that its schema is one this version knows (not a newer app's).
    """
    try:
        if not stat.S_ISREG(file.stat().st_mode):
            raise StoreError(f"{file} 不是文件，没有恢复任何内容。")
    except FileNotFoundError:
        raise StoreError(f"找不到备份文件 {file}。") from None
    except OSError as exc:  # a symlink loop, a folder we may not enter
        raise StoreError(f"无法访问备份文件 {file}（{os_words(exc)}），没有恢复任何内容。") from exc
    # immutable: nothing is locked or created beside the file; only a copy with its own -wal needs that
    params = {} if Path(f"{file}-wal").exists() else {"immutable": "1"}
    try:
        conn = sqlite3.connect(readonly_uri(file, **params), uri=True)
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            revision = None
            if "alembic_version" in tables:
                found = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = found[0] if found else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if diagnose.sqlite_code(exc) == 26:  # SQLITE_NOTADB
            raise StoreError(f"{file} 不是数据库备份文件，没有恢复任何内容。") from exc
        raise StoreError(f"{file} 已损坏或无法读取（{diagnose.sqlite_code(exc) or type(exc).__name__}），"
                         "没有恢复任何内容。") from exc
    if ok != "ok":
        raise StoreError(f"{file} 已损坏，没有恢复任何内容。")
    if not {"report", "item", "alembic_version"} <= tables or revision is None:
        raise StoreError(f"{file} 不是本程序的数据库备份，没有恢复任何内容。")
    if revision not in known_revisions():
        raise StoreError(f"{file} 是更新版本的程序做的备份（结构版本 {revision}），本程序无法使用。"
                         "请先升级本程序再恢复；没有恢复任何内容，当前数据库没有改动。")
    return revision


def restore(store_url: str | None, file: str | Path, policy: BackupPolicy | None = None) -> Path | None:
    """Replace the database with a backup; the current database is backed up first (its path returned).

    Close every open Store on this database first. The restored database is migrated on next open.
    """
    file = Path(file)
    path = sqlite_path(normalise_url(store_url))
    if path is None:
        raise StoreError("只能恢复 SQLite 数据库文件；PostgreSQL 请用 pg_restore。")
    check_backup(file)
    if path.exists() and os.path.samefile(path, file):
        raise StoreError(f"{file} 就是当前的数据库文件，不能用它恢复自己。请选择 backups 文件夹里的备份。")
    saved: Path | None = None
    if path.exists() and path.stat().st_size > 0:
        try:
            saved = backup_file(path, reason="before-restore", policy=policy)
        except DatabaseOpenError:  # the current file is damaged: keep it aside as it is
            saved = _set_aside(path, policy)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        src = sqlite3.connect(readonly_uri(file, immutable="1"), uri=True)
        try:
            dst = sqlite3.connect(path)
            try:
                src.backup(dst)  # page copy through SQLite: the WAL and other readers stay consistent
            finally:
                dst.close()
        finally:
            src.close()
    except (OSError, sqlite3.Error) as exc:
        error = _backup_error(path, path.parent, exc)
        raise StoreError(str(error).replace("备份没有完成", "没有恢复") +
                         (f"恢复前的数据库在 {saved}。" if saved else "")) from exc
    return saved


def _set_aside(path: Path, policy: BackupPolicy | None) -> Path:
    """Move a damaged database (with its -wal, which may hold the last commits) into the backups folder."""
    saved = backup_dir(path, policy) / f"{path.stem}-{datetime.now().strftime(_STAMP)}-damaged.db"
    try:
        saved.parent.mkdir(parents=True, exist_ok=True)
        path.replace(saved)
        for suffix in ("-wal", "-shm"):
            side = Path(f"{path}{suffix}")
            if side.exists():
                side.replace(Path(f"{saved}{suffix}"))
    except OSError as exc:
        raise _backup_error(path, saved.parent, exc) from exc
    return saved


__all__ = ["backup_now", "list_backups", "restore", "maybe_daily_backup", "backup_file", "newest_backup",
           "check_backup", "sweep_stale_parts", "backup_dir", "DatabaseOpenError", "BackupPolicy"]
