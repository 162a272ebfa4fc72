"""Paints a report in the list: title, a thin progress bar with the rate, and the overdue count."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.ui.models.report_list import OverdueRole, ProgressRole, ReportIdRole

_BAR_BG = QColor("#e3e8ef")
_BAR_FG = QColor("#2f7ae5")
_RED = QColor("#c62828")
_MUTED = QColor("#6b7280")


class ReportDelegate(QStyledItemDelegate):
    """Two lines per report; a year heading or the "all" row stays one line."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        base = super().sizeHint(option, index)
        if index.data(ProgressRole) is None:
            return QSize(base.width(), base.height() + 8)
        return QSize(base.width(), base.height() * 2 + 8)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        progress = index.data(ProgressRole)
        if progress is None and index.data(ReportIdRole) is None:
            super().paint(painter, option, index)  # year heading
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget else None
        text = opt.text
        opt.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        rect = opt.rect.adjusted(6, 4, -8, -4)
        fm = opt.fontMetrics
        line_h = fm.height()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        overdue = int(index.data(OverdueRole) or 0)
        badge = ""
        if overdue:
            badge = QCoreApplication.translate("ReportDelegate", "逾期 %1").replace("%1", str(overdue))
        badge_w = fm.horizontalAdvance(badge) + 6 if badge else 0
        title_rect = QRect(rect.left(), rect.top(), rect.width() - badge_w, line_h)
        painter.setPen(opt.palette.highlightedText().color() if selected else opt.palette.text().color())
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         fm.elidedText(text, Qt.TextElideMode.ElideRight, title_rect.width()))
        if badge:
            painter.setPen(_RED if not selected else opt.palette.highlightedText().color())
            painter.drawText(QRect(rect.right() - badge_w, rect.top(), badge_w, line_h),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, badge)
        if progress is not None:
            pct = f"{int(progress)}%"
            pct_w = fm.horizontalAdvance("100%") + 6
            bar_top = rect.top() + line_h + 4 + (line_h - 6) // 2
            bar = QRect(rect.left(), bar_top, rect.width() - pct_w, 6)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_BAR_BG)
            painter.drawRoundedRect(bar, 3, 3)
            if progress:
                painter.setBrush(_BAR_FG)
                painter.drawRoundedRect(QRect(bar.left(), bar.top(), max(6, bar.width() * int(progress) // 100), 6), 3, 3)
            painter.setPen(opt.palette.highlightedText().color() if selected else _MUTED)
            painter.drawText(QRect(rect.right() - pct_w, rect.top() + line_h + 4, pct_w, line_h),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, pct)
        painter.restore()
