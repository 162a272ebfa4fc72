"""The standing fault suite: figures measured here are printed at the end of the test run."""

from __future__ import annotations

from collections.abc import Callable

import pytest

_FIGURES: list[str] = []


@pytest.fixture
def figure() -> Callable[[str], None]:
    """Record one line of measured figures for the summary at the end of the run."""
    return _FIGURES.append


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print what the fault suite measured (concurrent writes, bombs), so CI logs keep the figures."""
    if _FIGURES:
        terminalreporter.section("fault suite figures")
        for line in _FIGURES:
            terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def ledger_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """A SQLite database with seeds 000 and 002 and the ledger exported from it (built once per run)."""
    from db.store import open_store
    from desktop.core.extract import extract_plan
    from desktop.core.reports import read_report
    from desktop.services.export import export_ledger
    from tests.conftest import SEEDS

    folder = tmp_path_factory.mktemp("ledger")
    db = folder / "halfyear.db"
    with open_store(str(db)) as st:
        for path in (SEEDS[0], SEEDS[2]):
            doc = read_report(path)
            st.import_plan(extract_plan(doc), sha256=doc.sha256, original_text=doc.text)
        ledger = export_ledger(st, folder / "台账.xlsx", one_sheet=True).path
    return str(db), str(ledger)
