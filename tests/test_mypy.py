"""mypy is clean on desktop/ and db/ (the settings are pyproject.toml's [tool.mypy]); part of every test run."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_mypy_is_clean_on_desktop_and_db() -> None:
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout
