"""UI test fixtures: a QApplication for every test, settings in a temp file, a store on a temp SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def _app(qapp: QApplication) -> QApplication:
    """Pixmaps (light marks) need a GUI application even in model tests."""
    return qapp


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    """Where this test's QSettings live (never the user's real settings)."""
    return tmp_path / "halfyear.ini"


@pytest.fixture
def settings(settings_path: Path) -> Iterator[QSettings]:
    """QSettings in a temp INI file."""
    s = QSettings(str(settings_path), QSettings.Format.IniFormat)
    yield s
    s.sync()
