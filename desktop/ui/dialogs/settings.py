"""设置: lights, the name written into history, the office's units, the database and its backups.

Each group says where it is kept: what belongs to the database (light thresholds, the units) is shared by
everyone using it; what belongs to this PC (the name, which database, the backup folder) is in QSettings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.api import LightSettings
from desktop.ui.dialogs.modal import answer_of

if TYPE_CHECKING:
    from desktop.ui.jobs import JobRunner

SHARED = "shared"  # kept in the database
LOCAL = "local"  # kept on this PC


@dataclass(frozen=True)
class SettingsValues:
    """Everything the dialog shows and hands back."""

    light_rule: str = "deadline"
    lights: LightSettings = field(default_factory=LightSettings)
    who: str = ""  # "" = the system login
    units: tuple[str, ...] = ()
    database: str = ""  # a SQLite file path or a server URL; "" = the default file
    backup_folder: str = ""  # "" = a `backups` folder next to the database file
    backup_keep: int = 10


class SettingsDialog(QDialog):
    """The settings, laid out in four groups; `backup_requested` / `restore_requested` act at once."""

    backup_requested = Signal()
    restore_requested = Signal()
    tested = Signal(str)  # the connection test's answer (or its error), once it is shown

    def __init__(self, values: SettingsValues, *, login: str, default_database: str, is_server: bool,
                 jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values, self._jobs, self._default_database = values, jobs, default_database
        self.setWindowTitle(self.tr("设置"))
        self.setObjectName("settingsDialog")
        self.resize(920, 620)
        outer = QVBoxLayout(self)
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(12)
        grid.addWidget(self._lights_group(values), 0, 0)
        grid.addWidget(self._people_group(values, login), 1, 0)
        grid.addWidget(self._database_group(values, is_server), 0, 1)
        grid.addWidget(self._backup_group(values, is_server), 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        outer.addLayout(grid, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        self.server_edit.textChanged.connect(self._update_ok)
        self._update_ok()

    # ---- the groups ---------------------------------------------------------------------------------
    def _group(self, title: str, where: str, note_text: str = "") -> tuple[QGroupBox, QVBoxLayout]:
        box = QGroupBox(title)
        lay = QVBoxLayout(box)
        note = QLabel(note_text or (self.tr("存放在数据库中：共用这个数据库的同事都一样。") if where == SHARED
                                    else self.tr("只保存在这台电脑上。")))
        note.setObjectName("muted")
        note.setProperty("kept", where)
        note.setWordWrap(True)
        lay.addWidget(note)
        return box, lay

    def _lights_group(self, v: SettingsValues) -> QGroupBox:
        box, lay = self._group(self.tr("亮灯"), SHARED, self.tr("阈值存放在数据库中：共用这个数据库的同事都一样。"))
        rules = QHBoxLayout()
        self.rule_deadline = QRadioButton(self.tr("按完成时限"))
        self.rule_schedule = QRadioButton(self.tr("按序时进度"))
        self.rule_deadline.setToolTip(self.tr("逾期亮红灯，临近时限亮黄灯"))
        self.rule_schedule.setToolTip(self.tr("进度比按时间应完成的比例落后多少亮黄灯、红灯"))
        group = QButtonGroup(box)
        for b in (self.rule_deadline, self.rule_schedule):
            group.addButton(b)
            rules.addWidget(b)
        rules.addStretch(1)
        (self.rule_schedule if v.light_rule == "schedule" else self.rule_deadline).setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("亮灯规则"), rules)
        rule_note = QLabel(self.tr("窗口里的亮灯随即改用此规则（同“查看”菜单）；它也存入数据库，作为命令行对账和督查通报的默认规则。"))
        rule_note.setObjectName("muted")
        rule_note.setProperty("kept", LOCAL)
        rule_note.setWordWrap(True)
        form.addRow("", rule_note)
        self.yellow_days = self._spin(0, 365, v.lights.deadline_yellow_days, self.tr(" 天"))
        form.addRow(self.tr("黄灯：离完成时限不到"), self.yellow_days)
        self.yellow_points = self._spin(0, 100, v.lights.schedule_yellow_points, self.tr(" 个百分点"))
        form.addRow(self.tr("黄灯：落后序时进度"), self.yellow_points)
        self.red_points = self._spin(0, 100, v.lights.schedule_red_points, self.tr(" 个百分点"))
        form.addRow(self.tr("红灯：落后序时进度超过"), self.red_points)
        lay.addLayout(form)
        self.lights_problem = QLabel()
        self.lights_problem.setObjectName("errorLine")
        self.lights_problem.setStyleSheet("color: #b00020;")
        lay.addWidget(self.lights_problem)
        for spin in (self.yellow_points, self.red_points):
            spin.valueChanged.connect(self._check_lights)
        lay.addStretch(1)
        return box

    def _people_group(self, v: SettingsValues, login: str) -> QGroupBox:
        box = QGroupBox(self.tr("署名与单位"))
        lay = QVBoxLayout(box)
        form = QFormLayout()
        self.who_edit = QLineEdit(v.who)
        self.who_edit.setPlaceholderText(self.tr("不填则用系统登录名“%1”").replace("%1", login or self.tr("（无）")))
        self.who_edit.setToolTip(self.tr("写入每条修改记录的“修改人”"))
        form.addRow(self.tr("修改记录署名"), self.who_edit)
        lay.addLayout(form)
        who_note = QLabel(self.tr("署名只保存在这台电脑上。单位名单存放在数据库中，共用这个数据库的同事都一样。"))
        who_note.setObjectName("muted")
        who_note.setWordWrap(True)
        lay.addWidget(who_note)
        lay.addWidget(QLabel(self.tr("本单位的科室和下属单位（每行一个，填写牵头单位、配合单位时可直接选）：")))
        self.units_edit = QPlainTextEdit("\n".join(v.units))
        self.units_edit.setObjectName("unitsEdit")
        self.units_edit.setPlaceholderText(self.tr("例如：\n办公室\n组织科\n宣传科"))
        lay.addWidget(self.units_edit, 1)
        return box

    def _database_group(self, v: SettingsValues, is_server: bool) -> QGroupBox:
        box, lay = self._group(self.tr("数据库"), LOCAL)
        self.use_file = QRadioButton(self.tr("本机文件（SQLite）"))
        self.use_server = QRadioButton(self.tr("单位的服务器（PostgreSQL）"))
        group = QButtonGroup(box)
        group.addButton(self.use_file)
        group.addButton(self.use_server)
        lay.addWidget(self.use_file)
        row = QHBoxLayout()
        self.file_edit = QLineEdit("" if is_server else v.database)
        self.file_edit.setPlaceholderText(self._default_database)
        self.file_edit.setToolTip(self.tr("不填则用默认位置：%1").replace("%1", self._default_database))
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse_file)
        row.addWidget(self.file_edit, 1)
        row.addWidget(browse)
        lay.addLayout(row)
        lay.addWidget(self.use_server)
        self.server_edit = QLineEdit(v.database if is_server else "")
        self.server_edit.setPlaceholderText("postgresql+psycopg://用户名@服务器/库名")
        lay.addWidget(self.server_edit)
        (self.use_server if is_server else self.use_file).setChecked(True)
        test_row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("测试连接"))
        self.test_button.setToolTip(self.tr("检查这个数据库能否使用（不做任何修改）"))
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = QLabel()
        self.test_result.setObjectName("muted")
        self.test_result.setWordWrap(True)
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.test_result, 1)
        lay.addLayout(test_row)
        switch_note = QLabel(self.tr("按“确定”即切换，无需重新启动（撤销记录会清空）。"))
        switch_note.setObjectName("muted")
        switch_note.setWordWrap(True)
        lay.addWidget(switch_note)
        for w in (self.use_file, self.use_server):
            w.toggled.connect(self._update_database)
        self._update_database()
        lay.addStretch(1)
        return box

    def _backup_group(self, v: SettingsValues, is_server: bool) -> QGroupBox:
        box, lay = self._group(self.tr("备份"), LOCAL)
        form = QFormLayout()
        row = QHBoxLayout()
        self.backup_folder_edit = QLineEdit(v.backup_folder)
        self.backup_folder_edit.setPlaceholderText(self.tr("数据库文件旁的 backups 文件夹"))
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse_folder)
        row.addWidget(self.backup_folder_edit, 1)
        row.addWidget(browse)
        form.addRow(self.tr("备份文件夹"), row)
        self.keep_spin = self._spin(1, 365, v.backup_keep, self.tr(" 份"))
        form.addRow(self.tr("保留最近"), self.keep_spin)
        lay.addLayout(form)
        auto = QLabel(self.tr("每天第一次打开时自动备份一次。"))
        auto.setObjectName("muted")
        lay.addWidget(auto)
        buttons = QHBoxLayout()
        self.backup_button = QPushButton(self.tr("立即备份"))
        self.restore_button = QPushButton(self.tr("从备份恢复…"))
        self.backup_button.clicked.connect(self.backup_requested)
        self.restore_button.clicked.connect(self.restore_requested)
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        if is_server:
            for w in (self.backup_button, self.restore_button, self.backup_folder_edit, self.keep_spin):
                w.setEnabled(False)
            server = QLabel(self.tr("服务器上的数据库由管理员用 pg_dump 备份。"))
            server.setObjectName("muted")
            lay.addWidget(server)
        lay.addStretch(1)
        return box

    # ---- helpers ------------------------------------------------------------------------------------
    @staticmethod
    def _spin(low: int, high: int, value: int, suffix: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setValue(value)
        spin.setSuffix(suffix)
        spin.setMinimumWidth(120)
        spin.setMaximumWidth(150)
        return spin

    def _check_lights(self) -> None:
        bad = self.yellow_points.value() > self.red_points.value()
        self.lights_problem.setText(self.tr("黄灯的落后点数不能大于红灯的：请把黄灯的点数改小，或把红灯的改大。") if bad else "")
        self._update_ok()

    def _update_ok(self) -> None:
        lights_bad = self.yellow_points.value() > self.red_points.value()
        no_server = self.use_server.isChecked() and not self.server_edit.text().strip()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not lights_bad and not no_server)

    def _update_database(self) -> None:
        self.file_edit.setEnabled(self.use_file.isChecked())
        self.server_edit.setEnabled(self.use_server.isChecked())
        self.test_result.setText("")
        if hasattr(self, "buttons"):  # built after the groups
            self._update_ok()

    def _browse_file(self) -> None:
        start = self.file_edit.text() or self._default_database
        path, _ = QFileDialog.getSaveFileName(self, self.tr("数据库文件"), start, self.tr("数据库文件 (*.db);;所有文件 (*)"),
                                              options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.file_edit.setText(path)

    def _browse_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("备份文件夹"), self.backup_folder_edit.text())
        if folder:
            self.backup_folder_edit.setText(folder)

    def database_address(self) -> str:
        """The database chosen: a server URL, a file path, or "" for the default file."""
        if self.use_server.isChecked():
            return self.server_edit.text().strip()
        return self.file_edit.text().strip()

    def test_connection(self) -> None:
        """Try the chosen database in the background; the answer shows beside the button."""
        from desktop.services.database import (
            check_database,  # SQLAlchemy's inspector loads when asked
        )

        address = self.database_address() or self._default_database
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("正在连接…"))
        self._jobs.work(check_database, address, on_done=self._tested, on_error=self._test_failed)

    def _tested(self, answer: str) -> None:
        self.test_button.setEnabled(True)
        self.test_result.setStyleSheet("color: #1e7b34;")
        self.test_result.setText(answer)
        self.tested.emit(answer)

    def _test_failed(self, exc: Exception) -> None:
        from desktop.ui.errors import friendly

        self.test_button.setEnabled(True)
        self.test_result.setStyleSheet("color: #b00020;")
        self.test_result.setText(friendly(exc))
        self.tested.emit(friendly(exc))

    def values(self) -> SettingsValues:
        """What the dialog shows now."""
        units = tuple(dict.fromkeys(u.strip() for u in self.units_edit.toPlainText().splitlines() if u.strip()))
        return replace(
            self._values,
            light_rule="schedule" if self.rule_schedule.isChecked() else "deadline",
            lights=LightSettings(deadline_yellow_days=self.yellow_days.value(),
                                 schedule_yellow_points=self.yellow_points.value(),
                                 schedule_red_points=self.red_points.value()),
            who=self.who_edit.text().strip(), units=units, database=self.database_address(),
            backup_folder=self.backup_folder_edit.text().strip(), backup_keep=self.keep_spin.value())

    @classmethod
    def ask(cls, parent: QWidget, values: SettingsValues, *, login: str, default_database: str, is_server: bool,
            jobs: JobRunner, backup: Callable[[], None], restore: Callable[[], None]) -> SettingsValues | None:
        """Show the dialog; the values when confirmed, None when cancelled (tests replace this)."""
        dlg = cls(values, login=login, default_database=default_database, is_server=is_server, jobs=jobs, parent=parent)
        dlg.backup_requested.connect(backup)
        dlg.restore_requested.connect(restore)
        return answer_of(dlg, dlg.values)
