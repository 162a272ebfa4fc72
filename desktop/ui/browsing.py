"""Choosing what the window shows: the report list, loading a report's tree (or every measure), search and sort.

Everything is read as a store query on the database lane; the UI thread only swaps in finished lists.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QPoint, QSettings, Qt, Signal

from desktop.ui.models.report_list import ALL_REPORTS, ReportIdRole
from desktop.ui.models.row_filter import PreparedRows, RowFilter, prepare_rows
from desktop.ui.ops import StoreQuery
from desktop.ui.tree_expansion import TreeExpansion
from desktop.ui.turns import Turns

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow, QTableView

    from db.api import ReportSummary
    from db.item_row import ItemRow
    from db.store import Store
    from desktop.ui.views import WindowViews

# Long enough that the tree's first paint is done and the event loop has turned once before the pane is built
_BUILD_DETAIL_AFTER_MS = 10
# No row of the tree is lower than this (a line of small text): it turns pixels into at least as many rows.
_MIN_ROW_PX = 12
_ORIGIN = QPoint(0, 0)


class Browser(QObject):
    """The report chosen, its rows loaded and filtered; selection and expansion survive a reload."""

    reports_loaded = Signal()
    tree_loaded = Signal()
    report_chosen = Signal(object)  # the report id (ALL_REPORTS for every measure)

    def __init__(self, window: QMainWindow, views: WindowViews, settings: QSettings, *,
                 busy: Callable[[], bool]) -> None:
        super().__init__(window)
        self._window, self._views, self._settings = window, views, settings
        self.report_id: int | None = None
        self._generation = 0
        self._have_reports = False
        self._shown_empty = False
        self._unannounced = False  # the first report was shown before the list: say it is chosen once it is
        self.loading = False  # rows are being swapped in and the view shown (see DetailSide)
        # the steps that follow a load (the detail pane's build, the held-back rows) each get a pass of their own
        self.turns = Turns(self)
        self.expansion = TreeExpansion(views.tree, views.tree_model, report_id=lambda: self.report_id,
                                       busy=busy, turns=self.turns)
        views.report_view.selectionModel().currentChanged.connect(self._on_report_changed)
        views.filter_bar.filter_changed.connect(self._on_filter)
        views.tree.header().sortIndicatorChanged.connect(self._on_sort)
        views.table_built_callbacks.append(self._table_built)

    def _table_built(self, table: QTableView) -> None:
        table.horizontalHeader().sortIndicatorChanged.connect(self._on_sort)

    # ---- the report list -----------------------------------------------------------------------------
    def reload_reports(self) -> None:
        """Re-read the report summaries off the UI thread; selection and expansion are kept."""
        StoreQuery(self._window, lambda store: store.list_reports()).success(self._on_reports) \
            .failure(self._on_load_error).run()

    def _on_load_error(self, exc: Exception) -> None:
        from desktop.ui.errors import show_error  # message boxes load when the first one is shown

        self._window.statusBar().showMessage(self._window.tr("读取数据失败"), 5000)
        show_error(self._window, exc, self._window.tr("读取数据失败"))

    def _on_reports(self, reports: list[ReportSummary]) -> None:
        views, bar = self._views, self._window.statusBar()
        wanted = self.report_id
        if wanted is None:
            wanted = self.saved_report()
        self._have_reports = True  # from now on a current row in the list means a choice
        if reports and self._shown_empty and wanted == ALL_REPORTS:
            # The first reports (the samples, or a first import) arrive while the empty 全部报告 view
            # is showing: open the first report so the window does not look empty.
            wanted = None
        self._shown_empty = not reports
        views.give_report_list_its_painter()
        views.report_model.set_reports(reports)
        views.flat_model.set_report_titles({r.id: r.name for r in reports})
        ids = {r.id for r in reports}
        if wanted is None or (wanted != ALL_REPORTS and wanted not in ids):
            # First start or the report is gone: open the first report in the list.
            shown = views.report_model.reports()
            wanted = shown[0].id if shown else ALL_REPORTS
        current = views.report_view.currentIndex()
        if not current.isValid() or current.data(ReportIdRole) != wanted:
            views.report_view.setCurrentIndex(views.report_model.index_of_report(wanted))
        if self._unannounced and self.report_id is not None:
            self._unannounced = False
            self.report_chosen.emit(self.report_id)
        if not reports:
            bar.showMessage(self.no_reports_text())
        elif bar.currentMessage() in (self._window.tr("正在读取数据…"), self.no_reports_text()):
            bar.clearMessage()
        self.reports_loaded.emit()

    def no_reports_text(self) -> str:
        """What the status bar says on an empty database."""
        return self._window.tr("还没有报告。按 Ctrl+I 或把文件拖到窗口里导入。")

    def reports_changed(self, reports: list[ReportSummary]) -> None:
        """New figures of some reports (an edit's answer), shown in place."""
        self._views.report_model.update_reports(reports)

    def saved_report(self) -> int | None:
        """The report the clerk last looked at (None on a first start)."""
        saved = self._settings.value("view/report")
        return int(saved) if saved is not None and str(saved).lstrip("-").isdigit() else None

    def show_first(self, first: tuple[int, PreparedRows] | None) -> None:
        """The first report's rows, read before the store was open (db.first_look); the list follows."""
        if first is None or self.report_id is not None:
            return
        self.report_id, prepared = first
        self._unannounced = True
        self._generation += 1
        self._on_tree(self._generation, self.report_id, prepared)

    def select_report(self, report_id: int) -> None:
        """Show one report's tree (or ALL_REPORTS for every measure)."""
        idx = self._views.report_model.index_of_report(report_id)
        if idx.isValid():
            self._views.report_view.setCurrentIndex(idx)

    def open_after_reload(self, report_id: int) -> None:
        """Show this report once the list has been read again (a report just imported)."""
        self.report_id = None
        self._settings.setValue("view/report", report_id)
        self.reload_reports()

    def forget_report(self) -> None:
        """The report shown is about to go (deleted): the next list opens the first one."""
        self.report_id = None

    def _on_report_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        rid = current.data(ReportIdRole) if current.isValid() else None
        if not self._have_reports or rid is None or rid == self.report_id:
            return
        self.report_id = rid
        self._settings.setValue("view/report", rid)
        self.report_chosen.emit(rid)
        self.load_tree()

    # ---- the rows ------------------------------------------------------------------------------------
    def load_tree(self) -> None:
        """Read the current report's rows off the UI thread, then show them keeping selection and expansion."""
        rid = self.report_id
        if rid is None:
            return
        self._generation += 1
        gen = self._generation

        def read(store: Store) -> PreparedRows:
            # Search texts are built in the job too: the UI thread only swaps in the finished lists.
            return prepare_rows(_all_rows(store) if rid == ALL_REPORTS else store.item_tree(rid))

        StoreQuery(self._window, read).success(lambda rows: self._on_tree(gen, rid, rows)) \
            .failure(self._on_load_error).run()

    def _on_tree(self, generation: int, report_id: int, prepared: PreparedRows) -> None:
        if generation != self._generation:
            return  # the clerk already picked another report
        views = self._views
        flat = report_id == ALL_REPORTS
        current_id, current_col = None, 0
        if flat == views.flat:
            current = views.view.currentIndex()
            if current.isValid():
                current_id, current_col = current.internalId(), current.column()
        self.loading = True
        try:
            self._show_rows(report_id, prepared, current_id, current_col)
        finally:
            self.loading = False
        self.tree_loaded.emit()

    def _show_rows(self, report_id: int, prepared: PreparedRows, current_id: int | None, current_col: int) -> None:
        views = self._views
        flat = report_id == ALL_REPORTS
        views.flat = flat
        if not flat:
            views.give_tree_its_editors()
        view, model = views.view, views.item_model
        view.setUpdatesEnabled(False)
        try:
            first_rows = _first_rows(views)
            model.set_rows(prepared, flat=flat, flt=views.filter_bar.current_filter(), first_rows=first_rows,
                           keep=current_id)
            views.filter_bar.set_units(prepared.units)
            if not flat:
                self.expansion.restore(report_id, prepared.rows, keep=current_id, frame_rows=first_rows)
            else:
                self.expansion.stop()
        finally:
            view.setUpdatesEnabled(True)
        views.stack.setCurrentWidget(view)
        if current_id is not None and model.index_of(current_id).isValid():
            view.setCurrentIndex(model.index_of(current_id, current_col))
        elif views.detail_built is not None:
            # Showing the view can give it the focus, and Qt then puts the cursor on its first row: the pane
            # already follows that row (currentChanged) and must not be emptied under it.
            if not view.currentIndex().isValid():
                views.detail_built.show_row(None)
        else:  # the placeholder says what the empty pane says; the pane (~40–70 ms to build) waits for the tree's
            # first paint, and its widgets and their placing get a pass each, so none holds the first load up
            self.turns.after(_BUILD_DETAIL_AFTER_MS, self._build_detail)
        # As for a search: laid out before its first paint, the view also shows its scroll bar before it, and
        # is not painted again, narrower, right after.
        view.executeDelayedItemsLayout()
        views.update_counts()

    def _build_detail(self) -> None:
        self._views.prepare_detail()
        self.turns.after(0, lambda: self._views.detail)  # placed, laid out and painted in a later pass

    def refresh(self) -> None:
        """Re-read everything (after another clerk's changes)."""
        self.reload_reports()
        self.load_tree()

    # ---- search and sort -----------------------------------------------------------------------------
    def _on_filter(self, flt: RowFilter) -> None:
        views = self._views
        view, model = views.view, views.item_model
        current = view.currentIndex()
        current_id = current.internalId() if current.isValid() else None
        # No setUpdatesEnabled(False/True) around this: nothing paints before the event loop runs anyway, and
        # re-enabling updates repainted the whole scroll area and the panes behind it, not just the rows.
        frame_rows = _first_rows(views, laid_out=True)
        if not model.set_filter(flt, first_rows=frame_rows, keep=current_id):
            # the same rows: expansion, cursor and selection are as they were
            views.update_counts()
            return
        if not views.flat:
            if flt.is_empty:
                self.expansion.restore(self.report_id or 0, [], keep=current_id, frame_rows=frame_rows)
            else:
                self.expansion.show_matches(keep=current_id, frame_rows=frame_rows)
        if current_id is not None:
            idx = model.index_of(current_id)
            if idx.isValid():
                view.setCurrentIndex(idx)
        # Lay the rows out now, before the frame. Left to the view, the layout ran after the table's paint, or
        # inside the tree's paint, and each asked for a second paint of the whole viewport (~15 ms) right after.
        view.executeDelayedItemsLayout()
        views.update_counts()

    def _on_sort(self, column: int, order: Qt.SortOrder) -> None:
        if column >= 0:
            self._views.item_model.sort(column, order)

    def focus_search(self) -> None:
        """Ctrl+F: jump to the search box with its text selected."""
        search = self._views.filter_bar.search
        search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        search.selectAll()


def _first_rows(views: WindowViews, *, laid_out: bool = False) -> int | None:
    """How many top-level rows a reset tree shows at once: two screens below where it is scrolled (or below the
    clerk's row, see ItemTreeModel.set_filter); None for the all-reports table. TreeExpansion shows the rest a
    frame later.

    The screens are counted in rows of _MIN_ROW_PX, or, when the tree is `laid_out` (a search), in the height of
    its top row: a search's frame then shows two screens of real rows, not of the smallest there could be (twice
    as many here).
    """
    if views.flat:
        return None
    view = views.tree
    row_px = _MIN_ROW_PX
    if laid_out:
        top = view.indexAt(_ORIGIN)
        if top.isValid():
            row_px = max(view.visualRect(top).height(), _MIN_ROW_PX)
    # The window's height (the view may not be laid out yet on the first load) and the view's offset in pixels:
    # asking for its viewport, scroll bar or font metrics then sets up their Python types (~25 ms at a cold start).
    return (view.verticalOffset() + 2 * max(view.height(), view.window().height())) // row_px


def _all_rows(store: Store) -> list[ItemRow]:
    """Every report's rows in report order, each report in tree order (what Store.items returns).

    Report by report: Store.items sorts every row in one C-level sort that holds the interpreter lock for
    ~300 ms at 50,000 rows and freezes the window; item_tree per report does not.
    """
    rows: list[ItemRow] = []
    for rep in sorted(store.list_reports(), key=lambda r: r.id):
        rows.extend(store.item_tree(rep.id))
    return rows
