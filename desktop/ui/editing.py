"""Editing saved rows: ticks and field edits are shown at once, written as store ops, settled when they return.

Every edit follows one path: the rows change in the models immediately (`optimistic`), the write goes to the
database lane (`write_edits`: one transaction, one undo step, ticking an item's measures included), and the
store's answer (the rows, the item's roll-up, the report's figures) replaces the guess in `on_changes`. A
refused write puts back what was there and says why; the clerk's window never waits for the server.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal

from db.enums import Status
from desktop.services.tracking import (
    VersionBook,
    current_user,
    diff,
    extension_problem,
    is_done,
    optimistic,
    rolled_up,
    status_change_problem,
    tick_changes,
    write_edits,
)
from desktop.ui.commands import EditRowsCommand, Refused
from desktop.ui.ops import StoreOp, StoreQuery

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from db.api import ItemChange, ReportSummary
    from db.item_row import ItemRow
    from db.store import Store
    from desktop.ui.models.item_tree import ItemTreeModel
    from desktop.ui.undo import UndoRunner


class EditView(Protocol):
    """What editing needs from the window's views."""

    def model_on_show(self) -> ItemTreeModel:
        """The tree of a report, or the list of all measures."""

    def row_for(self, item_id: int) -> ItemRow | None:
        """A loaded row, in whichever view it was loaded."""

    def current_row(self) -> ItemRow | None:
        """The row under the cursor."""

    def rows_changed(self, rows: Sequence[ItemRow], *, guess: bool = False) -> None:
        """Show new versions of loaded rows (both models, the detail pane); `guess`: not from the store."""

    def reports_changed(self, reports: Sequence[ReportSummary]) -> None:
        """Show new figures of reports in the report list."""

    def refresh(self) -> None:
        """Read everything again (after a refused write)."""

    def say(self, text: str, msecs: int = 0) -> None:
        """A line in the status bar."""


class Editing(QObject):
    """Ticks and edits of saved rows, and the undoable steps they make."""

    changes_settled = Signal(object)  # list[ItemChange]: the store's answer to an edit, an undo or a redo
    edit_refused = Signal(object)  # the exception

    def __init__(self, window: QWidget, view: EditView, undo: UndoRunner) -> None:
        super().__init__(window)
        self._window, self._view, self._undo = window, view, undo
        self.book = VersionBook()
        self.who = current_user()

    # ---- what the clerk asks for ---------------------------------------------------------------------
    def request_changes(self, item_id: int, changes: dict[str, object], text: str) -> bool:
        """Save a clerk's edit of one row and make it undoable; False when nothing is written."""
        before = self._row(item_id)
        if before is None:
            return False
        problem = status_problem(before, changes)  # as asked: a second extension keeps the status
        changes = diff(before, changes)
        if not changes:
            return False
        if problem:
            _warn(self._window, QCoreApplication.translate("MainWindow", "没有保存"), problem)
            self._view.rows_changed([before], guess=True)  # the pane's editors go back to what is stored
            return False
        self._write_step([(before, changes)], text, mergeable=set(changes) == {"note"})
        return True

    def toggle_current(self) -> None:
        """Space: tick the selected measure, or all measures of the selected item."""
        row = self._view.current_row()
        if row is None:
            return
        if row.is_measure:
            self.tick(row.id, not is_done(row))
        else:
            live = self._live_measures(row.id)
            self.tick(row.id, not all(is_done(c) for c in live))

    def tick(self, item_id: int, done: bool) -> None:
        """Mark a measure (or every measure of an item) done or not done, as one undo step."""
        row = self._row(item_id)
        if row is None:
            return
        t = QCoreApplication.translate
        if row.is_measure:
            changes = tick_changes(row, done)
            if changes:
                self.request_changes(item_id, changes, t("MainWindow", "标记完成") if done else t("MainWindow", "取消完成"))
            return
        todo = [(c, ch) for c in self._live_measures(item_id) if (ch := tick_changes(c, done))]
        if todo:
            self._write_step(todo, t("MainWindow", "全部标记完成") if done else t("MainWindow", "全部取消完成"))

    # ---- the write ---------------------------------------------------------------------------------------
    def _write_step(self, edits: Sequence[tuple[ItemRow, dict[str, object]]], text: str, *,
                    mergeable: bool = False) -> None:
        fields = [tuple(changes) for _row, changes in edits]

        def settled(changes: list[ItemChange]) -> None:
            self._undo.push(EditRowsCommand(self, changes, fields, text, mergeable=mergeable))

        self._write([(row.id, changes) for row, changes in edits], done=settled, refused=lambda _exc: None)

    def write_rows(self, values: Sequence[tuple[int, dict[str, object]]], *,
                   done: Callable[[list[ItemChange]], None], refused: Refused) -> None:
        """Undo and redo of an edit step: write these values, shown at once like any edit."""
        self._write(values, done=done, refused=refused)

    def _write(self, values: Sequence[tuple[int, dict[str, object]]], *,
               done: Callable[[list[ItemChange]], None], refused: Refused) -> None:
        model = self._view.model_on_show()
        shown = {item_id: self._row(item_id) for item_id, _v in values}
        # The version each row had as this window saw it; write_edits raises it to what our own writes since made.
        edits = [(item_id, dict(v), shown[item_id].version if shown[item_id] is not None else 0)  # type: ignore[union-attr]
                 for item_id, v in values]
        guess = [optimistic(row, v) for (item_id, v) in values if (row := shown[item_id]) is not None]
        was = [row for row in shown.values() if row is not None]
        parents = self._parents_after(model, guess)
        was += [p for p, _ in parents]
        self._view.rows_changed(guess + [new for _old, new in parents], guess=True)
        book, who = self.book, self.who

        def write(store: Store) -> list[ItemChange]:
            return write_edits(store, edits, book, who=who)

        def failed(exc: Exception) -> None:
            self._view.rows_changed(was, guess=True)  # what was there before the guess
            self._refused(values[0][0], exc)
            refused(exc)
            self.edit_refused.emit(exc)

        def written(changes: list[ItemChange]) -> None:
            self.on_changes(changes)
            done(changes)

        StoreOp(self._window, write).success(written).failure(failed).run()

    def _parents_after(self, model: ItemTreeModel, guess: Sequence[ItemRow]) -> list[tuple[ItemRow, ItemRow]]:
        """(before, guessed after) of the items whose measures the guess changes."""
        by_id = {r.id: r for r in guess}
        out = []
        for parent_id in dict.fromkeys(r.parent_id for r in guess if r.parent_id is not None):
            parent = model.row_for(parent_id)
            if parent is None:
                continue
            kids = [by_id.get(i) or model.row_for(i) for i in model.children_ids(parent_id)]
            out.append((parent, rolled_up(parent, [k for k in kids if k is not None])))
        return out

    def on_changes(self, changes: Sequence[ItemChange]) -> None:
        """The store's answer to a write: the rows, their items' roll-ups and the reports' figures."""
        rows = {c.after.id: c.after for c in changes}
        for c in changes:
            if c.parent is not None:
                rows.setdefault(c.parent.id, c.parent)
        self._view.rows_changed(list(rows.values()))
        reports = {c.report.id: c.report for c in changes if c.report is not None}
        if reports:
            self._view.reports_changed(list(reports.values()))
        self.changes_settled.emit(list(changes))

    def _refused(self, item_id: int, exc: Exception) -> None:
        from db.api import ConflictError  # loaded with the store; the first paint does without db.api

        if not isinstance(exc, ConflictError):
            from desktop.ui.errors import show_error  # message boxes load when the first one is shown

            show_error(self._window, exc, QCoreApplication.translate("MainWindow", "没有保存"))
            self._view.refresh()
            return
        t = QCoreApplication.translate
        _warn(self._window, t("MainWindow", "别人刚修改过这一条"),
              t("MainWindow", "这条任务刚被其他人修改过，您的这次修改没有保存。\n已为您刷新为最新内容，请核对后再改。"), str(exc))

        def fresh(store: Store) -> ItemRow | None:
            from db.api import NotFoundError

            try:
                return store.get_item(item_id)
            except NotFoundError:  # deleted meanwhile: the refresh shows that
                return None

        StoreQuery(self._window, fresh).success(
            lambda row: self._view.rows_changed([row]) if row is not None else None).run()
        self._view.refresh()

    # ---- helpers -------------------------------------------------------------------------------------
    def _row(self, item_id: int) -> ItemRow | None:
        return self._view.row_for(item_id)

    def _live_measures(self, item_id: int) -> list[ItemRow]:
        """An item's measures that are not cancelled: ticking an item never revives a dropped one."""
        model = self._view.model_on_show()
        rows = (model.row_for(i) for i in model.children_ids(item_id))
        return [c for c in rows if c is not None and c.is_measure and c.status is not Status.CANCELLED]

    def seen_version(self, item_id: int) -> int | None:
        """The newest version of a row this window saw or wrote (None: neither)."""
        row = self._row(item_id)
        ours = self.book.get(item_id)
        if row is None:
            return ours
        return max(row.version, ours or 0)


def status_problem(row: ItemRow, changes: Mapping[str, object]) -> str | None:
    """Why a clerk's status edit is refused (已办结 before 已完成, 已延期 without a new date and reason)."""
    if "status" not in changes:
        return None
    status = Status(changes["status"])  # type: ignore[arg-type]
    if status is Status.EXTENDED and "delay_reason" in changes:
        due = changes.get("due", row.due)
        return extension_problem(row, due, str(changes["delay_reason"]))  # type: ignore[arg-type]
    problem = status_change_problem(row, status)
    if problem and status is Status.EXTENDED:
        problem += QCoreApplication.translate("MainWindow", "请在详情栏下方填写“延期至”的日期和延期原因，再点“登记延期”。")
    return problem


def _warn(parent: QWidget, title: str, text: str, details: str = "") -> None:
    from desktop.ui.errors import Messages  # message boxes load when the first one is shown

    Messages.warn(parent, title, text, details)
