"""Where a cold start's time goes before the first paint (issue 17), next to a bare PySide6 window.

Run: python bench/ui_startup.py [RUNS]   (offscreen by default; fresh processes, alternating; medians, ms)
Each start notes the clock after each phase (Qt imported, QApplication made, the window's modules imported,
the window built, shown, painted), and counts the Python enum types PySide created on the way with the time
they took: PySide builds a Qt class's enums when the class is first used, through Python's `enum` module, and
the `Qt` namespace alone holds 93 of them. Any item model written in Python makes PySide build them (the
header's headerData() call receives a Qt.Orientation), so the window paints its frame first and builds its
panes in the next turn of the event loop (desktop.ui.app.show_window); this times that frame's paint, and
bench/ui.py the panes' too.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.ui import FIRST_PAINT, ROOT, cold_output  # noqa: E402  (also sets QT_QPA_PLATFORM)

_RUNS = 7

# Counting enums: wraps the one function every functional-API enum goes through (EnumType._create_).
_PROLOGUE = r"""
import time; T0 = time.perf_counter()
import enum, json, sys
marks, enums = [], [0, 0.0]
_create = enum.EnumType._create_
def _counted(cls, *a, **k):
    t = time.perf_counter()
    try:
        return _create(cls, *a, **k)
    finally:
        enums[0] += 1; enums[1] += time.perf_counter() - t
enum.EnumType._create_ = _counted
def mark(name):
    marks.append((name, (time.perf_counter() - T0) * 1000, enums[0], enums[1] * 1000))
def painted_then(app):
    def done():
        mark("painted"); print("MARKS " + json.dumps(marks), flush=True); app.quit()
    return first_paint_filter(done)
"""

_BARE = _PROLOGUE + FIRST_PAINT + r"""
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
mark("Qt imported")
app = QApplication(sys.argv[:1]); mark("application")
mark("window modules")
w = QMainWindow(); label = QLabel("halfyear"); w.setCentralWidget(label); w.resize(1280, 760); mark("window built")
f = painted_then(app); label.installEventFilter(f)
w.show(); mark("shown")
app.exec()
"""

_APP = _PROLOGUE + FIRST_PAINT + r"""
from desktop.core.gc_pause import cyclic_gc_paused
from desktop.ui.app import make_app
from PySide6.QtCore import QSettings
import PySide6.QtWidgets  # as the bare start does here (make_app would import it next)
mark("Qt imported")
with cyclic_gc_paused(freeze=True):
    app = make_app([]); mark("application")
    from desktop.ui.main_window import MainWindow
    mark("window modules")
    # as desktop.ui.app.show_window builds it: the frame, whose first paint this times (the rooms come after it)
    w = MainWindow(None, settings=QSettings(sys.argv[1], QSettings.Format.IniFormat), rooms_later=True)
    mark("window built")
    f = painted_then(app); w.installEventFilter(f)
    w.show(); mark("shown")
app.exec()
"""


def phases(code: str, *args: str) -> list[tuple[str, float, int, float]]:
    """One fresh start's marks: (phase, ms since the interpreter ran the script, enums so far, their ms)."""
    for line in cold_output(code, *args):
        if line.startswith("MARKS "):
            return [tuple(m) for m in json.loads(line[6:])]  # type: ignore[misc]
    raise RuntimeError("the window never painted")


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else _RUNS
    tmp = Path(tempfile.mkdtemp(prefix="halfyear-startbench-"))
    bare, app = [], []
    for n in range(runs):
        bare.append(phases(_BARE))
        app.append(phases(_APP, str(tmp / f"s{n}.ini")))

    def medians(samples: list[list[tuple[str, float, int, float]]]) -> list[tuple[str, float, float, int, float]]:
        out, names = [], [m[0] for m in samples[0]]
        for i, name in enumerate(names):
            at = [s[i][1] for s in samples]
            step = [s[i][1] - (s[i - 1][1] if i else 0.0) for s in samples]
            out.append((name, statistics.median(step), statistics.median(at), samples[0][i][2],
                        statistics.median(s[i][3] for s in samples)))
        return out

    print(f"cold start to the first paint, {runs} fresh processes each, alternating (medians, ms; "
          f"from the script's first line, so Python's own start is left out of both):")
    print(f"  {'phase':16} {'bare step':>9} {'halfyear step':>13}   {'halfyear at':>11}   enum types so far (ms) bare / halfyear")
    for b, a in zip(medians(bare), medians(app), strict=True):
        print(f"  {b[0]:16} {b[1]:9.1f} {a[1]:13.1f}   {a[2]:11.1f}   {b[3]:4} ({b[4]:4.1f}) / {a[3]:4} ({a[4]:4.1f})")
    total_b, total_a = statistics.median(s[-1][1] for s in bare), statistics.median(s[-1][1] for s in app)
    extra_enum = statistics.median(s[-1][3] for s in app) - statistics.median(s[-1][3] for s in bare)
    print(f"painted: bare {total_b:.1f} ms, halfyear {total_a:.1f} ms (+{total_a - total_b:.1f} ms); "
          f"of the difference, {extra_enum:.1f} ms is building {app[0][-1][2] - bare[0][-1][2]} more enum types")
    print(f"(project {ROOT.name}; bench/ui.py times the whole start from the spawn, as a clerk sees it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
