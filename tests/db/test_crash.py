"""Kill -9 a process in the middle of committing: every change it reported is there, the file is intact."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from db.store import open_store
from tests.db.plans import make_plan

ROOT = Path(__file__).resolve().parents[2]


def test_sigkill_loses_no_reported_commit(tmp_path: Path) -> None:
    path = tmp_path / "halfyear.db"
    url = f"sqlite:///{path}"
    with open_store(url) as st:
        st.import_plan(make_plan(items=5, measures=4), sha256="a" * 64, original_text="")
    child = subprocess.Popen([sys.executable, "-m", "tests.db.crash_child", url], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    reported: dict[int, tuple[int, int]] = {}
    assert child.stdout is not None
    try:
        for line in child.stdout:
            item_id, version, n = map(int, line.split())
            reported[item_id] = (version, n)
            if n >= 150:
                break
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        child.stdout.close()
        child.stderr.close()  # type: ignore[union-attr]
    assert child.returncode == -signal.SIGKILL
    assert len(reported) == 20
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for item_id, (version, n) in reported.items():
            stored_version, note = conn.execute("SELECT version, note FROM item WHERE id = ?", (item_id,)).fetchone()
            # the child may have committed one more change after its last line was read, never fewer
            assert stored_version >= version
            changes = conn.execute("SELECT count(*) FROM history WHERE item_id = ? AND field = 'note'",
                                   (item_id,)).fetchone()[0]
            assert changes >= version - 1
            assert int(note[1:-1]) >= n
    finally:
        conn.close()
