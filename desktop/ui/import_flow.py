"""Import: parse files in the parser process, preview and edit them, then save what the clerk confirms."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.services.importing import ConfirmedPlan, save_plans
from desktop.ui.dialogs.import_preview import ImportPreviewDialog
from desktop.ui.errors import Messages, friendly, show_error
from desktop.ui.ops import StoreOp
from desktop.ui.progress import DelayedProgress

if TYPE_CHECKING:
    from db.api import ImportResult
    from db.carry import CarryResult
    from db.store import Store
    from desktop.core.types import CancelFn, ProgressFn
    from desktop.services.parsing import ParsedFile
    from desktop.ui.flow_host import FlowHost
    from desktop.ui.jobs import JobRunner


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class FileDialogs:
    """File choosers behind classmethods so tests can answer them."""

    @classmethod
    def pick_reports(cls, parent: QWidget, start_dir: str) -> list[str]:
        """Let the clerk choose one or more report files."""
        title = parent.tr("选择要导入的工作总结")
        filt = parent.tr("工作总结 (*.docx *.txt);;所有文件 (*)")
        paths, _ = QFileDialog.getOpenFileNames(parent, title, start_dir, filt)
        return paths


def parse_in_worker(paths: list[str], *, on_progress: ProgressFn, is_cancelled: CancelFn) -> list[ParsedFile]:
    """Parse files in the parser process (run as a job: it waits for the process, never the UI thread)."""
    # Imported in the job: multiprocessing costs ~25 ms to import, which the UI thread must not pay.
    from desktop.services.parser_pool import parse_files

    return parse_files(paths, on_progress=on_progress, is_cancelled=is_cancelled)


class ImportFlow(QObject):
    """One import from file choice to saved reports; owned by the window while it runs."""

    def __init__(self, host: FlowHost, jobs: JobRunner) -> None:
        super().__init__(host.widget)
        self._host, self._jobs = host, jobs
        self._confirmed: dict[str, ConfirmedPlan] = {}
        self._earlier: list[tuple[str, ImportResult | Exception]] = []
        self._carried: list[tuple[str, CarryResult | Exception]] = []  # 结转 into the new plans, as it went

    def choose(self) -> None:
        """Ask for files (remembering the folder), then start."""
        host = self._host
        start = str(host.settings.value("folders/import", str(Path.home())))
        paths = FileDialogs.pick_reports(host.widget, start)
        if paths:
            host.settings.setValue("folders/import", str(Path(paths[0]).parent))
            self.start(paths)
        else:
            self.deleteLater()

    def start(self, paths: list[str]) -> None:
        """Parse in the background with a cancellable progress dialog."""
        host = self._host
        host.say(_t("正在读取 %1 个文件…").replace("%1", str(len(paths))))
        job = self._jobs.work(parse_in_worker, list(paths), on_done=self._parsed, on_error=self._failed)
        job.signals.cancelled.connect(self._cancelled)
        DelayedProgress(host.widget, job, _t("正在读取报告…"), title=_t("导入报告"))

    def _cancelled(self) -> None:
        self._host.say(_t("已取消导入"), 4000)
        self.deleteLater()

    def _failed(self, exc: Exception) -> None:
        show_error(self._host.widget, exc, _t("导入失败"))
        self.deleteLater()

    def _parsed(self, files: list[ParsedFile]) -> None:
        host = self._host
        host.say("")
        try:
            confirmed = ImportPreviewDialog.review(host.widget, files)
        except Exception as exc:  # noqa: BLE001 — a preview bug must not lose the clerk's window
            show_error(host.widget, exc, _t("导入预览出错"))
            confirmed = None
        if not confirmed:
            host.say(_t("没有导入任何报告"), 4000)
            host.import_done([])
            self.deleteLater()
            return
        self.save(confirmed)

    def save(self, confirmed: list[ConfirmedPlan]) -> None:
        """Write the confirmed plans as one store op (each plan in its own transaction)."""
        self._confirmed = {cp.name: cp for cp in confirmed}
        self._earlier = []
        self._host.say(_t("正在保存…"))
        self._save(confirmed)

    def _save(self, plans: list[ConfirmedPlan]) -> None:
        who = self._host.who

        carried = self._carried

        def write(store: Store) -> list[tuple[str, ImportResult | Exception]]:
            return save_plans(store, plans, who=who, carried=carried)

        StoreOp(self._host.widget, write).success(self._saved).failure(self._failed).run()

    def _saved(self, results: list[tuple[str, ImportResult | Exception]]) -> None:
        from db.api import DuplicateReportError  # the store's types are loaded by now; the first paint does without

        host = self._host
        dups = [n for n, r in results if isinstance(r, DuplicateReportError) and n in self._confirmed
                and not self._confirmed[n].allow_duplicate]
        why = {n: r for n, r in results if n in dups}
        if dups and Messages.confirm(host.widget, _t("文件已导入过"), _t("以下文件以前已经导入过：\n%1\n\n仍要再导入一份吗？")
                                     .replace("%1", "\n".join(f"• {n}{_twin(why[n])}" for n in dups))):
            # Ask once, then save those again allowing the duplicate.
            self._earlier = [(n, r) for n, r in results if n not in dups]
            again = [replace(self._confirmed[n], allow_duplicate=True) for n in dups]
            for cp in again:
                self._confirmed[cp.name] = cp
            self._save(again)
            return
        results = self._earlier + results
        ok = [(n, r) for n, r in results if not isinstance(r, Exception)]
        bad = [(n, r) for n, r in results if isinstance(r, Exception)]
        if ok:
            carried = sum(len(c.carried) for _n, c in self._carried if not isinstance(c, Exception))
            host.say(_t("已导入 %1 份报告，共 %2 条措施").replace("%1", str(len(ok)))
                     .replace("%2", str(sum(r.measures for _n, r in ok)))
                     + (_t("；已结转上期未完成措施 %1 项").replace("%1", str(carried)) if carried else ""), 8000)
            host.open_imported(ok[0][1].report_id)
        refused = [(n, e) for n, e in self._carried if isinstance(e, Exception)]
        if refused:
            Messages.warn(host.widget, _t("上期未完成措施没有结转"), _t("报告已导入，但结转没有完成：\n%1\n可在报告中选中措施后用“结转”重试。")
                          .replace("%1", "\n".join(f"• {n}：{friendly(e)}" for n, e in refused)))
        if bad:
            lines = "\n".join(f"• {n}：{friendly(e)}" for n, e in bad)
            Messages.warn(host.widget, _t("部分报告没有导入"), _t("以下文件没有导入：\n%1").replace("%1", lines))
        host.import_done(list(results))
        self.deleteLater()


def _twin(exc: ImportResult | Exception) -> str:
    """What an already imported file is the same as: its bytes, or (another file of one report) its plan."""
    from desktop.services.importing import SamePlanError

    title = getattr(exc, "title", "") or ""
    if isinstance(exc, SamePlanError):
        return _t("（另一个文件，计划与已导入的“%1”相同）").replace("%1", title)
    return _t("（已导入为“%1”）").replace("%1", title) if title else ""
