"""Start the desktop application: Qt, translations, style, the store, the main window."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop.core.gc_pause import cyclic_gc_paused
from desktop.data_dirs import resources_dir, seeds_dir
from desktop.ui import pyside_import_check  # Qt-free; imported before Qt so PySide never scans it

if TYPE_CHECKING:
    from PySide6.QtCore import QObject, QSettings
    from PySide6.QtWidgets import QApplication

    from db.backup_files import BackupPolicy
    from db.store import Store
    from desktop.ui.main_window import MainWindow
    from desktop.ui.models.row_filter import PreparedRows

ORGANIZATION = "halfyear"
APPLICATION = "halfyear"
_TRANSLATOR = "halfyear-translator"  # objectName of the translators installed here, so a second call replaces them


def make_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication with our names (QSettings uses them), translation and style sheet."""
    from PySide6.QtCore import QCoreApplication

    pyside_import_check.install()  # before the window's modules and the store's ~400 are imported
    from PySide6.QtWidgets import QApplication

    # Jobs run Python in worker threads while the UI thread paints, and every model call during a paint
    # needs the interpreter lock: at the default 5 ms switch interval a busy worker stretched a 10 ms
    # paint to ~250 ms; at 0.1 ms it takes ~30 ms (bench/ui.py, "longest UI-thread stall").
    sys.setswitchinterval(0.0001)
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName(ORGANIZATION)
        QCoreApplication.setApplicationName(APPLICATION)
        QApplication.setDesktopFileName(APPLICATION)  # Wayland docks match the window to halfyear.desktop's icon
        # Fusion everywhere, the same look on every desktop (the style sheet refines it). Asked for on the
        # command line, Qt builds it as the first style; app.setStyle() would build a second one, and any
        # QStyle object in Python costs ~6 ms of type set-up before the first paint.
        app = QApplication(sys.argv[:1] + ["-style", "fusion"] + (argv or []))
    elif isinstance(app, QApplication) and app.style().name().lower() != "fusion":  # made elsewhere (tests)
        app.setStyle("Fusion")
    assert isinstance(app, QApplication)
    install_translators(app)
    app.setApplicationDisplayName(QCoreApplication.translate("app", "半年工作台账"))
    _set_base_font_and_text_colour(app)
    qss = resources_dir() / "styles" / "light.qss"
    if qss.exists():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))
    return app


def install_translators(app: QApplication, lang: str | None = None) -> str:
    """Our own and Qt's translations for `lang` (default: HALFYEAR_LANG or the system's); returns the UI language.

    The interface is written in Chinese. Another language is used only when a compiled halfyear_<lang>.qm
    with translations in it is found (halfyear_en.ts is still untranslated); otherwise the window stays
    Chinese whatever the system language is, and Qt's own texts (the 是/否/确定/取消 of standard buttons,
    file dialogs, the calendar's month names) follow it, not the system's English.
    """
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    for old in app.findChildren(QTranslator, _TRANSLATOR):
        app.removeTranslator(old)
        old.deleteLater()
    lang = lang or os.environ.get("HALFYEAR_LANG") or QLocale.system().name()
    ui_lang = "zh_CN"
    if not lang.startswith("zh"):
        ours = QTranslator(app)
        ours.setObjectName(_TRANSLATOR)
        qm = resources_dir() / "translations" / f"halfyear_{lang.split('_')[0]}.qm"
        if qm.is_file() and ours.load(str(qm)) and not ours.isEmpty():
            app.installTranslator(ours)
            ui_lang = lang
    # qtbase_<lang>.qm ships with PySide6 (in a bundle too: PyInstaller's Qt hook collects it); qt_extra_<lang>.qm
    # fills what it leaves in English, and is installed after it because the last translator installed is asked first.
    for name, folder in ((f"qtbase_{ui_lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
                         (f"qt_extra_{ui_lang}", str(resources_dir() / "translations"))):
        qt_own = QTranslator(app)
        qt_own.setObjectName(_TRANSLATOR)
        if qt_own.load(name, folder):
            app.installTranslator(qt_own)
    QLocale.setDefault(QLocale(ui_lang))
    return ui_lang


# A Chinese UI font first, the platform's own after: Latin and digits then come from the same face as the
# Chinese text, and Qt loads one font at start instead of the default plus a CJK fallback (~3 ms).
_CJK_UI_FAMILIES = ("Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
                    "Source Han Sans SC", "WenQuanYi Micro Hei")


def _set_base_font_and_text_colour(app: QApplication) -> None:
    """13 px text in the style sheet's ink colour, set once on the application.

    Not a style-sheet rule on QWidget: that sets the font on every widget again as it is polished, and
    makes every state, disabled included, the same ink. Here disabled text keeps Fusion's grey.
    """
    from PySide6.QtGui import QColor, QPalette

    font = app.font()
    font.setFamilies([*_CJK_UI_FAMILIES, *(f for f in font.families() if f not in _CJK_UI_FAMILIES)])
    font.setPixelSize(13)
    app.setFont(font)
    palette = app.palette()
    ink = QColor("#1f2933")
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
            palette.setColor(group, role, ink)
    app.setPalette(palette)


def build_window(store: Store | None, *, settings: QSettings | None = None) -> MainWindow:
    """The main window over an open store (tests and the bench use this too)."""
    from desktop.ui.main_window import MainWindow

    return MainWindow(store, settings=settings)


def show_window(app: QApplication, *, then: Callable[[], object], settings: QSettings | None = None,
                watcher: QObject | None = None) -> MainWindow:
    """Show the window as a clerk's start does: its frame paints first, then its rooms are built, then `then` runs.

    `watcher` is installed as the window's event filter before it is shown (the selftest times the first paint).
    """
    from PySide6.QtCore import QTimer

    from desktop.ui.main_window import MainWindow

    window = MainWindow(None, settings=settings, rooms_later=True)
    if watcher is not None:
        window.installEventFilter(watcher)
    # A turn later: the new panes' paint comes first, and nothing `then` starts competes with it for the interpreter.
    window.rooms_built.connect(lambda: QTimer.singleShot(0, then))
    window.show()
    return window


def run(argv: list[str]) -> int:
    """Open the main window on the database given by `--db URL` (or the default one)."""
    parser = argparse.ArgumentParser(prog="halfyear", add_help=False)
    parser.add_argument("--db", default=None)
    args, _rest = parser.parse_known_args(argv)
    status = {"code": 0}

    def opened(store: Store) -> None:
        window.set_store(store)
        window.offer_samples(seeds_dir())
        start_parser_when_idle(window)

    def failed(exc: Exception) -> None:
        from PySide6.QtCore import QCoreApplication

        from desktop.ui.errors import show_error

        show_error(window, exc, QCoreApplication.translate("app", "无法打开数据库"))
        status["code"] = 1
        window.close()

    def rooms_built() -> None:
        from desktop.ui.settings_room import saved_backup_policy, saved_database

        # --db, then HALFYEAR_DB, then the database chosen in 设置 on this PC, then the default file.
        url = args.db or (None if os.environ.get("HALFYEAR_DB", "").strip() else saved_database(window.settings))
        policy = saved_backup_policy(window.settings)
        show_first_report(window, url, then=lambda: window.jobs.db(_open_store, url, policy, on_done=opened,
                                                                   on_error=failed))

    # Start-up makes thousands of objects that live as long as the app (Qt's Python types, our modules,
    # the widgets); the cyclic collector would walk them over and over (~2-5 ms of a cold start,
    # bench/ui.py). What survives is frozen, so later collections skip it as well.
    # The frame paints first, then the panes; SQLAlchemy's import and the migration check run on the database
    # thread after that, so a cold start costs little more than a bare Qt window.
    with cyclic_gc_paused(freeze=True):
        app = make_app(argv)
        window = show_window(app, then=rooms_built)
    code = app.exec()
    window.close_store()
    return status["code"] or code


def show_first_report(window: MainWindow, url: str | None, *, then: Callable[[], object]) -> None:
    """Read the first report's rows without the store (db.first_look) and show them; then call `then` (open the
    store), once the tree has painted: SQLAlchemy's import on the database thread would slow that paint down."""
    from PySide6.QtCore import QTimer

    def shown(first: tuple[int, PreparedRows] | None) -> None:
        window.browser.show_first(first)
        QTimer.singleShot(0, then)  # queued behind the paint the new rows asked for

    def unread(_exc: Exception) -> None:  # a failure first_look did not expect: the store's opening tells it
        then()

    window.jobs.db(_first_look, url, window.browser.saved_report(), on_done=shown, on_error=unread)


def _first_look(url: str | None, wanted: int | None) -> tuple[int, PreparedRows] | None:
    from db.first_look import first_look
    from desktop.ui.models.row_filter import prepare_rows

    look = first_look(url, wanted)
    return None if look is None else (look.report_id, prepare_rows(look.rows))


# The parser's worker process (desktop/services/parser_pool.py) starts this long after the store opened, when
# the first loads are over: started by the first import instead, its start stalled the window (~70 ms).
PARSER_START_IDLE_MS = 1500


def start_parser_when_idle(window: MainWindow) -> None:
    """Start the parser's process a little after start-up, so the first import finds it running."""
    from PySide6.QtCore import QTimer

    QTimer.singleShot(PARSER_START_IDLE_MS, window, lambda: window.jobs.work(_start_parser))


def _start_parser() -> None:
    from desktop.services.parser_pool import warm_up  # multiprocessing's import (~25 ms) in the job, not the UI thread

    warm_up()


def _open_store(url: str | None, backups: BackupPolicy | None = None) -> Store:
    """Open the store (run on the database lane: SQLAlchemy's import and the migration check take ~0.3 s)."""
    from db.store import open_store

    return open_store(url, backups=backups)
