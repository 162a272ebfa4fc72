"""One write of the command line, retried once on fresh data when someone else saved the row first.

Scripts run `halfyear status …` in loops, sometimes several at once and against a shared PostgreSQL:
failing a status change only because another clerk saved a different field a moment earlier helps
nobody. The retry re-reads the row and asks the command again what it wants, so a change that no
longer makes sense (已办结 on a row set back meanwhile) is refused, one that is already there is not
written twice, and a note typed by the other person is kept: ours is appended to it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from db.api import ConflictError, ItemChange, ItemRow, StoreError
from db.store import Store

# What the command wants done with the row as it is now: the fields to change ({} when nothing is left
# to do), or a Chinese reason why the change cannot be made.
Plan = Callable[[ItemRow], "dict[str, object] | str"]


class Refused(StoreError):
    """The change cannot be made to the row as it now is; nothing was written."""


@dataclass(frozen=True)
class Written:
    """The outcome: the row it was planned on, the change (None when nothing was left to write), retried?"""

    row: ItemRow
    change: ItemChange | None
    retried: bool


def write(store: Store, row: ItemRow, plan: Plan, *, who: str) -> Written:
    """Plan and write a change of `row`; on a conflict, plan again on the fresh row and write once more."""
    for attempt in (1, 2):
        changes = plan(row)
        if isinstance(changes, str):
            raise Refused(changes)
        if not changes:
            return Written(row, None, attempt > 1)
        try:
            return Written(row, store.update_item(row.id, changes, expected_version=row.version, who=who),
                           attempt > 1)
        except ConflictError as exc:
            if attempt > 1:
                raise ConflictError(row.id, f"第 {row.id} 条正被其他人同时修改，重试一次后仍没有保存。"
                                            "请稍后再运行这条命令。") from exc
            row = store.get_item(row.id)
    raise AssertionError("unreachable")


def note_after(row: ItemRow, note: str, seen: str) -> str:
    """The 进展情况 to write: ours, or theirs with ours appended when it changed since we read `seen`."""
    if row.note == seen or not row.note.strip():
        return note
    if note in row.note:
        return row.note
    return f"{row.note}\n{note}"
