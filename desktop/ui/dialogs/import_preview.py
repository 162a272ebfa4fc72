"""Preview of the files being imported: fix the extracted plan before anything is saved."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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

from desktop.services.parsing import ParsedFile
from desktop.ui.dialogs.split_dialog import SplitDialog
from desktop.ui.icons import icon
from desktop.ui.import_flow import ConfirmedPlan
from desktop.ui.models.plan_edit import PlanEditModel


class _FileState:
    """A file's edits while the dialog is open (the model is per file, so switching keeps them)."""

    def __init__(self, parsed: ParsedFile) -> None:
        self.parsed = parsed
        self.year_guessed = False
        if parsed.plan is not None and parsed.plan.year is None and parsed.doc is not None:
            # No year in the text: deadlines are computed for this year and the clerk is told to check.
            from desktop.core.extract import extract_plan

            parsed.plan = extract_plan(parsed.doc, section=parsed.plan.section.heading, year=date.today().year)
            self.year_guessed = True
        self.model = PlanEditModel()
        self.model.set_plan(parsed.plan)
        self.title = parsed.plan.title if parsed.plan else (parsed.doc.source if parsed.doc else parsed.name)
        self.year = parsed.plan.year if parsed.plan else None
        self.include = parsed.plan is not None


class ImportPreviewDialog(QDialog):
    """One page per file: title, plan year, plan section, and the editable tree of items and measures."""

    file_changed = Signal(int)

    def __init__(self, files: list[ParsedFile], parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        self.section_combo = QComboBox()
        self.section_combo.setToolTip(self.tr("报告中的一级标题；选择真正的“下一步工作打算”部分，计划会立即重新提取"))
        self.section_combo.activated.connect(self._on_section)
        form.addRow(self.tr("计划部分"), self.section_combo)
        pl.addLayout(form)

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

    # ---- classmethod entry point (tests replace it) ------------------------------------------------
    @classmethod
    def review(cls, parent: QWidget | None, files: list[ParsedFile]) -> list[ConfirmedPlan] | None:
        """Show the preview modally; the plans to import, or None when cancelled."""
        dlg = cls(files, parent)
        return dlg.confirmed_plans() if dlg.exec() == QDialog.DialogCode.Accepted else None

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
        self._current = row
        st = self.state
        self.tree.setModel(st.model)
        self.tree.selectionModel().selectionChanged.connect(self._update_tools)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.setColumnWidth(1, 96)
        self.tree.setColumnWidth(2, 60)
        self.tree.expandAll()
        self.title_edit.setText(st.title)
        self.year_spin.blockSignals(True)
        self.year_spin.setValue(st.year or date.today().year)
        self.year_spin.blockSignals(False)
        if st.year_guessed and st.parsed.plan is not None:
            self.year_note.setText(self.tr("报告中没有写明年份，已按今年计算，请核对"))
        else:
            self.year_note.setText("")
        self.section_combo.clear()
        heads = list(st.parsed.headings)
        self.section_combo.addItems(heads)
        if st.parsed.plan is not None and st.parsed.plan.section.heading in heads:
            self.section_combo.setCurrentIndex(heads.index(st.parsed.plan.section.heading))
        elif st.parsed.plan is not None:
            self.section_combo.insertItem(0, st.parsed.plan.section.heading)
            self.section_combo.setCurrentIndex(0)
        else:
            self.section_combo.setCurrentIndex(-1)
            self.section_combo.setPlaceholderText(self.tr("请选择计划所在的一级标题") if heads else self.tr("（无）"))
        has_doc = st.parsed.doc is not None
        self.section_combo.setEnabled(has_doc and bool(heads))
        self.title_edit.setEnabled(has_doc)
        self.year_spin.setEnabled(st.parsed.plan is not None)
        if st.parsed.plan is None:
            self.error_label.setText(st.parsed.error)
            self.stack.setCurrentWidget(self.error_label)
        else:
            self.stack.setCurrentWidget(self.tree)
        self._update_tools()
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

    def _on_section(self, index: int) -> None:
        self.pick_section(self.section_combo.itemText(index))

    def pick_section(self, heading: str) -> None:
        """Re-extract the plan from another level-1 heading, at once (edits of this file start over)."""
        from desktop.core.errors import ReportError
        from desktop.core.extract import extract_plan

        st = self.state
        if st.parsed.doc is None:
            return
        try:
            plan = extract_plan(st.parsed.doc, section=heading, year=st.year)
        except ReportError as exc:
            st.parsed.plan, st.parsed.error = None, str(exc)
        else:
            st.parsed.plan, st.parsed.error = plan, ""
            st.year = plan.year
            if not st.title:
                st.title = plan.title
        st.model.set_plan(st.parsed.plan)
        st.include = st.parsed.plan is not None
        item = self.file_list.item(self._current)
        self.file_list.blockSignals(True)  # setIcon also emits itemChanged
        item.setIcon(icon("ok") if st.parsed.plan else icon("warning"))
        item.setCheckState(Qt.CheckState.Checked if st.include else Qt.CheckState.Unchecked)
        self.file_list.blockSignals(False)
        self._show_file(self._current)
        if st.parsed.plan is not None and st.parsed.plan.section.heading in st.parsed.headings:
            self.section_combo.setCurrentIndex(st.parsed.headings.index(st.parsed.plan.section.heading))
        self._update_ok()

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
            merged = self.model.merge(rows)
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
        parts = SplitDialog.ask(self, node.text or node.title)
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
            self.summary.setText(self.tr("%1 项任务，%2 条措施").replace("%1", str(self.model.rowCount()))
                                 .replace("%2", str(self.model.measure_count())))
        else:
            self.summary.setText("")

    def _update_ok(self) -> None:
        n = sum(1 for st in self._states if st.include)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("导入 %1 份报告").replace("%1", str(n)))
        ok.setEnabled(n > 0)

    # ---- result ------------------------------------------------------------------------------------
    def confirmed_plans(self) -> list[ConfirmedPlan]:
        """The included files' plans with every edit applied."""
        out = []
        for st in self._states:
            if st.include and st.parsed.plan is not None and st.parsed.doc is not None:
                plan = st.model.to_plan(st.parsed.plan, title=st.title or st.parsed.plan.title, year=st.year)
                out.append(ConfirmedPlan(st.parsed.name, plan, st.parsed.doc))
        return out
