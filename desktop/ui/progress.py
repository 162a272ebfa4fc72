"""The one progress dialog: it appears only when a job takes over half a second, and follows the job's progress."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

if TYPE_CHECKING:
    from desktop.ui.jobs import Job

SHOW_AFTER_MS = 500  # quick jobs never flash a dialog


class DelayedProgress(QObject):
    """A window-modal progress dialog for `job`, shown after SHOW_AFTER_MS; Cancel cancels the job.

    `cancellable=False` is for work that must not stop half-way (undoing a merge): no Cancel button, and the
    window takes no input until the job has reported back.
    """

    def __init__(self, parent: QWidget, job: Job, label: str, *, cancellable: bool = True, title: str = "",
                 show_after_ms: int = SHOW_AFTER_MS) -> None:
        super().__init__(parent)
        self._parent, self._job, self._label, self._cancellable = parent, job, label, cancellable
        self._title = title
        self._dlg: QProgressDialog | None = None
        self._total = 0
        self._done = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show)
        self._timer.start(show_after_ms)
        job.signals.progress_changed.connect(self._progress)
        for sig in (job.signals.finished, job.signals.failed, job.signals.cancelled):
            sig.connect(self._close)

    @property
    def dialog(self) -> QProgressDialog | None:
        """The dialog once shown (tests look at it)."""
        return self._dlg

    def _show(self) -> None:
        if self._job is None:
            return
        cancel_text = self._parent.tr("取消") if self._cancellable else ""
        dlg = QProgressDialog(self._label, cancel_text, 0, self._total, self._parent)
        if not self._cancellable:
            dlg.setCancelButton(None)  # half an undo is worse than waiting for it
        if self._title:
            dlg.setWindowTitle(self._title)
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        dlg.setMinimumDuration(0)
        dlg.setValue(self._done)
        if self._cancellable:
            dlg.canceled.connect(self._job.cancel)
        self._dlg = dlg
        dlg.show()

    def _progress(self, done: int, total: int) -> None:
        self._done, self._total = done, total
        if self._dlg is not None:
            self._dlg.setMaximum(total)
            self._dlg.setValue(done)

    def _close(self, *_args: object) -> None:
        self._job = None  # type: ignore[assignment]
        self._timer.stop()
        if self._dlg is not None:
            if self._cancellable:
                self._dlg.canceled.disconnect()
            self._dlg.close()
            self._dlg.deleteLater()
            self._dlg = None
        self.deleteLater()
