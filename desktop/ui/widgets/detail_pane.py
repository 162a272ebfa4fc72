"""The right-hand pane: everything about the selected row, with editors that save as you go."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from db.api import HistoryRow, ItemRow, Status
from desktop.services.tracking import extension_changes
from desktop.ui.models.history import HistoryModel
from desktop.ui.widgets.detail_hint import hint_label
from desktop.ui.widgets.progress_log import OriginButton, ProgressLogModel, progress_log_view
from desktop.ui.qdates import pydate, qdate

if TYPE_CHECKING:
    from db.carry import Origin
    from db.progress_log import ProgressEntry

_LINE_FIELDS = ("lead_leader", "lead_unit", "co_units", "owner")


class DetailPane(QScrollArea):
    """Shows one ItemRow; emits changes_requested(item_id, changes, undo text) for the window to write."""

    changes_requested = Signal(int, dict, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._row: ItemRow | None = None
        body = QWidget()
        body.setObjectName("detailBody")
        self.setWidget(body)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(12, 10, 12, 10)
        lay.setSpacing(8)

        self._empty = hint_label()
        lay.addWidget(self._empty)

        self._content = QWidget()
        c = QVBoxLayout(self._content)
        c.setContentsMargins(0, 0, 0, 0)
        c.setSpacing(8)
        lay.addWidget(self._content)

        self._path = QLabel()
        self._path.setObjectName("muted")
        self._path.setWordWrap(True)
        c.addWidget(self._path)
        self._title = QLabel()
        self._title.setObjectName("detailTitle")
        self._title.setWordWrap(True)
        self._title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        c.addWidget(self._title)
        # The full text only when it says more than the title (a sentence measure is its own title).
        self._text = QLabel()
        self._text.setObjectName("fullText")
        self._text.setWordWrap(True)
        self._text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        c.addWidget(self._text)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(6)
        self._status = QComboBox()
        for s in Status:
            self._status.addItem(QCoreApplication.translate("Status", str(s)), s)
        self._status.setToolTip(self.tr("已办结：督办部门核实后办结；已延期：请在下方登记新的时限和原因"))
        self._status.activated.connect(self._on_status)
        form.addRow(self.tr("状态"), self._status)
        self._lines: dict[str, QLineEdit] = {}
        labels = {"lead_leader": self.tr("牵头领导"), "lead_unit": self.tr("牵头单位"),
                  "co_units": self.tr("配合单位"), "owner": self.tr("责任人")}
        for field in _LINE_FIELDS:
            edit = QLineEdit()
            edit.setClearButtonEnabled(True)
            edit.editingFinished.connect(lambda f=field: self._on_line(f))
            self._lines[field] = edit
            form.addRow(labels[field], edit)
        self._lines["co_units"].setPlaceholderText(self.tr("多个单位用顿号分隔"))

        due_row = QHBoxLayout()
        self._due = QDateEdit()
        self._due.setCalendarPopup(True)
        self._due.setDisplayFormat("yyyy-MM-dd")
        self._due.editingFinished.connect(self._on_due)
        self._no_due = QCheckBox(self.tr("长期坚持"))
        self._no_due.setToolTip(self.tr("常态化、长期坚持的措施没有完成时限，不会逾期"))
        self._no_due.toggled.connect(self._on_no_due)
        due_row.addWidget(self._due, 1)
        due_row.addWidget(self._no_due)
        form.addRow(self.tr("完成时限"), due_row)
        c.addLayout(form)

        ext = QFrame()
        ext.setObjectName("extensionBox")
        ext_l = QFormLayout(ext)
        ext_l.setContentsMargins(8, 6, 8, 6)
        self._original_due = QLabel()
        ext_l.addRow(self.tr("原定时限"), self._original_due)
        new_row = QHBoxLayout()
        self._ext_date = QDateEdit()
        self._ext_date.setCalendarPopup(True)
        self._ext_date.setDisplayFormat("yyyy-MM-dd")
        self._ext_reason = QLineEdit()
        self._ext_reason.setPlaceholderText(self.tr("延期原因（必填）"))
        self._ext_button = QPushButton(self.tr("登记延期"))
        self._ext_button.setToolTip(self.tr("保留原定时限，改用新的时限，状态改为“已延期”"))
        self._ext_button.clicked.connect(self._on_extend)
        new_row.addWidget(self._ext_date)
        new_row.addWidget(self._ext_button)
        ext_l.addRow(self.tr("延期至"), new_row)
        ext_l.addRow(self.tr("延期原因"), self._ext_reason)
        c.addWidget(ext)

        c.addWidget(QLabel(self.tr("进展情况")))
        self._note = QPlainTextEdit()
        self._note.setPlaceholderText(self.tr("写下本期进展，离开输入框或停顿片刻后自动保存"))
        self._note.setMinimumHeight(70)
        self._note.setMaximumHeight(96)
        self._note.installEventFilter(self)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(1500)
        self._note_timer.timeout.connect(self._commit_note)
        self._note.textChanged.connect(self._note_timer.start)
        c.addWidget(self._note)
        self.origin_button = OriginButton()  # 结转自《…》2.3 on a carried row
        c.addWidget(self.origin_button)

        tabs = QTabWidget()
        tabs.setDocumentMode(True)
        self._source = QTextBrowser()
        self._source.setObjectName("sourceText")
        tabs.addTab(self._source, self.tr("原文段落"))
        self.history_model = HistoryModel(self)
        self._history = QTableView()
        self._history.setModel(self.history_model)
        self._history.verticalHeader().hide()
        # The pane is narrow: what changed wraps onto more lines instead of being cut to a few characters.
        self._history.setWordWrap(True)
        self._history.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head = self._history.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)  # date over time, two lines
        head.resizeSection(0, self.fontMetrics().horizontalAdvance("2026-12-31") + 14)
        head.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # what changed takes the rest, wrapped
        self._history.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self._history.setShowGrid(False)
        self._history.setAlternatingRowColors(True)
        tabs.addTab(self._history, self.tr("修改记录"))
        self.progress_model = ProgressLogModel(self)
        self.progress_view = progress_log_view(self.progress_model)
        tabs.addTab(self.progress_view, self.tr("进展记录"))
        tabs.setMinimumHeight(280)
        c.addWidget(tabs, 1)
        self._tabs = tabs
        self.show_row(None)

    # ---- showing ---------------------------------------------------------------------------------
    @property
    def row(self) -> ItemRow | None:
        """The row shown."""
        return self._row

    def show_row(self, row: ItemRow | None, *, path: str = "", history: list[HistoryRow] | None = None) -> None:
        """Show a row; an editor the user is typing in keeps its text when the same row is refreshed."""
        same = row is not None and self._row is not None and row.id == self._row.id
        if not same and self._row is not None:
            self._commit_note()  # leaving a row saves what was typed
        self._row = row
        if not same:  # the dated entries and the origin of another row are read anew (detail.py)
            self.show_dated([], None)
        self._empty.setVisible(row is None)
        self._content.setVisible(row is not None)
        if row is None:
            self.history_model.set_history([])
            return
        self._path.setText(path)
        self._title.setText(f"{row.label}{row.title}" if not row.label.isdigit() else f"{row.label}. {row.title}")
        extra = row.text.strip()
        self._text.setText(extra)
        self._text.setVisible(bool(extra) and extra.rstrip("。；; ") != row.title.strip())
        self._source.setPlainText(row.source or self.tr("（没有记录原文段落）"))
        focus = self.focusWidget()
        widgets = [self._status, self._due, self._no_due, self._note, self._ext_date, self._ext_reason,
                   *self._lines.values()]
        for w in widgets:
            w.blockSignals(True)
        try:
            self._status.setCurrentIndex(max(0, self._status.findData(row.status)))
            self._status.setEnabled(row.is_measure)
            for field, edit in self._lines.items():
                if not (same and focus is edit):
                    edit.setText(getattr(row, field))
            self._no_due.setChecked(row.due is None)
            self._due.setEnabled(row.due is not None)
            self._due.setDate(qdate(row.due or date.today()))
            self._original_due.setText(row.original_due.isoformat() if row.original_due else self.tr("（未延期）"))
            self._ext_date.setDate(qdate(row.due or date.today()))
            self._ext_reason.setText(row.delay_reason)
            if not (same and focus is self._note):
                self._note.setPlainText(row.note)
        finally:
            for w in widgets:
                w.blockSignals(False)
        if not (same and focus is self._note):
            self._note_timer.stop()
        if history is not None:
            self.history_model.set_history(history)

    def show_dated(self, entries: list[ProgressEntry], origin: Origin | None) -> None:
        """The row's 进展情况 entries with their dates, and where it was carried from (None: not carried)."""
        self.progress_model.set_entries(entries)
        self.origin_button.set_origin(origin)

    # ---- editing ---------------------------------------------------------------------------------
    def _request(self, changes: dict[str, object], text: str) -> None:
        if self._row is None:
            return
        changes = {k: v for k, v in changes.items() if getattr(self._row, k) != v}
        if changes:
            self.changes_requested.emit(self._row.id, changes, text)

    def _on_status(self, _index: int) -> None:
        self._request({"status": self._status.currentData()}, self.tr("修改状态"))

    def _on_line(self, field: str) -> None:
        self._request({field: self._lines[field].text().strip()}, self.tr("修改%1").replace(
            "%1", {"lead_leader": self.tr("牵头领导"), "lead_unit": self.tr("牵头单位"),
                   "co_units": self.tr("配合单位"), "owner": self.tr("责任人")}[field]))

    def _on_due(self) -> None:
        if not self._no_due.isChecked():
            self._request({"due": pydate(self._due.date())}, self.tr("修改完成时限"))

    def _on_no_due(self, checked: bool) -> None:
        self._due.setEnabled(not checked)
        due = None if checked else pydate(self._due.date())
        self._request({"due": due}, self.tr("修改完成时限"))

    def _on_extend(self) -> None:
        if self._row is None:
            return
        reason = self._ext_reason.text().strip()
        if not reason:
            self._ext_reason.setFocus()
            self._ext_reason.setPlaceholderText(self.tr("请先填写延期原因"))
            return
        # All four fields, unfiltered: the window checks the extension as a whole (a later date, a reason).
        self.changes_requested.emit(self._row.id, extension_changes(self._row, pydate(self._ext_date.date()), reason),
                                    self.tr("登记延期"))

    def _commit_note(self) -> None:
        self._note_timer.stop()
        if self._row is not None:
            self._request({"note": self._note.toPlainText().rstrip()}, self.tr("填写进展情况"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Save the note when the clerk leaves the box."""
        if watched is getattr(self, "_note", None) and event.type() == QEvent.Type.FocusOut:
            self._commit_note()
        return super().eventFilter(watched, event)

    # test hooks: drive the editors by their API
    @property
    def status_combo(self) -> QComboBox:
        """The status editor."""
        return self._status

    @property
    def note_edit(self) -> QPlainTextEdit:
        """The progress note editor."""
        return self._note

    def line_edit(self, field: str) -> QLineEdit:
        """The editor of a text field (lead_leader, lead_unit, co_units, owner)."""
        return self._lines[field]

    def commit_note(self) -> None:
        """Save the note now (as leaving the box would)."""
        self._commit_note()

    def extend(self, new_due: date, reason: str) -> None:
        """Fill the extension editors and register it (as the button does)."""
        self._ext_date.setDate(qdate(new_due))
        self._ext_reason.setText(reason)
        self._on_extend()
