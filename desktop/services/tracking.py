"""Tracking use cases over the store: ticking, field edits and extensions, as plain changes (no Qt)."""

from __future__ import annotations

import getpass
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

from db.enums import DONE_STATUSES, Status
from db.item_row import EDITABLE_FIELDS, ItemRow

if TYPE_CHECKING:
    from db.api import ItemChange

def is_done(row: ItemRow) -> bool:
    """Done and closed (办结) both count as done."""
    return row.status in DONE_STATUSES


def current_user() -> str:
    """Who history records for this session's edits; empty where the system has no user name."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # containers without a passwd entry
        return ""


def tick_changes(row: ItemRow, done: bool) -> dict[str, object]:
    """The change a tick means: done, or back to in-progress/not-started when unticked."""
    if done:
        return {} if is_done(row) else {"status": Status.DONE}
    if not is_done(row):
        return {}
    return {"status": Status.IN_PROGRESS if row.note.strip() or row.progress else Status.NOT_STARTED}


def extension_changes(row: ItemRow, new_due: date, reason: str) -> dict[str, object]:
    """Grant an extension: keep the first deadline as original_due, set the new one and the reason."""
    return {"due": new_due, "original_due": row.original_due or row.due, "delay_reason": reason.strip(),
            "status": Status.EXTENDED}


def status_change_problem(row: ItemRow, new: Status | str) -> str | None:
    """Why `row` may not be set to `new` by hand (a Chinese reason for the clerk), or None when it may.

    已办结 is the supervising office's check after 已完成 (domain.md), so only a done row can be closed: a
    measure marked 已完成, or an item marked so or whose measures (not cancelled) are all done. 已延期 needs a
    new date and a reason: grant it with `extension_changes` after `extension_problem`, never as a bare status.
    """
    new = Status(new)
    if new is row.status:
        return None  # nothing changes
    if new is Status.CLOSED:
        measures_done = row.child_count > 0 and row.progress == 100  # all not-cancelled measures done
        if row.status is not Status.DONE and not measures_done:
            return (f"“已办结”是督办部门核实办结的一步，只能在“已完成”之后标记；"
                    f"这条现在是“{row.status.value}”，还没有完成。")
    if new is Status.EXTENDED:
        return "“已延期”表示批准了延期，需要写明新的完成时限和延期原因。"
    return None


def extension_problem(row: ItemRow, new_due: date | None, reason: str) -> str | None:
    """Why an extension of `row` to `new_due` for `reason` cannot be granted (Chinese), or None when it can."""
    if new_due is None or not reason.strip():
        return "登记延期需要写明新的完成时限和延期原因。"
    if row.due is not None and new_due <= row.due:
        return (f"新的完成时限 {new_due.isoformat()} 不晚于现在的完成时限 {row.due.isoformat()}，不是延期；"
                "请填写更晚的日期。")
    return None


def status_step_back(old: Status | str, new: Status | str) -> str | None:
    """A Chinese warning when going from `old` to `new` undoes a recorded completion, else None.

    A done (已完成) or closed (已办结) row going back to 推进中, 未启动 or 已延期, or a closed one back to 已完成,
    is usually a unit filling in an old copy of the ledger; the clerk should look before it is written.
    """
    before, after = Status(old), Status(new)
    if before is after or not before.is_done:
        return None
    if before is Status.CLOSED:
        return f"已办结（督办部门已核实）的事项将被改为“{after.value}”"
    if not after.is_done:
        return f"已完成的事项将被改为“{after.value}”"
    return None


def diff(row: ItemRow, changes: Mapping[str, object]) -> dict[str, object]:
    """Only the changes that differ from the row (an edit that changes nothing is not written)."""
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    return {k: v for k, v in changes.items() if getattr(row, k) != v}


def apply_changes(store: object, item_id: int, changes: Mapping[str, object], *,
                  expected_version: int, who: str) -> ItemChange:
    """Write changes through the store; a pure status change goes through set_status (it stamps completion)."""
    if set(changes) == {"status"}:
        return store.set_status(item_id, changes["status"], expected_version=expected_version,  # type: ignore[attr-defined]
                                who=who)
    return store.update_item(item_id, dict(changes), expected_version=expected_version, who=who)  # type: ignore[attr-defined]
