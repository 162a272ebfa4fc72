"""Trying a database address before the window switches to it (Qt-free: the settings dialog runs it as a job)."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.exc import ArgumentError, DBAPIError

from db.api import StoreError
from db.backup import BackupPolicy, check_backup, restore
from db.engine import normalise_url, probe_server, sqlite_path
from db.store import Store, open_store


def check_database(address: str) -> str:
    """One Chinese line on what the address holds; StoreError (Chinese) when it cannot be used.

    Nothing is created or changed: a SQLite file is only read, a server only asked `SELECT 1`.
    """
    address = address.strip()
    if not address:
        raise StoreError("请填写数据库文件的位置，或 PostgreSQL 服务器的地址。")
    try:
        url = normalise_url(address)
        path = sqlite_path(url)
    except ArgumentError as exc:
        raise StoreError(f"数据库地址“{address}”写得不对。请用 SQLite 文件路径，或 postgresql+psycopg://用户@服务器/库名。") from exc
    if path is not None:
        if not path.exists():
            if not path.parent.is_dir():
                raise StoreError(f"文件夹“{path.parent}”不存在。请先建立这个文件夹，或换一个位置。")
            if not os.access(path.parent, os.W_OK):
                raise StoreError(f"没有写入“{path.parent}”的权限，不能在这里新建数据库。")
            return f"文件还不存在：切换后将在“{path.parent}”新建一个空的数据库。"
        if path.stat().st_size == 0:
            return "这是一个空文件：切换后将在其中建立数据库。"
        check_backup(path)  # the same checks as a restore: readable, intact, ours, not from a newer version
        return "可以使用：这是本程序的数据库文件。"
    try:
        ours = probe_server(url)
    except (ArgumentError, ImportError) as exc:
        raise StoreError("不支持这种数据库。本程序支持 SQLite 文件和 PostgreSQL（postgresql+psycopg://…）。") from exc
    except DBAPIError as exc:
        raise StoreError(f"无法连接数据库服务器（{type(exc.orig).__name__ if exc.orig else type(exc).__name__}）。"
                         "请检查地址、用户名、密码和服务器是否在运行。") from exc
    return "已连接：库中已有本程序的数据。" if ours else "已连接：这是一个空库，切换后将在其中建立本程序的表。"


class SwapFailed(StoreError):
    """Switching or restoring did not work; `store` is the database that is open again (the one before)."""

    def __init__(self, message: str, store: Store) -> None:
        super().__init__(message)
        self.store = store


def switch_database(store: Store, address: str, backups: BackupPolicy) -> Store:
    """Close `store` and open the database at `address` (run on the database lane); if that fails, the old one is
    opened again and SwapFailed carries it with the reason."""
    old_url = store.url
    store.close()
    try:
        return open_store(address or None, backups=backups)
    except Exception as exc:  # noqa: BLE001 — whatever went wrong, the window gets its database back
        raise SwapFailed(f"没有切换数据库：{_words(exc)}", open_store(old_url, backups=backups)) from exc


def restore_backup(store: Store, file: Path) -> tuple[Store, Path | None]:
    """Close `store`, replace its SQLite file with a backup (checked first; the current file backed up) and open it
    again (run on the database lane). Returns the reopened store and where the file before the restore was kept."""
    url, policy = store.url, store.backup_policy
    if store.path is None:
        raise StoreError("只能恢复 SQLite 数据库文件；PostgreSQL 请用 pg_restore。")
    try:
        check_backup(file)  # before the store is closed: a bad file changes nothing
    except StoreError as exc:
        raise SwapFailed(f"没有恢复：{exc}", store) from exc
    store.close()
    try:
        saved = restore(url, file, policy)
    except Exception as exc:  # noqa: BLE001 — whatever went wrong, the window gets its database back
        raise SwapFailed(f"没有恢复：{_words(exc)}", open_store(url, backups=policy)) from exc
    return open_store(url, backups=policy), saved


def _words(exc: BaseException) -> str:
    return str(exc) if isinstance(exc, StoreError) else f"发生了意外错误（{type(exc).__name__}）"
