"""The detail pane follows the cursor: the row's fields, where it sits, and its history read off the UI thread."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, Signal

from desktop.ui.ops import StoreQuery

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow, QTableView

    from db.api import HistoryRow
    from db.carry import Origin
    from db.progress_log import ProgressEntry
    from db.store import Store
    from db.item_row import ItemRow
    from desktop.ui.turns import Turns
    from desktop.ui.views import WindowViews


class DetailSide(QObject):
    """Shows the row under the cursor in the detail pane, and again whenever a new version of it arrives."""

    history_shown = Signal(int)  # item id whose history the detail pane now lists
    dated_shown = Signal(int)  # item id whose 进展记录 and origin the detail pane now shows

    def __init__(self, window: QMainWindow, views: WindowViews, *, turns: Turns, loading: Callable[[], bool]) -> None:
        super().__init__(window)
        self._window, self._views = window, views
        self._turns, self._loading = turns, loading
        self._follow_queued = False
        self._dated_for: tuple[int, str] | None = None  # the row and note whose 进展记录 was read last
        views.tree.selectionModel().currentChanged.connect(self._on_current)
        views.table_built_callbacks.append(self._table_built)

    def _table_built(self, table: QTableView) -> None:
        table.selectionModel().currentChanged.connect(self._on_current)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._loading():
            # A load put the cursor on a row (showing the view gives it the focus, or the clerk's row is kept):
            # the pane's new texts are laid out and painted in a pass of their own. With the loaded view's first
            # paint in the same pass, the all-reports table took 76–93 ms to show here; apart, 35–55 ms.
            if not self._follow_queued:
                self._follow_queued = True
                self._turns.after(0, self._follow_cursor)
            return
        row = self._views.item_model.row_for(current.internalId()) if current.isValid() else None
        pane = self._views.detail_built
        if row is not None and pane is not None and pane.row == row:
            # A search letter or a sort reset the tree and put the cursor back on the row shown, unchanged:
            # drawing it again and re-reading its history cost ~10 ms of that keystroke for nothing.
            return
        self.show(row)

    def _follow_cursor(self) -> None:
        self._follow_queued = False
        self._on_current(self._views.view.currentIndex(), QModelIndex())

    def reloaded(self) -> None:
        """The rows were read again (a refresh, another clerk's change): the pane shows its row's new version.

        A reload of the same rows updates them in place, so the cursor does not move and says nothing.
        """
        pane = self._views.detail_built
        if pane is None or pane.row is None or self._follow_queued:  # a load moved the cursor: it is shown next
            return
        row = self._views.item_model.row_for(pane.row.id)
        if row is not None and row != pane.row:
            self.show(row)

    def rows_changed(self, rows: Sequence[ItemRow], *, guess: bool = False) -> None:
        """New versions of rows: the pane shows its row's (and reads its history again, unless only guessed)."""
        pane = self._views.detail_built
        if pane is None or pane.row is None:
            return
        for row in rows:
            if row.id == pane.row.id:
                self.show(row, read_history=not guess)

    def show(self, row: ItemRow | None, *, read_history: bool = True) -> None:
        """Show a row (None: the empty hint) and read its history."""
        views = self._views
        if row is None:
            views.detail.show_row(None)
            return
        path = ""
        rep = next((r for r in views.report_model.reports() if r.id == row.report_id), None)
        if rep is not None:
            path = rep.name
        if row.parent_id is not None:
            parent = views.row_for(row.parent_id)
            if parent is not None:
                path += " › " + parent.label + parent.title
        same = views.detail.row is not None and views.detail.row.id == row.id
        # The history is read on the database lane (a server may be slow); a new row's list starts empty.
        views.detail.show_row(row, path=path, history=None if same else [])
        if not read_history:
            return
        if not same or self._dated_for != (row.id, row.note):  # a tick leaves them: no extra round trip
            self._dated_for = (row.id, row.note)
            self._read_dated(row.id)
        item_id = row.id
        StoreQuery(self._window, lambda store: store.history(item_id)) \
            .success(lambda history: self._on_history(item_id, history)) \
            .failure(lambda exc: self._window.statusBar().showMessage(
                self._window.tr("读取修改记录失败：%1").replace("%1", str(exc)), 5000)).run()

    def _read_dated(self, item_id: int) -> None:
        StoreQuery(self._window, lambda store: _dated(store, item_id)) \
            .success(lambda found: self._on_dated(item_id, found)) \
            .failure(lambda exc: self._window.statusBar().showMessage(
                self._window.tr("读取进展记录失败：%1").replace("%1", str(exc)), 5000)).run()

    def _on_dated(self, item_id: int, found: tuple[list[ProgressEntry], Origin | None]) -> None:
        pane = self._views.detail_built
        if pane is not None and pane.row is not None and pane.row.id == item_id:
            pane.show_dated(*found)
            self.dated_shown.emit(item_id)

    def _on_history(self, item_id: int, history: list[HistoryRow]) -> None:
        pane = self._views.detail_built
        if pane is not None and pane.row is not None and pane.row.id == item_id:
            pane.history_model.set_history(history)
            self.history_shown.emit(item_id)


def _dated(store: Store, item_id: int) -> tuple[list[ProgressEntry], Origin | None]:
    """A row's dated 进展情况 entries and its origin (one op: one trip to the lane)."""
    return store.progress_log(item_id), store.origins(item_ids=[item_id]).get(item_id)
