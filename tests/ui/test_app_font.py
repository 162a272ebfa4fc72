"""The application's font: a Chinese UI face first, 13 px (made in a fresh process, as the app starts)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

_CODE = """
from PySide6.QtGui import QFontDatabase, QFontInfo
from desktop.ui.app import _CJK_UI_FAMILIES, make_app
app = make_app([])
installed = [f for f in _CJK_UI_FAMILIES if f in QFontDatabase.families()]
make_app([])  # made again (tests, the bench): the list must not grow
first = app.font().families()[:len(_CJK_UI_FAMILIES) + 1]
assert first[:len(_CJK_UI_FAMILIES)] == list(_CJK_UI_FAMILIES) and first[-1] not in _CJK_UI_FAMILIES, first
print(installed[0] if installed else "-", "|", QFontInfo(app.font()).family(), "|", app.font().pixelSize())
"""


def test_text_is_drawn_from_the_first_installed_chinese_ui_face(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), HOME=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", _CODE], capture_output=True, text=True, env=env, cwd=ROOT,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    wanted, used, size = (part.strip() for part in out.stdout.strip().splitlines()[-1].split("|"))
    if wanted == "-":
        pytest.skip("no Chinese UI font installed (the CI installs fonts-noto-cjk)")
    assert (used, size) == (wanted, "13")
