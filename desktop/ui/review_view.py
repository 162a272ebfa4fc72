"""The 对账 room: opens the review window, computes the review on the database lane, writes the 通报 and the ledger.

The review is read from history by desktop/services/review.py (a 50,000-measure review takes about a
second, so it runs as a StoreQuery with the delayed progress dialog); the 通报 .docx is written on the
work pool, the ledger through the window's export flow with the review's dates filled in.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.ui.ops import StoreQuery

if TYPE_CHECKING:
    from db.store import Store
    from desktop.core.review_model import Review
    from desktop.ui.dialogs.review_dialog import ReviewDialog, ReviewRequest
    from desktop.ui.main_window import MainWindow


def _t(text: str) -> str:
    return QCoreApplication.translate("ReviewView", text)


class NoticeFiles:
    """The file chooser behind a classmethod so tests can answer it."""

    @classmethod
    def save_path(cls, parent: QWidget, suggested: str) -> str:
        """Where to write the 通报 draft ('' when cancelled)."""
        path, _ = QFileDialog.getSaveFileName(parent, _t("保存督查通报草稿"), suggested, _t("Word 文档 (*.docx)"))
        if path and not path.lower().endswith(".docx"):
            path += ".docx"
        return path


class ReviewRoom(QObject):
    """查看 ▸ 年终对账 (Ctrl+D): one review window per main window."""

    review_shown = Signal(object)  # Review: the window now shows it
    notice_written = Signal(object)  # Path of the 通报 written, or the error

    def __init__(self, window: MainWindow, today: date | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._today = today
        self.dialog: ReviewDialog | None = None
        self._generation = 0

    def open(self) -> ReviewDialog:
        """Show the review window (built on first use from the report list already loaded) and compute."""
        from desktop.ui.dialogs.review_dialog import ReportChoice, ReviewDialog  # loads when first opened

        if self.dialog is None:
            reports = [ReportChoice(r.id, r.name, r.year)
                       for r in self._window.report_model.reports()]
            rule = str(self._window.settings.value("view/light_rule", "deadline"))
            d = ReviewDialog(reports, today=self._today or date.today(), rule=rule, parent=self._window)
            d.asked.connect(self.compute)
            d.docx_requested.connect(self.write_notice)
            d.export_requested.connect(self.export_ledger)
            d.measure_chosen.connect(self._show_measure)
            # an edit, undo or merge in the window while the view is open: the figures follow
            self._window.changes_settled.connect(self._data_changed)
            self._window.merge_finished.connect(self._data_changed)
            self.dialog = d
            d.ask_now()
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def _data_changed(self, *_args: object) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.ask_later()

    def compute(self, req: ReviewRequest) -> None:
        """Compute a review on the database lane; only the newest request's answer is shown."""
        from desktop.services.review import build_review

        self._generation += 1
        generation = self._generation

        def read(store: Store) -> Review:
            return build_review(store, as_of=req.as_of, report_ids=req.report_ids, year=req.year,
                                compare=req.compare, rule=req.rule)

        parent = self.dialog if self.dialog is not None else self._window
        StoreQuery(parent, read).success(lambda review: self._shown(generation, review)) \
            .failure(lambda exc: self._failed(generation, exc)) \
            .with_progress(_t("正在对账…"), cancellable=False).run()

    def _shown(self, generation: int, review: Review) -> None:
        if generation != self._generation or self.dialog is None:
            return
        self.dialog.set_review(review)
        self.review_shown.emit(review)

    def _failed(self, generation: int, exc: Exception) -> None:
        from desktop.ui.errors import friendly

        if generation == self._generation and self.dialog is not None:
            self.dialog.show_failure(_t("无法对账：%1").replace("%1", friendly(exc)))

    def write_notice(self) -> None:
        """Write the 督查通报 draft of the review shown, on the work pool (a large 附件 takes a second)."""
        from desktop.core.notice_docx import write_notice
        from desktop.core.review_text import subject

        d = self.dialog
        if d is None or d.review is None:
            return
        review = d.review
        settings = self._window.settings
        folder = str(settings.value("folders/notice", str(Path.home())))
        name = f"关于{subject(review)}工作任务推进情况的通报-{review.as_of:%Y%m%d}.docx".replace("/", "-")
        path = NoticeFiles.save_path(d, str(Path(folder) / name))
        if not path:
            return
        settings.setValue("folders/notice", str(Path(path).parent))
        d.status_label.setText(_t("正在写入督查通报…"))
        self._window.jobs.work(write_notice, path, review, on_done=self._notice_done,
                               on_error=self._notice_failed)

    def _notice_done(self, path: Path) -> None:
        text = _t("督查通报草稿已写入 %1（【】内为待填写内容）").replace("%1", str(path))
        if self.dialog is not None:
            self.dialog.status_label.setText(text)
        self._window.say(text, 10000)
        self.notice_written.emit(path)

    def _notice_failed(self, exc: Exception) -> None:
        from desktop.ui.errors import show_error

        if self.dialog is not None:
            self.dialog.status_label.setText("")
        show_error(self.dialog or self._window, exc, _t("督查通报没有写成"))
        self.notice_written.emit(exc)

    def export_ledger(self) -> None:
        """Export the ledger as of the review's date (the export dialog opens with the dates filled in)."""
        from desktop.ui.dialogs.export_dialog import ExportChoices
        from desktop.ui.export_actions import export_ledger

        d = self.dialog
        if d is None or d.review is None:
            return
        review = d.review
        dates = [review.as_of]
        if review.movement is not None:
            dates = sorted({review.movement.earlier, review.movement.later})
        ids = tuple(r.id for r in review.chosen or review.reports)
        export_ledger(self._window, preset=ExportChoices(report_ids=ids, as_of=review.as_of,
                                                         reconcile_dates=tuple(dates), one_sheet=len(ids) <= 1),
                      parent=d)

    def _show_measure(self, item_id: int) -> None:
        """Double-click in a list: the main window shows the measure (its report's tree opens if need be)."""
        review = self.dialog.review if self.dialog is not None else None
        line = next((m for m in review.lines if m.id == item_id), None) if review is not None else None
        if line is not None:
            self._window.go_to_item(item_id, line.report_id)
            self._window.raise_()
