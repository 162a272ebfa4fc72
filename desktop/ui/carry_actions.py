"""结转 from the window: selected unfinished measures, or all of a report's, into another report; one undo step.

The copy is written by `Store.carry_forward` (db/year_end.py) as one transaction; the step's undo is
`Store.undo_carry_forward` (refused, and the step dropped, when a copy was edited since) and its redo
carries the same measures again into the same target (a new plan is made again).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop.ui.commands import Done, Refused, StepCommand
from desktop.ui.ops import StoreOp

if TYPE_CHECKING:
    from db.carry import CarryResult, NewReport
    from db.item_row import ItemRow
    from db.store import Store
    from desktop.ui.main_window import MainWindow


def _t(text: str) -> str:
    return QCoreApplication.translate("Carry", text)


class CarryCommand(StepCommand):
    """A carry as one undo step."""

    def __init__(self, text: str, window: MainWindow, item_ids: list[int], result: CarryResult,
                 new_report: NewReport | None) -> None:
        super().__init__(text)
        self._window = window
        self._ids = item_ids
        self.result = result
        self._new = new_report

    def start(self, *, undo: bool, done: Done, refused: Refused) -> None:
        w, who = self._window, self._window.who
        result, ids, new = self.result, self._ids, self._new

        if undo:
            # The stack is linear: this window's edits of the copies were undone before this step, but each
            # undo wrote a new version. Expect the newest this window wrote; anyone else's edit still refuses.
            book = w.editing.book
            rows = tuple(r.replace(version=max(r.version, book.get(r.id) or 0)) for r in result.created)
            result = replace(result, created=rows)

        def write(store: Store) -> CarryResult | None:
            if undo:
                store.undo_carry_forward(result, who=who)
                return None
            if result.report_created:
                return store.carry_forward(ids, new_report=new, who=who)
            return store.carry_forward(ids, target_report_id=result.target_report_id, who=who)

        def finished(again: CarryResult | None) -> None:
            if again is not None:
                self.result = again
            w.refresh()
            w.say(_t("已撤销结转") if undo else _t("已重做结转"), 6000)
            done()

        def failed(exc: Exception) -> None:
            from desktop.ui.errors import show_error

            show_error(w, exc, _t("撤销结转失败") if undo else _t("重做结转失败"))
            refused(exc)

        StoreOp(w, write).success(finished).failure(failed).run()


class CarryActions(QObject):
    """编辑 ▸ 结转选中的未完成措施… / 结转本报告全部未完成措施…"""

    carried = Signal(object)  # CarryResult

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def carry_selected(self) -> None:
        """The selected rows' unfinished measures (an item stands for its measures)."""
        from db.carry import is_unfinished

        w = self._window
        rows = w.views.selected_rows() or ([r] if (r := w.current_row()) is not None else [])
        open_rows = [r for r in rows if self._has_open(r, is_unfinished)]
        if not open_rows:
            from desktop.ui.errors import Messages

            Messages.warn(w, _t("结转"), _t("所选条目都已完成或取消，没有需要结转的措施。请选择未完成的措施或任务。"))
            return
        self._ask([r.id for r in open_rows], {r.report_id for r in open_rows},
                  _t("把选中的 %1 项未完成的条目结转到：").replace("%1", str(len(open_rows))))

    def carry_all(self) -> None:
        """Every unfinished measure of the report shown."""
        from db.carry import is_unfinished

        w = self._window
        rep = w.current_report()
        if rep is None:
            return
        measures = [r for r in w.views.tree_model.loaded_rows()
                    if r.report_id == rep.id and r.is_measure and is_unfinished(r)]
        if not measures:
            from desktop.ui.errors import Messages

            Messages.warn(w, _t("结转"), _t("这份报告没有未完成的措施，不需要结转。"))
            return
        self._ask([m.id for m in measures], {rep.id},
                  _t("把《%1》全部 %2 项未完成的措施结转到：").replace("%1", rep.name).replace("%2", str(len(measures))))

    def _has_open(self, row: ItemRow, is_unfinished: Callable[[ItemRow], bool]) -> bool:
        if row.is_measure:
            return is_unfinished(row)
        return any(r.parent_id == row.id and is_unfinished(r) for r in self._window.views.item_model.loaded_rows()) \
            or is_unfinished(row)

    def _ask(self, ids: list[int], sources: set[int], what: str) -> None:
        from desktop.services.carry import new_report_for
        from desktop.ui.dialogs.carry_dialog import CarryDialog

        w = self._window
        reports = w.views.report_model.reports()
        first = next(r for r in reports if r.id == min(sources))
        targets = [(r.id, r.name) for r in reports if r.id not in sources]
        target = CarryDialog.ask(w, what, new_report_for(first), targets)
        if target is None:
            return
        who = w.who

        def write(store: Store) -> CarryResult:
            return store.carry_forward(ids, target_report_id=target.report_id, new_report=target.new_report, who=who)

        def done(result: CarryResult) -> None:
            title = target.new_report.title if target.new_report is not None else \
                next((t for rid, t in targets if rid == result.target_report_id), "")
            text = _t("结转到《%1》（%2 项）").replace("%1", title).replace("%2", str(len(result.carried)))
            w.push_step(CarryCommand(text, w, ids, result, target.new_report))
            said = _t("已结转 %1 项措施到《%2》").replace("%1", str(len(result.carried))).replace("%2", title)
            if result.skipped:
                said += _t("；%1 项未结转：%2").replace("%1", str(len(result.skipped))).replace(
                    "%2", "；".join(dict.fromkeys(s.reason for s in result.skipped)))
            w.say(said, 10000)
            w.reload_reports()
            self.carried.emit(result)

        from desktop.ui.errors import show_error

        StoreOp(w, write).success(done).failure(lambda e: show_error(w, e, _t("结转失败"))) \
            .with_progress(_t("正在结转…"), cancellable=False).run()
