"""PySide's per-import "uses PySide6?" check, answered by a plain read: same answers, no sources kept."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.ui import pyside_import_check

ROOT = Path(__file__).resolve().parents[2]


def _pyside_check():  # noqa: ANN202 — PySide's own check, or None when this PySide has no such hook
    hook = getattr(sys.modules.get("shibokensupport.feature"), "_mod_uses_pyside", None)
    return getattr(hook, "original", hook)


def test_plain_read_gives_pysides_answers() -> None:
    original = _pyside_check()
    if original is None:
        pytest.skip("this PySide6 does not scan imported modules")
    check = pyside_import_check.plain_read_check(original)
    modules = ["desktop.ui.main_window", "desktop.ui.models.item_tree", "db.store", "desktop.core.extract",
               "json", "sys", "math", "PySide6.QtCore", "tests.ui.test_pyside_import_check"]
    answers = {name: check(importlib.import_module(name)) for name in modules}
    assert answers == {name: original(importlib.import_module(name)) for name in modules}
    assert answers["desktop.ui.main_window"] and not answers["db.store"]  # both kinds were asked


_CODE = """
import linecache
from desktop.ui.app import make_app
app = make_app([])
import db.store, sqlalchemy.orm
print(sum(1 for name in linecache.cache if "sqlalchemy" in name and name.endswith(".py")))
"""


def test_the_store_imports_leave_no_sources_in_memory(tmp_path: Path) -> None:
    """PySide's check kept ~10 MB of SQLAlchemy and Alembic source in linecache for the app's life."""
    if _pyside_check() is None:
        pytest.skip("this PySide6 does not scan imported modules")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), HOME=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", _CODE], capture_output=True, text=True, env=env, cwd=ROOT,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "0"


def test_install_is_idempotent() -> None:
    if _pyside_check() is None:
        pytest.skip("this PySide6 does not scan imported modules")
    assert pyside_import_check.install()
    hook = sys.modules["shibokensupport.feature"]._mod_uses_pyside
    assert pyside_import_check.install()
    assert sys.modules["shibokensupport.feature"]._mod_uses_pyside is hook
