"""Undo and redo as store ops on the window's QUndoStack (the 撤销历史 list is undo_history.py).

A step is pushed once its write has settled; undo and redo wait while any write is in flight (a tick still
on its way is not on the stack yet, so Ctrl+Z would take back the step before it); a step whose write is
refused because someone else changed the row since is dropped from the stack, as Qt drops an obsolete one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack

from desktop.ui.commands import StepCommand
from desktop.ui.icons import icon

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.ui.ops import OpHost


class UndoRunner(QObject):
    """Runs the stack's steps as ops; owns the 撤销/重做 actions, enabled only when nothing is in flight."""

    settled = Signal()  # an undo or redo has finished (its write settled or was refused)

    def __init__(self, stack: QUndoStack, ops: OpHost, parent: QWidget) -> None:
        super().__init__(parent)
        self.stack = stack
        self._ops = ops
        self._running = False
        self._target: int | None = None  # stack index a jump in the history list goes to
        t = parent.tr
        self.act_undo = QAction(icon("undo"), t("撤销"), parent)
        self.act_undo.setShortcut(QKeySequence("Ctrl+Z"))
        self.act_undo.triggered.connect(self.undo)
        self.act_redo = QAction(icon("redo"), t("重做"), parent)
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.act_redo.triggered.connect(self.redo)
        for sig in (stack.indexChanged, stack.cleanChanged, stack.undoTextChanged, stack.redoTextChanged):
            sig.connect(self._update_actions)
        ops.busy_changed.connect(self._update_actions)
        ops.busy_changed.connect(self._continue)  # a jump in the history list goes on once the lane is free
        self._update_actions()

    @property
    def busy(self) -> bool:
        """True while a step's write is under way, or any other write op."""
        return self._running or self._ops.busy

    def push(self, cmd: StepCommand) -> None:
        """Put a step whose write has settled on the stack."""
        cmd.arm()
        self.stack.push(cmd)
        self._update_actions()

    def undo(self) -> None:
        """Take back the last step (Ctrl+Z)."""
        self._step(undo=True)

    def redo(self) -> None:
        """Do the step taken back last again (Ctrl+Shift+Z)."""
        self._step(undo=False)

    def go_to(self, index: int) -> None:
        """Undo or redo step by step until the stack is at `index` (a click in the history list)."""
        self._target = max(0, min(index, self.stack.count()))
        self._next_towards_target()

    def _continue(self, busy: bool) -> None:
        if not busy:
            self._next_towards_target()

    def _next_towards_target(self) -> None:
        if self._target is None or self.busy:
            return
        here = self.stack.index()
        if here == self._target:
            self._target = None
        else:
            self._step(undo=self._target < here)

    def _step(self, *, undo: bool) -> bool:
        if self.busy:
            return False
        index = self.stack.index() - 1 if undo else self.stack.index()
        cmd = self.stack.command(index) if 0 <= index < self.stack.count() else None
        if not isinstance(cmd, StepCommand):
            self._target = None
            return False
        self._running = True
        self._update_actions()
        cmd.start(undo=undo, done=lambda: self._finish(cmd, undo, refused=False),
                  refused=lambda _exc: self._finish(cmd, undo, refused=True))
        return True

    def _finish(self, cmd: StepCommand, undo: bool, *, refused: bool) -> None:
        cmd.arm()
        if refused:
            # Someone else changed the rows: this step can no longer be undone or redone safely. Qt deletes
            # an obsolete command inside undo()/redo(), which now only move the index.
            cmd.setObsolete(True)
            self._target = None
        if undo:
            self.stack.undo()
        else:
            self.stack.redo()
        self._running = False
        self._update_actions()
        self.settled.emit()
        self._next_towards_target()

    def _update_actions(self, *_args: object) -> None:
        free = not self.busy
        try:
            can_undo, can_redo = self.stack.canUndo(), self.stack.canRedo()
            undo_text, redo_text = self.stack.undoText(), self.stack.redoText()
        except RuntimeError:  # the window is being destroyed: its stack went first
            return
        self.act_undo.setEnabled(free and can_undo)
        self.act_redo.setEnabled(free and can_redo)
        parent = self.parent()
        t = parent.tr if parent is not None else (lambda s: s)
        self.act_undo.setText(t("撤销") + (f" {undo_text}" if undo_text else ""))
        self.act_redo.setText(t("重做") + (f" {redo_text}" if redo_text else ""))
