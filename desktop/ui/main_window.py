"""The main window: the wiring of its rooms (report list · item tree · detail pane, editing, undo, the flows).

Each room lives in a file named for what it holds:
  views.py        the panes' widgets and models          browsing.py     reports, loading, search and sort
  tree_expansion  which items are open                   detail.py       the detail pane and its history
  editing.py      ticks and edits, shown at once         undo.py         undo/redo as ops, the history list
  structure.py    add/delete/move/merge/split rows       report_actions  deleting reports, the samples
  actions.py      actions, menus, toolbar                window_state    size and layout between sessions
  import_flow.py, export_actions.py: the flows, through the narrow FlowHost interface (flow_host.py)
  ops.py          every store call, on the database lane
A new room (a settings dialog, a 对账 view) gets its own file and a few lines here.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

# Only what the frame's first paint needs is imported here. The rooms' modules (and `Qt`, whose first use
# builds the namespace's 93 enum types, ~13 ms) load in build_rooms(), after that paint (bench/ui_startup.py).
from PySide6.QtCore import QCoreApplication, QSettings, Signal
from PySide6.QtWidgets import QMainWindow, QWidget

from desktop.core.gc_pause import cyclic_gc_paused
from desktop.ui.first_paint import AfterFirstPaint
from desktop.ui.icons import icon
from desktop.ui.models import ALL_REPORTS
from desktop.ui.window_state import restore_size, save_window

if TYPE_CHECKING:
    # Type set-up in PySide costs 1-2 ms a class: classes the first paint does not need load when used.
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QUndoStack
    from PySide6.QtWidgets import QLabel, QListView, QSplitter, QTableView, QTreeView

    from db.api import ImportResult, ReportSummary
    from db.item_row import ItemRow
    from db.store import Store
    from desktop.services.export import ExportResult
    from desktop.ui.actions import WindowActions
    from desktop.ui.browsing import Browser
    from desktop.ui.carry_actions import CarryActions
    from desktop.ui.commands import StepCommand
    from desktop.ui.detail import DetailSide
    from desktop.ui.editing import Editing
    from desktop.ui.jobs import JobRunner
    from desktop.ui.models.item_tree import ItemTreeModel
    from desktop.ui.models.report_list import ReportListModel
    from desktop.ui.ops import OpHost
    from desktop.ui.reminders_bar import Reminding
    from desktop.ui.report_actions import ReportActions
    from desktop.ui.review_view import ReviewRoom
    from desktop.ui.settings_room import SettingsRoom
    from desktop.ui.structure import Structure
    from desktop.ui.undo import UndoRunner
    from desktop.ui.views import WindowViews
    from desktop.ui.widgets.detail_pane import DetailPane
    from desktop.ui.widgets.filter_bar import FilterBar




class MainWindow(QMainWindow):
    """The clerk's checklist window. Every edit is shown at once, written in the background, and undoable."""

    rooms_built = Signal()  # build_rooms() has run: the panes, menus and rooms are there
    reports_loaded = Signal()
    tree_loaded = Signal()
    import_finished = Signal(object)  # list of (name, ImportResult | Exception)
    export_finished = Signal(object)  # ExportResult
    merge_finished = Signal(object)  # rows written, None when cancelled, or the error
    history_shown = Signal(int)  # item id whose history the detail pane now lists
    changes_settled = Signal(object)  # list[ItemChange]: the store's answer to an edit, an undo or a redo

    def __init__(self, store: Store | None, *, settings: QSettings | None = None, jobs: JobRunner | None = None,
                 parent: QWidget | None = None, rooms_later: bool = False) -> None:
        """The whole window; with `rooms_later`, only its frame (title, icon, size) until it has first painted.

        The app's start uses the second form: the frame paints as soon as a bare Qt window would, and the panes,
        menus and toolbar follow in the event loop's next turn (imported and built in ~50 ms, then
        `rooms_built`), still long before the first report's rows arrive from the database thread.
        """
        super().__init__(parent)
        self._settings = settings if settings is not None else QSettings()
        self._store_at_start, self._jobs_at_start = store, jobs
        self._rooms_built = False
        self.setWindowTitle(self.tr("半年工作台账"))
        self.setWindowIcon(icon("app"))
        self.setCentralWidget(QWidget(self))  # the style sheet's window colour, until the panes replace it
        self.setAcceptDrops(False)  # a QMainWindow takes drops by default; files are taken once there is a store
        restore_size(self, self._settings)
        if rooms_later:
            self.installEventFilter(AfterFirstPaint(self._build_rooms_now, self))
        else:
            self.build_rooms()

    def _build_rooms_now(self) -> None:
        with cyclic_gc_paused(freeze=True):  # as for the frame (app.run): thousands of objects that live as long as it
            self.build_rooms()

    def build_rooms(self) -> None:
        """The panes, menus, toolbar and every room behind them (once; the constructor calls it unless told not to)."""
        if self._rooms_built:
            return
        from PySide6.QtGui import QUndoStack

        from desktop.ui.actions import WindowActions
        from desktop.ui.browsing import Browser
        from desktop.ui.detail import DetailSide
        from desktop.ui.editing import Editing
        from desktop.ui.jobs import JobRunner
        from desktop.ui.ops import OpHost
        from desktop.ui.report_actions import ReportActions
        from desktop.ui.settings_room import SettingsRoom
        from desktop.ui.structure import Structure
        from desktop.ui.undo import UndoRunner
        from desktop.ui.views import WindowViews
        from desktop.ui.window_state import restore_window

        self._rooms_built = True
        store, jobs = self._store_at_start, self._jobs_at_start
        self._store_at_start = self._jobs_at_start = None
        self.jobs = jobs or JobRunner(self)
        self.ops = OpHost(self.jobs, self)
        self.ops.attach(store)
        self.undo_stack = QUndoStack(self)
        self.setAcceptDrops(True)

        self.views = WindowViews(self, self._settings)
        self.undo_runner = UndoRunner(self.undo_stack, self.ops, self)
        self.browser = Browser(self, self.views, self._settings, busy=lambda: self.jobs.busy)
        self.detail_side = DetailSide(self, self.views, turns=self.browser.turns,
                                      loading=lambda: self.browser.loading)
        self.editing = Editing(self, self, self.undo_runner)
        self._select_after_load: int | None = None
        self.structure = Structure(self, self.views, self.undo_runner, self.editing.book, self.editing.who,
                                   self._reshaped)
        self.reports = ReportActions(self, self.views, self.browser, self._settings, self.undo_stack)
        self.window_actions = a = WindowActions(self, self.undo_runner.act_undo, self.undo_runner.act_redo)
        self.settings_room = SettingsRoom(self)
        # The actions by the names the menus, the flows and the tests use.
        self.act_import, self.act_export, self.act_merge, self.act_refresh = a.import_, a.export, a.merge, a.refresh
        self.act_delete_report, self.act_remove_samples, self.act_quit = a.delete_report, a.remove_samples, a.quit
        self.act_undo, self.act_redo, self.act_history, self.act_find = a.undo, a.redo, a.history, a.find
        self.act_clear_filter, self.act_toggle, self.act_all_reports = a.clear_filter, a.toggle, a.all_reports
        self.act_light_deadline, self.act_light_schedule, self.act_about = a.light_deadline, a.light_schedule, a.about
        self.act_review = a.review
        self._review_room: ReviewRoom | None = None
        self._carry: CarryActions | None = None
        self._reminding: Reminding | None = None
        self._connect()
        self.window_actions.build_menus_and_toolbar()
        self._undo_view_window: QListView | None = None
        self.statusBar().showMessage(self.tr("正在读取数据…"))
        self.set_light_rule(restore_window(self, self.views, self._settings))
        if store is None:
            self._set_store_actions_enabled(False)
        self.rooms_built.emit()

    def _connect(self) -> None:
        from PySide6.QtCore import Qt

        views, a, ed, st = self.views, self.window_actions, self.editing, self.structure
        for model in (views.tree_model, views.flat_model):
            model.tick_requested.connect(ed.tick)
            model.edit_requested.connect(
                lambda item_id, field, value: ed.request_changes(item_id, {field: value}, _edit_text(field)))
        views.detail_built_callbacks.append(lambda pane: pane.changes_requested.connect(ed.request_changes))
        views.detail_built_callbacks.append(lambda pane: pane.origin_button.origin_requested.connect(self.go_to_item))
        self.browser.reports_loaded.connect(self.reports_loaded)
        self.browser.reports_loaded.connect(self._remind)
        self.browser.tree_loaded.connect(self._on_tree_loaded)
        self.browser.report_chosen.connect(self._on_report_chosen)
        self.detail_side.history_shown.connect(self.history_shown)
        ed.changes_settled.connect(self.changes_settled)
        for act, slot in ((a.import_, self.choose_import), (a.export, self._export), (a.merge, self._merge),
                          (a.refresh, self.refresh), (a.delete_report, self.reports.delete_current_report),
                          (a.remove_samples, self.reports.remove_samples), (a.quit, self.close),
                          (a.history, self.show_undo_history), (a.find, self.browser.focus_search),
                          (a.clear_filter, views.filter_bar.clear), (a.toggle, ed.toggle_current),
                          (a.add_measure, st.add_measure), (a.add_item, st.add_item), (a.delete_rows, st.delete_rows),
                          (a.move_up, lambda: st.move(-1)), (a.move_down, lambda: st.move(+1)),
                          (a.merge_rows, st.merge_rows), (a.split_row, st.split_row),
                          (a.expand, views.expand_all), (a.collapse, views.tree.collapseAll),
                          (a.all_reports, lambda: self.select_report(ALL_REPORTS)),
                          (a.light_deadline, lambda: self.set_light_rule("deadline")),
                          (a.light_schedule, lambda: self.set_light_rule("schedule")), (a.about, self.show_about),
                          (a.settings, self.settings_room.open_dialog), (a.backup_now, self.settings_room.backup_now),
                          (a.restore, self.settings_room.restore_backup), (a.guide, self.show_guide),
                          (a.review, self.show_review), (a.carry, lambda: self.carry.carry_selected()),
                          (a.carry_all, lambda: self.carry.carry_all())):
            act.triggered.connect(slot)
        views.tree.addActions(a.row_actions)
        views.tree.addActions([a.carry, a.carry_all])
        views.table_built_callbacks.append(lambda table: table.addAction(a.carry))
        views.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        views.table_built_callbacks.append(lambda table: table.addAction(a.toggle))

    def _on_report_chosen(self, report_id: int) -> None:
        # A report can be deleted and its rows reshaped; the list of all reports' measures is only ticked and edited.
        one_report = report_id != ALL_REPORTS
        a = self.window_actions
        for act in (a.delete_report, a.add_measure, a.add_item, a.delete_rows, a.move_up, a.move_down, a.merge_rows,
                    a.split_row, a.carry_all):
            act.setEnabled(one_report)

    # ---- what tests, the bench and the app use ------------------------------------------------------
    @property
    def settings(self) -> QSettings:
        """Where the window keeps its layout and choices."""
        return self._settings

    @property
    def store(self) -> Store | None:
        """The open store (for its address; its calls go through ops)."""
        return self.ops.store

    @property
    def who(self) -> str:
        """Who the history records for this session's writes."""
        return self.editing.who

    @property
    def widget(self) -> QWidget:
        """The window (for the flows)."""
        return self

    @property
    def report_model(self) -> ReportListModel:
        """The report list's model."""
        return self.views.report_model

    @property
    def tree_model(self) -> ItemTreeModel:
        """A report's tree."""
        return self.views.tree_model

    @property
    def flat_model(self) -> ItemTreeModel:
        """Every measure of all reports."""
        return self.views.flat_model

    @property
    def item_model(self) -> ItemTreeModel:
        """The model of the view on show."""
        return self.views.item_model

    @property
    def tree(self) -> QTreeView:
        """The tree view of a report."""
        return self.views.tree

    @property
    def table(self) -> QTableView:
        """The all-reports table (built when first needed)."""
        return self.views.table

    @property
    def view(self) -> QTreeView | QTableView:
        """The view on show."""
        return self.views.view

    @property
    def filter_bar(self) -> FilterBar:
        """The search and filters above the tree."""
        return self.views.filter_bar

    @property
    def splitter(self) -> QSplitter:
        """The three panes."""
        return self.views.splitter

    @property
    def hint(self) -> QLabel:
        """The one-line hint above the tree."""
        return self.views.hint

    @property
    def detail(self) -> DetailPane:
        """The detail pane (built when first needed)."""
        return self.views.detail

    @property
    def report_id(self) -> int | None:
        """The report shown (ALL_REPORTS for every measure)."""
        return self.browser.report_id

    def current_row(self) -> ItemRow | None:
        """The row under the view's cursor."""
        return self.views.current_row()

    def select_item(self, item_id: int) -> bool:
        """Put the cursor on a row (expanding its item); False when it is filtered out."""
        return self.views.select_item(item_id)

    def select_report(self, report_id: int) -> None:
        """Show one report's tree (or ALL_REPORTS for every measure)."""
        self.browser.select_report(report_id)

    def go_to_item(self, item_id: int, report_id: int) -> None:
        """Put the cursor on a row of any report (a carried row's origin, a measure in the 对账 view)."""
        if self.select_item(item_id):
            return
        if self.browser.report_id in (report_id, ALL_REPORTS):  # shown but filtered out
            self.views.filter_bar.clear()
            self.select_item(item_id)
            return
        self._select_after_load = item_id
        self.select_report(report_id)

    def tick(self, item_id: int, done: bool) -> None:
        """Tick or untick a measure, or all measures of an item (one undo step)."""
        self.editing.tick(item_id, done)

    def request_changes(self, item_id: int, changes: dict[str, object], text: str) -> bool:
        """Save a clerk's edit of one row (shown at once, written in the background)."""
        return self.editing.request_changes(item_id, changes, text)

    def undo(self) -> None:
        """Ctrl+Z."""
        self.undo_runner.undo()

    def redo(self) -> None:
        """Ctrl+Shift+Z."""
        self.undo_runner.redo()

    def show_hint(self, text: str) -> None:
        """A one-line hint above the tree."""
        self.reports.show_hint(text)

    def remove_samples(self) -> None:
        """文件 ▸ 删除示例报告."""
        self.reports.remove_samples()

    def delete_current_report(self) -> None:
        """文件 ▸ 删除报告."""
        self.reports.delete_current_report()

    def offer_samples(self, seeds_dir: Path) -> None:
        """First start on a new database: load the sample reports once."""
        self.reports.offer_samples(seeds_dir, self.store.url if self.store is not None else "")

    # ---- the store ---------------------------------------------------------------------------------
    def set_store(self, store: Store) -> None:
        """Attach the store once it is open (the window shows before the database is ready), then load."""
        self.ops.attach(store)
        if store.warnings:  # today's backup could not be made (a full disk)
            from desktop.ui.errors import Messages  # message boxes load when the first one is shown

            for warning in store.warnings:
                Messages.warn(self, self.tr("自动备份没有完成"), warning)
        self._set_store_actions_enabled(True)
        self.start()

    def detach_store(self) -> None:
        """The store is being closed or swapped on its lane: no new op may reach it until set_store."""
        self.ops.attach(None)
        self._set_store_actions_enabled(False)

    def set_who(self, name: str) -> None:
        """The name history records for this window's writes from now on (设置 ▸ 修改记录署名)."""
        self.editing.who = name
        self.structure.set_who(name)

    def _set_store_actions_enabled(self, enabled: bool) -> None:
        for act in self.window_actions.store_actions:
            act.setEnabled(enabled)
        self.setAcceptDrops(enabled)

    def start(self) -> None:
        """Load the report list in the background (call once the window is shown)."""
        if self.store is not None:
            self.browser.reload_reports()
            self.settings_room.store_opened()  # the office's units and the legend's thresholds

    def reload_reports(self) -> None:
        """Re-read the report list."""
        self.browser.reload_reports()

    def refresh(self) -> None:
        """Re-read everything (after another clerk's changes)."""
        self.browser.refresh()

    def close_store(self) -> None:
        """At exit: wait for the writes, then close the store on its lane."""
        if self._rooms_built:  # else closed while only the frame was up, before any store
            self.ops.close_store()

    # ---- what editing sees of the views (editing.EditView) -------------------------------------------
    def model_on_show(self) -> ItemTreeModel:
        """The tree of a report, or the list of all measures."""
        return self.views.item_model

    def row_for(self, item_id: int) -> ItemRow | None:
        """A loaded row."""
        return self.views.row_for(item_id)

    def rows_changed(self, rows: Sequence[ItemRow], *, guess: bool = False) -> None:
        """New versions of rows: both models and the detail pane show them."""
        self.views.tree_model.update_rows(rows)
        self.views.flat_model.update_rows(rows)
        self.detail_side.rows_changed(rows, guess=guess)

    def reports_changed(self, reports: Sequence[ReportSummary]) -> None:
        """New figures of reports: the list shows them."""
        self.browser.reports_changed(list(reports))

    def say(self, text: str, msecs: int = 0) -> None:
        """A line in the status bar (an empty text clears it)."""
        if text:
            self.statusBar().showMessage(text, msecs)
        else:
            self.statusBar().clearMessage()

    def _reshaped(self, select: int | None) -> None:
        """A structural step changed the tree: read it again, and put the cursor on `select`."""
        self._select_after_load = select
        self.browser.reload_reports()
        self.browser.load_tree()

    def _on_tree_loaded(self) -> None:
        self.detail_side.reloaded()
        if self._select_after_load is not None:
            self.views.select_item(self._select_after_load)
            self._select_after_load = None
        self.tree_loaded.emit()

    # ---- what the flows see (flow_host.FlowHost) -----------------------------------------------------
    def current_report(self) -> ReportSummary | None:
        """The report shown, None for all reports."""
        rid = self.browser.report_id
        if rid in (None, ALL_REPORTS):
            return None
        return next((r for r in self.views.report_model.reports() if r.id == rid), None)

    def open_imported(self, report_id: int) -> None:
        """Show a report just imported once the list is back."""
        self.browser.open_after_reload(report_id)

    def push_step(self, step: StepCommand) -> None:
        """An undo step whose writes have settled."""
        self.undo_runner.push(step)

    def seen_version(self, item_id: int) -> int | None:
        """The newest version of a row this window saw or wrote."""
        return self.editing.seen_version(item_id)

    def import_done(self, results: list[tuple[str, ImportResult | Exception]]) -> None:
        """An import ended."""
        self.import_finished.emit(results)

    def export_done(self, result: ExportResult) -> None:
        """An export ended."""
        self.export_finished.emit(result)

    def merge_done(self, result: int | Exception | None) -> None:
        """A merge, its undo or its redo ended."""
        self.merge_finished.emit(result)

    # ---- import and the Excel flows -------------------------------------------------------------------
    def choose_import(self) -> None:
        """Ctrl+I: pick report files, then preview and import them."""
        from desktop.ui.import_flow import ImportFlow  # the import's dialogs load when first used

        self._warm_up_parser()  # the parser process starts while the file dialog is open
        ImportFlow(self, self.jobs).choose()

    def import_files(self, paths: Sequence[str | Path]) -> None:
        """Parse files in the background, preview them, and save what the clerk confirms."""
        from desktop.ui.import_flow import ImportFlow  # the import's dialogs load when first used

        ImportFlow(self, self.jobs).start([str(p) for p in paths])

    def _export(self) -> None:
        from desktop.ui.export_actions import export_ledger  # the Excel flows are not needed for the first paint

        export_ledger(self)

    def _merge(self) -> None:
        from desktop.ui.export_actions import merge_ledger  # the Excel flows are not needed for the first paint

        merge_ledger(self)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept report files dragged from the file manager."""
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
            self._warm_up_parser()  # the parser process starts before the files are dropped

    def dropEvent(self, event: QDropEvent) -> None:
        """Dropped files are imported (with preview) like Ctrl+I."""
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)

    def _warm_up_parser(self) -> None:
        self.jobs.work(_start_parser_process)

    def known_units(self) -> list[str]:
        """The 牵头单位 and 配合单位 named in the rows loaded (offered by the export's unit filter)."""
        from desktop.core.units import split_units

        units: set[str] = set()
        for model in (self.views.tree_model, self.views.flat_model):
            for r in model.loaded_rows():  # 50,000 rows in ~16 ms: most name no 配合单位, so no split
                if r.lead_unit:
                    units.add(r.lead_unit)
                if r.co_units:
                    units.update(split_units(r.co_units))
        return sorted(units)

    # ---- the year-end review -------------------------------------------------------------------------
    @property
    def review_room(self) -> ReviewRoom:
        """The 对账 view's room (built when first opened)."""
        if self._review_room is None:
            from desktop.ui.review_view import ReviewRoom  # its dialog loads when first opened

            self._review_room = ReviewRoom(self)
        return self._review_room

    @property
    def carry(self) -> CarryActions:
        """结转 (built when first used)."""
        if self._carry is None:
            from desktop.ui.carry_actions import CarryActions  # loads when first used

            self._carry = CarryActions(self)
        return self._carry

    @property
    def reminding(self) -> Reminding:
        """The reminders bar (built once the report list is first shown)."""
        if self._reminding is None:
            from desktop.ui.reminders_bar import Reminding  # after the first paint

            self._reminding = Reminding(self)
        return self._reminding

    def _remind(self) -> None:
        self.reminding.check()

    def show_review(self) -> None:
        """查看 ▸ 年终对账 (Ctrl+D): how the plans stood at a day, the units' ranking, the 通报 draft."""
        self.review_room.open()

    # ---- small things --------------------------------------------------------------------------------
    def show_undo_history(self) -> None:
        """Edit ▸ 撤销历史: every step since the window opened; clicking one goes back to it."""
        from desktop.ui.undo_history import build_history_view, place_beside  # its classes load when first shown

        if self._undo_view_window is None:
            self._undo_view_window = build_history_view(self.undo_runner, self)
            place_beside(self._undo_view_window.window(), self)
        dialog = self._undo_view_window.window()
        dialog.show()
        dialog.raise_()

    def set_light_rule(self, rule: str) -> None:
        """Colour the marks by deadline or by schedule (序时进度); remembered."""
        self._settings.setValue("view/light_rule", rule)
        self.window_actions.light_deadline.setChecked(rule == "deadline")
        self.window_actions.light_schedule.setChecked(rule == "schedule")
        self.views.tree_model.set_light_rule(rule)
        self.views.flat_model.set_light_rule(rule)
        self.settings_room.show_legend(rule)

    def show_guide(self) -> None:
        """Help ▸ 使用说明: the illustrated guide."""
        from desktop.ui.dialogs.guide import GuideDialog

        GuideDialog.show_for(self)

    def show_about(self) -> None:
        """Help ▸ 关于: version and where the data lives."""
        from desktop.ui.dialogs.about import AboutDialog

        if self.store is None:
            AboutDialog.show_for(self, "")
        else:
            AboutDialog.show_for(self, self.store.url, self.store.backup_policy.keep)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save the note being typed and the window layout, wait for writes, then close."""
        if not self._rooms_built:  # closed while only the frame was up: nothing to save or wait for
            super().closeEvent(event)
            return
        self.browser.turns.stop()
        pane = self.views.detail_built
        if pane is not None:
            pane.commit_note()
        save_window(self, self.views, self._settings)
        self.jobs.wait(10000)
        super().closeEvent(event)


def _edit_text(field: str) -> str:
    """The undo step's name for an edit of one field in place (修改责任人 …)."""
    from desktop.ui.models.history import field_label  # loaded with the first edit, not for the first paint

    return QCoreApplication.translate("MainWindow", "修改%1").replace("%1", field_label(field))


def _start_parser_process() -> None:
    # Imported in the job: multiprocessing and the pool cost ~25 ms to import, which the UI thread must not pay.
    from desktop.services.parser_pool import warm_up

    warm_up()
