"""设置 (issue 16 item 4): every change applies without a restart; the database and backups from the window."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from db.api import LightSettings
from desktop.ui.dialogs.settings import SettingsDialog, SettingsValues
from desktop.ui.settings_room import BACKUP_KEEP_KEY, DATABASE_KEY, WHO_KEY, BackupFiles
from tests.ui.helpers import first_measure, idle


def _answer(monkeypatch, change) -> list[SettingsValues]:  # noqa: ANN001
    """Answer the dialog with `change(values shown)`; returns the values it was shown."""
    shown: list[SettingsValues] = []

    def ask(cls, parent, values, **kw):  # noqa: ANN001, ANN202
        shown.append(values)
        return change(values)

    monkeypatch.setattr(SettingsDialog, "ask", classmethod(ask))
    return shown


def test_changes_apply_at_once(qtbot, window, seeded, settings, monkeypatch) -> None:  # noqa: ANN001
    lights = LightSettings(deadline_yellow_days=30, schedule_yellow_points=5, schedule_red_points=20)
    shown = _answer(monkeypatch, lambda v: replace(v, who="张秘书", units=("组织科", "宣传科", "办公室"), lights=lights,
                                                   light_rule="schedule", backup_keep=4))
    window.window_actions.settings.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    idle(qtbot, window)
    assert shown[0].who == "" and shown[0].lights == LightSettings() and shown[0].database == str(seeded.path)
    assert seeded.light_settings() == lights and seeded.office_units() == ["组织科", "宣传科", "办公室"]
    assert window.who == "张秘书" and settings.value(WHO_KEY) == "张秘书"
    assert settings.value("view/light_rule") == "schedule" and window.window_actions.light_schedule.isChecked()
    assert seeded.light_rule() == "schedule"  # the office's rule too: the review CLI's default
    assert seeded.backup_policy.keep == 4 and int(settings.value(BACKUP_KEEP_KEY)) == 4
    # the name goes into history at once
    m = first_measure(window, done=False)
    window.tick(m.id, True)
    idle(qtbot, window)
    assert seeded.history(m.id)[-1].who == "张秘书"
    # the units are offered in the detail pane's 牵头单位 and 配合单位
    window.select_item(m.id)
    completer = window.detail.line_edit("co_units").completer()
    assert completer is not None and completer.model().stringList() == ["组织科", "宣传科", "办公室"]
    window.detail.line_edit("co_units").setText("组织科、宣")
    assert completer.splitPath("组织科、宣") == ["宣"]
    assert completer.pathFromIndex(completer.model().index(1, 0)) == "组织科、宣传科"
    # and in the tree's own 牵头单位 editor
    from PySide6.QtWidgets import QLineEdit, QStyleOptionViewItem

    from desktop.ui.models.item_tree import Column

    window.views.give_tree_its_editors()
    idx = window.tree_model.index_of(m.id, Column.UNIT)
    editor = window.tree.itemDelegate().createEditor(window.tree.viewport(), QStyleOptionViewItem(), idx)
    assert isinstance(editor, QLineEdit) and editor.completer().model().stringList() == ["组织科", "宣传科", "办公室"]


def test_the_name_is_kept_for_the_next_start(qtbot, seeded, settings) -> None:  # noqa: ANN001
    from desktop.ui.main_window import MainWindow

    settings.setValue(WHO_KEY, "李主任")
    w = MainWindow(seeded, settings=settings)
    qtbot.addWidget(w)
    assert w.who == "李主任"


def test_connection_test_runs_off_the_ui_thread(qtbot, window, tmp_path) -> None:  # noqa: ANN001
    dlg = SettingsDialog(SettingsValues(), login="root", default_database=str(tmp_path / "默认.db"), is_server=False,
                         jobs=window.jobs, parent=window)
    qtbot.addWidget(dlg)
    dlg.file_edit.setText(str(tmp_path / "新的.db"))
    with qtbot.waitSignal(dlg.tested, timeout=10000) as blocker:
        dlg.test_connection()
        assert dlg.test_result.text() == "正在连接…" and not dlg.test_button.isEnabled()  # the answer comes later
    assert "新建" in blocker.args[0]
    dlg.use_server.setChecked(True)
    dlg.server_edit.setText("postgresql+psycopg://nobody@127.0.0.1:1/halfyear")  # nothing listens on port 1
    with qtbot.waitSignal(dlg.tested, timeout=20000) as blocker:
        dlg.test_connection()
    assert "无法连接数据库服务器" in blocker.args[0] and dlg.test_button.isEnabled()
    dlg.file_edit.setText(str(tmp_path / "没有这个文件夹" / "a.db"))
    dlg.use_file.setChecked(True)
    with qtbot.waitSignal(dlg.tested, timeout=10000) as blocker:
        dlg.test_connection()
    assert "不存在" in blocker.args[0]


def test_yellow_above_red_cannot_be_saved(qtbot, window) -> None:  # noqa: ANN001
    dlg = SettingsDialog(SettingsValues(), login="root", default_database="", is_server=False, jobs=window.jobs)
    qtbot.addWidget(dlg)
    ok = dlg.buttons.button(dlg.buttons.StandardButton.Ok)
    dlg.yellow_points.setValue(40)
    assert not ok.isEnabled() and "不能大于" in dlg.lights_problem.text()
    dlg.yellow_points.setValue(10)
    assert ok.isEnabled()
    dlg.use_server.setChecked(True)  # a server without its address is not a choice
    assert not ok.isEnabled()
    dlg.server_edit.setText("postgresql+psycopg://clerk@server/halfyear")
    assert ok.isEnabled() and dlg.values().database == "postgresql+psycopg://clerk@server/halfyear"


def test_switching_the_database_without_a_restart(qtbot, window, seeded, settings, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    other = tmp_path / "办公室共用.db"
    _answer(monkeypatch, lambda v: replace(v, database=str(other)))
    with qtbot.waitSignal(window.reports_loaded, timeout=15000):
        window.window_actions.settings.trigger()
    idle(qtbot, window)
    assert window.store is not None and window.store.path == other
    assert window.report_model.reports() == []  # the new database is empty
    assert settings.value(DATABASE_KEY) == str(other)
    assert window.window_actions.import_.isEnabled()


def test_a_database_that_cannot_be_opened_leaves_the_old_one_open(qtbot, window, seeded, settings, tmp_path,
                                                                  monkeypatch, messages) -> None:  # noqa: ANN001
    bad = tmp_path / "不是数据库.db"
    bad.write_text("这不是数据库", encoding="utf-8")
    _answer(monkeypatch, lambda v: replace(v, database=str(bad)))
    reports = len(window.report_model.reports())
    with qtbot.waitSignal(window.reports_loaded, timeout=15000):
        window.window_actions.settings.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    assert "没有切换数据库" in messages[0] and "不是本程序的数据库" in messages[0]
    messages.clear()
    assert window.store is not None and window.store.path == seeded.path
    assert len(window.report_model.reports()) == reports and settings.value(DATABASE_KEY) is None


def test_backup_now_and_restore_from_the_window(qtbot, window, seeded, tmp_path, monkeypatch, messages) -> None:  # noqa: ANN001
    from desktop.ui.errors import Messages

    window.window_actions.backup_now.trigger()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("已备份到"), timeout=10000)
    backup = Path(window.statusBar().currentMessage().removeprefix("已备份到 "))
    assert backup.is_file()
    m = first_measure(window, done=False)
    window.tick(m.id, True)
    idle(qtbot, window)
    # a file that is not a backup: told so, nothing replaced, the window keeps working
    junk = tmp_path / "随便.db"
    junk.write_text("不是备份", encoding="utf-8")
    monkeypatch.setattr(BackupFiles, "pick", classmethod(lambda cls, parent, folder: str(junk)))
    window.window_actions.restore.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    assert "没有恢复" in messages[0] and "不是数据库备份文件" in messages[0]
    messages.clear()
    qtbot.waitUntil(lambda: window.window_actions.import_.isEnabled(), timeout=10000)
    assert window.store is not None and window.store.get_item(m.id).status.is_done
    # the real backup: the tick is gone again, the file before is kept
    asked: list[str] = []
    monkeypatch.setattr(BackupFiles, "pick", classmethod(lambda cls, parent, folder: asked.append(folder) or str(backup)))
    monkeypatch.setattr(Messages, "confirm", classmethod(lambda cls, parent, title, text: asked.append(text) or True))
    with qtbot.waitSignal(window.reports_loaded, timeout=15000):
        window.window_actions.restore.trigger()
    idle(qtbot, window)
    assert asked[0] == str(backup.parent) and backup.name in asked[1]
    assert window.store is not None and not window.store.get_item(m.id).status.is_done
    assert "恢复前的数据库另存为" in window.statusBar().currentMessage()
    assert window.undo_stack.count() == 0


@pytest.mark.parametrize("kept", ["shared", "local"])
def test_the_dialog_says_where_each_setting_is_kept(qtbot, window, kept) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QLabel

    dlg = SettingsDialog(SettingsValues(), login="root", default_database="/x/halfyear.db", is_server=False,
                         jobs=window.jobs)
    qtbot.addWidget(dlg)
    notes = [lab.text() for lab in dlg.findChildren(QLabel) if lab.property("kept") == kept]
    assert notes, kept
