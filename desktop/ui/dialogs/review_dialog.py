"""The 对账 view's window: which reports, as of which day (and against which), and how they stood then.

It only shows: desktop/ui/review_view.py computes the review on the database lane and hands it over.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core import review_model as rm
from desktop.core import review_text as rt
from desktop.core.review_model import Review
from desktop.core.shares import percent_text
from desktop.ui.models.review_tables import (
    MOVE_HEADERS,
    PROBLEMS,
    RowsModel,
    line_rows,
    lines_model,
    movement_rows,
    movement_title,
    unit_rows,
    units_model,
)
from desktop.ui.qdates import pydate, qdate

_DEBOUNCE_MS = 250  # a few quick clicks on the dates make one review, not several
# column widths in characters; the last column takes what is left
_WIDTHS = {"类别": 6, "变化": 5, "报告": 8, "序号": 3, "具体措施": 14, "牵头单位": 8, "责任人": 4, "完成时限": 6,
           "截至当日进展": 16, "进展日期": 6, "后一日状态": 6}
_COLOURS = {rm.DONE: "#2e7d32", rm.AHEAD: "#1b5e20", rm.ON_TRACK: "#558b2f", rm.BEHIND: "#c62828",
            rm.NOT_STARTED: "#6d4c41", rm.EXTENDED: "#ef6c00", rm.CANCELLED: "#757575"}


@dataclass(frozen=True)
class ReviewRequest:
    """What the clerk asked for: reports (or a plan year), the reference date, a second date, the light rule."""

    report_ids: tuple[int, ...] | None
    year: int | None
    as_of: date
    compare: date | None
    rule: str


@dataclass(frozen=True)
class ReportChoice:
    """A report the view can cover."""

    id: int
    title: str
    year: int | None


def quick_dates(year: int, today: date) -> list[tuple[str, date]]:
    """The quick choices of the reference date: 6月30日, 9月30日, 12月31日 of the plan year, and today."""
    return [("6月30日", date(year, 6, 30)), ("9月30日", date(year, 9, 30)), ("12月31日", date(year, 12, 31)),
            ("今天", today)]


class ReviewDialog(QDialog):
    """年终对账: totals, shares, the units' ranking, the problem list and what moved, as of a chosen day."""

    asked = Signal(object)  # ReviewRequest: compute this
    docx_requested = Signal()  # write the 督查通报 draft of the review shown
    export_requested = Signal()  # export the ledger as of the day shown
    measure_chosen = Signal(int)  # a listed measure was double-clicked: show it in the main window

    def __init__(self, reports: Sequence[ReportChoice], *, today: date, rule: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewDialog")
        self.setWindowTitle(self.tr("年终对账"))
        self._today = today
        self._reports = list(reports)
        self.review: Review | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_DEBOUNCE_MS)
        self._timer.timeout.connect(self.ask_now)

        root = QVBoxLayout(self)
        root.addLayout(self._build_choices(rule))
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self._build_report_list())
        split.addWidget(self._build_results())
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([200, 1040])
        root.addWidget(split, 1)
        root.addLayout(self._build_buttons())
        self.resize(1240, 760)
        self._set_year_dates()
        self._set_results_enabled(False)

    # ---- building -----------------------------------------------------------------------------------
    def _build_choices(self, rule: str) -> QHBoxLayout:
        row = QHBoxLayout()
        as_of_label = QLabel(self.tr("截至(&D)："), self)
        self.as_of_edit = QDateEdit(qdate(self._today), self)
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDisplayFormat("yyyy年M月d日")
        as_of_label.setBuddy(self.as_of_edit)
        row.addWidget(as_of_label)
        row.addWidget(self.as_of_edit)
        self.quick_buttons: list[QPushButton] = []
        for n in range(4):
            b = QPushButton(self)
            b.setAutoDefault(False)
            b.clicked.connect(lambda _c=False, n=n: self._quick(n))
            self.quick_buttons.append(b)
            row.addWidget(b)
        row.addSpacing(16)
        self.compare_box = QCheckBox(self.tr("对比(&C)："), self)
        self.compare_edit = QDateEdit(self)
        self.compare_edit.setCalendarPopup(True)
        self.compare_edit.setDisplayFormat("yyyy年M月d日")
        self.compare_edit.setEnabled(False)
        row.addWidget(self.compare_box)
        row.addWidget(self.compare_edit)
        row.addSpacing(16)
        rule_label = QLabel(self.tr("亮灯规则(&R)："), self)
        self.rule_combo = QComboBox(self)
        for key, words in rm.RULE_WORDS.items():
            self.rule_combo.addItem(words, key)
        self.rule_combo.setCurrentIndex(max(0, self.rule_combo.findData(rule)))
        rule_label.setBuddy(self.rule_combo)
        row.addWidget(rule_label)
        row.addWidget(self.rule_combo)
        row.addStretch(1)
        self.as_of_edit.dateChanged.connect(self._changed)
        self.compare_edit.dateChanged.connect(self._changed)
        self.compare_box.toggled.connect(self._compare_toggled)
        self.rule_combo.currentIndexChanged.connect(self._changed)
        return row

    def _build_report_list(self) -> QWidget:
        box = QWidget(self)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        year_label = QLabel(self.tr("计划年度(&Y)："), box)
        self.year_combo = QComboBox(box)
        self.year_combo.addItem(self.tr("全部报告"), None)
        for y in sorted({r.year for r in self._reports if r.year is not None}, reverse=True):
            self.year_combo.addItem(self.tr("%1年").replace("%1", str(y)), y)
        year_label.setBuddy(self.year_combo)
        lay.addWidget(year_label)
        lay.addWidget(self.year_combo)
        reports_label = QLabel(self.tr("报告(&P)："), box)
        self.report_list = QListWidget(box)
        self.report_list.setObjectName("reviewReports")
        for r in self._reports:
            it = QListWidgetItem(r.title, self.report_list)
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            it.setCheckState(Qt.CheckState.Checked)
            it.setData(Qt.ItemDataRole.UserRole, r.id)
            it.setToolTip(r.title)
        reports_label.setBuddy(self.report_list)
        lay.addWidget(reports_label)
        lay.addWidget(self.report_list, 1)
        self.year_combo.currentIndexChanged.connect(self._year_chosen)
        self.report_list.itemChanged.connect(self._changed)
        return box

    def _build_results(self) -> QWidget:
        box = QWidget(self)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        self.title_label = QLabel(box)
        self.title_label.setObjectName("reviewTitle")
        font = self.title_label.font()
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.25)
        else:  # a font sized in pixels (some platforms' default)
            font.setPixelSize(round(font.pixelSize() * 1.25))
        font.setBold(True)
        self.title_label.setFont(font)
        self.summary_label = QLabel(box)
        self.summary_label.setObjectName("reviewSummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.counts_label = QLabel(box)
        self.counts_label.setObjectName("reviewCounts")
        self.counts_label.setTextFormat(Qt.TextFormat.RichText)
        lay.addWidget(self.title_label)
        lay.addWidget(self.counts_label)
        lay.addWidget(self.summary_label)

        self.tabs = QTabWidget(box)
        self.units = units_model(self)
        self.units_view = self._table(self.units)
        self.units_view.horizontalHeader().setStretchLastSection(False)
        self.tabs.addTab(self.units_view, self.tr("各单位"))

        problems = QWidget(box)
        pl = QVBoxLayout(problems)
        pl.setContentsMargins(4, 4, 4, 4)
        kind_row = QHBoxLayout()
        kind_label = QLabel(self.tr("列出(&L)："), problems)
        self.problem_kind = QComboBox(problems)
        for label, _pick in PROBLEMS:
            self.problem_kind.addItem(label)
        kind_label.setBuddy(self.problem_kind)
        kind_row.addWidget(kind_label)
        kind_row.addWidget(self.problem_kind)
        kind_row.addStretch(1)
        pl.addLayout(kind_row)
        self.lines = lines_model(parent=self)
        self.lines_view = self._table(self.lines)
        self.lines_view.doubleClicked.connect(lambda ix: self._chosen(self.lines, ix.row()))
        pl.addWidget(self.lines_view)
        self.problem_kind.currentIndexChanged.connect(self._show_problems)
        self.tabs.addTab(problems, self.tr("问题清单"))

        moves = QWidget(box)
        ml = QVBoxLayout(moves)
        ml.setContentsMargins(4, 4, 4, 4)
        self.movement_label = QLabel(moves)
        self.movement_label.setObjectName("reviewMovement")
        self.movement_label.setWordWrap(True)
        ml.addWidget(self.movement_label)
        self.moves = lines_model(MOVE_HEADERS, parent=self)
        self.moves_view = self._table(self.moves)
        self.moves_view.doubleClicked.connect(lambda ix: self._chosen(self.moves, ix.row()))
        ml.addWidget(self.moves_view)
        self.tabs.addTab(moves, self.tr("前后变化"))
        lay.addWidget(self.tabs, 1)
        return box

    def _table(self, model: RowsModel) -> QTableView:
        view = QTableView(self)
        view.setModel(model)
        view.setSortingEnabled(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setSortIndicatorShown(True)
        view.setWordWrap(False)
        return view

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.status_label = QLabel(self)
        self.status_label.setObjectName("reviewStatus")
        row.addWidget(self.status_label, 1)
        self.docx_button = QPushButton(self.tr("生成督查通报(&W)…"), self)
        self.export_button = QPushButton(self.tr("导出此日台账(&E)…"), self)
        close = QPushButton(self.tr("关闭"), self)
        for b in (self.docx_button, self.export_button, close):
            b.setAutoDefault(False)
            row.addWidget(b)
        self.docx_button.clicked.connect(self.docx_requested)
        self.export_button.clicked.connect(self.export_requested)
        close.clicked.connect(self.close)
        return row

    # ---- the choices ----------------------------------------------------------------------------------
    def chosen_ids(self) -> list[int]:
        """The ticked reports."""
        out = []
        for n in range(self.report_list.count()):
            it = self.report_list.item(n)
            if it.checkState() == Qt.CheckState.Checked:
                out.append(int(it.data(Qt.ItemDataRole.UserRole)))
        return out

    def request(self) -> ReviewRequest | None:
        """What to compute now (None when no report is ticked)."""
        ids = self.chosen_ids()
        if not ids:
            return None
        year = self.year_combo.currentData()
        of_year = [r.id for r in self._reports if r.year == year] if year is not None else []
        by_year = year is not None and sorted(ids) == sorted(of_year)
        all_ticked = len(ids) == len(self._reports)
        compare = pydate(self.compare_edit.date()) if self.compare_box.isChecked() else None
        return ReviewRequest(report_ids=None if by_year or all_ticked else tuple(ids),
                             year=year if by_year else None, as_of=pydate(self.as_of_edit.date()),
                             compare=compare, rule=str(self.rule_combo.currentData()))

    def set_as_of(self, day: date, compare: date | None = None) -> None:
        """Choose the reference date (and a second date, or none)."""
        self.as_of_edit.setDate(qdate(day))
        self.compare_box.setChecked(compare is not None)
        if compare is not None:
            self.compare_edit.setDate(qdate(compare))

    def choose_year(self, year: int | None) -> None:
        """Tick the reports of one plan year (None: all)."""
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(year)))

    def _plan_year(self) -> int:
        years = [r.year for r in self._reports if r.year is not None and r.id in set(self.chosen_ids())]
        return max(years) if years else self._today.year

    def _set_year_dates(self) -> None:
        for b, (label, day) in zip(self.quick_buttons, quick_dates(self._plan_year(), self._today)):
            b.setText(label)
            b.setToolTip(day.isoformat())
            b.setProperty("day", day.isoformat())

    def _quick(self, n: int) -> None:
        self.as_of_edit.setDate(qdate(quick_dates(self._plan_year(), self._today)[n][1]))

    def _year_chosen(self, _index: int) -> None:
        year = self.year_combo.currentData()
        self.report_list.blockSignals(True)
        for n in range(self.report_list.count()):
            it = self.report_list.item(n)
            rid = int(it.data(Qt.ItemDataRole.UserRole))
            keep = year is None or next((r.year for r in self._reports if r.id == rid), None) == year
            it.setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)
        self.report_list.blockSignals(False)
        self._changed()

    def _compare_toggled(self, on: bool) -> None:
        self.compare_edit.setEnabled(on)
        if on and self.compare_edit.date() == QDate(2000, 1, 1):  # never set: the half year before
            as_of = pydate(self.as_of_edit.date())
            half = date(as_of.year, 6, 30)
            self.compare_edit.setDate(qdate(half if half < as_of else date(as_of.year - 1, 12, 31)))
        self._changed()

    def _changed(self, *_args: object) -> None:
        self._set_year_dates()
        self._timer.start()

    def ask_later(self) -> None:
        """Ask again shortly (the data changed; several changes in a row make one review)."""
        self._timer.start()

    def ask_now(self) -> None:
        """Ask for the review of the current choices at once."""
        self._timer.stop()
        req = self.request()
        if req is None:
            self.status_label.setText(self.tr("请至少勾选一份报告。"))
            return
        self.status_label.setText(self.tr("正在统计…"))
        self.asked.emit(req)

    # ---- the results ----------------------------------------------------------------------------------
    def set_review(self, review: Review) -> None:
        """Show a computed review."""
        self.review = review
        self._set_results_enabled(review.measures > 0)
        self.title_label.setText(rt.title(review))
        self.summary_label.setText("\n".join(rt.overview(review)))
        self.counts_label.setText(counts_html(review))
        self.units.set_rows(unit_rows(review.units))
        self.units_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.units_view.resizeColumnsToContents()
        self.tabs.setTabText(0, self.tr("各单位（%1）").replace("%1", str(len(review.units))))
        self._show_problems()
        rows, ids = movement_rows(review)
        self.moves.set_rows(rows, ids)
        if review.movement is None:
            self.movement_label.setText(self.tr("勾选“对比”并选一个日期，可查看两个日期之间新完成、新增欠进度、新增延期和仍未启动的措施。"))
            self.tabs.setTabText(2, self.tr("前后变化"))
        else:
            self.movement_label.setText(movement_title(review) + "：" + rt.movement_sentence(review))
            self.tabs.setTabText(2, self.tr("前后变化（%1）").replace("%1", str(len(rows))))
        self._fit(self.moves_view)
        self.status_label.setText(self.tr("按历史记录还原%1结束时的情况；共 %2 项措施。")
                                  .replace("%1", rt.day_words(review.as_of, year=True)).replace("%2", str(review.measures)))

    def show_failure(self, text: str) -> None:
        """The review could not be made."""
        self.status_label.setText(text)

    def _show_problems(self, *_args: object) -> None:
        review = self.review
        if review is None:
            return
        label, pick = PROBLEMS[max(0, self.problem_kind.currentIndex())]
        lines = pick(review)
        self.lines.set_rows(line_rows(lines), [m.id for m in lines])
        self.lines_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.tabs.setTabText(1, self.tr("问题清单（%1）").replace("%1", str(len(PROBLEMS[0][1](review)))))
        self._fit(self.lines_view)

    def _fit(self, view: QTableView) -> None:
        # fixed widths by the column's kind: sizing to thousands of rows would hold up the window
        header = view.horizontalHeader()
        model = view.model()
        unit = header.fontMetrics().horizontalAdvance("中")
        for col in range(model.columnCount()):
            name = str(model.headerData(col, Qt.Orientation.Horizontal))
            header.resizeSection(col, unit * _WIDTHS.get(name, 6) + 16)

    def _set_results_enabled(self, on: bool) -> None:
        self.docx_button.setEnabled(on)
        self.export_button.setEnabled(on)

    def _chosen(self, model: RowsModel, row: int) -> None:
        item_id = model.item_id(row)
        if item_id is not None:
            self.measure_chosen.emit(item_id)


def counts_html(review: Review) -> str:
    """The counts and shares by progress (the light) and by status, as two small tables."""
    def table(title: str, counts: Sequence[rm.Count], colours: bool) -> str:
        head = "".join(f"<th style='padding:2px 10px'>{escape(c.name)}</th>" for c in counts)
        nums = "".join(
            f"<td align='center' style='padding:2px 10px;color:{_COLOURS.get(c.name, '#000') if colours else '#000'}'>"
            f"<b>{c.count}</b>　{percent_text(c.share)}</td>" for c in counts)
        return (f"<table cellspacing='0' style='margin-right:18px'><tr><td style='padding:2px 8px'><b>{escape(title)}</b>"
                f"</td>{head}</tr><tr><td style='padding:2px 8px'>项数　占比</td>{nums}</tr></table>")

    totals = (f"工作任务 <b>{review.items}</b> 项（所属措施全部完成 {review.items_done} 项），具体措施 <b>{review.measures}</b> 项，"
              f"逾期未完成 <b style='color:#c62828'>{review.overdue}</b> 项")
    return (f"<div>{totals}</div>" + table("按进度", review.by_category, True)
            + table("按状态", review.by_status, False))
