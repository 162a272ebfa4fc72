"""Qt's own texts speak Chinese: every dialog the app shows, opened for real, has no English on its buttons."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QFileDialog, QLabel, QWidget

from desktop.ui.app import install_translators
from desktop.ui.errors import Messages, show_error
from tests.ui.conftest import ROOT

# Taken before the autouse `messages` fixture replaces them: these tests want the real message boxes.
_REAL_WARN = Messages.__dict__["warn"]
_REAL_CONFIRM = Messages.__dict__["confirm"]
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_TRANSLATIONS = ROOT / "resources" / "translations"


@pytest.fixture
def chinese_qt(qapp: QApplication) -> Iterator[None]:
    """The app's translators, as make_app installs them on a system whose language is English."""
    assert install_translators(qapp, "en_US") == "zh_CN"  # halfyear_en.ts has no translations yet
    yield
    for t in qapp.findChildren(QTranslator, "halfyear-translator"):
        qapp.removeTranslator(t)
        t.deleteLater()
    QLocale.setDefault(QLocale.system())


@pytest.fixture
def real_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Messages, "warn", _REAL_WARN)
    monkeypatch.setattr(Messages, "confirm", _REAL_CONFIRM)


def _english(widget: QWidget, *, labels: bool) -> list[str]:
    """Texts on the dialog's buttons (and, for Qt's own dialogs, labels) that contain a Latin word."""
    texts = [b.text() for b in widget.findChildren(QAbstractButton)]
    if labels:
        texts += [label.text() for label in widget.findChildren(QLabel)]
    return [t for t in texts if _LATIN_WORD.search(t.replace("&", ""))]


def _answer_modal(open_it: Callable[[], object], *, labels: bool = False) -> tuple[str, list[str], list[str]]:
    """Open a modal dialog the way the app does, read it while it runs, then close it with Cancel/Escape."""
    seen: list[tuple[str, list[str], list[str]]] = []

    def poll() -> None:
        w = QApplication.activeModalWidget()
        if w is None:
            return
        timer.stop()
        buttons = [b.text() for b in w.findChildren(QAbstractButton) if b.text()]
        seen.append((type(w).__name__, buttons, _english(w, labels=labels)))
        assert isinstance(w, QDialog)
        w.reject()

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(20)
    QTimer.singleShot(10000, timer.stop)
    open_it()
    timer.stop()
    assert seen, "no dialog was shown"
    return seen[0]


def test_delete_confirmation_about_and_error_boxes(qtbot, window, chinese_qt, real_boxes, monkeypatch) -> None:
    assert window.report_id is not None  # the fixture selected the first report
    kind, buttons, english = _answer_modal(window.delete_current_report)
    assert (kind, buttons, english) == ("QMessageBox", ["是(&Y)", "否(&N)"], [])
    assert len(window.report_model.reports()) == 2  # answered 否: nothing was deleted

    kind, buttons, english = _answer_modal(window.act_about.trigger)
    assert (kind, buttons, english) == ("QMessageBox", ["确定"], [])

    kind, buttons, english = _answer_modal(lambda: show_error(window, RuntimeError("boom")))
    assert english == [] and "确定" in buttons and "复制详情" in buttons and any("详情" in b for b in buttons)


@pytest.mark.parametrize("action", ["act_import", "act_export", "act_merge"])
def test_file_dialogs(qtbot, window, chinese_qt, monkeypatch, action) -> None:
    # Qt's own file dialog, as on a Linux desktop without a native one (Windows shows the system's, in Chinese)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", _non_native(QFileDialog.getOpenFileNames))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", _non_native(QFileDialog.getOpenFileName))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", _non_native(QFileDialog.getSaveFileName))
    if action == "act_export":  # the export's options come first (test_export_options_dialog); then the file
        from desktop.ui.dialogs.export_dialog import ExportDialog

        monkeypatch.setattr(ExportDialog, "ask", classmethod(lambda cls, parent, choices, **kw: choices))
    kind, buttons, english = _answer_modal(getattr(window, action).trigger, labels=True)
    assert kind == "QFileDialog" and "取消" in buttons and english == [], (buttons, english)
    window.jobs.wait()


def test_export_options_dialog(qtbot, window, chinese_qt) -> None:
    kind, buttons, english = _answer_modal(window.act_export.trigger, labels=True)
    assert kind == "ExportDialog" and "取消" in buttons and any(b.startswith("导出") for b in buttons) and english == [], (buttons, english)
    window.jobs.wait()


def _non_native(static: Callable[..., object]) -> Callable[..., object]:
    def call(*args: object, **kwargs: object) -> object:
        return static(*args, options=QFileDialog.Option.DontUseNativeDialog, **kwargs)

    return call


def test_the_apps_own_dialogs(qtbot, window, seeded, chinese_qt, tmp_path) -> None:
    from desktop.services.export import export_ledger
    from desktop.services.merge import preview_merge
    from desktop.services.parser_pool import parse_files
    from desktop.ui.dialogs.import_preview import ImportPreviewDialog
    from desktop.ui.dialogs.split_dialog import SplitDialog
    from desktop.ui.export_actions import MergePreviewDialog
    from tests.ui.conftest import SEEDS

    export_ledger(seeded, tmp_path / "台账.xlsx")
    dialogs = [ImportPreviewDialog(parse_files([str(SEEDS[2])]), window), SplitDialog("第一句。第二句。", window),
               MergePreviewDialog(preview_merge(seeded, tmp_path / "台账.xlsx"), window)]
    for dlg in dialogs:
        qtbot.addWidget(dlg)
        dlg.show()
        assert [b.text() for b in dlg.findChildren(QAbstractButton) if b.text()], type(dlg).__name__
        assert _english(dlg, labels=False) == [], type(dlg).__name__


def test_text_field_menus(qtbot, window, chinese_qt) -> None:
    menu = window.filter_bar.search.createStandardContextMenu()
    texts = [a.text().split("\t")[0] for a in menu.actions() if a.text()]
    assert "全选" in texts and not [t for t in texts if _LATIN_WORD.search(t.replace("&", ""))], texts
    menu.deleteLater()


def test_without_the_translators_qt_is_english(qapp) -> None:
    # what the tests above guard against: PySide6 alone leaves Qt's standard buttons in English
    assert QCoreApplication.translate("QPlatformTheme", "&Yes") == "&Yes"


def test_compiled_translations_match_their_sources(tmp_path: Path) -> None:
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"  # ships with PySide6-Essentials
    sources = sorted(_TRANSLATIONS.glob("*.ts"))
    assert sources
    for ts in sources:
        fresh = tmp_path / ts.with_suffix(".qm").name
        subprocess.run([str(lrelease), str(ts), "-qm", str(fresh)], check=True, capture_output=True, timeout=60)
        committed = ts.with_suffix(".qm")
        assert committed.is_file() and committed.read_bytes() == fresh.read_bytes(), (
            f"{committed.name} is older than {ts.name}: run pyside6-lrelease {ts.relative_to(ROOT)}")
