"""Strings go through Qt's translator: a compiled English .qm changes the window's text."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from desktop.ui.main_window import MainWindow

_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context><name>MainWindow</name>
<message><source>导入报告…</source><translation>Import reports…</translation></message>
</context>
<context><name>Status</name>
<message><source>已完成</source><translation>Done</translation></message>
</context>
</TS>
"""


def test_english_translation_applies(tmp_path: Path, settings) -> None:
    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent / "pyside6-lrelease")
    if not Path(lrelease).exists():
        pytest.skip("pyside6-lrelease is not installed")
    ts = tmp_path / "halfyear_en.ts"
    ts.write_text(_TS, encoding="utf-8")
    subprocess.run([lrelease, str(ts), "-qm", str(tmp_path / "halfyear_en.qm")], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(tmp_path / "halfyear_en.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        w = MainWindow(None, settings=settings)
        assert w.act_import.text() == "Import reports…"
        assert QCoreApplication.translate("Status", "已完成") == "Done"
        w.deleteLater()
    finally:
        QCoreApplication.removeTranslator(translator)
    assert QCoreApplication.translate("Status", "已完成") == "已完成"
