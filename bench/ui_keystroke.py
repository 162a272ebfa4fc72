"""Where one search keystroke's time goes in the expanded 10,000-measure tree (issue 17), next to a bare tree.

Run: python bench/ui_keystroke.py [ROUNDS]   (offscreen by default)
For the first letter typed (the whole expanded tree reset to its matches), a longer word and the cleared
search, it times the parts separately: the filter (model rebuild and the tree's layout, which the keystroke runs
before its frame), any layout still pending, one repaint of the tree's viewport, and the rest of the event-loop
pass. Then it repaints the same viewport with nothing changed, and a bare QTreeView over a QStandardItemModel
holding the same shown cells (bench/bare_views.py, no Python per cell) at the same size: the floor that a paint
here can reach.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.ui import SEARCH, make_db, open_window  # noqa: E402  (also sets QT_QPA_PLATFORM)

PARTS = ("filter", "layout", "viewport paint", "rest")


def main() -> int:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    from bench.bare_views import bare_floor_ms
    from desktop.ui.models.report_list import ALL_REPORTS

    tmp = Path(tempfile.mkdtemp(prefix="halfyear-keybench-"))
    app, store, w, wait, settle = open_window(make_db(tmp / "bench.db", 50_000), tmp)

    w.start()
    wait(w.tree_loaded)
    w.select_report(ALL_REPORTS)  # then the big report, as bench/ui.py does (selecting the shown one loads nothing)
    wait(w.tree_loaded)
    w.select_report(w.report_model.reports()[0].id)
    wait(w.tree_loaded)
    w.tree.expandAll()
    app.processEvents()
    settle(300)

    cases = {"first letter": SEARCH[:1], "whole word": SEARCH, "cleared": ""}
    times: dict[str, dict[str, list[float]]] = {c: {p: [] for p in PARTS} for c in cases}
    shown: dict[str, int] = {}
    for _ in range(rounds):
        for case, text in cases.items():
            tree = w.tree
            t0 = time.perf_counter()
            w.filter_bar.search.setText(text)
            t1 = time.perf_counter()
            tree.executeDelayedItemsLayout()
            t2 = time.perf_counter()
            tree.viewport().repaint()
            t3 = time.perf_counter()
            app.processEvents()
            t4 = time.perf_counter()
            for part, secs in zip(PARTS, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
                times[case][part].append(secs * 1000)
            shown[case] = w.item_model.visible_count()
            settle(200)

    w.filter_bar.search.setText(SEARCH[:1])
    app.processEvents()
    settle(200)
    ours, floor = bare_floor_ms(w.tree)
    model = w.item_model

    print(f"expanded tree of {model.measure_count()} measures, viewport {w.tree.viewport().width()}×"
          f"{w.tree.viewport().height()}, {rounds} rounds (medians, ms):")
    for case in cases:
        parts = times[case]
        total = statistics.median(sum(p) for p in zip(*parts.values(), strict=True))
        print(f"  {case:12} ({shown[case]:5} shown): "
              + ", ".join(f"{p} {statistics.median(v):.1f}" for p, v in parts.items()) + f"; total {total:.1f}")
    print(f"viewport repaint, nothing changed: halfyear {ours:.1f} ms; bare QTreeView over QStandardItemModel, "
          f"same cells (text, check boxes, icons) and size {floor:.1f} ms ({ours / floor:.2f}x)")
    w.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
