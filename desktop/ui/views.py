"""The window's three panes: the report list, a report's tree or every measure in a table, and the detail pane.

Built top-down, each widget created inside its final parent: moving a finished subtree into a styled parent
re-resolves the style sheet for every widget in it (~5 ms of the cold start). What the first paint does not
need (the all-reports table, the detail pane's editors, the painters) is built when first shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QObject, QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QSplitter, QStackedWidget, QTreeView, QVBoxLayout, QWidget

from desktop.ui.models.item_tree import Column, ItemTreeModel
from desktop.ui.models.report_list import ReportListModel
from desktop.ui.widgets.detail_hint import placeholder as detail_placeholder
from desktop.ui.widgets.filter_bar import FilterBar

if TYPE_CHECKING:
    # Type set-up in PySide costs 1-2 ms a class: classes the first paint does not need load when used.
    from PySide6.QtWidgets import QMainWindow, QTableView

    from db.item_row import ItemRow
    from desktop.ui.widgets.detail_pane import DetailPane

COLUMN_WIDTHS = ((Column.STATUS, 80), (Column.PROGRESS, 48), (Column.UNIT, 84), (Column.OWNER, 58),
                 (Column.DUE, 88), (Column.UPDATED, 88), (Column.REPORT, 124))


class WindowViews(QObject):
    """The widgets and models of the panes, and which view is on show; no database work here."""

    def __init__(self, window: QMainWindow, settings: QSettings) -> None:
        super().__init__(window)
        self._window, self._settings = window, settings
        self.splitter = QSplitter(Qt.Orientation.Horizontal, window)
        self.splitter.setObjectName("mainSplitter")
        window.setCentralWidget(self.splitter)
        self.report_model = ReportListModel(window)
        self.report_view = QTreeView(self.splitter)
        self.report_view.setObjectName("reportList")
        self.report_view.setModel(self.report_model)
        self.report_view.setHeaderHidden(True)
        self.report_view.setRootIsDecorated(False)
        self.report_view.setIndentation(10)
        self.report_view.setExpandsOnDoubleClick(False)
        self.report_view.setToolTip(window.tr("报告按计划年份分组；进度条为任务完成比例（一项任务的措施全部完成才算完成）"))
        self.report_model.modelReset.connect(self.report_view.expandAll)

        # One model per view: a report's tree in a QTreeView, every measure of all reports in a QTableView
        # (a tree view lays out each of 50,000 top-level rows through Python calls; a table does not).
        self.tree_model = ItemTreeModel(window)
        self.flat_model = ItemTreeModel(window)
        self.flat = False
        middle = QWidget(self.splitter)
        self.stack = QStackedWidget(middle)
        self.tree = QTreeView(self.stack)
        self.tree.setObjectName("itemTree")
        self.tree.setModel(self.tree_model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSortingEnabled(False)  # sorting is on demand via the header, done in Python
        header = self.tree.header()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.TASK, QHeaderView.ResizeMode.Stretch)
        # Several rows can be selected (to merge them); ticks, edits and the detail pane follow the cursor.
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        for col, width in COLUMN_WIDTHS:
            self.tree.setColumnWidth(col, width)
        self.tree.setColumnHidden(Column.REPORT, True)  # one report's tree: every row is of that report
        self.stack.addWidget(self.tree)
        self._table: QTableView | None = None  # the all-reports view, built when first shown
        self.table_built_callbacks: list[Callable[[QTableView], object]] = []  # wiring for the table once built

        self.filter_bar = FilterBar(middle)
        self.hint = QLabel(middle)
        self.hint.setObjectName("hintBar")
        self.hint.setWordWrap(True)
        self.hint.hide()
        mid = QVBoxLayout(middle)
        mid.setContentsMargins(6, 6, 6, 0)
        mid.setSpacing(6)
        mid.addWidget(self.hint)
        mid.addWidget(self.filter_bar)
        mid.addWidget(self.stack, 1)

        # The pane's editors cost more to build than the rest of the window; it starts as its empty hint.
        self._detail: DetailPane | None = None
        self._detail_unplaced: DetailPane | None = None
        self._detail_slot = QWidget(self.splitter)
        slot = QVBoxLayout(self._detail_slot)
        slot.setContentsMargins(0, 0, 0, 0)
        self._detail_placeholder = detail_placeholder(self._detail_slot)
        slot.addWidget(self._detail_placeholder)
        self.detail_built_callbacks: list[Callable[[DetailPane], object]] = []  # … and for the detail pane

        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([220, 760, 320])
        self.splitter.setChildrenCollapsible(False)
        self.tree.setFocus()
        self.count_label = QLabel(window.statusBar())
        window.statusBar().addPermanentWidget(self.count_label)

    # ---- the view on show ----------------------------------------------------------------------------
    @property
    def item_model(self) -> ItemTreeModel:
        """The model of the view on show (a report's tree, or all measures)."""
        return self.flat_model if self.flat else self.tree_model

    @property
    def view(self) -> QTreeView | QTableView:
        """The view on show."""
        return self.table if self.flat else self.tree

    def expand_all(self) -> None:
        """全部展开: every item of the tree, the top-level rows still held back after a search too."""
        self.tree_model.show_held_back()
        self.tree.expandAll()

    def row_for(self, item_id: int) -> ItemRow | None:
        """A loaded row, from the view on show or the other one."""
        return self.item_model.row_for(item_id) or (self.tree_model if self.flat else self.flat_model).row_for(item_id)

    def current_row(self) -> ItemRow | None:
        """The row under the view's cursor."""
        idx = self.view.currentIndex()
        return self.item_model.row_for(idx.internalId()) if idx.isValid() else None

    def selected_rows(self) -> list[ItemRow]:
        """The rows selected in the view on show, in view order (the cursor's row when none are)."""
        model = self.item_model
        sel = self.view.selectionModel()
        rows = [model.row_for(i.internalId()) for i in sel.selectedRows(0)] if sel is not None else []
        found = [r for r in rows if r is not None]
        current = self.current_row()
        return found or ([current] if current is not None else [])

    def select_item(self, item_id: int) -> bool:
        """Put the cursor on a row (expanding its item); False when it is filtered out."""
        idx = self.item_model.index_of(item_id)
        if not idx.isValid():
            return False
        if not self.flat and idx.parent().isValid():
            self.tree.setExpanded(idx.parent(), True)
        self.view.setCurrentIndex(idx)
        return True

    def update_counts(self) -> None:
        """The measure count in the status bar."""
        total = self.item_model.measure_count()
        shown = self.item_model.visible_count()
        t = self._window.tr
        text = t("共 %1 条措施").replace("%1", str(total)) if shown == total else \
            t("显示 %1 / 共 %2 条措施").replace("%1", str(shown)).replace("%2", str(total))
        self.count_label.setText(text)

    # ---- built when first needed ----------------------------------------------------------------------
    @property
    def table(self) -> QTableView:
        """The all-reports view of every measure (built the first time it is needed)."""
        return self._table or self._build_table()

    @property
    def table_built(self) -> bool:
        """Whether the all-reports table exists yet."""
        return self._table is not None

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
        table.verticalHeader().setDefaultSectionSize(self._window.fontMetrics().height() + 10)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(self.tree.editTriggers())
        table.setItemDelegate(ItemDelegate(table))
        header = table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.TASK, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        for col, width in COLUMN_WIDTHS:
            table.setColumnWidth(col, width)
        header.moveSection(header.visualIndex(Column.REPORT), 1)  # which report a row is of, beside its title
        table.setColumnHidden(Column.PROGRESS, True)  # every row is a measure: 0 % or 100 %, as its status says
        state = self._settings.value("table/header")
        if isinstance(state, QByteArray) and header.restoreState(state) and header.count() == len(Column):
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.stack.addWidget(table)
        self._table = table
        for cb in self.table_built_callbacks:
            cb(table)
        return table

    @property
    def detail(self) -> DetailPane:
        """The detail pane (built the first time it is needed, after the window's first paint)."""
        if self._detail is None:
            self.prepare_detail()
            assert self._detail_unplaced is not None
            self._detail, self._detail_unplaced = self._detail_unplaced, None
            layout = self._detail_slot.layout()
            assert layout is not None
            layout.replaceWidget(self._detail_placeholder, self._detail)
            self._detail_placeholder.deleteLater()
            for cb in self.detail_built_callbacks:
                cb(self._detail)
        return self._detail

    def prepare_detail(self) -> None:
        """Build the pane's widgets but leave them out of the window: its placing, layout and first paint then
        come in a later event-loop pass (each half ~20–40 ms here after the first load)."""
        if self._detail is None and self._detail_unplaced is None:
            from desktop.ui.widgets.detail_pane import DetailPane

            self._detail_unplaced = DetailPane()

    @property
    def detail_built(self) -> DetailPane | None:
        """The detail pane if it exists yet."""
        return self._detail

    def give_tree_its_editors(self) -> None:
        """Set with the first rows, not before the first paint: the editors' classes take ~2 ms to load."""
        from desktop.ui.widgets.item_delegates import ItemDelegate

        if not isinstance(self.tree.itemDelegate(), ItemDelegate):
            self.tree.setItemDelegate(ItemDelegate(self.tree))

    def give_report_list_its_painter(self) -> None:
        """Set with the first reports, not before the first paint (the list is empty until then): the
        painter's classes, QStyle's among them, take ~8 ms to load."""
        from desktop.ui.widgets.report_delegate import ReportDelegate

        if not isinstance(self.report_view.itemDelegate(), ReportDelegate):
            self.report_view.setItemDelegate(ReportDelegate(self.report_view))
