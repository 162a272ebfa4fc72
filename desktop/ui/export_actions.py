"""Export the 台账 (Ctrl+E) and merge units' filled-in copies back, each as a store op with a delayed progress dialog."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.ui.dialogs.merge_preview import MergePreviewDialog
from desktop.ui.errors import Messages, show_error
from desktop.ui.ops import StoreOp, StoreQuery

if TYPE_CHECKING:
    from db.item_row import ItemRow
    from db.store import Store
    from desktop.services.export import ExportResult
    from desktop.services.merge import FieldChange, MergePreview, RowValues, WrittenBack
    from desktop.ui.dialogs.export_dialog import ExportChoices
    from desktop.ui.commands import Refused, Writes
    from desktop.ui.flow_host import FlowHost


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


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


def export_ledger(host: FlowHost, *, preset: ExportChoices | None = None, parent: QWidget | None = None) -> None:
    """Ctrl+E: ask the options (export_dialog.py), then write the ledger of the selected report (or all) to .xlsx.

    `preset` fills the options in (the 对账 view exports as of its date); the result says how many
    measures an as-of export left out because they came later.
    """
    from desktop.services.export import export_ledger as export  # openpyxl and xlsxwriter load when first used
    from desktop.ui.dialogs.export_dialog import ExportChoices, ExportDialog

    w = host.widget
    rep = host.current_report()
    if preset is None:
        preset = ExportChoices(report_ids=None if rep is None else (rep.id,))
    if not preset.scope:
        scope = _t("全部报告") if preset.report_ids is None else (
            f"《{rep.name}》" if rep is not None and preset.report_ids == (rep.id,)
            else _t("所选的 %1 份报告").replace("%1", str(len(preset.report_ids))))
        preset = replace(preset, scope=scope)
    choices = ExportDialog.ask(parent or w, preset, units=host.known_units(), settings=host.settings)
    if choices is None:
        return
    name = _t("工作任务台账")
    if rep is not None and choices.report_ids == (rep.id,):
        name = f"{rep.name}-{name}"
    day = choices.as_of or date.today()
    if choices.as_of is not None:
        name += _t("-截至%1").replace("%1", f"{day.month}月{day.day}日")
    folder = str(host.settings.value("folders/export", str(Path.home())))
    path = LedgerFiles.save_path(parent or w, str(Path(folder) / f"{name}-{day:%Y%m%d}.xlsx"))
    if not path:
        return
    host.settings.setValue("folders/export", str(Path(path).parent))

    def done(result: ExportResult) -> None:
        host.say(export_words(result, choices.as_of), 15000)
        host.export_done(result)

    def write(store: Store, *, on_progress: Callable[[int, int], None], is_cancelled: Callable[[], bool]) -> ExportResult:
        return export(store, path, report_ids=choices.report_ids, statuses=choices.statuses, unit=choices.unit,
                      one_sheet=choices.one_sheet, as_of=choices.as_of, reconcile_dates=choices.reconcile_dates,
                      signature=choices.signature, on_progress=on_progress, is_cancelled=is_cancelled)

    StoreQuery(w, write).success(done).failure(lambda e: show_error(parent or w, e, _t("导出失败"))) \
        .cancelled(lambda: host.say(_t("已取消导出"), 4000)).with_progress(_t("正在导出台账…")).run()


def export_words(result: ExportResult, as_of: date | None) -> str:
    """The status line after an export: rows written, and what an as-of export left out."""
    text = _t("已导出 %1 行到 %2").replace("%1", str(result.rows)).replace("%2", str(result.path))
    if as_of is not None and (result.left_out or result.reports_left_out):
        day = f"{as_of.month}月{as_of.day}日"
        text += _t("；另有 %1 项措施在%2之后才导入或添加，未列入").replace("%1", str(result.left_out)).replace("%2", day)
    return text


def merge_ledger(host: FlowHost, path: str | None = None) -> None:
    """Read a unit's filled-in ledger, show what would change, and write it after confirmation.

    The merge written is one step on the undo stack (the rest of the history stays).
    """
    from desktop.services.merge import MergeApplyError, preview_merge  # openpyxl loads when first used

    w = host.widget
    if path is None:
        folder = str(host.settings.value("folders/merge", str(Path.home())))
        path = LedgerFiles.open_path(w, folder)
        if not path:
            return
        host.settings.setValue("folders/merge", str(Path(path).parent))
    source = Path(path).name
    chosen = path

    taken: list[FieldChange] = []  # what the clerk ticked in the preview

    def applied(result: tuple[list[RowValues], bool]) -> None:
        from desktop.ui.models.merge_changes import counted

        rows, stopped = result
        if stopped:
            host.say(_t("已取消合并；取消前已写入 %1 条，可撤销").replace("%1", str(len(rows))), 10000)
        else:
            # Counted as the preview counted: fields, then the rows they belong to (a row may carry several).
            host.say(_t("已合并 %1").replace("%1", counted(taken)), 10000)
        push_merge_step(host, source, rows)
        host.refresh()
        host.merge_done(len(rows))

    def failed(exc: Exception) -> None:
        if isinstance(exc, MergeApplyError):
            push_merge_step(host, source, list(exc.rows))  # what was written can be taken back
        show_error(w, exc, _t("合并失败"))
        host.refresh()
        host.merge_done(exc)

    def previewed(preview: MergePreview) -> None:
        if preview.is_empty and not preview.problems:
            Messages.warn(w, _t("合并台账"), _t("这份台账与程序中的内容一致，没有需要合并的修改。"))
            host.merge_done(0)
            return
        chosen_changes = MergePreviewDialog.ask(w, preview)
        if chosen_changes is None:
            host.merge_done(None)
            return
        taken.extend(chosen_changes)

        def apply(store: Store, *, on_progress: Callable[[int, int], None],
                  is_cancelled: Callable[[], bool]) -> tuple[list[RowValues], bool]:
            return _apply(store, preview, who=preview.source, chosen=chosen_changes, on_progress=on_progress,
                          is_cancelled=is_cancelled)

        StoreOp(w, apply).success(applied).failure(failed).with_progress(_t("正在合并…")).run()

    StoreQuery(w, lambda store: preview_merge(store, chosen)).success(previewed).failure(failed) \
        .with_progress(_t("正在读取台账…")).run()


def _apply(store: Store, preview: MergePreview, *, who: str, chosen: list[FieldChange],
           on_progress: Callable[[int, int], None], is_cancelled: Callable[[], bool]) -> tuple[list[RowValues], bool]:
    """Apply a merge; (rows written, whether the clerk stopped it): stopped rows stay written and undoable."""
    from desktop.services.merge import MergeCancelled, apply_merge_rows

    try:
        return apply_merge_rows(store, preview, who=who, chosen=chosen,
                                on_progress=on_progress, is_cancelled=is_cancelled), False
    except MergeCancelled as exc:
        return list(exc.rows), True


def push_merge_step(host: FlowHost, source: str, rows: list[RowValues]) -> None:
    """Put a written merge on the undo stack as one step (nothing when no row was written)."""
    from desktop.ui.commands import MergeCommand

    rows = list(rows)
    if not rows:
        return
    text = _t("合并“%1”（%2 条）").replace("%1", source).replace("%2", str(len(rows)))

    def write_back(writes: Writes, done: Callable[[list[ItemRow], list[int]], None], undo: bool,
                   refused: Refused) -> None:
        _write_back(host, writes, done, undo, refused)

    host.push_step(MergeCommand(text, rows, write_back, host.seen_version))


def _write_back(host: FlowHost, writes: Writes, done: Callable[[list[ItemRow], list[int]], None], undo: bool,
                refused: Refused) -> None:
    """Undo or redo of a merge: write the rows in one op; the window takes no input until it is done."""
    from desktop.services.merge import write_back

    w, who = host.widget, host.who

    def finished(result: WrittenBack) -> None:
        done(result.rows, result.conflicts)
        said = _t("已撤销合并的 %1 条") if undo else _t("已重做合并的 %1 条")
        host.say(said.replace("%1", str(len(result.rows))), 10000)
        if result.conflicts:
            Messages.warn(w, _t("部分条目保持原样"),
                          _t("有 %1 条在合并之后又被修改过（您或其他人），这些条目保持现在的内容，没有随撤销或重做改变。")
                          .replace("%1", str(len(result.conflicts))))
        host.refresh()
        host.merge_done(len(result.rows))

    def failed(exc: Exception) -> None:
        show_error(w, exc, _t("撤销合并失败") if undo else _t("重做合并失败"))
        refused(exc)
        host.refresh()
        host.merge_done(exc)

    def write(store: Store, *, on_progress: Callable[[int, int], None]) -> WrittenBack:
        return write_back(store, writes, who=who, on_progress=on_progress)

    StoreOp(w, write).success(finished).failure(failed) \
        .with_progress(_t("正在撤销合并…") if undo else _t("正在重做合并…"), cancellable=False).run()
