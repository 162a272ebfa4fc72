"""Export the 台账 (Ctrl+E) and merge units' filled-in copies back, each as a background job."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.errors import Messages, show_error
from desktop.ui.icons import icon
from desktop.ui.models.report_list import ALL_REPORTS

if TYPE_CHECKING:
    from desktop.ui.jobs import Job
    from desktop.ui.main_window import MainWindow


class LedgerFiles:
    """File choosers behind classmethods so tests can answer them."""

    @classmethod
    def save_path(cls, parent: QWidget, suggested: str) -> str:
        """Where to write the ledger ('' when cancelled)."""
        path, _ = QFileDialog.getSaveFileName(parent, parent.tr("导出台账"), suggested,
                                              parent.tr("Excel 工作簿 (*.xlsx)"))
        if path and not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        return path

    @classmethod
    def open_path(cls, parent: QWidget, folder: str) -> str:
        """A filled-in ledger to merge back ('' when cancelled)."""
        path, _ = QFileDialog.getOpenFileName(parent, parent.tr("选择各单位填报后的台账"), folder,
                                              parent.tr("Excel 工作簿 (*.xlsx)"))
        return path


_WARNINGS_SHOWN = 20  # lines in the label; the rest are counted


def merge_warnings_label(preview: object, parent: QWidget | None = None) -> QLabel | None:
    """The merge preview's warnings (a done or closed item set back to 推进中 …) as a label for the merge
    preview dialog, to sit under its summary line; None when the preview has none."""
    lines = list(getattr(preview, "warnings", ()))
    if not lines:
        return None
    shown = lines[:_WARNINGS_SHOWN]
    if len(lines) > len(shown):
        shown.append(QCoreApplication.translate("MergePreviewDialog", "……另有 %1 处，见下方修改列表。").replace("%1", str(len(lines) - len(shown))))
    head = QCoreApplication.translate("MergePreviewDialog", "请核实：以下 %1 处完成状态倒退（已完成或已办结的事项被改回）。合并前请与填报单位确认；"
               "不合并请按“取消”。").replace("%1", str(len(lines)))
    label = QLabel(head + "\n" + "\n".join(shown), parent)
    label.setObjectName("mergeWarnings")
    label.setTextFormat(Qt.TextFormat.PlainText)  # titles may hold < and &
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class MergePreviewDialog(QDialog):
    """What merging a filled-in ledger would change; conflicts need an explicit tick."""

    def __init__(self, preview: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("合并台账：%1").replace("%1", preview.source))  # type: ignore[attr-defined]
        self.resize(720, 480)
        lay = QVBoxLayout(self)
        p = preview
        lay.addWidget(QLabel(self.tr("读取 %1 行；%2 行没有变化；%3 处修改；%4 处与程序中的修改冲突。")
                             .replace("%1", str(p.rows)).replace("%2", str(p.unchanged))  # type: ignore[attr-defined]
                             .replace("%3", str(len(p.changes))).replace("%4", str(len(p.conflicts)))))  # type: ignore[attr-defined]
        warnings = merge_warnings_label(p, self)
        if warnings is not None:
            lay.addWidget(warnings)
        text = QPlainTextEdit()
        text.setReadOnly(True)
        lines = [self._line(c) for c in p.changes]  # type: ignore[attr-defined]
        if p.conflicts:  # type: ignore[attr-defined]
            lines += ["", self.tr("—— 冲突（程序中也改过）——")] + [self._line(c) for c in p.conflicts]  # type: ignore[attr-defined]
        if p.problems:  # type: ignore[attr-defined]
            lines += ["", self.tr("—— 未能使用的行 ——")] + list(p.problems)  # type: ignore[attr-defined]
        text.setPlainText("\n".join(lines))
        lay.addWidget(text, 1)
        self.take_conflicts = QCheckBox(self.tr("冲突处也采用台账中的内容（覆盖程序中的修改）"))
        self.take_conflicts.setEnabled(bool(p.conflicts))  # type: ignore[attr-defined]
        lay.addWidget(self.take_conflicts)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("合并"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not p.is_empty)  # type: ignore[attr-defined]
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def _line(self, c: object) -> str:
        from desktop.ui.models.history import field_label

        mark = "！" if getattr(c, "warning", "") else ""  # the steps back the label above lists
        return f"{mark}{c.number}  {c.title}：{field_label(c.field)}  {c.old or '（空）'} → {c.new or '（空）'}"  # type: ignore[attr-defined]

    @classmethod
    def ask(cls, parent: QWidget, preview: object) -> bool | None:
        """None when cancelled, else whether to take the conflicting values too."""
        dlg = cls(preview, parent)
        return dlg.take_conflicts.isChecked() if dlg.exec() == QDialog.DialogCode.Accepted else None


class _Progress(QObject):
    """A cancellable progress dialog that appears only when a job takes over half a second."""

    def __init__(self, window: MainWindow, job: Job, label: str) -> None:
        super().__init__(window)
        self._window, self._job, self._label = window, job, label
        self._dlg: QProgressDialog | None = None
        QTimer.singleShot(500, self._show)
        job.signals.progress_changed.connect(self._progress)
        for sig in (job.signals.finished, job.signals.failed, job.signals.cancelled):
            sig.connect(self._close)

    def _show(self) -> None:
        if self._job is None:
            return
        self._dlg = QProgressDialog(self._label, self._window.tr("取消"), 0, 0, self._window)
        self._dlg.setWindowModality(Qt.WindowModality.WindowModal)
        self._dlg.setMinimumDuration(0)
        self._dlg.canceled.connect(self._job.cancel)
        self._dlg.show()

    def _progress(self, done: int, total: int) -> None:
        if self._dlg is not None:
            self._dlg.setMaximum(total)
            self._dlg.setValue(done)

    def _close(self, *_a: object) -> None:
        self._job = None  # type: ignore[assignment]
        if self._dlg is not None:
            self._dlg.canceled.disconnect()
            self._dlg.close()
            self._dlg.deleteLater()
        self.deleteLater()


def export_ledger(window: MainWindow) -> None:
    """Ctrl+E: write the ledger of the selected report (or of all reports) to an .xlsx file."""
    from desktop.services.export import export_ledger as export

    rid = window._report_id
    reports = window.report_model.reports()
    name = window.tr("工作任务台账")
    if rid not in (None, ALL_REPORTS):
        rep = next((r for r in reports if r.id == rid), None)
        if rep is not None:
            name = f"{rep.title or rep.source_name}-{name}"
    folder = str(window.settings.value("folders/export", str(Path.home())))
    path = LedgerFiles.save_path(window, str(Path(folder) / f"{name}-{date.today():%Y%m%d}.xlsx"))
    if not path:
        return
    window.settings.setValue("folders/export", str(Path(path).parent))
    ids = None if rid in (None, ALL_REPORTS) else [rid]

    def done(result: object) -> None:
        window.statusBar().showMessage(window.tr("已导出 %1 行到 %2").replace("%1", str(result.rows))  # type: ignore[attr-defined]
                                       .replace("%2", str(result.path)), 10000)  # type: ignore[attr-defined]
        window.export_finished.emit(result)

    job = window.jobs.db(export, window.store, path, report_ids=ids, on_done=done,
                         on_error=lambda e: show_error(window, e, window.tr("导出失败")))
    job.signals.cancelled.connect(lambda: window.statusBar().showMessage(window.tr("已取消导出"), 4000))
    _Progress(window, job, window.tr("正在导出台账…"))


def merge_ledger(window: MainWindow, path: str | None = None) -> None:
    """Read a unit's filled-in ledger, show what would change, and write it after confirmation.

    The merge written is one step on the undo stack (the rest of the history stays).
    """
    from desktop.services.merge import MergeApplyError, preview_merge

    if path is None:
        folder = str(window.settings.value("folders/merge", str(Path.home())))
        path = LedgerFiles.open_path(window, folder)
        if not path:
            return
        window.settings.setValue("folders/merge", str(Path(path).parent))
    source = Path(path).name

    def applied(result: object) -> None:
        rows, stopped = result  # type: ignore[misc]
        if stopped:
            window.statusBar().showMessage(window.tr("已取消合并；取消前已写入 %1 条，可撤销").replace("%1", str(len(rows))),
                                           10000)
        else:
            window.statusBar().showMessage(window.tr("已合并 %1 条").replace("%1", str(len(rows))), 10000)
        push_merge_step(window, source, rows)
        window.refresh()
        window.merge_finished.emit(len(rows))

    def failed(exc: Exception) -> None:
        if isinstance(exc, MergeApplyError):
            push_merge_step(window, source, exc.rows)  # what was written can be taken back
        show_error(window, exc, window.tr("合并失败"))
        window.refresh()
        window.merge_finished.emit(exc)

    def previewed(preview: object) -> None:
        if preview.is_empty and not preview.problems:  # type: ignore[attr-defined]
            Messages.warn(window, window.tr("合并台账"), window.tr("这份台账与程序中的内容一致，没有需要合并的修改。"))
            window.merge_finished.emit(0)
            return
        take = MergePreviewDialog.ask(window, preview)
        if take is None:
            window.merge_finished.emit(None)
            return
        job = window.jobs.db(_apply, window.store, preview, who=preview.source,  # type: ignore[attr-defined]
                             accept_conflicts=take, on_done=applied, on_error=failed)
        _Progress(window, job, window.tr("正在合并…"))

    job = window.jobs.db(preview_merge, window.store, path, on_done=previewed, on_error=failed)
    _Progress(window, job, window.tr("正在读取台账…"))


def _apply(store: object, preview: object, *, who: str, accept_conflicts: bool,
           on_progress: object = None, is_cancelled: object = None) -> tuple[list[object], bool]:
    """Apply a merge; (rows written, whether the clerk stopped it): stopped rows stay written and undoable."""
    from desktop.services.merge import MergeCancelled, apply_merge_rows

    try:
        return apply_merge_rows(store, preview, who=who, accept_conflicts=accept_conflicts,  # type: ignore[arg-type]
                                on_progress=on_progress, is_cancelled=is_cancelled), False  # type: ignore[arg-type]
    except MergeCancelled as exc:
        return list(exc.rows), True


def push_merge_step(window: MainWindow, source: str, rows: object) -> None:
    """Put a written merge on the undo stack as one step (nothing when no row was written)."""
    from desktop.ui.commands import MergeCommand

    rows = list(rows)  # type: ignore[call-overload]
    if not rows:
        return
    text = QCoreApplication.translate("MainWindow", "合并“%1”（%2 条）").replace("%1", source).replace("%2", str(len(rows)))
    window.undo_stack.push(MergeCommand(text, rows, lambda writes, done, undo: _write_back(window, writes, done, undo),
                                        window.seen_version))


def _write_back(window: MainWindow, writes: list[tuple[int, dict[str, object], int]],
                done: object, undo: bool) -> None:
    """Undo or redo of a merge: write the rows in a job; the window takes no input until it is done."""
    from desktop.services.merge import write_back

    busy = QProgressDialog(window.tr("正在撤销合并…") if undo else window.tr("正在重做合并…"), "", 0, 0, window)
    busy.setCancelButton(None)  # half an undo is worse than waiting for it
    busy.setWindowModality(Qt.WindowModality.WindowModal)  # a second Ctrl+Z waits for this one
    busy.setMinimumDuration(0)
    busy.show()

    def finished(result: object) -> None:
        busy.close()
        busy.deleteLater()
        window.rows_written(result.rows)  # type: ignore[attr-defined]
        done(result.rows, result.conflicts)  # type: ignore[operator, attr-defined]
        said = window.tr("已撤销合并的 %1 条") if undo else window.tr("已重做合并的 %1 条")
        window.statusBar().showMessage(said.replace("%1", str(len(result.rows))), 10000)  # type: ignore[attr-defined]
        if result.conflicts:  # type: ignore[attr-defined]
            Messages.warn(window, window.tr("部分条目保持原样"),
                          window.tr("有 %1 条在合并之后又被修改过（您或其他人），这些条目保持现在的内容，没有随撤销或重做改变。")
                          .replace("%1", str(len(result.conflicts))))  # type: ignore[attr-defined]
        window.refresh()
        window.merge_finished.emit(len(result.rows))  # type: ignore[attr-defined]

    def failed(exc: Exception) -> None:
        busy.close()
        busy.deleteLater()
        show_error(window, exc, window.tr("撤销合并失败") if undo else window.tr("重做合并失败"))
        window.refresh()
        window.merge_finished.emit(exc)

    window.jobs.db(write_back, window.store, writes, who=window.who, on_done=finished, on_error=failed)
