"""SIGKILL at random points of writes, imports, exports, merges, backups and migrations.

After each kill the database passes integrity_check and holds everything the child acknowledged;
imports are all or nothing; a backup or an export that looks finished is a good one. The seed of the
random kill points is printed with the figures, so a failure can be replayed.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from db.backup import check_backup, list_backups
from db.migrate import head_revision
from db.store import open_store
from tests.db.plans import make_plan

ROOT = Path(__file__).resolve().parents[2]
SEED = int(os.environ.get("HALFYEAR_FAULT_SEED", time.time_ns() % 10**6))
KILLS: list[str] = []


def _kill_during(mode: str, url: str, work: Path, rng: random.Random, *, after_s: tuple[float, float]) -> list[str]:
    """Start the child, let it work for a random while after its first ack (or start), SIGKILL it."""
    with subprocess.Popen([sys.executable, "-m", "tests.faults.kill_child", mode, url, str(work)], cwd=ROOT,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as child:
        acks, err = _watch(child, rng.uniform(*after_s), first_ack=mode != "migrate")
    assert child.returncode in (-signal.SIGKILL, 0), err[-3000:]
    assert "Traceback" not in err, err[-3000:]
    KILLS.append(f"{mode}: {len(acks)} acknowledged before the kill")
    return acks


def _watch(child: subprocess.Popen[str], delay: float, *, first_ack: bool) -> tuple[list[str], str]:
    """Read the child's acks; SIGKILL it `delay` s after its first ack (or after its start)."""
    acks: list[str] = []
    timer = threading.Timer(delay, lambda: os.kill(child.pid, signal.SIGKILL))
    started = not first_ack
    if started:
        timer.start()  # a migration runs once, right after start-up: kill anywhere in it
    assert child.stdout is not None and child.stderr is not None
    for line in child.stdout:
        acks.append(line.split(" ", 1)[1].strip())
        if not started:
            timer.start()
            started = True
    if not started:
        timer.start()
    timer.join()
    child.wait()
    return acks, child.stderr.read()


def _integrity(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    return conn


@pytest.fixture
def db(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "halfyear.db"
    with open_store(str(path)) as st:
        st.import_plan(make_plan(items=4, measures=3), sha256="f" * 64, original_text="全文")
    return path, f"sqlite:///{path}"


@pytest.fixture(scope="module")
def rng() -> random.Random:
    return random.Random(SEED)


@pytest.fixture(autouse=True)
def _killed_exports_tidied() -> Iterator[None]:
    """A killed export leaves its temporary folder (the next export sweeps it after 10 minutes); tests don't wait."""
    before = set(Path(tempfile.gettempdir()).glob("halfyear-xlsx-*"))
    yield
    for left in set(Path(tempfile.gettempdir()).glob("halfyear-xlsx-*")) - before:
        shutil.rmtree(left, ignore_errors=True)


def test_kill_during_writes(db: tuple[Path, str], tmp_path: Path, rng: random.Random) -> None:
    path, url = db
    acked: list[str] = []
    for _ in range(2):
        acked += _kill_during("write", url, tmp_path, rng, after_s=(0.05, 0.6))
        conn = _integrity(path)
        notes = "\n".join(r[0] for r in conn.execute("SELECT new FROM history WHERE field = 'note'"))
        conn.close()
        assert all(n in notes for n in acked)
    assert acked


def test_kill_during_imports(db: tuple[Path, str], tmp_path: Path, rng: random.Random) -> None:
    path, url = db
    acked: list[str] = []
    for _ in range(2):
        acked += _kill_during("import", url, tmp_path, rng, after_s=(0.02, 0.5))
        conn = _integrity(path)
        counts = dict(conn.execute("SELECT report_id, count(*) FROM item GROUP BY report_id").fetchall())
        reports = {r[0] for r in conn.execute("SELECT id FROM report")}
        conn.close()
        assert {int(a) for a in acked} <= reports
        assert set(counts) == reports and counts.pop(1) == 16
        assert set(counts.values()) <= {25}  # never half a report


def test_kill_during_exports(db: tuple[Path, str], tmp_path: Path, rng: random.Random) -> None:
    from desktop.core.ledger import read_ledger

    path, url = db
    for _ in range(2):
        _kill_during("export", url, tmp_path, rng, after_s=(0.0, 0.4))
        _integrity(path).close()
        target = tmp_path / "台账.xlsx"
        if target.exists():
            assert len(read_ledger(target).rows) == 16  # whatever is there under the name is whole


def test_kill_during_merges(db: tuple[Path, str], tmp_path: Path, rng: random.Random) -> None:
    path, url = db
    acked: list[str] = []
    for _ in range(2):
        acked += _kill_during("merge", url, tmp_path, rng, after_s=(0.1, 0.8))
        conn = _integrity(path)
        for ack in acked:
            note, changes = ack.split()
            written = conn.execute("SELECT count(*) FROM history WHERE field = 'note' AND new = ?", (note,)).fetchone()
            assert written[0] == int(changes)
        conn.close()


def test_kill_during_backups(db: tuple[Path, str], tmp_path: Path, rng: random.Random) -> None:
    path, url = db
    for _ in range(2):
        _kill_during("backup", url, tmp_path, rng, after_s=(0.0, 0.3))
        _integrity(path).close()
        for backup in list_backups(path):
            check_backup(backup)  # a file named like a backup is always a whole one


def test_kill_during_migrations(tmp_path: Path, rng: random.Random, figure: Callable[[str], None]) -> None:
    from tests.db.test_migrations import _fill_first_revision

    for n in range(2):
        path = tmp_path / f"old{n}.db"
        url = f"sqlite:///{path}"
        _fill_first_revision(url)
        _kill_during("migrate", url, tmp_path, rng, after_s=(0.3, 1.2))
        _integrity(path).close()
        with open_store(url) as st:  # the next start finishes (or redoes) the migration
            from db.migrate import current_revision

            assert current_revision(st.engine) == head_revision()
            assert [r.title for r in st.item_tree(1)] == ["旧条目1", "旧条目2", "旧条目3"]
    figure(f"SIGKILL (seed {SEED}, HALFYEAR_FAULT_SEED replays): " + "; ".join(KILLS))
