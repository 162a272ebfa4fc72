"""`halfyear selftest`: the window started as a clerk starts it, on a throw-away database, and checked.

For whoever installs the app on an office PC (and for the wheel and bundle tests): it proves the install
carries what the window reads at run time (icons, style sheet, samples, Qt's Chinese texts) and that the
machine has a Chinese font, without touching the user's own database or settings.
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

# desktop.ui.app before PySide6, in the entry point's order: it loads the import check before Qt (app.py)
from desktop.core.gc_pause import cyclic_gc_paused
from desktop.ui.app import make_app, show_window
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.data_dirs import data_root, resources_dir, seeds_dir
from desktop.ui.first_paint import AfterFirstPaint
from desktop.ui.icons import icon

if TYPE_CHECKING:
    from db.store import Store
    from desktop.ui.main_window import MainWindow

_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_SAMPLE_SUFFIXES = (".txt", ".docx")


def _print(line: str) -> None:
    try:
        print(line, flush=True)
    except BrokenPipeError:  # `halfyear selftest | head`: the reader left; the checks still run to the end
        pass


def standard_button_texts() -> list[str]:
    """What Qt writes on a message box's standard buttons in the current translation (是/否/确定/取消)."""
    box = QMessageBox()
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                           | QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    texts = [b.text() for b in box.buttons()]
    box.deleteLater()
    return texts


def run_selftest(*, timeout_s: float = 60.0, out: Callable[[str], None] | None = None) -> int:
    """Start the window on a temp database, wait for the samples, check what it shows; 0 if every check passed."""
    say = out or _print
    t0 = time.perf_counter()
    failures: list[str] = []

    def check(ok: bool, what: str, detail: str) -> None:
        say(f"[{'通过' if ok else '失败'}] {what}：{detail}")
        if not ok:
            failures.append(what)

    with tempfile.TemporaryDirectory(prefix="halfyear-selftest-") as tmp:
        # as desktop.ui.app.run starts the window: collector paused, window painted before the store opens
        with cyclic_gc_paused(freeze=True):
            app = make_app([])
            settings = QSettings(str(Path(tmp) / "selftest.ini"), QSettings.Format.IniFormat)
            painter = AfterFirstPaint(lambda: say(f"[通过] 窗口已显示：{(time.perf_counter() - t0) * 1000:.0f} ms"))
            window = show_window(app, settings=settings, watcher=painter, then=lambda: open_store())
        seeds = sorted(p for p in seeds_dir().glob("*") if p.suffix.lower() in _SAMPLE_SUFFIXES)
        def opened(store: Store) -> None:
            window.set_store(store)
            window.offer_samples(seeds_dir())

        def failed(exc: Exception) -> None:
            check(False, "数据库", f"无法打开临时数据库（{exc}）")
            app.quit()

        def samples_in() -> None:
            if seeds and len(window.report_model.reports()) < len(seeds):
                return
            poll.stop()
            try:
                _check_window(check, window, app, seeds)
            finally:  # a failing check must not leave the window open
                app.quit()

        def too_slow() -> None:
            app.quit()
            check(False, "示例报告", f"{timeout_s:.0f} 秒内只载入了 {len(window.report_model.reports())} 份"
                                   f"（应有 {len(seeds)} 份）")

        check(data_root().is_dir(), "数据文件", str(data_root()))
        check(bool(seeds), "示例文件", f"{len(seeds)} 份，在 {seeds_dir()}")
        _check_guide(check)

        def open_store() -> None:
            window.jobs.db(_open_store, f"sqlite:///{Path(tmp) / 'selftest.db'}", on_done=opened, on_error=failed)

        poll = QTimer()
        poll.timeout.connect(samples_in)
        poll.start(50)
        QTimer.singleShot(int(timeout_s * 1000), too_slow)
        app.exec()
        poll.stop()
        window.jobs.wait()
        window.close()
        window.close_store()
    if seeds:  # after the window: its start-up time above is the app's alone
        _check_parser_process(check, seeds[0])
    say(f"自检用时 {time.perf_counter() - t0:.1f} 秒")
    if failures:
        print(f"错误：自检未通过：{'、'.join(failures)}。请重新安装程序，或把以上内容发给技术人员。", file=sys.stderr)
        return 2
    return 0


def _check_guide(check: Callable[[bool, str, str], None]) -> None:
    """帮助 ▸ 使用说明: its page and every picture it shows are installed."""
    import re

    from desktop.ui.dialogs.guide import guide_path

    page = Path(guide_path())
    pictures = re.findall(r'<img src="([^"]+)"', page.read_text(encoding="utf-8")) if page.is_file() else []
    missing = [p for p in pictures if not (page.parent / p).is_file()]
    check(page.is_file() and bool(pictures) and not missing, "使用说明",
          f"{len(pictures) - len(missing)}/{len(pictures)} 张图" if page.is_file() else f"缺少 {page}")


def _open_store(url: str) -> Store:
    from db.store import open_store  # on the database thread, as the app does: SQLAlchemy's import is ~0.3 s

    return open_store(url)


def _check_parser_process(check: Callable[[bool, str, str], None], seed: Path) -> None:
    """Imports parse in a spawned process (desktop/services/parser_pool.py); in a frozen bundle that process is
    the app's own executable again, which only works when the entry point calls freeze_support()."""
    import multiprocessing
    import os
    from concurrent.futures import ProcessPoolExecutor

    from desktop.services.parsing import parse_safely

    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
            pid = pool.submit(os.getpid).result(timeout=60)
            parsed = pool.submit(parse_safely, str(seed)).result(timeout=60)
    except Exception as exc:  # noqa: BLE001 — any failure here is what the check reports
        check(False, "解析进程", f"无法在子进程中解析（{type(exc).__name__}: {exc}）")
        return
    items = len(parsed.plan.items) if parsed.plan is not None else 0
    check(pid != os.getpid() and items > 0, "解析进程", f"子进程 {pid} 读出 {items} 项工作")


def _check_window(check: Callable[[bool, str, str], None], window: MainWindow, app: QApplication,
                  seeds: list[Path]) -> None:
    reports = window.report_model.reports()
    check(len(reports) == len(seeds) > 0, "示例报告", f"载入 {len(reports)} 份")
    names = sorted(p.stem for p in (resources_dir() / "icons").glob("*.svg"))
    drawn = [n for n in names if not icon(n).pixmap(16, 16).isNull()]
    check(bool(names) and drawn == names, "图标", f"{len(drawn)}/{len(names)} 个能显示")
    check(not window.windowIcon().isNull(), "窗口图标", "已设置" if not window.windowIcon().isNull() else "缺失")
    check(bool(app.styleSheet()), "样式表", f"{len(app.styleSheet())} 个字符")
    buttons = standard_button_texts()
    check(not any(_LATIN_WORD.search(t.replace("&", "")) for t in buttons), "标准按钮", " ".join(buttons))
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    check(bool(chinese), "中文字体", f"界面用 {QFontInfo(app.font()).family()}" if chinese
          else "没有找到中文字体，请安装（如 Debian/统信/麒麟：fonts-noto-cjk）")
