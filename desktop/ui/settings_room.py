"""The window's settings: the 设置 dialog's changes applied at once, 立即备份 and 从备份恢复, the units' pickers.

Where each setting lives: the light thresholds and the office's units are in the database (everyone using it
shares them: Store.light_settings, Store.office_units); the name written into history, which database to
open, the backup folder and how many backups to keep belong to this PC (QSettings keys below). The light
rule stays the view's choice, as in the 查看 menu.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import QCoreApplication, QObject, QSettings
from PySide6.QtWidgets import QLabel, QWidget

from desktop.ui.ops import StoreOp, StoreQuery

if TYPE_CHECKING:
    from db.api import LightSettings
    from db.backup_files import BackupPolicy
    from db.store import Store
    from desktop.ui.dialogs.settings import SettingsValues
    from desktop.ui.main_window import MainWindow
    from desktop.ui.widgets.detail_pane import DetailPane

WHO_KEY = "history/who"
DATABASE_KEY = "store/url"
BACKUP_FOLDER_KEY = "backup/folder"
BACKUP_KEEP_KEY = "backup/keep"


def _t(text: str) -> str:
    return QCoreApplication.translate("Settings", text)


def saved_who(settings: QSettings) -> str:
    """The name this PC writes into history ("" = the system login)."""
    return str(settings.value(WHO_KEY, "") or "").strip()


def saved_database(settings: QSettings) -> str | None:
    """The database this PC opens when neither --db nor HALFYEAR_DB says (None = the default file)."""
    return str(settings.value(DATABASE_KEY, "") or "").strip() or None


def saved_backup_policy(settings: QSettings) -> BackupPolicy:
    """Where this PC's backups go and how many are kept."""
    from db.backup_files import DEFAULT_KEEP, BackupPolicy  # Qt-free and small; not needed for the first paint

    folder = str(settings.value(BACKUP_FOLDER_KEY, "") or "").strip()
    try:
        keep = int(settings.value(BACKUP_KEEP_KEY, DEFAULT_KEEP))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        keep = DEFAULT_KEEP
    return BackupPolicy(Path(folder) if folder else None, max(1, keep))


class BackupFiles:
    """The backup chooser behind a classmethod, so tests can answer it."""

    @classmethod
    def pick(cls, parent: QWidget, folder: str) -> str:
        """A backup file to restore, or "" when cancelled."""
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(parent, _t("选择要恢复的备份"), folder, _t("数据库备份 (*.db);;所有文件 (*)"))
        return path


class SettingsRoom(QObject):
    """文件 ▸ 设置…, 立即备份, 从备份恢复…; the office's units for the detail pane's unit fields."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.units: list[str] = []
        self._rule = "deadline"
        self._lights: LightSettings | None = None  # the database's thresholds, once read
        self.legend = QLabel(window.statusBar())
        self.legend.setObjectName("lightLegend")
        self.legend.setToolTip(_t("任务前圆点的颜色；规则和阈值可在“文件 ▸ 设置”中修改"))
        window.statusBar().insertPermanentWidget(0, self.legend)
        who = saved_who(window.settings)
        if who:
            window.set_who(who)
        window.views.detail_built_callbacks.append(self._pane_built)

    # ---- the legend and the units' pickers -------------------------------------------------------------
    def show_legend(self, rule: str | None = None, lights: LightSettings | None = None) -> None:
        """Say what the dots mean under this rule (and these thresholds)."""
        from desktop.ui.widgets.light_legend import legend_html  # after the first paint: the store's thresholds

        self._rule = rule or self._rule
        self._lights = lights or self._lights
        if self._lights is not None:  # the thresholds come with the store (not needed for the first paint)
            self.legend.setText(legend_html(self._rule, self._lights))

    def store_opened(self) -> None:
        """Read the office's units and the light thresholds from the database just opened."""
        def read(store: Store) -> tuple[list[str], LightSettings]:
            return store.office_units(), store.light_settings()

        def got(found: tuple[list[str], LightSettings]) -> None:
            self._set_units(found[0])
            self.show_legend(lights=found[1])

        StoreQuery(self._window, read).success(got).run()

    def _set_units(self, units: list[str]) -> None:
        self.units = list(units)
        pane = self._window.views.detail_built
        if pane is not None:
            self._pane_built(pane)

    def _pane_built(self, pane: DetailPane) -> None:
        from desktop.ui.widgets.unit_completer import offer_units

        offer_units(pane.line_edit("lead_unit"), self.units, several=False)
        offer_units(pane.line_edit("co_units"), self.units, several=True)

    # ---- the dialog -----------------------------------------------------------------------------------
    def open_dialog(self) -> None:
        """Read the database's settings (in the background), then show the dialog."""
        StoreQuery(self._window, _shared_settings).success(self._show).run()

    def _show(self, shared: _Shared) -> None:
        from desktop.services.tracking import current_user
        from desktop.ui.dialogs.settings import SettingsDialog, SettingsValues

        w = self._window
        current = SettingsValues(
            light_rule=str(w.settings.value("view/light_rule", "deadline")), lights=shared.lights,
            who=saved_who(w.settings), units=tuple(shared.units), database=shared.address,
            backup_folder=str(shared.policy.folder or ""), backup_keep=shared.policy.keep)
        chosen = SettingsDialog.ask(w, current, login=current_user(), default_database=_default_file(),
                                    is_server=shared.path is None, jobs=w.jobs, backup=self.backup_now,
                                    restore=self.restore_backup)
        if chosen is not None:
            self.apply(current, chosen)

    def apply(self, old: SettingsValues, new: SettingsValues) -> None:
        """Make the dialog's changes take effect now (no restart)."""
        from desktop.services.tracking import current_user

        w = self._window
        if new.light_rule != old.light_rule:
            w.set_light_rule(new.light_rule)
            # the rule chosen here is also the office's: `halfyear review` and a 通报 drafted elsewhere follow it
            rule = new.light_rule
            StoreOp(w, lambda store: store.set_light_rule(rule)).run()
        if new.who != old.who:
            w.settings.setValue(WHO_KEY, new.who)
            w.set_who(new.who or current_user())
        policy = _policy(new)
        if (new.backup_folder, new.backup_keep) != (old.backup_folder, old.backup_keep):
            w.settings.setValue(BACKUP_FOLDER_KEY, new.backup_folder)
            w.settings.setValue(BACKUP_KEEP_KEY, new.backup_keep)

            def set_policy(store: Store) -> None:
                store.backup_policy = policy

            StoreQuery(w, set_policy).run()
        if new.lights != old.lights:
            lights = new.lights
            def thresholds_saved(_none: None) -> None:
                self.show_legend(lights=lights)
                w.refresh()  # the lights are worked out by the database: read the rows again

            StoreOp(w, lambda store: store.set_light_settings(lights)).success(thresholds_saved).run()
        if new.units != old.units:
            units = list(new.units)
            StoreOp(w, lambda store: store.set_office_units(units)).success(self._set_units).run()
        if _same_database(new.database, old.database):
            w.say(_t("设置已保存"), 4000)
            return
        self.switch_database(new.database, policy)

    # ---- the database -----------------------------------------------------------------------------------
    def switch_database(self, address: str, policy: BackupPolicy | None = None) -> None:
        """Close the database and open another one (the old one stays open if the new one cannot be used)."""
        from desktop.services.database import switch_database

        w = self._window
        policy = policy or saved_backup_policy(w.settings)
        w.say(_t("正在切换数据库…"))

        def switch(store: Store) -> Store:
            return switch_database(store, address, policy)

        def switched(opened: Store) -> None:
            w.settings.setValue(DATABASE_KEY, address)
            self._reopened(opened, _t("已切换到数据库 %1").replace("%1", address or _default_file()))

        self._swap(StoreOp(w, switch).success(switched), _t("没有切换数据库"))

    def backup_now(self) -> None:
        """文件 ▸ 立即备份: a copy of the SQLite file in the backup folder, now."""
        from db.backup import backup_now  # the backup module loads when first used

        w = self._window
        StoreQuery(w, backup_now).success(
            lambda path: w.say(_t("已备份到 %1").replace("%1", str(path)), 10000)).run()

    def restore_backup(self) -> None:
        """文件 ▸ 从备份恢复…: choose a backup, confirm, and put it in place of the database (checked first)."""
        StoreQuery(self._window, _shared_settings).success(self._pick_backup).run()

    def _pick_backup(self, shared: _Shared) -> None:
        from db.backup_files import backup_dir
        from desktop.services.database import restore_backup
        from desktop.ui.errors import Messages

        w = self._window
        if shared.path is None:
            Messages.warn(w, _t("从备份恢复"), _t("服务器上的数据库（PostgreSQL）请由管理员用 pg_restore 恢复。"))
            return
        path = BackupFiles.pick(w, str(backup_dir(shared.path, shared.policy)))
        if not path:
            return
        if not Messages.confirm(w, _t("从备份恢复"),
                                _t("用备份“%1”替换现在的数据库吗？\n\n现在的数据库会先另存一份备份，恢复后仍可换回来；"
                                   "本次打开以来的撤销记录会清空。").replace("%1", Path(path).name)):
            return
        file = Path(path)

        def put_back(store: Store) -> tuple[Store, Path | None]:
            return restore_backup(store, file)

        def restored(result: tuple[Store, Path | None]) -> None:
            new, saved = result
            said = _t("已从备份“%1”恢复").replace("%1", file.name)
            if saved is not None:
                said += _t("；恢复前的数据库另存为 %1").replace("%1", str(saved))
            self._reopened(new, said)

        w.say(_t("正在恢复…"))
        self._swap(StoreOp(w, put_back).success(restored), _t("没有恢复"))

    def _swap(self, op: StoreOp[Any], title: str) -> None:
        """Run an op that closes the store and opens one: nothing else may use the old store meanwhile."""
        from desktop.services.database import SwapFailed
        from desktop.ui.errors import show_error

        w = self._window

        def failed(exc: Exception) -> None:
            w.say("")
            if isinstance(exc, SwapFailed):
                w.set_store(exc.store)  # the database before is open again
            show_error(w, exc, title)

        op.failure(failed).run()
        w.detach_store()

    def _reopened(self, opened: Store, said: str) -> None:
        w = self._window
        w.undo_stack.clear()  # its steps name rows of the database before
        w.set_store(opened)
        w.say(said, 10000)


# A named tuple, not a frozen dataclass: this module loads before the first paint, and nothing else on that
# path needs the dataclasses module (its import and the code it generates cost ~1.2 ms of the cold start).
class _Shared(NamedTuple):
    """What the dialog shows of the open store: read on the database lane."""

    lights: LightSettings
    units: list[str]
    address: str
    path: Path | None
    policy: BackupPolicy


def _shared_settings(store: Store) -> _Shared:
    return _Shared(store.light_settings(), store.office_units(), _address_of(store), store.path, store.backup_policy)


def _policy(values: SettingsValues) -> BackupPolicy:
    from db.backup_files import BackupPolicy

    return BackupPolicy(Path(values.backup_folder) if values.backup_folder else None, values.backup_keep)


def _default_file() -> str:
    from db.engine import default_url, sqlite_path

    path = sqlite_path(default_url())
    return str(path) if path is not None else ""


def _address_of(store: Store) -> str:
    """How the dialog shows the open database: its file, or its URL without the password."""
    if store.path is not None:
        return "" if str(store.path) == _default_file() else str(store.path)
    from sqlalchemy.engine import make_url

    return make_url(store.url).render_as_string(hide_password=True)


def _same_database(a: str, b: str) -> bool:
    from db.engine import normalise_url

    try:
        return normalise_url(a or None) == normalise_url(b or None)
    except Exception:  # noqa: BLE001 — a malformed address is a new one; opening it says what is wrong
        return False
