"""The window's actions (texts, shortcuts, icons, tips), its menus and its toolbar; main_window.py connects them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence

from desktop.ui.icons import icon

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar


class WindowActions(QObject):
    """Every QAction of the main window, built once; `undo` and `redo` come from the undo runner."""

    def __init__(self, window: QMainWindow, undo: QAction, redo: QAction) -> None:
        super().__init__(window)
        self._window = window
        t = window.tr
        a = self._make
        self.import_ = a(t("导入报告…"), "Ctrl+I", "import", t("导入一份或多份工作总结（.docx / .txt），先预览再保存"))
        self.export = a(t("导出台账…"), "Ctrl+E", "export", t("把当前报告（或全部报告）的任务台账导出为 Excel"))
        self.merge = a(t("合并各单位填报的台账…"), "Ctrl+M", "merge_back", t("读取各单位填好后交回的台账，预览后写入进展和状态"))
        self.refresh = a(t("刷新"), QKeySequence.StandardKey.Refresh, "refresh", t("重新读取数据库（别人修改后）"))
        self.delete_report = a(t("删除报告…"), None, "delete", t("删除选中的报告及其全部任务"))
        self.remove_samples = a(t("删除示例报告"), None, "", t("删除首次启动时载入的示例报告"))
        self.settings = a(t("设置…"), "Ctrl+,", "", t("亮灯规则和阈值、修改记录署名、单位名单、数据库和备份"))
        self.backup_now = a(t("立即备份"), None, "", t("现在把数据库文件备份一份到备份文件夹"))
        self.restore = a(t("从备份恢复…"), None, "", t("用以前的备份替换现在的数据库（先检查备份，并另存现在的数据库）"))
        self.quit = a(t("退出"), QKeySequence.StandardKey.Quit)
        self.undo, self.redo = undo, redo
        self.history = a(t("撤销历史…"), "Ctrl+H", "", t("查看并跳回本次打开以来的每一步修改"))
        self.find = a(t("查找"), "Ctrl+F", "search", t("在当前列表里搜索"))
        self.clear_filter = a(t("清除筛选"), "Ctrl+Shift+F", "", t("显示全部措施"))
        self.toggle = a(t("标记完成 / 取消完成"), "Space", "check", t("勾选或取消勾选选中的措施；选中任务时作用于它的全部措施"))
        # Saved items change shape as in the import preview; each is one undo step.
        self.add_measure = a(t("添加措施…"), "Ctrl+N", "", t("在选中的任务下（或选中的措施后）添加一条措施"))
        self.add_item = a(t("添加任务…"), "Ctrl+Shift+N", "", t("在选中的任务后添加一项任务"))
        self.delete_rows = a(t("删除任务或措施"), QKeySequence.StandardKey.Delete, "delete", t("删除选中的任务或措施（可撤销）"))
        self.move_up = a(t("上移"), "Alt+Up", "", t("把选中的一行移到上一行之前"))
        self.move_down = a(t("下移"), "Alt+Down", "", t("把选中的一行移到下一行之后"))
        self.merge_rows = a(t("合并选中的行"), "Ctrl+Shift+M", "merge", t("把选中的同级几行合并为一行（可撤销）"))
        self.split_row = a(t("拆分…"), "Ctrl+T", "split", t("把选中的一行按句子拆成几行（可撤销）"))
        self.carry = a(t("结转选中的未完成措施…"), None, "", t("把选中的未完成措施复制到下一份计划（或新建结转计划），注明来源（可撤销）"))
        self.carry_all = a(t("结转本报告全部未完成措施…"), None, "", t("把当前报告中未完成的措施全部结转（可撤销）"))
        self.expand = a(t("全部展开"), "Ctrl+Shift+E")
        self.collapse = a(t("全部折叠"), "Ctrl+Shift+C")
        self.all_reports = a(t("全部报告"), "Ctrl+0", "list", t("列出所有报告的全部措施"))
        self.review = a(t("年终对账…"), "Ctrl+D", "review", t("某一天的完成、欠进度、未启动情况和各单位排名，可生成督查通报"))
        self.light_deadline = a(t("按完成时限亮灯"))
        self.light_schedule = a(t("按序时进度亮灯"))
        for act in (self.light_deadline, self.light_schedule):
            act.setCheckable(True)
        self.guide = a(t("使用说明"), QKeySequence.StandardKey.HelpContents, "", t("图解：导入 → 勾选 → 导出 → 合并"))
        self.about = a(t("关于半年工作台账"), None, "app")
        # Keys that act on the row under the cursor work only while the tree (or the table) has the focus:
        # Space and Delete must reach the search box and the detail pane's editors unchanged.
        for act in self.row_actions:
            act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.toolbar: QToolBar | None = None
        self.file_menu: QMenu | None = None

    @property
    def row_actions(self) -> list[QAction]:
        """Actions on the rows of the tree (its context menu, and keys while it has the focus)."""
        return [self.toggle, self.add_measure, self.add_item, self.delete_rows, self.move_up, self.move_down,
                self.merge_rows, self.split_row]

    @property
    def store_actions(self) -> list[QAction]:
        """Actions that need the store open."""
        return [self.import_, self.refresh, self.delete_report, self.remove_samples, self.all_reports, self.export,
                self.merge, self.review, self.carry, self.carry_all, self.settings, self.backup_now, self.restore,
                *self.row_actions]

    def _make(self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
              icon_name: str = "", tip: str = "") -> QAction:
        act = QAction(icon(icon_name) if icon_name else QIcon(), text, self._window)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        if tip:
            act.setToolTip(tip + (f"（{act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)}）"
                                  if shortcut is not None else ""))
            act.setStatusTip(tip)
        return act

    def build_menus_and_toolbar(self) -> None:
        """The menu bar (文件 编辑 查看 帮助) and the toolbar."""
        w, t = self._window, self._window.tr
        file_menu = w.menuBar().addMenu(t("文件(&F)"))
        for act in (self.import_, self.export, self.merge, None, self.backup_now, self.restore, None,
                    self.delete_report, self.remove_samples, None, self.settings, None, self.quit):
            file_menu.addSeparator() if act is None else file_menu.addAction(act)
        self.file_menu = file_menu
        edit_menu = w.menuBar().addMenu(t("编辑(&E)"))
        for act in (self.undo, self.redo, self.history, None, self.toggle, None, self.add_measure, self.add_item,
                    self.delete_rows, self.move_up, self.move_down, self.merge_rows, self.split_row, None, self.carry,
                    self.carry_all, None, self.find, self.clear_filter):
            edit_menu.addSeparator() if act is None else edit_menu.addAction(act)
        view_menu = w.menuBar().addMenu(t("查看(&V)"))
        for act in (self.all_reports, self.review, self.refresh, None, self.expand, self.collapse, None,
                    self.light_deadline, self.light_schedule):
            view_menu.addSeparator() if act is None else view_menu.addAction(act)
        help_menu = w.menuBar().addMenu(t("帮助(&H)"))
        help_menu.addAction(self.guide)
        help_menu.addSeparator()
        help_menu.addAction(self.about)

        bar = w.addToolBar(t("工具栏"))
        bar.setObjectName("mainToolBar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for act in (self.import_, self.export, None, self.undo, self.redo, None, self.toggle, self.all_reports,
                    self.review, self.refresh):
            bar.addSeparator() if act is None else bar.addAction(act)
        self.toolbar = bar
