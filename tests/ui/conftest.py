"""UI test fixtures: a QApplication for every test, settings in a temp file, a store on a temp SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import started_window


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


ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """A fresh SQLite database file for this test."""
    return f"sqlite:///{tmp_path / 'halfyear.db'}"


@pytest.fixture
def store(db_url: str):  # noqa: ANN201 — db.store.Store
    """The real store on a temp SQLite file, migrated to head."""
    from db.store import open_store

    s = open_store(db_url)
    yield s
    s.close()


def import_seed(store, path: Path) -> int:  # noqa: ANN001
    """Parse a seed report and import it; returns the report id."""
    from desktop.core.extract import extract_plan
    from desktop.core.reports import read_report

    doc = read_report(path)
    return store.import_plan(extract_plan(doc), sha256=doc.sha256, original_text=doc.text).report_id


@pytest.fixture
def seeded(store):  # noqa: ANN001, ANN201
    """The store with the first two seed reports imported."""
    import_seed(store, SEEDS[0])
    import_seed(store, SEEDS[1])
    return store


@pytest.fixture
def window(qtbot, seeded, settings):  # noqa: ANN001, ANN201
    """The main window over the seeded store, shown, with its first report's tree loaded."""
    w = started_window(qtbot, seeded, settings)
    yield w
    w.jobs.wait()


@pytest.fixture(autouse=True)
def messages(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Message boxes never block a test: they are recorded; a test that expects one clears the list."""
    from desktop.ui.errors import Messages

    shown: list[str] = []
    monkeypatch.setattr(Messages, "warn", classmethod(
        lambda cls, parent, title, text, details="": shown.append(f"{title}｜{text}｜{details}")))
    monkeypatch.setattr(Messages, "confirm", classmethod(lambda cls, parent, title, text: True))
    yield shown
    assert not shown, f"unexpected message box: {shown}"
