"""The status and light vocabularies of items (domain.md), shared by the API types and the SQL."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """完成状态 of an item or measure, as written in the 台账."""

    NOT_STARTED = "未启动"
    IN_PROGRESS = "推进中"
    DONE = "已完成"
    CLOSED = "已办结"  # checked by the supervising office after 已完成
    EXTENDED = "已延期"  # a new due date was granted, with a reason
    CANCELLED = "已取消"

    @property
    def is_done(self) -> bool:
        """DONE and CLOSED both count as done."""
        return self in (Status.DONE, Status.CLOSED)


DONE_STATUSES: tuple[Status, ...] = (Status.DONE, Status.CLOSED)
# 未完成, as the window's status filter and `halfyear export --status 未完成` mean it: neither done nor cancelled
OPEN_STATUSES: tuple[Status, ...] = (Status.NOT_STARTED, Status.IN_PROGRESS, Status.EXTENDED)


class Light(StrEnum):
    """红黄绿灯; NONE when the rule cannot judge (no due date, ongoing, cancelled)."""

    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"
    NONE = "none"
