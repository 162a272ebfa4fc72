"""Store speed next to bare sqlite3 doing the same rows in the same run (same pragmas: WAL, synchronous=FULL).

Run: python bench/store.py [--dir DIR]   (targets, issue 17: import <= 2x raw; status change <= 2 ms median (~7x raw);
load 50,000-measure tree and a text filter <= 2x raw)
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from dataclasses import replace
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.timing import best_of  # noqa: E402
from db.api import ItemFilter, Status  # noqa: E402
from db.store import open_store  # noqa: E402
from desktop.core.extract import extract_plan  # noqa: E402
from desktop.core.reports import read_report  # noqa: E402
from desktop.core.types import Plan, PlanItem  # noqa: E402

COLS = ("uuid, report_id, parent_id, depth, position, label, title, text, source, status, progress, lead_leader, "
        "lead_unit, co_units, owner, due, original_due, delay_reason, note, ongoing, completed_at, created_at, "
        "updated_at, version")


def raw_connect(path: Path) -> sqlite3.Connection:
    """sqlite3 with the store's pragmas, on a copy of the store's schema."""
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in ("busy_timeout=5000", "journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
        conn.execute(f"PRAGMA {pragma}")
    return conn


def clone_schema(src: Path, dst: Path) -> None:
    s = sqlite3.connect(src)
    ddl = [r[0] for r in s.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'")]
    s.close()
    d = sqlite3.connect(dst)
    for stmt in ddl:
        d.execute(stmt)
    d.commit()
    d.close()


def item_tuple(report_id: int, parent: int | None, depth: int, pos: int, it: PlanItem, now: str) -> tuple:
    return (str(uuid.uuid4()), report_id, parent, depth, pos, it.label, it.title, it.text, it.source, "未启动", 0,
            "", "", "", "", it.due.isoformat() if it.due else None, None, "", "", int(it.ongoing), None, now, now, 1)


def raw_import(conn: sqlite3.Connection, plan: Plan, sha: str) -> None:
    """The same rows import_plan writes: one report, items, then their measures, one transaction."""
    now = datetime.now().isoformat(" ")
    conn.execute("BEGIN IMMEDIATE")
    cur = conn.execute(
        "INSERT INTO report (title, source_name, sha256, year, heading, preamble, original_text, imported_at, "
        "period_start, sample) VALUES (?,?,?,?,?,?,?,?,?,0)",
        (plan.title, plan.source, sha, plan.year, plan.section.heading, plan.section.preamble or "", "x" * 20000,
         now, now[:10]))
    rid = cur.lastrowid
    level = [(None, pos, it) for pos, it in enumerate(plan.items)]
    depth = 0
    while level:
        ids = []
        for parent, pos, it in level:  # executemany cannot return ids; one INSERT each, as fast as it gets
            ids.append(conn.execute(f"INSERT INTO item ({COLS}) VALUES ({','.join('?' * 24)})",
                                    item_tuple(rid, parent, depth, pos, it, now)).lastrowid)
        level = [(i, p, c) for i, (_, _, it) in zip(ids, level) for p, c in enumerate(it.children)]
        depth += 1
    conn.execute("COMMIT")


def big_plan(items: int, measures: int, year: int = 2030) -> Plan:
    words = ["干部", "人才", "基层", "党建", "教育", "培训", "考核", "监督", "服务", "乡村"]
    built = tuple(
        PlanItem(label=f"（{n}）", title=f"{words[n % 10]}工作{n}", text=f"第{n}项工作的正文。",
                 children=tuple(PlanItem(label=str(m + 1), title=f"{words[(n + m) % 10]}措施{n}-{m}",
                                         text=f"推进{words[(n * m) % 10]}第{n}-{m}项措施，年底前完成。")
                                for m in range(measures)))
        for n in range(items))
    return Plan(source="big.txt", title="大报告", year=year, section=seed_plans()[0].section, items=built)


_SEEDS: list[Plan] = []


def seed_plans() -> list[Plan]:
    if not _SEEDS:
        _SEEDS.extend(extract_plan(read_report(p)) for p in sorted((ROOT / "seeds").glob("*.txt")))
    return _SEEDS


def fmt(name: str, ours: float, raw: float, unit: str = "s") -> None:
    scale = 1e3 if unit == "ms" else 1
    print(f"{name:<44} store {ours * scale:9.3f} {unit}   raw sqlite3 {raw * scale:9.3f} {unit}   "
          f"ratio {ours / raw:5.2f}x")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", help="folder for the database files (default: a temp folder)")
    ap.add_argument("--reports", type=int, default=1000)
    args = ap.parse_args()
    if args.dir:
        run(Path(args.dir), args.reports)
    else:
        with tempfile.TemporaryDirectory(prefix="halfyear-bench-") as tmp:
            run(Path(tmp), args.reports)


def run(folder: Path, reports: int) -> None:
    """All three measurements, files in `folder`."""
    print(f"Python {sys.version.split()[0]}, SQLite {sqlite3.sqlite_version}, files in {folder}")
    plans = seed_plans()

    # 1. import N reports (seeds with varied titles), each durable in its own transaction
    store = open_store(str(folder / "store.db"))
    raw_path = folder / "raw.db"
    clone_schema(folder / "store.db", raw_path)
    raw = raw_connect(raw_path)
    variants = [replace(plans[n % len(plans)], title=f"{plans[n % len(plans)].title}-{n}") for n in range(reports)]
    ours = raw_s = 0.0
    for n, plan in enumerate(variants):  # taking turns, so both see the same disk (see 2.)
        t0 = time.perf_counter()
        store.import_plan(plan, sha256=f"{n:064x}", original_text="x" * 20000)
        t1 = time.perf_counter()
        raw_import(raw, plan, f"{n:064x}")
        ours, raw_s = ours + t1 - t0, raw_s + time.perf_counter() - t1
    fmt(f"import {reports} reports", ours, raw_s)

    # 2. one status change with its history row, committed durably (median of 300). Ours and raw take turns,
    # tick by tick, after the imports' writes have reached the disk: an fsync costs more while the file system
    # is still writing back another file (the raw import just before made ours 2-4 ms in one run, 0.8 in the next).
    measures = [r for r in store.item_tree(store.list_reports()[0].id) if r.is_measure]
    versions = {r.id: r.version for r in measures}
    cycle = [Status.IN_PROGRESS, Status.DONE]
    ids = [r[0] for r in raw.execute("SELECT id FROM item WHERE report_id = 1 LIMIT 20")]
    os.sync()
    ours_t, raw_t = [], []
    for n in range(300):
        m = measures[n % len(measures)]
        t0 = time.perf_counter()
        change = store.set_status(m.id, cycle[(n // len(measures)) % 2], expected_version=versions[m.id], who="bench")
        ours_t.append(time.perf_counter() - t0)
        versions[m.id] = change.after.version
        i = ids[n % len(ids)]
        t0 = time.perf_counter()
        raw.execute("BEGIN IMMEDIATE")
        old = raw.execute("SELECT status, version FROM item WHERE id = ?", (i,)).fetchone()
        raw.execute("UPDATE item SET status = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?",
                    ("推进中" if n % 2 else "已完成", datetime.now().isoformat(" "), i, old[1]))
        raw.execute("INSERT INTO history (report_id, item_id, at, who, field, old, new) VALUES (1, ?, ?, ?, ?, ?, ?)",
                    (i, datetime.now().isoformat(" "), "bench", "status", old[0], "x"))
        raw.execute("COMMIT")
        raw_t.append(time.perf_counter() - t0)
    fmt("status change + history, median", statistics.median(ours_t), statistics.median(raw_t), "ms")
    fmt("status change + history, best", min(ours_t), min(raw_t), "ms")
    store.close()
    raw.close()

    # 3. a 50,000-measure tree: load it, filter it by text
    store = open_store(str(folder / "big.db"))
    raw_path = folder / "big-raw.db"
    clone_schema(folder / "big.db", raw_path)
    raw = raw_connect(raw_path)
    plan = big_plan(5000, 10)
    t0 = time.perf_counter()
    rid = store.import_plan(plan, sha256="b" * 64, original_text="").report_id
    ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    raw_import(raw, plan, "b" * 64)
    fmt(f"import one report of {plan.measure_count} measures", ours, time.perf_counter() - t0)

    rows = store.item_tree(rid)
    assert len(rows) == 55_000
    ours = best_of(lambda: store.item_tree(rid))
    select = f"SELECT id, {COLS} FROM item WHERE report_id = ? ORDER BY parent_id, position"
    raw_rows = lambda: raw.execute(select, (rid,)).fetchall()  # noqa: E731
    fmt("load 55,000-row tree (50,000 measures)", ours, best_of(raw_rows))
    flt = ItemFilter(report_ids=(rid,), text="干部")
    found = store.items(flt)
    ours = best_of(lambda: store.items(flt))
    like = "%干部%"
    raw_sql = (f"SELECT id, {COLS} FROM item WHERE report_id = ? AND (label LIKE ? OR title LIKE ? OR text LIKE ? "
               "OR note LIKE ? OR lead_leader LIKE ? OR lead_unit LIKE ? OR co_units LIKE ? OR owner LIKE ?)")
    raw_found = raw.execute(raw_sql, (rid, *[like] * 8)).fetchall()
    fmt(f"text filter ({len(found)} rows; raw {len(raw_found)})", ours,
        best_of(lambda: raw.execute(raw_sql, (rid, *[like] * 8)).fetchall()))
    store.close()
    raw.close()


if __name__ == "__main__":
    main()
