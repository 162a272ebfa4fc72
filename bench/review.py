"""Year-end review speed: the 对账 of 50,000 measures as of a past date, and its 督查通报 .docx.

Run: python bench/review.py [--dir DIR] [--runs 5]
Targets: the review as of a past date computes in <= 1 s; its .docx is written in <= 2 s. Printed next
to the plain list load of the same rows (Store.items, today's values) measured in the same run.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, update  # noqa: E402

from bench.store import big_plan  # noqa: E402
from db.api import ItemFilter  # noqa: E402
from db.models import History, Item, Report  # noqa: E402
from db.store import open_store  # noqa: E402
from desktop.core.notice_docx import write_notice  # noqa: E402
from desktop.services.review import build_review  # noqa: E402

YEAR = 2025
START = datetime(YEAR, 1, 6, 9)
AS_OF = date(YEAR, 6, 30)
UNITS = [f"第{n}科" for n in range(1, 41)]
DUES = [date(YEAR, 12, 31)] * 7 + [date(YEAR, 9, 30)] * 2 + [date(YEAR, 5, 31)]


def timed(fn: Callable[[], object], runs: int) -> tuple[float, float, object]:
    """(median, best) seconds of `runs` calls, and the last result."""
    times = []
    result: object = None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), min(times), result


def script_history(store: object, report_id: int, seed: int = 15) -> int:
    """A year of history for every measure: unit and owner in February, a start with a note, for some a
    completion, an extension or a second note, on dates spread over the year. Returns the history rows."""
    rng = random.Random(seed)
    engine = store.engine  # type: ignore[attr-defined]
    with engine.begin() as conn:
        conn.execute(update(Item).where(Item.report_id == report_id).values(created_at=START, updated_at=START))
        conn.execute(update(Report).where(Report.id == report_id).values(imported_at=START,
                                                                         period_start=START.date()))
        measures = conn.execute(Item.__table__.select().where(Item.report_id == report_id, Item.depth == 1)).all()
        rows: list[dict[str, object]] = []
        finals: list[dict[str, object]] = []
        for m in measures:
            unit, owner = rng.choice(UNITS), f"责任人{rng.randint(1, 300)}"
            day = START + timedelta(days=rng.randint(20, 40))
            due = rng.choice(DUES).isoformat()
            events = [(day, "lead_unit", "", unit), (day, "owner", "", owner), (day, "due", None, due)]
            state = {"status": "未启动", "note": "", "progress": "0", "due": due, "delay_reason": ""}
            roll = rng.random()
            if roll < 0.85:
                day = START + timedelta(days=rng.randint(40, 300))
                progress = str(rng.randint(5, 90))
                events += [(day, "status", "未启动", "推进中"), (day, "progress", "0", progress),
                           (day, "note", "", f"{day.month}月：已启动，完成{progress}%")]
                state.update(status="推进中", progress=progress, note=f"{day.month}月：已启动，完成{progress}%")
                later = day + timedelta(days=rng.randint(10, 60))
                if roll < 0.35:
                    events.append((later, "status", "推进中", "已完成"))
                    state["status"] = "已完成"
                elif roll < 0.42:
                    new_due = date(YEAR + 1, 3, 31).isoformat()
                    events += [(later, "status", "推进中", "已延期"), (later, "due", state["due"], new_due),
                               (later, "delay_reason", "", "资金未到位")]
                    state.update(status="已延期", due=new_due, delay_reason="资金未到位")
                elif roll < 0.6:
                    note = f"{state['note']}\n{later.month}月：持续推进"
                    events.append((later, "note", state["note"], note))
                    state["note"] = note
            for at, field, old, new in events:
                rows.append({"report_id": report_id, "item_id": m.id, "at": at, "who": "bench", "field": field,
                             "old": old, "new": new})
            finals.append({"id": m.id, "lead_unit": unit, "owner": owner, **state})
        for start in range(0, len(rows), 20_000):
            conn.execute(insert(History), rows[start:start + 20_000])
        for f in finals:
            conn.execute(update(Item).where(Item.id == f["id"]).values(
                lead_unit=f["lead_unit"], owner=f["owner"], status=f["status"], note=f["note"],
                progress=int(str(f["progress"])), delay_reason=f["delay_reason"],
                due=date.fromisoformat(str(f["due"])) if f["due"] else None))
    return len(rows)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", help="folder for the database file (default: a temp folder)")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    if args.dir:
        run(Path(args.dir), args.runs)
    else:
        with tempfile.TemporaryDirectory(prefix="halfyear-bench-") as tmp:
            run(Path(tmp), args.runs)


def run(folder: Path, runs: int) -> None:
    print(f"Python {sys.version.split()[0]}, files in {folder}, {runs} runs each (median, best)")
    store = open_store(str(folder / "review.db"))
    plan = big_plan(5000, 10, year=YEAR)
    rid = store.import_plan(plan, sha256="r" * 64, original_text="").report_id
    t0 = time.perf_counter()
    history = script_history(store, rid)
    print(f"scripted {plan.measure_count:,} measures, {history:,} history rows in {time.perf_counter() - t0:.1f} s")

    flt = ItemFilter(report_ids=(rid,))
    plain, plain_best, rows = timed(lambda: store.items(flt), runs)
    as_of, as_of_best, _ = timed(lambda: store.items(flt, as_of=AS_OF), runs)
    print(f"{'plain list load (Store.items, today)':<48} median {plain:6.3f} s  best {plain_best:6.3f} s  "
          f"({len(rows):,} rows)")  # type: ignore[arg-type]
    print(f"{'as-of list load (Store.items, 2025-06-30)':<48} median {as_of:6.3f} s  best {as_of_best:6.3f} s  "
          f"({as_of / plain:4.2f}x plain)")
    for rule in ("deadline", "schedule"):
        med, best, review = timed(lambda: build_review(store, as_of=AS_OF, report_ids=[rid], rule=rule), runs)
        verdict = "meets" if med <= 1.0 else "MISSES"
        print(f"{'review as of 2025-06-30, ' + rule + ' rule':<48} median {med:6.3f} s  best {best:6.3f} s  "
              f"({med / plain:4.2f}x plain)  target <= 1 s: {verdict}")
    counts = ", ".join(f"{c.name} {c.count}" for c in review.by_category)  # type: ignore[attr-defined]
    print(f"  {review.measures:,} measures: {counts}; {len(review.units)} units")  # type: ignore[attr-defined]
    out = folder / "通报.docx"
    med, best, _ = timed(lambda: write_notice(out, review), runs)  # type: ignore[arg-type]
    verdict = "meets" if med <= 2.0 else "MISSES"
    print(f"{'督查通报 .docx (附件: every measure)':<48} median {med:6.3f} s  best {best:6.3f} s  "
          f"{out.stat().st_size / 1e6:.1f} MB  target <= 2 s: {verdict}")
    store.close()


if __name__ == "__main__":
    main()
