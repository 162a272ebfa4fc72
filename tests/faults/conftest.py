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
