"""The quiet bar on start: `本周到期 N 项，已逾期 M 项`, one click to list them, one to put it away."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from desktop.ui.ops import StoreQuery

if TYPE_CHECKING:
    from desktop.services.reminders import Reminders
    from desktop.ui.main_window import MainWindow


class ReminderBar(QFrame):
    """本周到期 N 项，已逾期 M 项 · 查看 · ×"""

    show_requested = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminderBar")
        self.setStyleSheet("#reminderBar { background: #fff8e1; border: 1px solid #f0d48a; border-radius: 4px; }")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(10, 4, 6, 4)
        self.label = QLabel(self)
        self.label.setObjectName("reminderText")
        self.show_button = QPushButton(self.tr("查看这些措施"), self)
        self.show_button.setObjectName("reminderShow")
        self.show_button.setFlat(True)
        self.show_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.show_button.setStyleSheet("color: #2f6fd0;")
        self.close_button = QToolButton(self)
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("不再显示（下次启动时再提醒）"))
        lay.addWidget(self.label)
        lay.addWidget(self.show_button)
        lay.addStretch(1)
        lay.addWidget(self.close_button)
        self.show_button.clicked.connect(self.show_requested)
        self.close_button.clicked.connect(self._dismiss)
        self.hide()

    def set_text(self, text: str, tip: str) -> None:
        """Show the counts."""
        self.label.setText(text)
        self.label.setToolTip(tip)
        self.show()

    def _dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()


class Reminding(QObject):
    """Reads the reminders once the report list is first shown, and filters the views to them on a click."""

    shown = Signal(object)  # Reminders, once the bar shows them (or found nothing)

    def __init__(self, window: MainWindow, today: date | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._today = today
        self.reminders: Reminders | None = None
        self.bar = ReminderBar()
        # above the hint and the filter bar, over the tree (the middle pane's layout)
        middle = window.views.hint.parentWidget()
        layout = middle.layout() if middle is not None else None
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(0, self.bar)
        self.bar.show_requested.connect(self.filter_to_them)
        self._asked = False

    def check(self) -> None:
        """Read the reminders (once a session: the bar is quiet)."""
        if self._asked or self._window.store is None:
            return
        self._asked = True
        from desktop.services.reminders import reminders

        today = self._today
        StoreQuery(self._window, lambda store: reminders(store, today=today)).success(self._got) \
            .failure(lambda _exc: None).run()  # a reminder that cannot be read is not worth a message box

    def _got(self, found: Reminders) -> None:
        self.reminders = found
        if not found.is_empty:
            tip = self._window.tr("%1 至 %2 到期且未完成的措施，和已过完成时限仍未完成的措施（不含长期坚持）") \
                .replace("%1", found.today.isoformat()).replace("%2", found.week_end.isoformat())
            self.bar.set_text(found.text, tip)
        self.shown.emit(found)

    def filter_to_them(self) -> None:
        """All reports' measures, unfinished and due by Sunday (the overdue ones among them)."""
        from desktop.ui.models.report_list import ALL_REPORTS

        found = self.reminders
        if found is None:
            return
        bar = self._window.views.filter_bar
        bar.clear()
        bar.status.setCurrentIndex(max(0, bar.status.findText(bar.tr("未完成"))))
        # 0 on the spin box means no limit: on a Sunday, "by tomorrow" is the nearest it can say
        bar.due_within.setValue(max(1, (found.week_end - found.today).days))
        self._window.select_report(ALL_REPORTS)
