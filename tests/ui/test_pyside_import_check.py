"""PySide's per-import "uses PySide6?" check, answered by a plain read: same answers, no sources kept."""

from __future__ import annotations

import importlib
import os
import py_compile
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.ui import pyside_import_check

ROOT = Path(__file__).resolve().parents[2]


def _pyside_check():  # noqa: ANN202 — PySide's own check, or None when this PySide has no such hook
    hook = getattr(sys.modules.get("shibokensupport.feature"), "_mod_uses_pyside", None)
    return getattr(hook, "original", hook)


@pytest.fixture
def original():  # noqa: ANN201
    check = _pyside_check()
    if check is None:
        pytest.skip("this PySide6 does not scan imported modules")
    return check


def _odd_modules(folder: Path) -> list[str]:
    """Modules the plain read must not answer differently: each kind of file PySide's check meets."""
    (folder / "hy_namespace").mkdir()  # a namespace package: no __file__
    (folder / "hy_gbk.py").write_bytes("# -*- coding: gbk -*-\n# 用 PySide6 画窗口\nX = 1\n".encode("gbk"))
    (folder / "hy_plain.py").write_text("X = 1\n", encoding="utf-8")
    compiled = folder / "hy_compiled_src.py"
    compiled.write_text("# PySide6\nX = 1\n", encoding="utf-8")
    py_compile.compile(str(compiled), cfile=str(folder / "hy_compiled.pyc"))
    compiled.unlink()  # only the .pyc is left
    deleted = folder / "hy_deleted.py"
    deleted.write_text("# PySide6\nX = 1\n", encoding="utf-8")
    return ["hy_namespace", "hy_gbk", "hy_plain", "hy_compiled", "hy_deleted"]


def test_plain_read_gives_pysides_answers(original, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(tmp_path))
    odd = _odd_modules(tmp_path)
    modules = {name: importlib.import_module(name) for name in odd}
    (tmp_path / "hy_deleted.py").unlink()  # imported, then gone from disk
    for name in ("desktop.ui.main_window", "desktop.ui.models.item_tree", "db.store", "desktop.core.extract",
                 "json"):
        modules[name] = importlib.import_module(name)
    check = pyside_import_check.plain_read_check(original)
    answers = {name: check(module) for name, module in modules.items()}
    assert answers == {name: original(module) for name, module in modules.items()}
    assert answers["desktop.ui.main_window"] and answers["hy_gbk"] and not answers["db.store"]


_CODE = """
import linecache
from desktop.ui.app import make_app
app = make_app([])
import db.store, sqlalchemy.orm, alembic.command
print(sum(1 for name in linecache.cache if ("sqlalchemy" in name or "alembic" in name) and name.endswith(".py")))
"""


def test_the_store_imports_leave_no_sources_in_memory(original, tmp_path: Path) -> None:
    """PySide's check kept ~10 MB of SQLAlchemy and Alembic source in linecache for the app's life."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), HOME=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", _CODE], capture_output=True, text=True, env=env, cwd=ROOT,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "0"


def test_install_replaces_the_check_once(original, monkeypatch: pytest.MonkeyPatch) -> None:
    feature = sys.modules["shibokensupport.feature"]
    monkeypatch.setattr(feature, "_mod_uses_pyside", original)  # restored after the test
    assert pyside_import_check.install()
    hook = feature._mod_uses_pyside
    assert hook.is_plain_read and hook.original is original
    assert pyside_import_check.install()
    assert feature._mod_uses_pyside is hook
