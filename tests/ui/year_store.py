"""The scripted year (tests/services/year_history.py) for window tests: scripted once a session, copied per test."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from tests.services.year_history import Year, scripted_year


@pytest.fixture(scope="session")
def year_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Year]:
    """The scripted database file (closed) and its measures by name."""
    from db.store import open_store

    path = tmp_path_factory.mktemp("year") / "year.db"
    store = open_store(str(path))
    year = scripted_year(store)
    store.close()
    return path, year


@pytest.fixture
def year(year_template: tuple[Path, Year], tmp_path: Path) -> Iterator[Year]:
    """A fresh copy of the scripted year for one test (ids and rows as scripted)."""
    from db.store import open_store

    template, scripted = year_template
    path = tmp_path / "halfyear.db"
    shutil.copyfile(template, path)
    store: Any = open_store(str(path))
    yield replace(scripted, store=store)
    store.close()
