"""Undoable edits: each user intent is one QUndoCommand that calls the store through a controller."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from db.item_row import ItemRow


class EditTarget(Protocol):
    """What commands need from the window: write changes, report a refusal."""

    def write_changes(self, item_id: int, changes: dict[str, object],
                      expected_version: int | None = None) -> ItemRow | None:
        """Write (checked against the version this window last saw) and return the new row, or None when
        the store refused (already shown to the user)."""


class EditItemCommand(QUndoCommand):
    """Change some fields of one row; undo writes the old values back (checked against the version)."""

    MERGE_ID = 4711

    def __init__(self, target: EditTarget, before: ItemRow, after: ItemRow, fields: tuple[str, ...],
                 text: str, *, mergeable: bool = False) -> None:
        super().__init__(text)
        self._target = target
        self._item_id = before.id
        self._old = {f: getattr(before, f) for f in fields}
        self._new = {f: getattr(after, f) for f in fields}
        self._mergeable = mergeable
        self._applied = True  # push() calls redo() at once; the write already happened

    @property
    def item_id(self) -> int:
        """The row this command edits."""
        return self._item_id

    def _write(self, values: dict[str, object]) -> None:
        # The window checks against the version it last saw: our own later edits are known to it,
        # another clerk's are not and raise a conflict.
        if self._target.write_changes(self._item_id, values) is None:
            # Someone else changed the row: this step can no longer be undone or redone safely.
            self.setObsolete(True)

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._write(self._new)

    def undo(self) -> None:
        self._write(self._old)

    def id(self) -> int:
        return self.MERGE_ID if self._mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Typing a note in several pauses is one undo step per row."""
        if not isinstance(other, EditItemCommand) or other._item_id != self._item_id \
                or set(other._new) != set(self._new):
            return False
        self._new = dict(other._new)
        return True


# (item id, fields, expected version) triples to write, what to call with (rows written, ids refused),
# and whether this is an undo (True) or a redo
Writes = list[tuple[int, dict[str, object], int]]
WriteBack = Callable[[Writes, Callable[[list[ItemRow], list[int]], None], bool], None]


class MergeCommand(QUndoCommand):
    """A merged ledger as one step: undo writes every row's values from before the merge back, redo the merge's.

    The writes run as a background job (a merge may touch thousands of rows), so `write_back` starts
    it and reports the rows written and the ids someone else changed in between; those stay as they
    are (the window says so), the rest follow the step.
    """

    def __init__(self, text: str, rows: Sequence[object], write_back: WriteBack,
                 seen_version: Callable[[int], int | None]) -> None:
        super().__init__(text)
        self._rows = list(rows)  # desktop.services.merge.RowValues
        self._write_back, self._seen = write_back, seen_version
        self._versions = {r.item_id: r.version for r in self._rows}  # type: ignore[attr-defined]
        self._applied = True  # push() calls redo() at once; the merge already happened

    @property
    def item_ids(self) -> list[int]:
        """The rows this step changes."""
        return list(self._versions)

    def _expected(self, item_id: int) -> int:
        # versions only grow: the newest this step wrote or the window saw since (a later edit undone)
        seen = self._seen(item_id)
        return max(self._versions[item_id], seen) if seen is not None else self._versions[item_id]

    def _write(self, side: str) -> None:
        writes = [(r.item_id, dict(getattr(r, side)), self._expected(r.item_id)) for r in self._rows]  # type: ignore[attr-defined]
        self._write_back(writes, self._written, side == "before")

    def _written(self, rows: list[ItemRow], _conflicts: list[int]) -> None:
        for row in rows:
            self._versions[row.id] = row.version

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._write("after")

    def undo(self) -> None:
        self._write("before")
