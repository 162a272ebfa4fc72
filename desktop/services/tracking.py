"""Tracking use cases over the store: ticking, field edits and extensions, as plain changes (no Qt).

The window shows an edit at once (`optimistic`, `rolled_up`) and writes it in the background (`write_edits`);
`VersionBook` lets a second edit of a row follow the first one still in flight without a false conflict.
"""

from __future__ import annotations

import getpass
import threading
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from db.enums import DONE_STATUSES, Light, Status
from db.item_row import EDITABLE_FIELDS, ItemRow

if TYPE_CHECKING:
    from db.api import ItemChange
    from db.store import Store

# The yellow band of the deadline light until the store's own figures arrive (LightSettings' default).
_YELLOW_DAYS = 15


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


class VersionBook:
    """The newest version of each row that this window's own writes produced (thread-safe).

    A write is checked against the version the clerk saw. When the clerk edits a row again while the first
    write is still queued, the version seen is the one before that write; the second write must expect the
    version the first one produces. Writes run one after another on the database lane and record here as
    they finish, so a later write finds its predecessor's version. Another clerk's write is never recorded
    here, so it still ends in a conflict.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._versions: dict[int, int] = {}

    def record(self, rows: Iterable[ItemRow]) -> None:
        """Remember the versions of rows this window wrote."""
        with self._lock:
            for r in rows:
                if r.version > self._versions.get(r.id, 0):
                    self._versions[r.id] = r.version

    def expected(self, item_id: int, seen: int) -> int:
        """The version a write of `item_id` must find: what the clerk saw, or what our own writes made since."""
        with self._lock:
            return max(seen, self._versions.get(item_id, seen))

    def get(self, item_id: int) -> int | None:
        """The newest version our writes made, if any."""
        with self._lock:
            return self._versions.get(item_id)


def write_edits(store: Store, edits: Sequence[tuple[int, Mapping[str, object], int]], book: VersionBook, *,
                who: str) -> list[ItemChange]:
    """Write (item id, changes, version seen) edits in one transaction and record the versions they made.

    One edit goes through update_item (set_status for a pure status change: it stamps completion); several
    pure status changes (ticking an item's measures, or undoing that) through set_status_many.
    """
    expected = [(item_id, changes, book.expected(item_id, seen)) for item_id, changes, seen in edits]
    if len(expected) == 1:
        item_id, changes, version = expected[0]
        if set(changes) == {"status"}:
            out = [store.set_status(item_id, changes["status"], expected_version=version, who=who,  # type: ignore[arg-type]
                                    with_report=True)]
        else:
            out = [store.update_item(item_id, dict(changes), expected_version=version, who=who, with_report=True)]
    else:
        if any(set(changes) != {"status"} for _i, changes, _v in expected):
            raise ValueError("several rows are written together only for status changes")
        out = store.set_status_many([(i, c["status"], v) for i, c, v in expected], who=who,  # type: ignore[misc]
                                    with_report=True)
    book.record(c.after for c in out)
    book.record(c.parent for c in out if c.parent is not None)
    return out


def optimistic(row: ItemRow, changes: Mapping[str, object], *, today: date | None = None) -> ItemRow:
    """The row as it will read once `changes` are saved, as far as that follows from the row itself.

    Shown at once while the write is on its way; the store's row replaces it when the write returns.
    """
    today = today or date.today()
    new = row.replace(**changes)
    if not row.is_measure:
        return new
    done, was_done = is_done(new), is_done(row)
    cancelled = new.status is Status.CANCELLED
    due = new.due
    if done:
        progress = 100
    else:
        progress = 0 if was_done else new.progress
    overdue = not done and not cancelled and not new.ongoing and due is not None and due < today
    if cancelled or new.ongoing or due is None:
        light = Light.NONE
    elif done:
        light = Light.GREEN
    elif due < today:
        light = Light.RED
    elif due <= today + timedelta(days=_YELLOW_DAYS):
        light = Light.YELLOW
    else:
        light = Light.GREEN
    completed = (row.completed_at or datetime.now()) if done else None
    schedule = Light.GREEN if done else (Light.NONE if light is Light.NONE else row.light_schedule)
    return new.replace(progress=progress, overdue=overdue, light_deadline=light, light_schedule=schedule,
                       completed_at=completed)


def rolled_up(parent: ItemRow, children: Iterable[ItemRow]) -> ItemRow:
    """An item's row with its measures' roll-up (done count, progress) recomputed from `children`."""
    kids = list(children)
    done = sum(1 for c in kids if c.status in DONE_STATUSES)
    active = sum(1 for c in kids if c.status is not Status.CANCELLED)
    if active:
        progress = done * 100 // active
    elif kids:
        progress = 100 if parent.status in DONE_STATUSES else 0
    else:
        progress = parent.progress
    return parent.replace(done_children=done, progress=progress)
