"""Import: parse files in the background, preview and edit them, then save what the clerk confirms."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from desktop.core.types import Plan, ProgressFn, ReportDocument
from desktop.services.parsing import ParsedFile, parse_files

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow



@dataclass(frozen=True)
class ConfirmedPlan:
    """What the preview hands back for saving."""

    name: str
    plan: Plan
    doc: ReportDocument
    allow_duplicate: bool = False


def save_plans(store: object, plans: Sequence[ConfirmedPlan], *, who: str,
               on_progress: ProgressFn | None = None) -> list[tuple[str, object]]:
    """Import each confirmed plan in its own transaction; returns (name, ImportResult or the error)."""
    results: list[tuple[str, object]] = []
    for n, cp in enumerate(plans):
        try:
            res = store.import_plan(cp.plan, sha256=cp.doc.sha256, original_text=cp.doc.text,  # type: ignore[attr-defined]
                                    allow_duplicate=cp.allow_duplicate, who=who)
        except Exception as exc:  # noqa: BLE001 — one refused report must not stop the rest
            results.append((cp.name, exc))
        else:
            results.append((cp.name, res))
        if on_progress is not None:
            on_progress(n + 1, len(plans))
    return results


class FileDialogs:
    """File choosers behind classmethods so tests can answer them."""

    @classmethod
    def pick_reports(cls, parent: QWidget, start_dir: str) -> list[str]:
        """Let the clerk choose one or more report files."""
        title = parent.tr("选择要导入的工作总结")
        filt = parent.tr("工作总结 (*.docx *.txt);;所有文件 (*)")
        paths, _ = QFileDialog.getOpenFileNames(parent, title, start_dir, filt)
        return paths


class ImportFlow(QObject):
    """One import from file choice to saved reports; owned by the window while it runs."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._progress: QProgressDialog | None = None
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.setInterval(500)  # quick imports never flash a dialog
        self._show_timer.timeout.connect(self._show_progress)
        self._job = None

    @classmethod
    def for_window(cls, window: MainWindow) -> ImportFlow:
        """A new flow parented to the window."""
        return cls(window)

    def choose(self) -> None:
        """Ask for files (remembering the folder), then start."""
        w = self._window
        start = str(w.settings.value("folders/import", str(Path.home())))
        paths = FileDialogs.pick_reports(w, start)
        if paths:
            w.settings.setValue("folders/import", str(Path(paths[0]).parent))
            self.start(paths)
        else:
            self.deleteLater()

    def start(self, paths: list[str]) -> None:
        """Parse in the background with a cancellable progress dialog."""
        w = self._window
        w.statusBar().showMessage(w.tr("正在读取 %1 个文件…").replace("%1", str(len(paths))))
        self._job = w.jobs.work(parse_files, paths, on_done=self._parsed, on_error=self._failed)
        self._job.signals.progress_changed.connect(self._on_progress)
        self._job.signals.cancelled.connect(self._cancelled)
        self._total = len(paths)
        self._show_timer.start()

    def _show_progress(self) -> None:
        w = self._window
        dlg = QProgressDialog(w.tr("正在读取报告…"), w.tr("取消"), 0, self._total, w)
        dlg.setWindowTitle(w.tr("导入报告"))
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        dlg.setMinimumDuration(0)
        dlg.canceled.connect(self.cancel)
        self._progress = dlg
        dlg.show()

    def cancel(self) -> None:
        """Stop parsing; nothing is saved."""
        if self._job is not None:
            self._job.cancel()

    def _on_progress(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress.setMaximum(total)
            self._progress.setValue(done)

    def _close_progress(self) -> None:
        self._show_timer.stop()
        if self._progress is not None:
            self._progress.canceled.disconnect(self.cancel)
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None

    def _cancelled(self) -> None:
        self._close_progress()
        self._window.statusBar().showMessage(self._window.tr("已取消导入"), 4000)
        self.deleteLater()

    def _failed(self, exc: Exception) -> None:
        from desktop.ui.errors import show_error

        self._close_progress()
        show_error(self._window, exc, self._window.tr("导入失败"))
        self.deleteLater()

    def _parsed(self, files: list[ParsedFile]) -> None:
        from desktop.ui.dialogs.import_preview import ImportPreviewDialog

        self._close_progress()
        w = self._window
        w.statusBar().clearMessage()
        try:
            confirmed = ImportPreviewDialog.review(w, files)
        except Exception as exc:  # noqa: BLE001 — a preview bug must not lose the clerk's window
            from desktop.ui.errors import show_error

            show_error(w, exc, w.tr("导入预览出错"))
            confirmed = None
        if not confirmed:
            w.statusBar().showMessage(w.tr("没有导入任何报告"), 4000)
            w.import_finished.emit([])
            self.deleteLater()
            return
        self.save(confirmed)

    def save(self, confirmed: list[ConfirmedPlan]) -> None:
        """Write the confirmed plans on the database thread."""
        w = self._window
        self._confirmed = {cp.name: cp for cp in confirmed}
        self._earlier: list[tuple[str, object]] = []
        w.statusBar().showMessage(w.tr("正在保存…"))
        w.jobs.db(save_plans, w.store, confirmed, who=w.who, on_done=self._saved, on_error=self._failed)

    def _saved(self, results: list[tuple[str, object]]) -> None:
        from db.api import DuplicateReportError
        from desktop.ui.errors import Messages, friendly

        w = self._window
        dups = [n for n, r in results if isinstance(r, DuplicateReportError) and n in self._confirmed
                and not self._confirmed[n].allow_duplicate]
        if dups and Messages.confirm(w, w.tr("文件已导入过"), w.tr("以下文件以前已经导入过：\n%1\n\n仍要再导入一份吗？")
                                     .replace("%1", "\n".join(f"• {n}" for n in dups))):
            # Ask once, then save those again allowing the duplicate.
            self._earlier = [(n, r) for n, r in results if n not in dups]
            again = [replace(self._confirmed[n], allow_duplicate=True) for n in dups]
            for cp in again:
                self._confirmed[cp.name] = cp
            w.jobs.db(save_plans, w.store, again, who=w.who, on_done=self._saved, on_error=self._failed)
            return
        results = self._earlier + results
        ok = [(n, r) for n, r in results if not isinstance(r, Exception)]
        bad = [(n, r) for n, r in results if isinstance(r, Exception)]
        if ok:
            w.statusBar().showMessage(w.tr("已导入 %1 份报告，共 %2 条措施").replace("%1", str(len(ok)))
                                      .replace("%2", str(sum(r.measures for _n, r in ok))), 8000)  # type: ignore[attr-defined]
            w._report_id = None  # select the newly imported report once the list is back
            w.settings.setValue("view/report", ok[0][1].report_id)  # type: ignore[attr-defined]
            w.reload_reports()
        if bad:
            lines = "\n".join(f"• {n}：{friendly(e)}" for n, e in bad)  # type: ignore[arg-type]
            Messages.warn(w, w.tr("部分报告没有导入"), w.tr("以下文件没有导入：\n%1").replace("%1", lines))
        w.import_finished.emit(results)
        self.deleteLater()
