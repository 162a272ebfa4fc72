"""Whole reports: deleting one, the sample reports of a first start, and removing them again."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings

from desktop.ui.models.report_list import ALL_REPORTS
from desktop.ui.ops import StoreOp

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QMainWindow

    from db.store import Store
    from desktop.ui.browsing import Browser
    from desktop.ui.views import WindowViews


class ReportActions(QObject):
    """Deleting reports and the samples; the undo history is cleared, as its steps may name deleted rows."""

    def __init__(self, window: QMainWindow, views: WindowViews, browser: Browser, settings: QSettings,
                 undo_stack: QUndoStack) -> None:
        super().__init__(window)
        self._window, self._views, self._browser = window, views, browser
        self._settings, self._stack = settings, undo_stack

    def delete_current_report(self) -> None:
        """Delete the selected report after asking (undo is not offered: a backup exists)."""
        from desktop.ui.errors import Messages  # message boxes load when the first one is shown

        rid = self._browser.report_id
        if rid is None or rid == ALL_REPORTS:
            return
        rep = next((r for r in self._views.report_model.reports() if r.id == rid), None)
        name = rep.name if rep else str(rid)
        t = self._window.tr
        if not Messages.confirm(self._window, t("删除报告"),
                                t("确定删除“%1”及其全部任务和进展记录吗？此操作不能撤销。").replace("%1", name)):
            return
        self._browser.forget_report()
        self._stack.clear()  # commands may refer to the deleted rows
        StoreOp(self._window, lambda store: store.delete_report(rid)) \
            .success(lambda _r: self._browser.reload_reports()).run()

    def remove_samples(self) -> None:
        """Delete the sample reports loaded at first start."""
        self._stack.clear()
        self._browser.forget_report()

        def removed(_count: int) -> None:
            self._views.hint.hide()
            self._browser.reload_reports()

        StoreOp(self._window, lambda store: store.remove_samples()).success(removed).run()

    def offer_samples(self, seeds_dir: Path, store_url: str) -> None:
        """First start on a new database: load the sample reports once and say how to import one's own."""
        import hashlib  # after the first paint: its OpenSSL module takes ~2 ms to load

        key = "samples/" + hashlib.sha1(store_url.encode("utf-8")).hexdigest()[:12]
        if self._settings.value(key):
            return
        browser = self._browser

        def after_first_load() -> None:
            browser.reports_loaded.disconnect(after_first_load)
            self._settings.setValue(key, 1)
            if self._views.report_model.reports():
                return  # not a new database

            def load(store: Store) -> int:
                from desktop.services.samples import import_samples  # the parser loads on the database lane

                return import_samples(store, seeds_dir)

            StoreOp(self._window, load).success(lambda _n: self._samples_loaded()) \
                .failure(lambda e: _show_error(self._window, e, self._window.tr("载入示例失败"))).run()

        browser.reports_loaded.connect(after_first_load)

    def _samples_loaded(self) -> None:
        self.show_hint(sample_hint(self._window))
        self._browser.reload_reports()

    def show_hint(self, text: str) -> None:
        """A one-line hint above the tree (first start)."""
        self._views.hint.setText(text)
        self._views.hint.show()


def sample_hint(window: QMainWindow) -> str:
    """The first start's hint: what the samples are, and plainly why they are red."""
    # The samples are real plans of past years: their deadlines have passed and nothing is ticked, so every
    # light is red. Shown as they are, with the reason, rather than as of another date: the dots mean one
    # thing everywhere in the app (today against the deadline), and a clerk learns it on the first screen.
    return window.tr("这些是示例报告：往年的真实计划，时限早已过去、又都没有勾选，所以圆点全是红色、计为逾期——"
                     "程序就是这样提醒逾期的。可随意勾选试用；导入自己的报告请按 Ctrl+I 或把文件拖进窗口。"
                     "示例可在“文件 ▸ 删除示例报告”中一次删除；“帮助 ▸ 使用说明”有图解。")


def _show_error(parent: QMainWindow, exc: BaseException, title: str) -> None:
    from desktop.ui.errors import show_error  # message boxes load when the first one is shown

    show_error(parent, exc, title)
