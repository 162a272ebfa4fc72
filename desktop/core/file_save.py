"""Saving a finished document over a clerk's file without ever leaving half of one: the 台账 .xlsx and the
督查通报 .docx go through the same steps.

The target is checked first (its folder exists, it is not a folder, it is not read-only: on Linux a rename
replaces a read-only file without a word, and a clerk marks a file read-only to keep it). The bytes are
written to a hidden file beside it, flushed to disk and renamed over it, so a full disk or a kill leaves
the old file as it was. Hidden files that killed saves left behind are swept on the next save.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
import time
from pathlib import Path

from desktop.core.os_words import os_words

TEMP_PREFIX = ".~halfyear-"
WORK_PREFIX = "halfyear-xlsx-"  # the ledger's private working folder (in the system's temporary folder)
_STALE_SECONDS = 600  # a hidden file exists only while a finished document is written out
_SUFFIXES = (".xlsx", ".docx")


class SaveError(Exception):
    """Saving failed; the message (Chinese) says why and what to do. The old file, if any, is unchanged."""


def check_target(target: Path, folder: Path, *, opened_in: str = "其他程序") -> int:
    """The permission bits the new file gets; refuse a folder that is missing or a target that is read-only."""
    try:
        if not folder.is_dir():
            raise SaveError(f"文件夹“{folder}”不存在，请先建立它或另选保存位置。")
        if target.is_dir():
            raise SaveError(f"“{target}”是一个文件夹，请另取一个文件名。")
        info = target.stat() if target.exists() else None
    except OSError as exc:  # a symlink loop, a folder we may not enter
        raise SaveError(os_message(exc, target, folder, opened_in=opened_in)) from exc
    if info is None:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask  # what a new file normally gets (mkstemp would make it private)
    if not info.st_mode & stat.S_IWUSR or not os.access(target, os.W_OK):
        raise SaveError(f"“{target.name}”是只读文件，没有覆盖它。请另取一个文件名，或先去掉它的只读属性后再保存。")
    return stat.S_IMODE(info.st_mode)  # replacing a file keeps who may read it


def save_beside(data: bytes | memoryview, target: Path, folder: Path, mode: int, *, opened_in: str) -> None:
    """Write `data` next to `target`, flush it to disk and rename it over `target`.

    `opened_in` names the programs that may hold the file open (e.g. "Excel 或 WPS"), for the message.
    """
    suffix = target.suffix.lower() if target.suffix.lower() in _SUFFIXES else ".tmp"
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=suffix, dir=folder)
    except OSError as exc:
        raise SaveError(os_message(exc, target, folder, opened_in=opened_in)) from exc
    tmp = Path(tmp_name)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(tmp, mode)  # (not fchmod: Windows has only chmod)
        os.replace(tmp, target)
    except OSError as exc:
        _remove(tmp)
        raise SaveError(os_message(exc, target, folder, opened_in=opened_in)) from exc
    except BaseException:
        _remove(tmp)
        raise


def sweep_stale_temp_files(folder: Path) -> None:
    """Remove what killed saves left behind: hidden .~halfyear-* files here and the ledger's working folders."""
    now = time.time()
    leftovers = [p for suffix in (*_SUFFIXES, ".tmp") for p in _glob(folder, f"{TEMP_PREFIX}*{suffix}")]
    leftovers += _glob(Path(tempfile.gettempdir()), f"{WORK_PREFIX}*")
    for leftover in leftovers:
        try:
            if now - _newest_mtime(leftover) > _STALE_SECONDS:
                shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink()
        except OSError:
            pass  # another save is using it, or it is gone already


def os_message(exc: OSError, target: Path, where: Path, *, opened_in: str = "其他程序") -> str:
    """A Chinese sentence for an OS failure while saving, saying what the user can do."""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return (f"磁盘空间不足，无法保存“{target.name}”（“{where}”所在的磁盘已满）。请清理磁盘或换一个保存位置后重试；"
                "原文件（如有）未被改动。")
    if exc.errno == errno.EROFS:
        return f"“{where}”是只读位置，无法保存“{target.name}”。请换一个保存位置。"
    if exc.errno == getattr(errno, "ELOOP", None):
        return f"“{target}”的路径中有循环的符号链接，无法保存。请换一个保存位置。"
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EBUSY):
        if _exists(target):
            return (f"无法覆盖“{target.name}”：它可能正在 {opened_in} 中打开，或您没有写入权限。"
                    "请关闭该文件后重试，或换一个文件名。")
        return f"没有权限在“{where}”中保存文件，请换一个保存位置。"
    return f"保存“{target.name}”失败：{os_words(exc)}。原文件（如有）未被改动。"


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:  # the same symlink loop or closed folder that failed the save
        return False


def _glob(folder: Path, pattern: str) -> list[Path]:
    try:
        return list(folder.glob(pattern))
    except OSError:
        return []


def _newest_mtime(path: Path) -> float:
    """A folder counts as in use while any file in it is being written."""
    if not path.is_dir():
        return path.stat().st_mtime
    return max([path.stat().st_mtime, *(p.stat().st_mtime for p in path.iterdir())])


def _remove(tmp: Path) -> None:
    try:
        tmp.unlink()
    except OSError:
        pass  # the temp file is hidden and harmless; the user's error matters more
