"""Why the database could not be opened, read or written, in one Chinese sentence a clerk can act on.

SQLite says "disk I/O error" or "unable to open database file" for a full disk, a read-only folder and
a damaged file alike; advising a restore for the first two would roll the data back. So the error code
comes first, and where it is vague the folder itself is asked: is it full, is it writable?
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

from db.api import DatabaseOpenError, StoreError
from db.backup_files import newest_backup

_LOW_SPACE = 1024 * 1024  # below this much free space a failed write is taken for a full disk
_NOT_SAVED = "本次操作没有保存。"

# https://www.sqlite.org/rescode.html (primary codes; the extended code's low byte)
_PERM, _BUSY, _LOCKED, _NOMEM, _READONLY, _CORRUPT, _FULL, _CANTOPEN, _AUTH, _NOTADB = 3, 5, 6, 7, 8, 11, 13, 14, 23, 26
_EDQUOT = getattr(errno, "EDQUOT", errno.ENOSPC)  # not every platform's errno has it


def sqlite_code(exc: BaseException) -> int | None:
    """The primary SQLite result code behind an exception (SQLAlchemy's or sqlite3's), if any."""
    orig = getattr(exc, "orig", None) or exc
    code = getattr(orig, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def is_decode_error(exc: BaseException) -> bool:
    """sqlite3 could not turn stored bytes into text (text damaged inside an otherwise intact file)."""
    orig = getattr(exc, "orig", None) or exc
    return isinstance(orig, sqlite3.OperationalError) and "could not decode" in str(orig).lower()


def folder_problem(folder: Path) -> str | None:
    """'full' or 'readonly' when the folder's disk is (nearly) full or cannot be written; else None."""
    try:
        if shutil.disk_usage(folder).free < _LOW_SPACE:
            return "full"
        statvfs = getattr(os, "statvfs", None)  # not on Windows, where os.access sees a read-only share
        readonly = bool(statvfs(folder).f_flag & os.ST_RDONLY) if statvfs else False
    except OSError:
        return None
    if readonly or not os.access(folder, os.W_OK):
        return "readonly"
    return None


def os_problem(exc: OSError) -> str | None:
    """'full' or 'readonly' for an OS error that means one of those."""
    if exc.errno in (errno.ENOSPC, _EDQUOT):
        return "full"
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return "readonly"
    return None


def disk_full(folder: Path, what: str) -> str:
    """The sentence for a full disk."""
    return f"磁盘空间不足，{what}。请清理“{folder}”所在磁盘的空间（或换一个位置）后再试；已有的数据没有受影响。"


def no_write(where: Path, what: str) -> str:
    """The sentence for a folder or file that cannot be written."""
    kind = "文件夹" if where.is_dir() else "文件"
    return (f"没有写入权限：{kind}“{where}”是只读的或您无权写入，{what}。请把数据库放到可写的位置"
            "（或去掉只读属性、请管理员开放写入权限）后再试；已有的数据没有受影响。")


def open_error(path: Path, exc: BaseException) -> DatabaseOpenError:
    """Why a SQLite file could not be opened; 'damaged' only when SQLite says the file itself is."""
    code = sqlite_code(exc)
    what = "数据库没有打开"
    if code == _NOTADB:
        return DatabaseOpenError(f"数据库文件 {path} 不是本程序的数据库文件。文件没有被改动。", newest_backup(path))
    if code == _CORRUPT or is_decode_error(exc):
        return damaged(path)
    if code in (_BUSY, _LOCKED):
        return DatabaseOpenError("数据库正被其他程序占用（可能正在备份或恢复），数据库没有打开。请稍后再试。",
                                 about_backups=False)
    problem, where = _problem_for(path, code)
    if problem == "full":
        return DatabaseOpenError(disk_full(where, what), about_backups=False)
    if problem == "readonly":
        return DatabaseOpenError(no_write(where, what), about_backups=False)
    return DatabaseOpenError(f"无法读取数据库文件 {path}（{_name(exc)}），数据库没有打开。请检查磁盘或网络连接后再试；"
                             "文件没有被改动。", about_backups=False)


def damaged(path: Path) -> DatabaseOpenError:
    """The file itself is damaged: say so and name the newest backup."""
    return DatabaseOpenError(f"数据库文件 {path} 已损坏，无法读取。文件没有被改动。", newest_backup(path))


def store_error(exc: BaseException, path: Path | None, *, writing: bool) -> StoreError:
    """Why a read or write on an open store failed (SQLite or PostgreSQL); nothing was saved."""
    not_saved = _NOT_SAVED if writing else "没有读出内容。"
    if path is None:
        return _server_error(exc, not_saved)
    code = sqlite_code(exc)
    if code in (_BUSY, _LOCKED):
        return StoreError("数据库正被其他程序或窗口占用，" + not_saved + "请稍后再试。")
    if code == _CORRUPT or code == _NOTADB or is_decode_error(exc):
        newest = newest_backup(path)
        hint = (f"最新的备份是：{newest}，可用“halfyear restore {newest}”恢复（备份之后的修改会退回）。" if newest
                else "没有找到可用的备份。")
        return StoreError(f"数据库文件 {path} 中有损坏的内容，无法读取，{not_saved}{hint}")
    problem, where = _problem_for(path, code)
    if problem == "full":
        return StoreError(disk_full(where, not_saved.rstrip("。")))
    if problem == "readonly":
        return StoreError(no_write(where, not_saved.rstrip("。")))
    if code == _NOMEM:
        return StoreError("内存不足，" + not_saved + "请关闭一些程序后再试。")
    return StoreError(f"无法读写数据库文件 {path}（{_name(exc)}），{not_saved}请检查磁盘或网络连接后再试。")


def _problem_for(path: Path, code: int | None) -> tuple[str | None, Path]:
    """('full' | 'readonly' | None, the folder or file at fault)."""
    if code == _FULL:
        return "full", path.parent
    found = folder_problem(path.parent)
    if found is not None:
        return found, path.parent
    if code in (_READONLY, _PERM, _AUTH):
        return "readonly", path
    if code == _CANTOPEN and path.exists() and not os.access(path, os.R_OK | os.W_OK):
        return "readonly", path
    return None, path


_PG_STATES = {
    "53100": "数据库服务器的磁盘空间不足，{0}请联系管理员清理后再试。",
    "53200": "数据库服务器内存不足，{0}请稍后再试。",
    "25006": "数据库服务器处于只读状态，{0}请联系管理员。",
    "42501": "当前用户没有修改这个数据库的权限，{0}请联系管理员开放权限。",
    "40001": "数据库正忙（与他人的修改冲突），{0}请稍后再试。",
    "40P01": "数据库正忙（与他人的修改冲突），{0}请稍后再试。",
    "55P03": "数据库正被其他人占用，{0}请稍后再试。",
}


def _server_error(exc: BaseException, not_saved: str) -> StoreError:
    orig = getattr(exc, "orig", None) or exc
    state = str(getattr(orig, "sqlstate", "") or "")
    if state in _PG_STATES:
        return StoreError(_PG_STATES[state].format(not_saved))
    if state.startswith("08") or state.startswith("57P") or "connection" in str(orig).lower():
        return StoreError("与数据库服务器的连接中断，" + not_saved + "请检查网络和服务器后再试。")
    return StoreError(f"数据库服务器拒绝了这次操作（{state or _name(exc)}），{not_saved}请检查服务器后再试。")


def _name(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return str(getattr(orig, "sqlite_errorname", "") or type(orig).__name__)
