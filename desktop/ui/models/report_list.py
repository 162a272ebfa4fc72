"""The report list on the left: an "all reports" entry, then reports grouped by plan year."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from desktop.ui.models import ALL_REPORTS  # defined Qt-free there, for the window's frame; imported from here too

if TYPE_CHECKING:
    from db.api import ReportSummary

ReportIdRole = Qt.ItemDataRole.UserRole + 1  # int report id; -1 for "all reports"; None for a year group
SummaryRole = Qt.ItemDataRole.UserRole + 2  # the ReportSummary (None for groups)
ProgressRole = Qt.ItemDataRole.UserRole + 3  # 0–100
OverdueRole = Qt.ItemDataRole.UserRole + 4  # int

_Index = QModelIndex | QPersistentModelIndex


class _Group:
    __slots__ = ("year", "reports")

    def __init__(self, year: int | None) -> None:
        self.year = year
        self.reports: list[ReportSummary] = []


class ReportListModel(QAbstractItemModel):
    """Top level: "all reports" then one row per year; a year's children are its reports.

    Empty until the first set_reports(): while the store is still opening there is nothing to choose.
    internalId is 0 for top-level rows and (group row + 1) for a report, so parent() is O(1).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loaded = False
        self._groups: list[_Group] = []
        self._total_measures = 0
        self._total_overdue = 0

    def set_reports(self, reports: Iterable[ReportSummary]) -> None:
        """Replace the list; years newest first, reports in import order within a year."""
        by_year: dict[int | None, _Group] = {}
        reports = list(reports)
        for rep in reports:
            by_year.setdefault(rep.year, _Group(rep.year)).reports.append(rep)
        groups = sorted(by_year.values(), key=lambda g: (g.year is None, -(g.year or 0)))
        new_shape = [[r.id for r in g.reports] for g in groups]
        old_shape = [[r.id for r in g.reports] for g in self._groups]
        same_years = [g.year for g in groups] == [g.year for g in self._groups]
        self._total_measures = sum(r.measure_count for r in reports)
        self._total_overdue = sum(r.overdue_count for r in reports)
        if self._loaded and new_shape == old_shape and same_years:
            self._groups = groups  # same rows: update in place so selection and expansion stay
            if self.rowCount():
                self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0))
            for n, g in enumerate(groups, 1):
                if g.reports:
                    top = self.index(n, 0)
                    self.dataChanged.emit(self.index(0, 0, top), self.index(len(g.reports) - 1, 0, top))
            return
        self.beginResetModel()
        self._loaded = True
        self._groups = groups
        self.endResetModel()

    def update_reports(self, reports: Iterable[ReportSummary]) -> None:
        """New figures of reports already listed (after an edit), in place; unknown ids are ignored."""
        changed = False
        for rep in reports:
            for n, g in enumerate(self._groups):
                for m, r in enumerate(g.reports):
                    if r.id == rep.id and r.year == rep.year:
                        g.reports[m] = rep
                        idx = self.createIndex(m, 0, n + 1)
                        self.dataChanged.emit(idx, idx)
                        changed = True
        if changed:
            listed = self.reports()
            self._total_measures = sum(r.measure_count for r in listed)
            self._total_overdue = sum(r.overdue_count for r in listed)
            top = self.index(0, 0)
            self.dataChanged.emit(top, top)

    def reports(self) -> list[ReportSummary]:
        """Every report shown, in display order."""
        return [r for g in self._groups for r in g.reports]

    def index_of_report(self, report_id: int) -> QModelIndex:
        """The index of a report (or of the "all reports" row for ALL_REPORTS)."""
        if report_id == ALL_REPORTS:
            return self.index(0, 0)
        for n, g in enumerate(self._groups):
            for m, r in enumerate(g.reports):
                if r.id == report_id:
                    return self.createIndex(m, 0, n + 1)
        return QModelIndex()

    # ---- QAbstractItemModel ----------------------------------------------------------------------
    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < self.rowCount() else QModelIndex()
        if parent.internalId() != 0 or parent.row() == 0:
            return QModelIndex()
        g = self._groups[parent.row() - 1]
        return self.createIndex(row, 0, parent.row()) if row < len(g.reports) else QModelIndex()

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId(), 0, 0)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        if not parent.isValid():
            return 1 + len(self._groups) if self._loaded else 0
        if parent.internalId() != 0 or parent.row() == 0 or parent.column() != 0:
            return 0
        return len(self._groups[parent.row() - 1].reports)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 1

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == 0 and index.row() > 0:
            return Qt.ItemFlag.ItemIsEnabled  # a year heading is not a selectable report
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _report(self, index: _Index) -> ReportSummary | None:
        if index.internalId() == 0:
            return None
        return self._groups[index.internalId() - 1].reports[index.row()]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        t = QCoreApplication.translate
        rep = self._report(index)
        is_all = rep is None and index.row() == 0
        if rep is None and not is_all:
            g = self._groups[index.row() - 1]
            if role == Qt.ItemDataRole.DisplayRole:
                if g.year is None:
                    return t("ReportListModel", "未注明年份")
                return t("ReportListModel", "%1 年").replace("%1", str(g.year))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if is_all:
            return self._all_reports_data(role)
        assert rep is not None
        if role == Qt.ItemDataRole.DisplayRole:
            title = rep.name
            # In front, so an elided long title still shows it is a sample.
            return (t("ReportListModel", "[示例] ") if rep.sample else "") + title
        if role == Qt.ItemDataRole.ToolTipRole:
            # The bar counts tasks (done when all their measures are); say so next to the measure counts.
            return t("ReportListModel", "%1\n文件：%2\n计划部分：%3\n进度条：任务完成 %7 / %8 项\n"
                                        "措施 %4 条，已完成 %5 条，逾期 %6 条") \
                .replace("%1", rep.title).replace("%2", rep.source_name).replace("%3", rep.heading) \
                .replace("%4", str(rep.measure_count)).replace("%5", str(rep.done_count)) \
                .replace("%6", str(rep.overdue_count)).replace("%7", str(rep.done_items)) \
                .replace("%8", str(rep.item_count))
        if role == ReportIdRole:
            return rep.id
        if role == SummaryRole:
            return rep
        if role == ProgressRole:
            return rep.progress
        if role == OverdueRole:
            return rep.overdue_count
        return None

    def _all_reports_data(self, role: int) -> object:
        """The 全部报告 row."""
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ReportListModel", "全部报告")
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate("ReportListModel", "所有报告的全部措施，共 %1 条").replace(
                "%1", str(self._total_measures))
        if role == ReportIdRole:
            return ALL_REPORTS
        if role == OverdueRole:
            return self._total_overdue
        return None
