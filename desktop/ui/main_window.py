"""The main window: report list · item tree · detail pane, with tracking, undo, search and import."""

from __future__ import annotations

import importlib.util
import time
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QModelIndex, QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from db.enums import Status
from db.item_row import ItemRow
from desktop.services.tracking import (
    apply_changes,
    current_user,
    diff,
    extension_problem,
    is_done,
    status_change_problem,
    tick_changes,
)
from desktop.ui.commands import EditItemCommand
from desktop.ui.icons import icon
from desktop.ui.jobs import JobRunner
from desktop.ui.models.item_tree import Column, ItemTreeModel
from desktop.ui.models.report_list import ALL_REPORTS, ReportIdRole, ReportListModel
from desktop.ui.models.row_filter import PreparedRows, RowFilter, prepare_rows
from desktop.ui.widgets.detail_hint import placeholder as detail_placeholder
from desktop.ui.widgets.filter_bar import FilterBar

if TYPE_CHECKING:
    # Type set-up in PySide costs 1-2 ms a class: classes the first paint does not need load when used.
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
    from PySide6.QtWidgets import QTableView

    from db.api import ReportSummary
    from desktop.ui.errors import Messages
    from desktop.ui.widgets.detail_pane import DetailPane

# Expanding everything is instant for a normal report; a huge one opens collapsed.
_EXPAND_ALL_LIMIT = 3000
# While searching, matches are shown expanded up to this many (each shown row costs Python calls in
# the tree's layout); beyond it the items stay closed with their counts until the search narrows.
_EXPAND_MATCHES_LIMIT = 1000
# Rows the tree may lay out in one go when expansion is restored (~6 µs each: ~10 ms); the rest is
# expanded item by item in event-loop turns of at most _EXPAND_STEP_SECONDS. An expand in a laid-out tree
# costs 0.15 ms idle but several times that while a job's thread competes for the interpreter lock, so
# the turns are bounded by time, not by a count (bench/ui.py: import right after clearing a search).
_LAYOUT_AT_ONCE_ROWS = 1500
_EXPAND_STEP_SECONDS = 0.008
_EXPAND_WAIT_MS = 30
_COLUMN_WIDTHS = ((Column.STATUS, 80), (Column.PROGRESS, 48), (Column.UNIT, 84), (Column.OWNER, 58),
                  (Column.DUE, 88), (Column.UPDATED, 100))


class MainWindow(QMainWindow):
    """The clerk's checklist window. Every edit is written to the store at once and pushed on the undo stack."""

    reports_loaded = Signal()
    tree_loaded = Signal()
    row_written = Signal(object)  # ItemRow
    import_finished = Signal(object)  # list of (name, ImportResult | Exception)
    export_finished = Signal(object)  # ExportResult
    merge_finished = Signal(object)
    history_shown = Signal(int)  # item id whose history the detail pane now lists  # updated count, None when cancelled, or the error

    def __init__(self, store: object, *, settings: QSettings | None = None, jobs: JobRunner | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.settings = settings if settings is not None else QSettings()
        self.jobs = jobs or JobRunner(self)
        self.undo_stack = QUndoStack(self)
        self.who = current_user()
        self._report_id: int | None = None
        self._tree_generation = 0
        self._expansion_step = 0
        self._expanded: dict[int, set[int]] = {}
        self._first_tree_load: set[int] = set()
        self._undo_view_window: QWidget | None = None
        self._have_reports = False
        self._shown_empty = False
        self._versions: dict[int, int] = {}  # last seen versions of rows edited here, for undo in other views
        self.setWindowTitle(self.tr("半年工作台账"))
        self.setWindowIcon(icon("app"))
        self.setAcceptDrops(True)
        self._build_views()
        self._build_actions()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(400)
        self._refresh_timer.timeout.connect(self.reload_reports)
        self.statusBar().showMessage(self.tr("正在读取数据…"))
        self.restore_settings()
        if store is None:
            self._set_store_actions_enabled(False)

    # ---- construction ------------------------------------------------------------------------------
    def _build_views(self) -> None:
        # Built top-down, each widget created inside its final parent: moving a finished subtree into a
        # styled parent re-resolves the style sheet for every widget in it (~5 ms of the cold start).
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.setCentralWidget(self.splitter)
        self.report_model = ReportListModel(self)
        self.report_view = QTreeView(self.splitter)
        self.report_view.setObjectName("reportList")
        self.report_view.setModel(self.report_model)
        self.report_view.setHeaderHidden(True)
        self.report_view.setRootIsDecorated(False)
        self.report_view.setIndentation(10)
        self.report_view.setExpandsOnDoubleClick(False)
        self.report_view.setToolTip(self.tr("报告按计划年份分组；进度条为任务完成比例（一项任务的措施全部完成才算完成）"))
        self.report_view.selectionModel().currentChanged.connect(self._on_report_changed)
        self.report_model.modelReset.connect(self.report_view.expandAll)

        # One model per view: a report's tree in a QTreeView, every measure of all reports in a QTableView
        # (a tree view lays out each of 50,000 top-level rows through Python calls; a table does not).
        self.tree_model = ItemTreeModel(self)
        self.flat_model = ItemTreeModel(self)
        self._flat = False
        for model in (self.tree_model, self.flat_model):
            model.tick_requested.connect(self._on_tick_requested)
            model.edit_requested.connect(
                lambda item_id, field, value: self.request_changes(item_id, {field: value}, self._edit_text(field)))
        middle = QWidget(self.splitter)
        self.views = QStackedWidget(middle)
        self.tree = QTreeView(self.views)
        self.tree.setObjectName("itemTree")
        self.tree.setModel(self.tree_model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSortingEnabled(False)  # sorting is on demand via the header, done in Python
        self.tree.header().setSectionsClickable(True)
        self.tree.header().setSortIndicatorShown(True)
        self.tree.header().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.tree.header().sortIndicatorChanged.connect(self._on_sort)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(Column.TASK, QHeaderView.ResizeMode.Stretch)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.tree.selectionModel().currentChanged.connect(self._on_item_changed)
        self.tree.expanded.connect(lambda idx: self._expanded.setdefault(self._report_id or 0, set())
                                   .add(idx.internalId()))
        self.tree.collapsed.connect(lambda idx: self._expanded.setdefault(self._report_id or 0, set())
                                    .discard(idx.internalId()))
        for col, width in _COLUMN_WIDTHS:
            self.tree.setColumnWidth(col, width)
        self.views.addWidget(self.tree)
        self._table: QTableView | None = None  # the all-reports view, built when first shown

        self.filter_bar = FilterBar(middle)
        self.filter_bar.filter_changed.connect(self._on_filter)
        self.hint = QLabel(middle)
        self.hint.setObjectName("hintBar")
        self.hint.setWordWrap(True)
        self.hint.hide()
        mid = QVBoxLayout(middle)
        mid.setContentsMargins(6, 6, 6, 0)
        mid.setSpacing(6)
        mid.addWidget(self.hint)
        mid.addWidget(self.filter_bar)
        mid.addWidget(self.views, 1)

        # The pane's editors cost more to build than the rest of the window; it starts as its empty hint.
        self._detail: DetailPane | None = None
        self._detail_slot = QWidget(self.splitter)
        slot = QVBoxLayout(self._detail_slot)
        slot.setContentsMargins(0, 0, 0, 0)
        self._detail_placeholder = detail_placeholder(self._detail_slot)
        slot.addWidget(self._detail_placeholder)

        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([220, 760, 320])
        self.splitter.setChildrenCollapsible(False)
        self.tree.setFocus()
        self.count_label = QLabel(self.statusBar())
        self.statusBar().addPermanentWidget(self.count_label)

    def _action(self, text: str, slot: object, shortcut: QKeySequence | str | None = None,
                icon_name: str = "", tip: str = "") -> QAction:
        act = QAction(icon(icon_name) if icon_name else QIcon(), text, self)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        if tip:
            act.setToolTip(tip + (f"（{act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)}）"
                                  if shortcut else ""))
            act.setStatusTip(tip)
        act.triggered.connect(slot)
        return act

    def _build_actions(self) -> None:
        t = self.tr
        self.act_import = self._action(t("导入报告…"), self.choose_import, QKeySequence("Ctrl+I"), "import",
                                       t("导入一份或多份工作总结（.docx / .txt），先预览再保存"))
        self.act_export = self._action(t("导出台账…"), lambda: self._excel("export_ledger"), QKeySequence("Ctrl+E"),
                                       "export", t("把当前报告（或全部报告）的任务台账导出为 Excel"))
        self.act_merge = self._action(t("合并各单位填报的台账…"), lambda: self._excel("merge_ledger"),
                                      QKeySequence("Ctrl+M"), "merge_back",
                                      t("读取各单位填好后交回的台账，预览后写入进展和状态"))
        self.act_refresh = self._action(t("刷新"), self.refresh, QKeySequence.StandardKey.Refresh, "refresh",
                                        t("重新读取数据库（别人修改后）"))
        self.act_delete_report = self._action(t("删除报告…"), self.delete_current_report, None, "delete",
                                              t("删除选中的报告及其全部任务"))
        self.act_remove_samples = self._action(t("删除示例报告"), self.remove_samples, None, "",
                                               t("删除首次启动时载入的示例报告"))
        self.act_quit = self._action(t("退出"), self.close, QKeySequence.StandardKey.Quit)
        self.act_undo = self.undo_stack.createUndoAction(self, t("撤销"))
        self.act_undo.setShortcut(QKeySequence("Ctrl+Z"))
        self.act_undo.setIcon(icon("undo"))
        self.act_redo = self.undo_stack.createRedoAction(self, t("重做"))
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.act_redo.setIcon(icon("redo"))
        self.act_history = self._action(t("撤销历史…"), self.show_undo_history, QKeySequence("Ctrl+H"), "",
                                        t("查看并跳回本次打开以来的每一步修改"))
        self.act_find = self._action(t("查找"), self.focus_search, QKeySequence("Ctrl+F"), "search",
                                     t("在当前列表里搜索"))
        self.act_clear_filter = self._action(t("清除筛选"), self.filter_bar.clear, QKeySequence("Ctrl+Shift+F"), "",
                                             t("显示全部措施"))
        self.act_toggle = self._action(t("标记完成 / 取消完成"), self.toggle_current, QKeySequence("Space"), "check",
                                       t("勾选或取消勾选选中的措施；选中任务时作用于它的全部措施"))
        self.act_toggle.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.tree.addAction(self.act_toggle)
        self.act_expand = self._action(t("全部展开"), self.tree.expandAll, QKeySequence("Ctrl+Shift+E"))
        self.act_collapse = self._action(t("全部折叠"), self.tree.collapseAll, QKeySequence("Ctrl+Shift+C"))
        self.act_all_reports = self._action(t("全部报告"), lambda: self.select_report(ALL_REPORTS),
                                            QKeySequence("Ctrl+0"), "list", t("列出所有报告的全部措施"))
        self.act_light_deadline = self._action(t("按完成时限亮灯"), lambda: self.set_light_rule("deadline"))
        self.act_light_schedule = self._action(t("按序时进度亮灯"), lambda: self.set_light_rule("schedule"))
        for a in (self.act_light_deadline, self.act_light_schedule):
            a.setCheckable(True)
        self.act_about = self._action(t("关于半年工作台账"), self.show_about, None, "app")

        file_menu = self.menuBar().addMenu(t("文件(&F)"))
        file_menu.addAction(self.act_import)
        file_menu.addAction(self.act_export)
        file_menu.addAction(self.act_merge)
        file_menu.addSeparator()
        file_menu.addAction(self.act_delete_report)
        file_menu.addAction(self.act_remove_samples)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        self.file_menu = file_menu
        edit_menu = self.menuBar().addMenu(t("编辑(&E)"))
        edit_menu.addAction(self.act_undo)
        edit_menu.addAction(self.act_redo)
        edit_menu.addAction(self.act_history)
        edit_menu.addSeparator()
        edit_menu.addAction(self.act_toggle)
        edit_menu.addSeparator()
        edit_menu.addAction(self.act_find)
        edit_menu.addAction(self.act_clear_filter)
        view_menu = self.menuBar().addMenu(t("查看(&V)"))
        view_menu.addAction(self.act_all_reports)
        view_menu.addAction(self.act_refresh)
        view_menu.addSeparator()
        view_menu.addAction(self.act_expand)
        view_menu.addAction(self.act_collapse)
        view_menu.addSeparator()
        view_menu.addAction(self.act_light_deadline)
        view_menu.addAction(self.act_light_schedule)
        help_menu = self.menuBar().addMenu(t("帮助(&H)"))
        help_menu.addAction(self.act_about)

        bar = self.addToolBar(t("工具栏"))
        bar.setObjectName("mainToolBar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.addAction(self.act_import)
        bar.addAction(self.act_export)
        bar.addSeparator()
        bar.addAction(self.act_undo)
        bar.addAction(self.act_redo)
        bar.addSeparator()
        bar.addAction(self.act_toggle)
        bar.addAction(self.act_all_reports)
        bar.addAction(self.act_refresh)
        self.toolbar = bar

    def _excel(self, flow: str) -> None:
        # Imported when first used: the Excel flows are not needed for the window's first paint.
        from desktop.ui import export_actions

        getattr(export_actions, flow)(self)

    @property
    def table(self) -> QTableView:
        """The all-reports view of every measure (built the first time it is needed)."""
        return self._table or self._build_table()

    def _build_table(self) -> QTableView:
        from PySide6.QtWidgets import QTableView

        from desktop.ui.widgets.item_delegates import ItemDelegate

        table = QTableView()
        table.setObjectName("measureTable")
        table.setModel(self.flat_model)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(self.tree.editTriggers())
        table.setItemDelegate(ItemDelegate(table))
        table.horizontalHeader().setSectionsClickable(True)
        table.horizontalHeader().setSortIndicatorShown(True)
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        table.horizontalHeader().sortIndicatorChanged.connect(self._on_sort)
        table.horizontalHeader().setStretchLastSection(False)
        table.horizontalHeader().setSectionResizeMode(Column.TASK, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setHighlightSections(False)
        table.selectionModel().currentChanged.connect(self._on_item_changed)
        for col, width in _COLUMN_WIDTHS:
            table.setColumnWidth(col, width)
        table.addAction(self.act_toggle)
        state = self.settings.value("table/header")
        if isinstance(state, QByteArray):
            table.horizontalHeader().restoreState(state)
            table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.views.addWidget(table)
        self._table = table
        return table

    @property
    def detail(self) -> DetailPane:
        """The detail pane (built the first time it is needed, after the window's first paint)."""
        if self._detail is None:
            from desktop.ui.widgets.detail_pane import DetailPane

            self._detail = DetailPane()
            self._detail.changes_requested.connect(self.request_changes)
            self._detail_slot.layout().replaceWidget(self._detail_placeholder, self._detail)
            self._detail_placeholder.deleteLater()
        return self._detail

    @property
    def item_model(self) -> ItemTreeModel:
        """The model of the view on show (a report's tree, or all measures)."""
        return self.flat_model if self._flat else self.tree_model

    @property
    def view(self) -> QTreeView | QTableView:
        """The view on show."""
        return self.table if self._flat else self.tree

    # ---- loading -----------------------------------------------------------------------------------
    def set_store(self, store: object) -> None:
        """Attach the store once it is open (the window shows before the database is ready), then load."""
        self.store = store
        for warning in getattr(store, "warnings", ()):  # today's backup could not be made (a full disk)
            _messages().warn(self, self.tr("自动备份没有完成"), warning)
        self._set_store_actions_enabled(True)
        self.start()

    def _set_store_actions_enabled(self, enabled: bool) -> None:
        for act in (self.act_import, self.act_refresh, self.act_delete_report, self.act_remove_samples,
                    self.act_all_reports, self.act_toggle, self.act_export, self.act_merge):
            act.setEnabled(enabled)
        self.setAcceptDrops(enabled)

    def start(self) -> None:
        """Load the report list in the background (call once the window is shown)."""
        if self.store is not None:
            self.reload_reports()

    def reload_reports(self) -> None:
        """Re-read the report summaries off the UI thread; selection and expansion are kept."""
        self.jobs.db(self.store.list_reports, on_done=self._on_reports, on_error=self._on_load_error)

    def _on_load_error(self, exc: Exception) -> None:
        self.statusBar().showMessage(self.tr("读取数据失败"), 5000)
        _show_error(self, exc, self.tr("读取数据失败"))

    def _on_reports(self, reports: list[ReportSummary]) -> None:
        wanted = self._report_id
        if wanted is None:
            saved = self.settings.value("view/report")
            wanted = int(saved) if saved is not None and str(saved).lstrip("-").isdigit() else None
        self._have_reports = True  # from now on a current row in the list means a choice
        if reports and self._shown_empty and wanted == ALL_REPORTS:
            # The first reports (the samples, or a first import) arrive while the empty 全部报告 view
            # is showing: open the first report so the window does not look empty.
            wanted = None
        self._shown_empty = not reports
        self._give_report_list_its_painter()
        self.report_model.set_reports(reports)
        self.flat_model.set_report_titles({r.id: r.title or r.source_name for r in reports})
        ids = {r.id for r in reports}
        if wanted is None or (wanted != ALL_REPORTS and wanted not in ids):
            # First start or the report is gone: open the first report in the list.
            shown = self.report_model.reports()
            wanted = shown[0].id if shown else ALL_REPORTS
        current = self.report_view.currentIndex()
        if not current.isValid() or current.data(ReportIdRole) != wanted:
            self.report_view.setCurrentIndex(self.report_model.index_of_report(wanted))
        if not reports:
            self.statusBar().showMessage(self._no_reports_text())
        elif self.statusBar().currentMessage() in (self.tr("正在读取数据…"), self._no_reports_text()):
            self.statusBar().clearMessage()
        self.reports_loaded.emit()

    def _give_report_list_its_painter(self) -> None:
        # Set with the first reports, not before the first paint (the list is empty until then): the
        # painter's classes, QStyle's among them, take ~8 ms to load.
        from desktop.ui.widgets.report_delegate import ReportDelegate

        if not isinstance(self.report_view.itemDelegate(), ReportDelegate):
            self.report_view.setItemDelegate(ReportDelegate(self.report_view))

    def _no_reports_text(self) -> str:
        return self.tr("还没有报告。按 Ctrl+I 或把文件拖到窗口里导入。")

    def select_report(self, report_id: int) -> None:
        """Show one report's tree (or ALL_REPORTS for every measure)."""
        idx = self.report_model.index_of_report(report_id)
        if idx.isValid():
            self.report_view.setCurrentIndex(idx)

    def _on_report_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        rid = current.data(ReportIdRole) if current.isValid() else None
        if not self._have_reports or rid is None or rid == self._report_id:
            return
        self._report_id = rid
        self.settings.setValue("view/report", rid)
        self.act_delete_report.setEnabled(rid != ALL_REPORTS)
        self.load_tree()

    def load_tree(self) -> None:
        """Read the current report's rows off the UI thread, then show them keeping selection and expansion."""
        rid = self._report_id
        if rid is None:
            return
        self._tree_generation += 1
        gen = self._tree_generation
        if rid == ALL_REPORTS:
            # Report by report: Store.items sorts every row in one C-level sort that holds the interpreter
            # lock for ~300 ms at 50,000 rows and freezes the window; item_tree per report does not.
            fn, args = _all_rows, (self.store,)
        else:
            fn, args = self.store.item_tree, (rid,)
        # Search texts are built in the job too: the UI thread only swaps in the finished lists.
        self.jobs.db(lambda: prepare_rows(fn(*args)), on_done=lambda rows: self._on_tree(gen, rid, rows),
                     on_error=self._on_load_error)

    def _on_tree(self, generation: int, report_id: int, prepared: PreparedRows) -> None:
        if generation != self._tree_generation:
            return  # the clerk already picked another report
        flat = report_id == ALL_REPORTS
        current_id, current_col = None, 0
        if flat == self._flat:
            current = self.view.currentIndex()
            if current.isValid():
                current_id, current_col = current.internalId(), current.column()
        self._flat = flat
        if not flat:
            self._give_tree_its_editors()
        view, model = self.view, self.item_model
        view.setUpdatesEnabled(False)
        try:
            model.set_rows(prepared, flat=flat, flt=self.filter_bar.current_filter())
            self.filter_bar.set_units(prepared.units)
            self._restore_expansion(report_id, prepared.rows, keep=current_id)
        finally:
            view.setUpdatesEnabled(True)
        self.views.setCurrentWidget(view)
        if current_id is not None and model.index_of(current_id).isValid():
            view.setCurrentIndex(model.index_of(current_id, current_col))
        else:
            self.detail.show_row(None)
        self._update_counts()
        self.tree_loaded.emit()

    def _give_tree_its_editors(self) -> None:
        # Set with the first rows, not before the first paint: the editors' classes take ~2 ms to load.
        from desktop.ui.widgets.item_delegates import ItemDelegate

        if not isinstance(self.tree.itemDelegate(), ItemDelegate):
            self.tree.setItemDelegate(ItemDelegate(self.tree))

    def _restore_expansion(self, report_id: int, rows: list[ItemRow], keep: int | None = None) -> None:
        """Expand what the clerk had expanded in this report (everything on a first, small load).

        Expanding before the view lays out is cheap, but the layout then asks the model about every shown
        row (~6 µs each in Python), so a huge restore is split: the top of the tree and the item holding
        `keep` now, the rest a few items per event-loop turn.
        """
        self._expansion_step += 1  # a restore still under way stops: the rows changed under it
        if self.item_model.is_flat:
            return
        if report_id not in self._first_tree_load:
            self._first_tree_load.add(report_id)
            if len(rows) <= _EXPAND_ALL_LIMIT:
                self._expanded[report_id] = {r.id for r in rows if not r.is_measure}
        model = self.tree_model
        wanted = self._expanded.get(report_id, set())
        expandable = model.parent_ids()
        parents = [k for k in expandable if k in wanted]
        budget = _LAYOUT_AT_ONCE_ROWS - model.rowCount()
        if sum(model.child_count(p) for p in parents) <= budget:
            if parents and len(parents) == len(expandable):
                self.tree.expandAll()  # one call instead of thousands of setExpanded
                return
            self._expand(parents)
            return
        first = [p for p in parents if p == model.top_level_id(keep)] if keep is not None else []
        budget -= sum(model.child_count(p) for p in first)
        later = []
        for p in parents:
            if p in first:
                continue
            budget -= model.child_count(p)
            (first if budget >= 0 else later).append(p)
        self._expand(first)
        if later:
            QTimer.singleShot(0, partial(self._expand_later, self._expansion_step, later))

    def _expand(self, item_ids: Sequence[int]) -> None:
        for item_id in item_ids:
            idx = self.tree_model.index_of(item_id)
            if idx.isValid():
                self.tree.setExpanded(idx, True)

    def _expand_later(self, step: int, item_ids: list[int]) -> None:
        if step != self._expansion_step or self.item_model.is_flat:
            return
        if self.jobs.busy:  # a job's thread competing for the interpreter lock makes each turn several times slower
            QTimer.singleShot(_EXPAND_WAIT_MS, partial(self._expand_later, step, item_ids))
            return
        deadline = time.perf_counter() + _EXPAND_STEP_SECONDS
        done = 0
        # Lay out what is expanded so far now: an expand while a layout is pending only records the
        # index, and the next paint would then lay out every expanded row at once (~60 ms at 8,000).
        self.tree.executeDelayedItemsLayout()
        top = self.tree.indexAt(QPoint(0, 0))  # items opening above it must not push the clerk's rows away
        self.tree.setUpdatesEnabled(False)
        try:
            while done < len(item_ids):  # at least one item a turn, however slow
                self._expand(item_ids[done:done + 1])
                done += 1
                if time.perf_counter() >= deadline:
                    break
            if top.isValid():
                self.tree.scrollTo(top, QAbstractItemView.ScrollHint.PositionAtTop)
        finally:
            self.tree.setUpdatesEnabled(True)
        if done < len(item_ids):
            QTimer.singleShot(0, partial(self._expand_later, step, item_ids[done:]))

    def refresh(self) -> None:
        """Re-read everything (after another clerk's changes)."""
        self.reload_reports()
        self.load_tree()

    def _update_counts(self) -> None:
        total = self.item_model.measure_count()
        shown = self.item_model.visible_count()
        text = self.tr("共 %1 条措施").replace("%1", str(total)) if shown == total else \
            self.tr("显示 %1 / 共 %2 条措施").replace("%1", str(shown)).replace("%2", str(total))
        self.count_label.setText(text)

    # ---- filtering and sorting ---------------------------------------------------------------------
    def _on_filter(self, flt: RowFilter) -> None:
        view, model = self.view, self.item_model
        current = view.currentIndex()
        current_id = current.internalId() if current.isValid() else None
        view.setUpdatesEnabled(False)
        try:
            model.set_filter(flt)
            if not self._flat:
                if flt.is_empty:
                    self._restore_expansion(self._report_id or 0, [], keep=current_id)
                else:
                    self._expansion_step += 1  # a restore still under way would expand the matches' items
                    if model.visible_count() <= _EXPAND_MATCHES_LIMIT:
                        self.tree.expandAll()  # matches are measures: show them
        finally:
            view.setUpdatesEnabled(True)
        if current_id is not None:
            idx = model.index_of(current_id)
            if idx.isValid():
                view.setCurrentIndex(idx)
        self._update_counts()

    def _on_sort(self, column: int, order: Qt.SortOrder) -> None:
        if column >= 0:
            self.item_model.sort(column, order)

    def focus_search(self) -> None:
        """Ctrl+F: jump to the search box with its text selected."""
        self.filter_bar.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_bar.search.selectAll()

    # ---- selection and the detail pane -------------------------------------------------------------
    def _on_item_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.item_model.row_for(current.internalId()) if current.isValid() else None
        self._show_detail(row)

    def _show_detail(self, row: ItemRow | None) -> None:
        if row is None:
            self.detail.show_row(None)
            return
        path = ""
        rep = next((r for r in self.report_model.reports() if r.id == row.report_id), None)
        if rep is not None:
            path = rep.title or rep.source_name
        if row.parent_id is not None:
            parent = self.item_model.row_for(row.parent_id)
            if parent is not None:
                path += " › " + parent.label + parent.title
        same = self.detail.row is not None and self.detail.row.id == row.id
        # The history is read on the database thread (a server may be slow); a new row's list starts empty.
        self.detail.show_row(row, path=path, history=None if same else [])
        self.jobs.db(self.store.history, row.id, on_done=lambda history: self._on_history(row.id, history),
                     on_error=lambda exc: self.statusBar().showMessage(
                         self.tr("读取修改记录失败：%1").replace("%1", str(exc)), 5000))

    def _on_history(self, item_id: int, history: list) -> None:
        if self._detail is not None and self._detail.row is not None and self._detail.row.id == item_id:
            self._detail.history_model.set_history(history)
            self.history_shown.emit(item_id)

    def current_row(self) -> ItemRow | None:
        """The row under the view's cursor."""
        idx = self.view.currentIndex()
        return self.item_model.row_for(idx.internalId()) if idx.isValid() else None

    def select_item(self, item_id: int) -> bool:
        """Put the tree's cursor on a row (expanding its item); False when it is filtered out."""
        idx = self.item_model.index_of(item_id)
        if not idx.isValid():
            return False
        if not self._flat and idx.parent().isValid():
            self.tree.setExpanded(idx.parent(), True)
        self.view.setCurrentIndex(idx)
        return True

    # ---- editing: store first, then the undo stack --------------------------------------------------
    @staticmethod
    def _edit_text(field: str) -> str:
        from desktop.ui.models.history import field_label

        return QCoreApplication.translate("MainWindow", "修改%1").replace("%1", field_label(field))

    def known_version(self, item_id: int) -> int:
        """The version of the row as this window last saw it (the optimistic lock for our next write)."""
        row = self.tree_model.row_for(item_id) or self.flat_model.row_for(item_id)
        if row is not None:
            return row.version
        if item_id in self._versions:
            return self._versions[item_id]
        return self.store.get_item(item_id).version

    def seen_version(self, item_id: int) -> int | None:
        """The version of a row as this window last saw it, without asking the store (None: not seen)."""
        row = self.tree_model.row_for(item_id) or self.flat_model.row_for(item_id)
        if row is not None:
            return max(row.version, self._versions.get(item_id, row.version))
        return self._versions.get(item_id)

    def rows_written(self, rows: list[ItemRow]) -> None:
        """Remember the versions of rows a background job wrote (a merge undone); the refresh shows them."""
        for row in rows:
            self._versions[row.id] = row.version

    def write_changes(self, item_id: int, changes: dict[str, object],
                      expected_version: int | None = None) -> ItemRow | None:
        """Write to the store (a one-row write takes about a millisecond); on refusal explain and refresh."""
        from db.api import ConflictError  # loaded with the store; the first paint does without db.api

        if expected_version is None:
            expected_version = self.known_version(item_id)
        try:
            change = apply_changes(self.store, item_id, changes, expected_version=expected_version, who=self.who)
        except ConflictError as exc:
            self._on_conflict(item_id, exc)
            return None
        except Exception as exc:  # noqa: BLE001 — any store refusal is shown, the view stays consistent
            _show_error(self, exc, self.tr("没有保存"))
            self.refresh()
            return None
        self._after_write(change.after)
        return change.after

    def _on_conflict(self, item_id: int, exc: Exception) -> None:
        _messages().warn(self, self.tr("别人刚修改过这一条"),
                      self.tr("这条任务刚被其他人修改过，您的这次修改没有保存。\n"
                              "已为您刷新为最新内容，请核对后再改。"), str(exc))
        try:
            fresh = self.store.get_item(item_id)
        except Exception:  # noqa: BLE001 — deleted meanwhile: the full refresh below shows that
            fresh = None
        if fresh is not None:
            self._after_write(fresh)
        self.refresh()

    def _after_write(self, row: ItemRow) -> None:
        self._versions[row.id] = row.version
        rows = [row]
        if row.parent_id is not None:
            try:
                rows.append(self.store.get_item(row.parent_id))  # the item's roll-up changed too
            except Exception:  # noqa: BLE001 — the next refresh shows it
                pass
        self.tree_model.update_rows(rows)
        self.flat_model.update_rows(rows)
        if self.detail.row is not None and self.detail.row.id in {r.id for r in rows}:
            self._show_detail(next(r for r in rows if r.id == self.detail.row.id))
        self.row_written.emit(row)
        self._refresh_timer.start()  # report progress bars follow shortly, off the UI thread

    def request_changes(self, item_id: int, changes: dict, text: str) -> bool:
        """Write a clerk's edit of one row and make it undoable; False when nothing was saved."""
        before = self.item_model.row_for(item_id) or self.store.get_item(item_id)
        problem = _status_problem(before, changes)  # as asked: a second extension keeps the status
        changes = diff(before, changes)
        if not changes:
            return False
        if problem:
            _messages().warn(self, self.tr("没有保存"), problem)
            if self._detail is not None and self._detail.row is not None and self._detail.row.id == item_id:
                self._show_detail(before)  # the pane's editors go back to what is stored
            return False
        after = self.write_changes(item_id, changes, before.version)
        if after is None:
            return False
        self.undo_stack.push(EditItemCommand(self, before, after, tuple(changes), text,
                                             mergeable=set(changes) == {"note"}))
        return True

    def _on_tick_requested(self, item_id: int, checked: bool) -> None:
        self.tick(item_id, checked)

    def toggle_current(self) -> None:
        """Space: tick the selected measure, or all measures of the selected item."""
        row = self.current_row()
        if row is None:
            return
        if row.is_measure:
            self.tick(row.id, not is_done(row))
        else:
            live = self._live_measures(row.id)
            self.tick(row.id, not all(is_done(c) for c in live))

    def _live_measures(self, item_id: int) -> list[ItemRow]:
        """An item's measures that are not cancelled: ticking an item never revives a dropped one."""
        rows = (self.item_model.row_for(i) for i in self.item_model.children_ids(item_id))
        return [c for c in rows if c is not None and c.is_measure and c.status is not Status.CANCELLED]

    def tick(self, item_id: int, done: bool) -> None:
        """Mark a measure (or every measure of an item) done or not done, as one undo step."""
        row = self.item_model.row_for(item_id) or self.store.get_item(item_id)
        if row.is_measure:
            changes = tick_changes(row, done)
            if changes:
                self.request_changes(item_id, changes, self.tr("标记完成") if done else self.tr("取消完成"))
            return
        todo = [(c, ch) for c in self._live_measures(item_id) if (ch := tick_changes(c, done))]
        if not todo:
            return
        self.undo_stack.beginMacro(self.tr("全部标记完成") if done else self.tr("全部取消完成"))
        try:
            for child, changes in todo:
                if not self.request_changes(child.id, changes, ""):
                    break
        finally:
            self.undo_stack.endMacro()

    def show_undo_history(self) -> None:
        """Edit ▸ 撤销历史: every step since the window opened; clicking one goes back to it."""
        from PySide6.QtWidgets import QUndoView

        if self._undo_view_window is None:
            view = QUndoView(self.undo_stack)
            view.setEmptyLabel(self.tr("（打开时的状态）"))
            view.setWindowTitle(self.tr("撤销历史"))
            view.setWindowFlag(Qt.WindowType.Tool, True)
            view.setParent(self, view.windowFlags())
            view.resize(320, 420)
            self._undo_view_window = view
        self._undo_view_window.show()
        self._undo_view_window.raise_()

    # ---- reports -----------------------------------------------------------------------------------
    def delete_current_report(self) -> None:
        """Delete the selected report after asking (undo is not offered: a backup exists)."""
        rid = self._report_id
        if rid is None or rid == ALL_REPORTS:
            return
        rep = next((r for r in self.report_model.reports() if r.id == rid), None)
        name = rep.title if rep else str(rid)
        if not _messages().confirm(self, self.tr("删除报告"),
                                self.tr("确定删除“%1”及其全部任务和进展记录吗？此操作不能撤销。").replace("%1", name)):
            return
        self._report_id = None
        self.undo_stack.clear()  # commands may refer to the deleted rows
        self.jobs.db(self.store.delete_report, rid, on_done=lambda _r: self.reload_reports(),
                     on_error=lambda e: _show_error(self, e))

    def remove_samples(self) -> None:
        """Delete the sample reports loaded at first start."""
        self.undo_stack.clear()
        self._report_id = None
        self.jobs.db(self.store.remove_samples, on_done=lambda _n: self._after_samples_removed(),
                     on_error=lambda e: _show_error(self, e))

    def _after_samples_removed(self) -> None:
        self.hint.hide()
        self.reload_reports()

    def set_light_rule(self, rule: str) -> None:
        """Colour the marks by deadline or by schedule (序时进度); remembered."""
        self.settings.setValue("view/light_rule", rule)
        self.act_light_deadline.setChecked(rule == "deadline")
        self.act_light_schedule.setChecked(rule == "schedule")
        self.tree_model.set_light_rule(rule)
        self.flat_model.set_light_rule(rule)

    def offer_samples(self, seeds_dir: Path) -> None:
        """First start on a new database: load the sample reports once and say how to import one's own."""
        key = _samples_key(str(getattr(self.store, "url", "")))
        if self.settings.value(key) or importlib.util.find_spec("db.samples") is None:
            return

        def after_first_load() -> None:
            self.reports_loaded.disconnect(after_first_load)
            self.settings.setValue(key, 1)
            if self.report_model.reports():
                return  # not a new database
            from db.samples import import_samples

            self.jobs.db(import_samples, self.store, seeds_dir, on_done=lambda _n: self._samples_loaded(),
                         on_error=lambda e: _show_error(self, e, self.tr("载入示例失败")))

        self.reports_loaded.connect(after_first_load)

    def _samples_loaded(self) -> None:
        self.show_hint(self.tr("这些是示例报告，可随意勾选试用。导入自己的报告：按 Ctrl+I 或把文件拖进窗口；"
                               "示例可在“文件 ▸ 删除示例报告”中删除。"))
        self.reload_reports()

    def show_hint(self, text: str) -> None:
        """A one-line hint above the tree (first start)."""
        self.hint.setText(text)
        self.hint.show()

    # ---- import ------------------------------------------------------------------------------------
    def choose_import(self) -> None:
        """Ctrl+I: pick report files, then preview and import them."""
        from desktop.ui.import_flow import ImportFlow

        self._warm_up_parser()  # the parser process starts while the file dialog is open
        ImportFlow.for_window(self).choose()

    def import_files(self, paths: Sequence[str | Path]) -> None:
        """Parse files in the background, preview them, and save what the clerk confirms."""
        from desktop.ui.import_flow import ImportFlow

        ImportFlow.for_window(self).start([str(p) for p in paths])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept report files dragged from the file manager."""
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
            self._warm_up_parser()  # the parser process starts before the files are dropped

    def _warm_up_parser(self) -> None:
        self.jobs.work(_start_parser_process)

    def dropEvent(self, event: QDropEvent) -> None:
        """Dropped files are imported (with preview) like Ctrl+I."""
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)

    # ---- about -------------------------------------------------------------------------------------
    def show_about(self) -> None:
        """Help ▸ 关于: version and where the data lives."""
        from desktop.ui.dialogs.about import AboutDialog

        AboutDialog.show_for(self, self.store)

    # ---- settings ----------------------------------------------------------------------------------
    def restore_settings(self) -> None:
        """Size, splitters, column widths and view choices from the last session."""
        s = self.settings
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 780)
        state = s.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        splitter = s.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        header = s.value("tree/header")
        if isinstance(header, QByteArray):
            self.tree.header().restoreState(header)
            self.tree.header().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.set_light_rule(str(s.value("view/light_rule", "deadline")))

    def save_settings(self) -> None:
        """Remember the window for next time."""
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/splitter", self.splitter.saveState())
        s.setValue("tree/header", self.tree.header().saveState())
        if self._table is not None:  # never shown: what was saved before still holds
            s.setValue("table/header", self._table.horizontalHeader().saveState())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the note being typed and the window layout, wait for writes, then close."""
        if self._detail is not None:
            self._detail.commit_note()
        self.save_settings()
        self.jobs.wait(10000)
        super().closeEvent(event)


def _show_error(parent: QWidget, exc: BaseException, title: str | None = None) -> None:
    from desktop.ui.errors import show_error  # message boxes load when the first one is shown

    show_error(parent, exc, title)


def _messages() -> type[Messages]:
    from desktop.ui.errors import Messages

    return Messages


def _start_parser_process() -> None:
    from desktop.services.parser_pool import warm_up

    warm_up()


def _status_problem(row: ItemRow, changes: dict) -> str | None:
    """Why a clerk's status edit is refused (已办结 before 已完成, 已延期 without a new date and reason)."""
    if "status" not in changes:
        return None
    status = Status(changes["status"])
    if status is Status.EXTENDED and "delay_reason" in changes:
        return extension_problem(row, changes.get("due", row.due), str(changes["delay_reason"]))
    problem = status_change_problem(row, status)
    if problem and status is Status.EXTENDED:
        problem += QCoreApplication.translate("MainWindow", "请在详情栏下方填写“延期至”的日期和延期原因，再点“登记延期”。")
    return problem


def _all_rows(store: object) -> list[ItemRow]:
    """Every report's rows in report order, each report in tree order (what Store.items returns)."""
    rows: list[ItemRow] = []
    for rep in sorted(store.list_reports(), key=lambda r: r.id):  # type: ignore[attr-defined]
        rows.extend(store.item_tree(rep.id))  # type: ignore[attr-defined]
    return rows


def _samples_key(url: str) -> str:
    import hashlib

    return "samples/" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:12]
