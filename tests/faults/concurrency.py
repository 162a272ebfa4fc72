"""N processes × M `halfyear done/status … --note` writes on one database, every acknowledged one checked."""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Outcome:
    """What the writers were told and what the database holds."""

    acknowledged: int
    refused: list[str]
    lost: list[str]
    seconds: float


def prepare(url: str) -> list[int]:
    """Import a small plan and return its measure ids (the rows the writers share)."""
    from db.store import open_store
    from tests.db.plans import make_plan

    with open_store(url) as st:
        rid = st.import_plan(make_plan(items=2, measures=3), sha256="c" * 64, original_text="").report_id
        return [r.id for r in st.item_tree(rid) if r.is_measure]


def run(url: str, ids: list[int], *, processes: int, writes: int, mode: str = "loop") -> Outcome:
    """Start the writers, wait for them, and look every acknowledged note up in the history."""
    started = time.perf_counter()
    children = [subprocess.Popen([sys.executable, "-m", "tests.faults.cli_writer", url, str(w), str(writes),
                                  ",".join(map(str, ids)), mode], cwd=ROOT, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for w in range(processes)]
    acks: list[str] = []
    refused: list[str] = []
    for child in children:
        out, err = child.communicate(timeout=600)
        if child.returncode != 0:
            refused.append(f"writer exited {child.returncode}: {err[-2000:]}")
        for line in out.splitlines():
            kind, note = line.split()[:2]
            (acks if kind == "ack" else refused).append(line if kind != "ack" else note)
    seconds = time.perf_counter() - started
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            # a retried note may have been appended to another writer's: look for it inside the text
            notes = "\n".join(r[0] or "" for r in conn.execute(text("SELECT new FROM history WHERE field = 'note'")))
    finally:
        engine.dispose()
    return Outcome(acknowledged=len(acks), refused=refused, lost=[n for n in acks if n not in notes], seconds=seconds)
