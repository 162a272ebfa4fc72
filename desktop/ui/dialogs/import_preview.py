"""Preview of the files being imported: fix the extracted plan before anything is saved."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.importing import ConfirmedPlan
from desktop.services.parser_pool import extract_elsewhere
from desktop.services.parsing import ParsedFile
from desktop.ui.dialogs.merge_title import MergeTitleDialog
from desktop.ui.dialogs.modal import answer_of
from desktop.ui.dialogs.split_dialog import SplitDialog
from desktop.ui.errors import Messages
from desktop.ui.icons import icon
from desktop.ui.jobs import Job, JobRunner
from desktop.ui.models.plan_edit import PlanEditModel, PreviewEdits
from desktop.ui.widgets.carry_offer import CarryOfferPanel
from desktop.ui.widgets.section_picker import (
    LOW_CONFIDENCE,
    SectionPicker,
    confidence_text,
)

if TYPE_CHECKING:
    from db.store import Store
    from desktop.services.carry import CarryOffer


class _FileState:
    """A file's edits while the dialog is open (the model is per file, so switching keeps them)."""

    def __init__(self, parsed: ParsedFile) -> None:
        self.parsed = parsed
        # No year in the text: the parser used this year's, and the clerk is told to check it.
        self.year_guessed = parsed.plan is not None and parsed.plan.year_guessed
        self.reextracting = False
        self.kept_edits: PreviewEdits | None = None  # the edits to carry to the plan being re-extracted
        self.kept_note = ""  # said after a re-extraction that kept some of them
        self.model = PlanEditModel()
        self.model.set_plan(parsed.plan)
        self.title = parsed.plan.title if parsed.plan else (parsed.doc.source if parsed.doc else parsed.name)
        self.year = parsed.plan.year if parsed.plan else None
        self.include = parsed.plan is not None
        self.offer: CarryOffer | None = None  # the office's previous plan's unfinished measures (read later)
        self.carry_chosen: set[int] | None = None  # the measures ticked in the offer (None: as offered)
        self.carry_taking = False


class ImportPreviewDialog(QDialog):
    """One page per file: title, plan year, plan section, and the editable tree of items and measures."""

    file_changed = Signal(int)
    plan_reextracted = Signal(int)  # a file's plan was taken again from other sections (its row)
    offers_shown = Signal(int)  # how many files were offered their office's unfinished measures

    def __init__(self, files: list[ParsedFile], parent: QWidget | None = None, *, jobs: JobRunner | None = None) -> None:
        super().__init__(parent)
        self._jobs = jobs if jobs is not None else JobRunner(self)
        self._running: set[Job] = set()
        self.setWindowTitle(self.tr("导入预览：核对后再保存"))
        self.resize(1040, 660)
        self._states = [_FileState(f) for f in files]
        self._current = -1

        outer = QVBoxLayout(self)
        intro = QLabel(self.tr("请核对从每份报告中找到的计划。可双击或按 F2 改名，选中后删除、合并、拆分；"
                               "计划部分找错了可在“计划部分”中换一个。确认导入前不会保存任何内容。"))
        intro.setWordWrap(True)
        intro.setObjectName("hint")
        outer.addWidget(intro)
        split = QSplitter(Qt.Orientation.Horizontal)
        outer.addWidget(split, 1)

        self.file_list = QListWidget()
        self.file_list.setObjectName("fileList")
        for st in self._states:
            it = QListWidgetItem(icon("ok") if st.parsed.plan else icon("warning"), st.parsed.name)
            it.setToolTip(st.parsed.path)
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            it.setCheckState(Qt.CheckState.Checked if st.include else Qt.CheckState.Unchecked)
            self.file_list.addItem(it)
        self.file_list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.file_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.file_list.currentRowChanged.connect(self._show_file)
        self.file_list.itemChanged.connect(self._on_file_check)
        split.addWidget(self.file_list)

        page = QWidget()
        pl = QVBoxLayout(page)
        pl.setContentsMargins(8, 0, 0, 0)
        form = QFormLayout()
        self.title_edit = QLineEdit()
        self.title_edit.setToolTip(self.tr("报告在列表中显示的名称"))
        self.title_edit.textEdited.connect(self._on_title)
        form.addRow(self.tr("报告标题"), self.title_edit)
        row = QHBoxLayout()
        self.year_spin = QSpinBox()
        self.year_spin.setRange(1999, 2099)
        self.year_spin.setToolTip(self.tr("计划所属年份；“年底前”等时限按这一年计算"))
        self.year_spin.valueChanged.connect(self._on_year)
        self.year_note = QLabel()
        self.year_note.setObjectName("muted")
        row.addWidget(self.year_spin)
        row.addWidget(self.year_note, 1)
        form.addRow(self.tr("计划年份"), row)
        row = QHBoxLayout()
        self.section_label = QLabel()
        self.section_label.setWordWrap(True)
        self.section_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.confidence_label = QLabel()
        self.confidence_label.setObjectName("muted")
        self.confidence_label.setToolTip(self.tr("程序对找对计划部分的把握"))
        self.pick_button = QPushButton(self.tr("换一个部分…"))
        self.pick_button.setCheckable(True)
        self.pick_button.setToolTip(self.tr("列出可能是计划的各个部分，选一个或几个重新提取"))
        self.pick_button.toggled.connect(self._show_picker)
        row.addWidget(self.section_label, 1)
        row.addWidget(self.confidence_label)
        row.addWidget(self.pick_button)
        form.addRow(self.tr("计划部分"), row)
        pl.addLayout(form)
        self.picker = SectionPicker()
        self.picker.chosen.connect(self.pick_sections)
        self.picker.hide()
        pl.addWidget(self.picker)
        self.carry_panel = CarryOfferPanel()
        pl.addWidget(self.carry_panel)

        self.stack = QStackedWidget()
        self.tree = QTreeView()
        self.tree.setObjectName("previewTree")
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorText")
        self.error_label.setWordWrap(True)
        self.error_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stack.addWidget(self.tree)
        self.stack.addWidget(self.error_label)
        pl.addWidget(self.stack, 1)

        tools = QHBoxLayout()
        self.btn_rename = QPushButton(icon("edit"), self.tr("改名"))
        self.btn_rename.setShortcut(QKeySequence("F2"))
        self.btn_rename.setToolTip(self.tr("修改选中行的标题（F2）"))
        self.btn_rename.clicked.connect(self._rename)
        self.btn_delete = QPushButton(icon("delete"), self.tr("删除"))
        self.btn_delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.btn_delete.setToolTip(self.tr("删除选中的任务或措施（Delete）"))
        self.btn_delete.clicked.connect(self.delete_selected)
        self.btn_merge = QPushButton(icon("merge"), self.tr("合并"))
        self.btn_merge.setToolTip(self.tr("把选中的同级几行合并为一行（Ctrl+M）"))
        self.btn_merge.setShortcut(QKeySequence("Ctrl+M"))
        self.btn_merge.clicked.connect(self.merge_selected)
        self.btn_split = QPushButton(icon("split"), self.tr("拆分…"))
        self.btn_split.setToolTip(self.tr("把选中的一行按句子拆成几行（Ctrl+T）"))
        self.btn_split.setShortcut(QKeySequence("Ctrl+T"))
        self.btn_split.clicked.connect(self.split_selected)
        for b in (self.btn_rename, self.btn_delete, self.btn_merge, self.btn_split):
            tools.addWidget(b)
        tools.addStretch(1)
        self.summary = QLabel()
        self.summary.setObjectName("muted")
        tools.addWidget(self.summary)
        pl.addLayout(tools)
        split.addWidget(page)
        split.setStretchFactor(1, 1)
        split.setSizes([260, 780])

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self.file_list.setCurrentRow(0)
        self._update_ok()
        self._ask_offers()

    # ---- classmethod entry point (tests replace it) ------------------------------------------------
    @classmethod
    def review(cls, parent: QWidget | None, files: list[ParsedFile]) -> list[ConfirmedPlan] | None:
        """Show the preview modally; the plans to import, or None when cancelled."""
        dlg = cls(files, parent)
        return answer_of(dlg, dlg.confirmed_plans, keep=lambda: dlg._jobs.busy)  # a re-extraction may still run

    # ---- state -------------------------------------------------------------------------------------
    @property
    def state(self) -> _FileState:
        """The file shown."""
        return self._states[self._current]

    @property
    def model(self) -> PlanEditModel:
        """The plan model of the file shown."""
        return self.state.model

    def show_file(self, row: int) -> None:
        """Switch to a file (as clicking it in the list does)."""
        self.file_list.setCurrentRow(row)

    def _show_file(self, row: int) -> None:
        if not (0 <= row < len(self._states)):
            return
        self._keep_offer_choice()
        self._current = row
        st = self.state
        self.tree.setModel(st.model)
        self.tree.selectionModel().selectionChanged.connect(self._update_tools)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.setColumnWidth(1, 96)
        self.tree.setColumnWidth(2, 60)
        self.tree.setColumnWidth(3, 120)
        self.tree.setColumnHidden(3, not st.model.names_units())
        self.tree.expandAll()
        self.title_edit.setText(st.title)
        self.year_spin.blockSignals(True)
        self.year_spin.setValue(st.year or date.today().year)
        self.year_spin.blockSignals(False)
        if st.year_guessed and st.parsed.plan is not None:
            self.year_note.setText(self.tr("报告中没有写明年份，已按今年计算，请核对"))
        else:
            self.year_note.setText("")
        has_doc = st.parsed.doc is not None
        self._show_section(st)
        self.title_edit.setEnabled(has_doc)
        self.year_spin.setEnabled(st.parsed.plan is not None)
        if st.parsed.plan is None:
            self.error_label.setText(st.parsed.error)
            self.stack.setCurrentWidget(self.error_label)
        else:
            self.stack.setCurrentWidget(self.tree)
        self._update_tools()
        self.carry_panel.show_offer(st.offer, st.carry_chosen, st.carry_taking)
        self.file_changed.emit(row)

    def _on_file_check(self, item: QListWidgetItem) -> None:
        row = self.file_list.row(item)
        st = self._states[row]
        st.include = item.checkState() == Qt.CheckState.Checked and st.parsed.plan is not None
        if item.checkState() == Qt.CheckState.Checked and st.parsed.plan is None:
            item.setCheckState(Qt.CheckState.Unchecked)  # a file without a plan cannot be imported
        self._update_ok()

    def set_included(self, row: int, include: bool) -> None:
        """Tick or untick a file for import."""
        self.file_list.item(row).setCheckState(Qt.CheckState.Checked if include else Qt.CheckState.Unchecked)

    def _on_title(self, text: str) -> None:
        self.state.title = text.strip()

    def _on_year(self, year: int) -> None:
        st = self.state
        if st.parsed.plan is None:
            return
        old = st.year or date.today().year
        st.model.shift_year(year - old)
        st.year = year
        st.year_guessed = False
        self.year_note.setText("")

    def set_year(self, year: int) -> None:
        """Set the plan year (deadlines move with it)."""
        self.year_spin.setValue(year)

    # ---- the plan section ----------------------------------------------------------------------------
    def _show_section(self, st: _FileState) -> None:
        """The section row and the picker for the file shown: the picker opens by itself when the
        parser is unsure, found the plan spread over several sections, or found none."""
        parsed, plan = st.parsed, st.parsed.plan
        can_pick = parsed.doc is not None and bool(parsed.alternatives or parsed.headings)
        if st.reextracting:
            self.section_label.setText(self.tr("正在重新提取…"))
        elif plan is not None:
            self.section_label.setText(plan.section.heading)
        elif parsed.spread:
            self.section_label.setText(self.tr("计划分散在 %1 个部分，请勾选要导入的部分").replace("%1", str(len(parsed.spread))))
        else:
            self.section_label.setText(self.tr("没有找到，请选择") if can_pick else self.tr("（无）"))
        unsure = plan is not None and plan.confidence < LOW_CONFIDENCE
        if plan is not None:
            self.confidence_label.setText(self.tr("把握 %1").replace("%1", confidence_text(plan.confidence)))
        else:
            self.confidence_label.setText("")
        if unsure:
            note = self.tr("不太确定找对了计划部分（把握 %1）。请核对；如不对，在下面的候选中另选。") \
                .replace("%1", confidence_text(plan.confidence))  # type: ignore[union-attr]
        elif parsed.spread:
            note = self.tr("这份报告没有单独的“工作打算”部分，任务分散在下面几个部分中，已全部勾选；可去掉不需要的部分。")
        elif plan is None and can_pick:
            note = self.tr("没有找到“下一步工作打算”一类的计划部分。请在下面选择计划所在的部分。")
        else:
            note = ""
        current = list(plan.taken or (plan.section.heading,)) if plan is not None else list(parsed.spread)
        self.picker.set_choices(parsed.alternatives, parsed.headings, current, note)
        self.picker.setEnabled(not st.reextracting)
        self.pick_button.setEnabled(can_pick and not st.reextracting)
        self.pick_button.blockSignals(True)
        self.pick_button.setChecked(can_pick and (unsure or plan is None))
        self.pick_button.blockSignals(False)
        self.picker.setVisible(self.pick_button.isChecked())

    def _show_picker(self, shown: bool) -> None:
        self.picker.setVisible(shown)

    def pick_section(self, heading: str) -> None:
        """Re-extract the plan from one other section (in the background)."""
        self.pick_sections([heading])

    def pick_sections(self, headings: list[str]) -> None:
        """Re-extract the plan from these sections, taken together, in the parser process; the tree
        shows the new items when `plan_reextracted` is emitted. Renames and deletions are carried to the rows
        the parser titles the same; merges and splits cannot be, so the clerk is asked first."""
        st = self.state
        if st.parsed.doc is None or st.reextracting or not headings:
            return
        edits = st.model.edits
        if edits.reshaped and not Messages.confirm(
                self, self.tr("重新提取"),
                self.tr("按所选部分重新提取后，在预览中做的合并和拆分（%1 处）不能保留；改名和删除会尽量保留。\n\n"
                        "仍要重新提取吗？").replace("%1", str(edits.reshaped))):
            return
        st.kept_edits = edits
        st.reextracting = True
        row = self._current
        self._show_section(st)
        job = self._jobs.work(extract_elsewhere, st.parsed, list(headings), st.year,
                              on_done=partial(self._reextracted, row), on_error=partial(self._reextract_failed, row))
        self._running.add(job)
        job.signals.finished.connect(lambda *_a, j=job: self._running.discard(j))
        job.signals.failed.connect(lambda *_a, j=job: self._running.discard(j))

    def _reextract_failed(self, row: int, exc: Exception) -> None:
        st = self._states[row]
        st.reextracting = False
        st.kept_edits = None
        st.parsed.error = str(exc)
        if row == self._current:
            self._show_file(row)
        self.plan_reextracted.emit(row)

    def _reextracted(self, row: int, parsed: ParsedFile) -> None:
        st = self._states[row]
        st.reextracting = False
        st.parsed = parsed
        if parsed.plan is not None:
            st.year = parsed.plan.year
            st.year_guessed = parsed.plan.year_guessed
            if not st.title:
                st.title = parsed.plan.title
        wanted = len(st.kept_edits.renamed) + len(st.kept_edits.deleted) if st.kept_edits else 0
        kept = st.model.set_plan(parsed.plan, st.kept_edits)
        st.kept_edits = None
        st.include = parsed.plan is not None
        st.kept_note = self.tr("已保留 %1 处改名或删除").replace("%1", str(kept)) if kept else ""
        if kept < wanted:  # never lost without a word: the rows they were made on are not in the new plan
            st.kept_note += ("，" if kept else "") + self.tr("%1 处在新的计划中找不到对应的行").replace("%1", str(wanted - kept))
        item = self.file_list.item(row)
        self.file_list.blockSignals(True)  # setIcon also emits itemChanged
        item.setIcon(icon("ok") if parsed.plan else icon("warning"))
        item.setCheckState(Qt.CheckState.Checked if st.include else Qt.CheckState.Unchecked)
        self.file_list.blockSignals(False)
        if row == self._current:
            self._show_file(row)
        self._update_ok()
        self.plan_reextracted.emit(row)

    # ---- edits -------------------------------------------------------------------------------------
    def selected_indexes(self) -> list[QModelIndex]:
        """Selected rows (column 0), in view order."""
        sel = self.tree.selectionModel()
        rows = [i for i in sel.selectedRows(0)] if sel is not None else []
        return rows

    def select(self, indexes: list[QModelIndex]) -> None:
        """Select rows (tests and the buttons' follow-up use this)."""
        sel = self.tree.selectionModel()
        sel.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for i in indexes:
            sel.select(i, flags)
        if indexes:
            sel.setCurrentIndex(indexes[0], QItemSelectionModel.SelectionFlag.NoUpdate)

    def _rename(self) -> None:
        idx = self.tree.currentIndex()
        if idx.isValid():
            self.tree.edit(idx.siblingAtColumn(0))

    def delete_selected(self) -> None:
        """Delete the selected rows."""
        rows = self.selected_indexes()
        if rows:
            self.model.delete(rows)
            self._update_tools()

    def merge_selected(self) -> None:
        """Merge the selected sibling rows."""
        rows = self.selected_indexes()
        if self.model.can_merge(rows):
            title = MergeTitleDialog.ask(self, self.model.merge_titles(rows))
            if title is None:
                return
            merged = self.model.merge(rows, title)
            self.tree.expandAll()
            self.select([merged])
        self._update_tools()

    def split_selected(self) -> None:
        """Split the current row into parts the clerk confirms."""
        rows = self.selected_indexes()
        if len(rows) != 1:
            return
        node = self.model.node(rows[0])
        if node is None:
            return
        parts = SplitDialog.ask(self, node.split_text())
        if parts and len(parts) >= 2:
            new = self.model.split(rows[0], parts)
            self.tree.expandAll()
            self.select(new)
        self._update_tools()

    def _update_tools(self, *_args: object) -> None:
        rows = self.selected_indexes() if self.tree.model() is not None else []
        has_plan = self._current >= 0 and self.state.parsed.plan is not None
        self.btn_rename.setEnabled(has_plan and len(rows) == 1)
        self.btn_delete.setEnabled(has_plan and bool(rows))
        self.btn_merge.setEnabled(has_plan and self.model.can_merge(rows))
        self.btn_split.setEnabled(has_plan and len(rows) == 1)
        if has_plan:
            text = self.tr("%1 项任务，%2 条措施").replace("%1", str(self.model.rowCount())) \
                .replace("%2", str(self.model.measure_count()))
            self.summary.setText(f"{self.state.kept_note}　{text}" if self.state.kept_note else text)
        else:
            self.summary.setText("")

    def _update_ok(self) -> None:
        n = sum(1 for st in self._states if st.include)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("导入 %1 份报告").replace("%1", str(n)))
        ok.setEnabled(n > 0)

    def done(self, result: int) -> None:
        """Close; a re-extraction still running is cancelled, its answer has nobody to go to."""
        for job in list(self._running):
            job.cancel()
        super().done(result)

    # ---- result ------------------------------------------------------------------------------------
    def confirmed_plans(self) -> list[ConfirmedPlan]:
        """The included files' plans with every edit applied (and the measures to carry into them)."""
        self._keep_offer_choice()
        out = []
        for st in self._states:
            if st.include and st.parsed.plan is not None and st.parsed.doc is not None:
                plan = st.model.to_plan(st.parsed.plan, title=st.title or st.parsed.plan.title, year=st.year)
                out.append(ConfirmedPlan(st.parsed.name, plan, st.parsed.doc, carry_ids=_carry_ids(st)))
        return out

    # ---- the previous plan's unfinished measures (结转) ------------------------------------------------
    def _ask_offers(self) -> None:
        """Read, on the window's database lane, what the same office's previous plan left unfinished."""
        from desktop.ui.ops import StoreQuery, host_of

        try:
            host_of(self)
        except LookupError:  # not inside a window with a store (a dialog on its own)
            return
        files = [(n, st.parsed.plan, st.parsed.name, st.parsed.doc.text) for n, st in enumerate(self._states)
                 if st.parsed.plan is not None and st.parsed.doc is not None]
        if not files:
            return

        def read(store: Store) -> dict[int, CarryOffer]:
            from desktop.services.carry import carry_offers

            offers = carry_offers(store, [(plan, name, text) for _n, plan, name, text in files])
            return {n: offer for (n, *_rest), offer in zip(files, offers) if offer is not None}

        StoreQuery(self, read).success(self._got_offers).failure(lambda _exc: None).run()

    def _got_offers(self, offers: dict[int, CarryOffer]) -> None:
        try:
            for n, offer in offers.items():
                self._states[n].offer = offer
            if self._current in offers:
                st = self.state
                self.carry_panel.show_offer(st.offer, st.carry_chosen, st.carry_taking)
            self.offers_shown.emit(len(offers))
        except RuntimeError:  # the dialog was closed before the answer came
            pass

    def _keep_offer_choice(self) -> None:
        if 0 <= self._current < len(self._states) and self.state.offer is not None:
            self.state.carry_chosen = self.carry_panel.chosen()
            self.state.carry_taking = self.carry_panel.take.isChecked()


def _carry_ids(st: _FileState) -> tuple[int, ...]:
    """The measures to carry into a file's plan: those ticked, when the clerk chose to bring them along."""
    if st.offer is None or not st.carry_taking:
        return ()
    chosen = st.carry_chosen if st.carry_chosen is not None else {m.id for m in st.offer.measures} - st.offer.repeated
    return tuple(m.id for m in st.offer.measures if m.id in chosen)
