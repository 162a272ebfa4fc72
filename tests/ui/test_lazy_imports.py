"""The window paints before heavy libraries load: guards the cold-start budget (bench/ui.py measures it)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_CODE = """
import sys
from desktop.ui.app import make_app
app = make_app([])
from desktop.ui.main_window import MainWindow
w = MainWindow(None)
w.show()
app.processEvents()
# db.api too: its dozen dataclasses cost ~8 ms to define, and the window has no store before it paints;
# the painters, editors and message boxes: their Qt classes cost ms each to set up in Python (QStyle ~6);
# multiprocessing: the parser's process pool is started by jobs, never on the UI thread;
# dataclasses: its import and one frozen class cost ~3 ms (named tuples on this path instead)
heavy = sorted(m for m in ("sqlalchemy", "alembic", "openpyxl", "xlsxwriter", "docx", "db.api", "db.store",
                           "desktop.ui.widgets.report_delegate", "desktop.ui.widgets.item_delegates",
                           "desktop.ui.errors", "desktop.services.parser_pool", "multiprocessing",
                           "dataclasses")
               if m in sys.modules)
print(",".join(heavy) or "none")
"""


def _fresh_python(code: str, home: Path) -> list[str]:
    """The lines a fresh, offscreen Python running `code` printed (it must exit cleanly)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), HOME=str(home),
               XDG_CONFIG_HOME=str(home))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip().splitlines()


def test_first_paint_needs_no_database_or_excel_libraries(tmp_path) -> None:
    assert _fresh_python(_CODE, tmp_path)[-1] == "none"


_FRAME_CODE = """
import sys
from desktop.ui.app import make_app, show_window
from desktop.ui.first_paint import AfterFirstPaint
app = make_app([])
ROOMS = ("desktop.ui.views", "desktop.ui.browsing", "desktop.ui.models.item_tree", "desktop.ui.actions")
def loaded(when):
    print(when, ",".join(m for m in ROOMS if m in sys.modules) or "none", flush=True)
def built():
    loaded("built"); app.quit()
watcher = AfterFirstPaint(lambda: loaded("painted"))
w = show_window(app, watcher=watcher, then=built)
app.exec()
"""


def test_the_frame_paints_before_the_rooms_modules_load(tmp_path) -> None:
    lines = [line for line in _fresh_python(_FRAME_CODE, tmp_path) if line.startswith(("painted", "built"))]
    assert lines == ["painted none",
                     "built desktop.ui.views,desktop.ui.browsing,desktop.ui.models.item_tree,desktop.ui.actions"]
