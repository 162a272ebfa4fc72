"""Operating-system errors in Chinese words (an OSError's strerror is English)."""

from __future__ import annotations

import errno

_WORDS = {
    errno.ENOENT: "找不到该文件",
    getattr(errno, "ELOOP", -1): "路径中有循环的符号链接",
    errno.EACCES: "没有访问权限",
    errno.EPERM: "没有访问权限",
    errno.ENAMETOOLONG: "路径太长",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.EISDIR: "这是一个文件夹",
    errno.EIO: "磁盘读写错误",
    errno.ENOSPC: "磁盘空间不足",
    errno.EROFS: "位置是只读的",
    errno.EBUSY: "文件正被其他程序使用",
}


def os_words(exc: OSError) -> str:
    """What went wrong, in Chinese, for a message shown to a clerk."""
    return _WORDS.get(exc.errno or 0, "系统无法读写该文件")
