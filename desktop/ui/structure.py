"""Changing the shape of saved plans: add, delete, move, merge and split items and measures, each one undo step.

Clerks fix a plan in the import preview before saving; the same fixes are needed later (a task added at a
meeting, two measures that turned out to be one). Each step is a store op; its undo follows the recipes of
docs/store-api.md. An undo whose rows someone else changed since is refused, as an edit's would be.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject

from desktop.ui.commands import Done, Refused, StepCommand
from desktop.ui.ops import StoreOp

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from db.item_row import ItemRow
    from db.store import Store
    from desktop.services.tracking import VersionBook
    from desktop.ui.undo import UndoRunner
    from desktop.ui.views import WindowViews


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class _Context:
    """What every structural step needs: where to run, who writes, and what to do once the shape changed."""

    def __init__(self, window: QMainWindow, book: VersionBook, who: str,
                 reshaped: Callable[[int | None], None]) -> None:
        self.window, self.book, self.who, self.reshaped = window, book, who, reshaped

    def run(self, fn: Callable[[Store], Any], done: Callable[[Any], None], refused: Refused) -> None:
        def failed(exc: Exception) -> None:
            from desktop.ui.errors import show_error  # message boxes load when the first one is shown

            show_error(self.window, exc, _t("没有保存"))
            refused(exc)
            self.reshaped(None)

        StoreOp(self.window, fn).success(done).failure(failed).run()

    def unchanged(self, store: Store, rows: Sequence[ItemRow]) -> None:
        """Refuse (ConflictError) when someone else changed one of these rows since this window wrote it."""
        from db.api import ConflictError

        for row in rows:
            if store.get_item(row.id).version != self.book.expected(row.id, row.version):
                raise ConflictError(row.id)


class _Step(StepCommand):
    def __init__(self, ctx: _Context, text: str) -> None:
        super().__init__(text)
        self._ctx = ctx

    def _run(self, fn: Callable[[Store], object], done: Done, refused: Refused, select: Callable[[object], int | None]) -> None:
        def ok(result: object) -> None:
            self._ctx.reshaped(select(result))
            done()

        self._ctx.run(fn, ok, refused)


class AddRowCommand(_Step):
    """A new item or measure; undo deletes it, redo puts the same row back."""

    def __init__(self, ctx: _Context, row: ItemRow) -> None:
        super().__init__(ctx, _t("添加措施") if row.parent_id is not None else _t("添加任务"))
        self._rows = [row]

    def start(self, *, undo: bool, done: Done, refused: Refused) -> None:
        ctx, rows = self._ctx, self._rows

        def write(store: Store) -> object:
            if undo:
                ctx.unchanged(store, rows)
                self._rows = store.delete_item(rows[0].id, who=ctx.who)
                return None
            store.restore_items(rows, who=ctx.who)
            back = store.subtree(rows[0].id)
            ctx.book.record(back)
            self._rows = back
            return rows[0].id

        self._run(write, done, refused, lambda r: r if isinstance(r, int) else None)


class DeleteRowsCommand(_Step):
    """Rows deleted with everything under them; undo puts them back with their ids and positions."""

    def __init__(self, ctx: _Context, deleted: list[ItemRow]) -> None:
        super().__init__(ctx, _t("删除"))
        self._deleted = deleted
        self._roots = [r.id for r in deleted if r.parent_id not in {d.id for d in deleted}]

    def start(self, *, undo: bool, done: Done, refused: Refused) -> None:
        ctx = self._ctx

        def write(store: Store) -> object:
            if undo:
                store.restore_items(self._deleted, who=ctx.who)
                self._deleted = [r for i in self._roots for r in store.subtree(i)]
                ctx.book.record(self._deleted)
                return self._roots[0]
            ctx.unchanged(store, [r for r in self._deleted if r.id in self._roots])
            self._deleted = [r for i in self._roots for r in store.delete_item(i, who=ctx.who)]
            return None

        self._run(write, done, refused, lambda r: r if isinstance(r, int) else None)


class MoveRowCommand(_Step):
    """A row moved among its siblings; undo moves it back."""

    def __init__(self, ctx: _Context, item_id: int, parent_id: int | None, old: int, new: int) -> None:
        super().__init__(ctx, _t("移动"))
        self._id, self._parent, self._old, self._new = item_id, parent_id, old, new

    def start(self, *, undo: bool, done: Done, refused: Refused) -> None:
        ctx = self._ctx
        position = self._old if undo else self._new

        def write(store: Store) -> object:
            row = store.move_item(self._id, parent_id=self._parent, position=position, who=ctx.who)
            ctx.book.record([row])
            return row.id

        self._run(write, done, refused, lambda r: r if isinstance(r, int) else None)


class MergeRowsCommand(_Step):
    """Sibling rows merged into the first; undo deletes the merged row and puts every row back as it was."""

    def __init__(self, ctx: _Context, before: list[ItemRow], merged: ItemRow, ids: list[int]) -> None:
        super().__init__(ctx, _t("合并"))
        self._before, self._merged, self._ids = before, merged, ids

    def start(self, *, undo: bool, done: Done, refused: Refused) -> None:
        ctx = self._ctx

        def write(store: Store) -> object:
            if undo:
                ctx.unchanged(store, [self._merged])
                store.delete_item(self._merged.id, who=ctx.who)
                store.restore_items(self._before, who=ctx.who)
                ctx.book.record(r for i in self._ids for r in store.subtree(i))
                return self._ids[0]
            self._before = [r for i in self._ids for r in store.subtree(i)]
            self._merged = store.merge_items(self._ids, who=ctx.who)
            ctx.book.record([self._merged])
            return self._merged.id

        self._run(write, done, refused, lambda r: r if isinstance(r, int) else None)


class SplitRowCommand(_Step):
    """A row cut into siblings; undo deletes the new ones and gives the first its title and text back."""

    def __init__(self, ctx: _Context, before: ItemRow, parts: list[str], rows: list[ItemRow]) -> None:
        super().__init__(ctx, _t("拆分"))
        self._before, self._parts, self._rows = before, parts, rows

    def start(self, *, undo: bool, done: Done, refused: Refused) -> None:
        ctx = self._ctx

        def write(store: Store) -> object:
            if undo:
                ctx.unchanged(store, self._rows)
                for r in self._rows[1:]:
                    store.delete_item(r.id, who=ctx.who)
                first = self._rows[0]
                change = store.update_item(first.id, {"title": self._before.title, "text": self._before.text},
                                           expected_version=ctx.book.expected(first.id, first.version), who=ctx.who)
                ctx.book.record([change.after])
                return first.id
            self._rows = store.split_item(self._before.id, self._parts, who=ctx.who)
            ctx.book.record(self._rows)
            return self._rows[0].id

        self._run(write, done, refused, lambda r: r if isinstance(r, int) else None)


class Structure(QObject):
    """The tree's 添加 / 删除 / 上移 / 下移 / 合并 / 拆分 actions on saved rows."""

    def __init__(self, window: QMainWindow, views: WindowViews, undo: UndoRunner, book: VersionBook, who: str,
                 reshaped: Callable[[int | None], None]) -> None:
        super().__init__(window)
        self._views, self._undo = views, undo
        self._ctx = _Context(window, book, who, reshaped)

    def set_who(self, name: str) -> None:
        """Who the history records for the structural steps from now on."""
        self._ctx.who = name

    def _first(self, make: Callable[[Any], _Step], fn: Callable[[Store], Any], select: Callable[[Any], int | None]) -> None:
        """Do a step's first write; once it has settled, the step goes on the undo stack."""
        def ok(result: Any) -> None:
            self._ctx.reshaped(select(result))
            self._undo.push(make(result))

        self._ctx.run(fn, ok, lambda _exc: None)

    # ---- the actions ---------------------------------------------------------------------------------
    def add_measure(self) -> None:
        """Add a measure under the current item, or after the current measure."""
        from desktop.ui.dialogs.row_title import RowTitleDialog

        row = self._views.current_row()
        if row is None or self._views.flat:
            return
        window = self._ctx.window
        title = RowTitleDialog.ask(window, _t("添加措施"), _t("措施内容："))
        if title is None:
            return
        if row.parent_id is None:
            parent, position = row, row.child_count
        else:
            parent_row = self._views.row_for(row.parent_id)
            if parent_row is None:
                return
            parent, position = parent_row, row.position + 1
        self._add(row.report_id, parent.id, position, title, parent.due)

    def add_item(self) -> None:
        """Add an item after the current one (its top-level item)."""
        from desktop.ui.dialogs.row_title import RowTitleDialog

        row = self._views.current_row()
        if row is None or self._views.flat:
            return
        top = row
        while top.parent_id is not None:
            up = self._views.row_for(top.parent_id)
            if up is None:
                break
            top = up
        title = RowTitleDialog.ask(self._ctx.window, _t("添加任务"), _t("任务内容："))
        if title is not None:
            self._add(row.report_id, None, top.position + 1, title, None)

    def _add(self, report_id: int, parent_id: int | None, position: int, title: str, due: date | None) -> None:
        ctx = self._ctx

        def write(store: Store) -> ItemRow:
            row = store.add_item(report_id, parent_id=parent_id, position=position, label="", title=title,
                                 due=due, who=ctx.who)
            ctx.book.record([row])
            return row

        self._first(lambda row: AddRowCommand(ctx, row), write, lambda row: row.id)

    def delete_rows(self) -> None:
        """Delete the selected rows (with their measures); undoable."""
        rows = self._selected()
        if not rows:
            return
        ids = {r.id for r in rows}
        roots = [r for r in rows if not self._has_selected_ancestor(r, ids)]
        ctx = self._ctx

        def write(store: Store) -> list[ItemRow]:
            ctx.unchanged(store, roots)
            return [r for root in roots for r in store.delete_item(root.id, who=ctx.who)]

        self._first(lambda deleted: DeleteRowsCommand(ctx, deleted), write, lambda _r: None)

    def move(self, by: int) -> None:
        """Move the current row one place up (-1) or down (+1) among its siblings."""
        row = self._views.current_row()
        if row is None or self._views.flat:
            return
        siblings = self._siblings(row)
        new = row.position + by
        if not 0 <= new < len(siblings):
            return
        ctx = self._ctx

        def write(store: Store) -> ItemRow:
            moved = store.move_item(row.id, parent_id=row.parent_id, position=new, who=ctx.who)
            ctx.book.record([moved])
            return moved

        self._first(lambda _m: MoveRowCommand(ctx, row.id, row.parent_id, row.position, new), write,
                    lambda moved: moved.id)

    def merge_rows(self) -> None:
        """Merge the selected sibling rows into the first; undoable."""
        rows = sorted(self._selected(), key=lambda r: r.position)
        if len(rows) < 2 or len({(r.report_id, r.parent_id) for r in rows}) != 1:
            return
        ids = [r.id for r in rows]
        ctx = self._ctx

        def write(store: Store) -> tuple[list[ItemRow], ItemRow]:
            before = [r for i in ids for r in store.subtree(i)]
            merged = store.merge_items(ids, who=ctx.who)
            ctx.book.record([merged])
            return before, merged

        self._first(lambda result: MergeRowsCommand(ctx, result[0], result[1], ids), write,
                    lambda result: result[1].id)

    def split_row(self) -> None:
        """Split the current row into parts the clerk confirms; undoable."""
        from desktop.ui.dialogs.split_dialog import SplitDialog

        row = self._views.current_row()
        if row is None or self._views.flat:
            return
        parts = SplitDialog.ask(self._ctx.window, row.text or row.title)
        if not parts or len(parts) < 2:
            return
        ctx = self._ctx

        def write(store: Store) -> list[ItemRow]:
            rows = store.split_item(row.id, parts, who=ctx.who)
            ctx.book.record(rows)
            return rows

        self._first(lambda rows: SplitRowCommand(ctx, row, parts, rows), write, lambda rows: rows[0].id)

    # ---- helpers -------------------------------------------------------------------------------------
    def _selected(self) -> list[ItemRow]:
        return [] if self._views.flat else self._views.selected_rows()

    def _siblings(self, row: ItemRow) -> list[int]:
        model = self._views.tree_model
        if row.parent_id is None:
            return [r.id for r in model.loaded_rows() if r.parent_id is None and r.report_id == row.report_id]
        return model.children_ids(row.parent_id)

    def _has_selected_ancestor(self, row: ItemRow, ids: set[int]) -> bool:
        parent = row.parent_id
        while parent is not None:
            if parent in ids:
                return True
            up = self._views.row_for(parent)
            parent = up.parent_id if up is not None else None
        return False
