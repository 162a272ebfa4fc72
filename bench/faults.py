"""Fault figures: concurrent CLI writers on one database, and decompression bombs, next to bare baselines.

Run: python bench/faults.py concurrency [--runs 10] [--processes 4] [--writes 100] [--mode spawn|loop] [--pg]
     python bench/faults.py bombs
Targets (issue 13): 0 acknowledged writes lost in 10 runs in a row of 4 processes x 100 writes;
a bomb exits 2 in <= 2 s and <= 200 MB peak memory.
Baselines measured in the same run: a bare sqlite3 writer loop of the same size (concurrency), and
the same command on a normal file (bombs).
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.faults import bombs, concurrency, measure  # noqa: E402

_BARE_WRITER = """
import sqlite3, sys
path, worker, writes, ids = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4].split(",")
for step in range(writes):
    conn = sqlite3.connect(path, timeout=5, isolation_level=None)  # one connection per "command", as the CLI
    conn.execute("PRAGMA journal_mode=WAL"); conn.execute("PRAGMA synchronous=FULL")
    conn.execute("BEGIN IMMEDIATE")
    item = ids[(step + worker) % len(ids)]
    conn.execute("UPDATE item SET note = ?, version = version + 1 WHERE id = ?", (f"[w{worker}-n{step}]", item))
    conn.execute("INSERT INTO history (report_id, item_id, at, who, field, old, new) "
                 "VALUES (1, ?, '2024-01-01', 'bare', 'note', '', ?)", (item, f"[w{worker}-n{step}]"))
    conn.execute("COMMIT")
    conn.close()
    print(f"ack [w{worker}-n{step}]", flush=True)
"""


def _bare(path: Path, ids: list[int], processes: int, writes: int) -> tuple[float, int]:
    """The same number of writes by bare sqlite3 processes on the same kind of file: (seconds, lost)."""
    started = time.perf_counter()
    children = [subprocess.Popen([sys.executable, "-c", _BARE_WRITER, str(path), str(w), str(writes),
                                  ",".join(map(str, ids))], stdout=subprocess.PIPE, text=True)
                for w in range(processes)]
    acks = [line.split()[1] for c in children for line in c.communicate()[0].splitlines()]
    seconds = time.perf_counter() - started
    conn = sqlite3.connect(path)
    notes = "\n".join(r[0] for r in conn.execute("SELECT new FROM history WHERE field = 'note'"))
    conn.close()
    return seconds, sum(1 for a in acks if a not in notes)


def run_concurrency(args: argparse.Namespace) -> None:
    print(f"{args.processes} processes x {args.writes} `halfyear done/status ID --note …` ({args.mode}), "
          f"{args.runs} runs, {'PostgreSQL' if args.pg else 'SQLite'}")
    print("run  acknowledged  refused(conflict)  lost  integrity  seconds   bare sqlite3 s  bare lost")
    lost_total, times, bare_times = 0, [], []
    server = None
    if args.pg:
        from tests import pg_server

        server = pg_server.start()
    try:
        for run in range(1, args.runs + 1):
            with tempfile.TemporaryDirectory() as tmp:
                if server is not None:
                    url = _fresh_pg(server, run)
                else:
                    url = f"sqlite:///{Path(tmp) / 'halfyear.db'}"
                ids = concurrency.prepare(url)
                out = concurrency.run(url, ids, processes=args.processes, writes=args.writes, mode=args.mode)
                integrity, bare = "-", ("-", "-")
                if server is None:
                    path = Path(tmp) / "halfyear.db"
                    conn = sqlite3.connect(path)
                    integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
                    conn.close()
                    seconds, bare_lost = _bare(path, ids, args.processes, args.writes)
                    bare_times.append(seconds)
                    bare = (f"{seconds:.1f}", str(bare_lost))
                lost_total += len(out.lost)
                times.append(out.seconds)
                print(f"{run:>3}  {out.acknowledged:>12}  {len(out.refused):>17}  {len(out.lost):>4}  {integrity:>9}  "
                      f"{out.seconds:>7.1f}   {bare[0]:>14}  {bare[1]:>9}", flush=True)
                for line in out.refused[:3]:
                    print(f"     refused: {line[:160]}")
    finally:
        if server is not None:
            server.stop()
    print(f"lost in all runs: {lost_total} (target 0); median run {statistics.median(times):.1f} s"
          + (f", bare sqlite3 median {statistics.median(bare_times):.1f} s" if bare_times else ""))


def _fresh_pg(server: object, run: int) -> str:
    import psycopg

    name = f"bench_faults_{run}"
    dsn = f"host=127.0.0.1 port={server.port} user=postgres dbname=postgres"  # type: ignore[attr-defined]
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name}")
    return server.url(name)  # type: ignore[attr-defined]


def run_bombs(_args: argparse.Namespace) -> None:
    from desktop.services.export import export_ledger
    from db.store import open_store
    from desktop.core.extract import extract_plan
    from desktop.core.reports import read_report
    from tests.conftest import SEEDS
    from tests.core.docx_builder import write_docx

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        db = tmp / "halfyear.db"
        with open_store(str(db)) as st:
            for seed in (SEEDS[0], SEEDS[2]):
                doc = read_report(seed)
                st.import_plan(extract_plan(doc), sha256=doc.sha256, original_text=doc.text)
            ledger = export_ledger(st, tmp / "台账.xlsx", one_sheet=True).path
        normal_docx = write_docx([x for x in SEEDS[0].read_text(encoding="utf-8").splitlines() if x.strip()],
                                 tmp / "报告.docx")
        cases = [
            ("docx, 800 MB document.xml", bombs.docx_bomb(tmp / "b1.docx", 800), ["parse"], normal_docx),
            ("docx, 800 MB document.xml", tmp / "b1.docx", ["--db", str(db), "import"], normal_docx),
            ("docx, 3.4 GB document.xml (the issue's)", bombs.docx_bomb(tmp / "b0.docx", 3400), ["parse"], normal_docx),
            ("xlsx, 1 GB shared strings", bombs.shared_strings_bomb(tmp / "b2.xlsx", ledger, 1024),
             ["--db", str(db), "merge"], ledger),
            ("xlsx, 1 GB worksheet", bombs.sheet_bomb(tmp / "b3.xlsx", ledger, 1024), ["--db", str(db), "merge"], ledger),
            ("xlsx, row 999,999,999 / column XFD", bombs.far_row_sheet(tmp / "b4.xlsx", ledger),
             ["--db", str(db), "merge"], ledger),
        ]
        print("bomb                                   file     command        exit  time     peak     "
              "normal file: time  peak")
        for what, path, command, normal in cases:
            got = [measure.halfyear(*command, str(path), timeout=120) for _ in range(3)]
            base = [measure.halfyear(*command, str(normal), timeout=120) for _ in range(3)]
            t, mem = statistics.median(g.seconds for g in got), max(g.peak_mb for g in got)
            bt, bmem = statistics.median(b.seconds for b in base), max(b.peak_mb for b in base)
            verdict = "ok" if all(g.code == 2 for g in got) and t <= 2 and mem <= 200 else "MISSES"
            print(f"{what:<38} {path.stat().st_size / 1024:>5.0f} KB  {command[-1]:<13} {got[0].code:>4}  "
                  f"{t:>5.2f} s  {mem:>4.0f} MB        {bt:>5.2f} s  {bmem:>4.0f} MB   {verdict}")
            print(f"    {got[0].err.strip()[:150]}")
        print("time: median of 3; peak: the largest of 3 (the command's own ru_maxrss); targets <= 2 s, <= 200 MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    c = sub.add_parser("concurrency")
    c.add_argument("--runs", type=int, default=10)
    c.add_argument("--processes", type=int, default=4)
    c.add_argument("--writes", type=int, default=100)
    c.add_argument("--mode", choices=["spawn", "loop"], default="spawn")
    c.add_argument("--pg", action="store_true", help="against a throw-away PostgreSQL server")
    c.set_defaults(func=run_concurrency)
    b = sub.add_parser("bombs")
    b.set_defaults(func=run_bombs)
    args = parser.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
