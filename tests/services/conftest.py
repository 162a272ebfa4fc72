"""A store with two seed reports imported, for the export and merge services."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SEEDS


@pytest.fixture
def ledger_store(tmp_path: Path) -> Iterator[object]:
    """A fresh SQLite store holding seeds 000 and 002, with units filled in on a few measures."""
    from db.store import open_store
    from desktop.core.extract import extract_plan
    from desktop.core.reports import read_report

    st = open_store(str(tmp_path / "halfyear.db"))
    for path in (SEEDS[0], SEEDS[2]):
        doc = read_report(path)
        st.import_plan(extract_plan(doc), sha256=doc.sha256, original_text=doc.text)
    yield st
    st.close()
