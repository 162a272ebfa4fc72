"""Undoable steps: each user intent is one QUndoCommand whose write runs as a store op.

The stack's own undo()/redo() cannot wait for a database, and Qt drops an obsolete command only when it
turns obsolete inside those calls. So the window's undo runner (undo.py) first `start`s the command's write,
and when it has settled `arm`s the command and moves the stack: the call then only moves the index, and a
command whose write was refused (someone else changed the row) is marked obsolete in time to be dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from db.api import ItemChange
    from db.item_row import ItemRow
    from desktop.services.merge import RowValues

Done = Callable[[], None]
Refused = Callable[[Exception], None]


class StepCommand(QUndoCommand):
    """A step whose write runs off the UI thread: `start(undo, done, refused)`, then the stack moves."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._armed = True  # push() calls redo() at once; the write already happened

    def arm(self) -> None:
        """The next undo()/redo() only moves the stack (the write was done by `start`)."""
        self._armed = True

    def start(self, *, undo: bool, done: Done, refused: Refused) -> None:
        """Write the step's old values (undo) or new ones (redo); call `done` or `refused` when settled."""
        raise NotImplementedError

    def _moved(self, undo: bool) -> None:
        if self._armed:
            self._armed = False
            return
        # Moved by someone other than the undo runner: write all the same (a refusal cannot drop the step now).
        self.start(undo=undo, done=_nothing, refused=lambda _exc: None)

    def redo(self) -> None:
        self._moved(False)

    def undo(self) -> None:
        self._moved(True)


class RowWriter(Protocol):
    """What an edit step needs from the window: write values to rows, shown at once, settled later."""

    def write_rows(self, values: Sequence[tuple[int, dict[str, object]]], *,
                   done: Callable[[list[ItemChange]], None], refused: Refused) -> None:
        """Write each (item id, fields) against the version this window last saw of the row."""


class EditRowsCommand(StepCommand):
    """Change some fields of one or more rows (ticking an item's measures is one step); undo writes the old values."""

    MERGE_ID = 4711

    def __init__(self, writer: RowWriter, changes: Sequence[ItemChange], fields: Sequence[tuple[str, ...]],
                 text: str, *, mergeable: bool = False) -> None:
        super().__init__(text)
        self._writer = writer
        self._old = [(c.before.id, {f: getattr(c.before, f) for f in fs}) for c, fs in zip(changes, fields)]
        self._new = [(c.after.id, {f: getattr(c.after, f) for f in fs}) for c, fs in zip(changes, fields)]
        self._mergeable = mergeable

    @property
    def item_ids(self) -> list[int]:
        """The rows this step edits."""
        return [item_id for item_id, _values in self._new]

    def start(self, *, undo: bool, done: Done, refused: Refused) -> None:
        self._writer.write_rows(self._old if undo else self._new, done=lambda _changes: done(), refused=refused)

    def id(self) -> int:
        return self.MERGE_ID if self._mergeable else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Typing a note in several pauses is one undo step per row."""
        if not isinstance(other, EditRowsCommand) or other.item_ids != self.item_ids \
                or [set(v) for _i, v in other._new] != [set(v) for _i, v in self._new]:
            return False
        self._new = [(i, dict(v)) for i, v in other._new]
        return True


# (item id, fields, expected version) triples to write, what to call with (rows written, ids refused),
# and whether this is an undo (True) or a redo
Writes = list[tuple[int, dict[str, object], int]]
WriteBack = Callable[[Writes, Callable[[list["ItemRow"], list[int]], None], bool, Refused], None]


class MergeCommand(StepCommand):
    """A merged ledger as one step: undo writes every row's values from before the merge back, redo the merge's.

    The writes run as one op (a merge may touch thousands of rows); `write_back` starts it and reports the
    rows written and the ids someone else changed in between: those stay as they are (the window says so),
    the rest follow the step.
    """

    def __init__(self, text: str, rows: Sequence[RowValues], write_back: WriteBack,
                 seen_version: Callable[[int], int | None]) -> None:
        super().__init__(text)
        self._rows = list(rows)
        self._write_back, self._seen = write_back, seen_version
        self._versions = {r.item_id: r.version for r in self._rows}

    @property
    def item_ids(self) -> list[int]:
        """The rows this step changes."""
        return list(self._versions)

    def _expected(self, item_id: int) -> int:
        # versions only grow: the newest this step wrote or the window saw since (a later edit undone)
        seen = self._seen(item_id)
        return max(self._versions[item_id], seen) if seen is not None else self._versions[item_id]

    def start(self, *, undo: bool, done: Done, refused: Refused) -> None:
        side = "before" if undo else "after"
        writes = [(r.item_id, dict(getattr(r, side)), self._expected(r.item_id)) for r in self._rows]

        def written(rows: list[ItemRow], _conflicts: list[int]) -> None:
            for row in rows:
                self._versions[row.id] = row.version
            done()

        self._write_back(writes, written, undo, refused)


def _nothing() -> None:
    pass
