"""Several processes writing through the command line at once: no acknowledged write may be lost."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.faults import concurrency


def _check(outcome: concurrency.Outcome, total: int) -> None:
    assert not outcome.lost, f"acknowledged but not in the database: {outcome.lost[:10]}"
    assert outcome.acknowledged + len(outcome.refused) == total, outcome.refused[:5]
    # a refusal is only ever a conflict told as one, in Chinese, never a crash or a lock error
    for line in outcome.refused:
        assert "同时修改" in line and "Traceback" not in line, line


def test_four_sqlite_writers_lose_no_acknowledged_write(tmp_path: Path, figure: Callable[[str], None]) -> None:
    path = tmp_path / "halfyear.db"
    url = f"sqlite:///{path}"
    ids = concurrency.prepare(url)
    outcome = concurrency.run(url, ids, processes=4, writes=40)
    figure(f"SQLite, 4 processes × 40 CLI writes (in-process loops): {outcome.acknowledged} acknowledged, "
           f"{len(outcome.refused)} refused as conflicts, {len(outcome.lost)} lost, {outcome.seconds:.1f} s")
    _check(outcome, 160)
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def test_real_cli_processes_lose_no_acknowledged_write(tmp_path: Path, figure: Callable[[str], None]) -> None:
    url = f"sqlite:///{tmp_path / 'halfyear.db'}"
    ids = concurrency.prepare(url)
    outcome = concurrency.run(url, ids, processes=2, writes=4, mode="spawn")
    figure(f"SQLite, 2 shell-style loops × 4 `python -m desktop` writes: {outcome.acknowledged} acknowledged, "
           f"{len(outcome.refused)} refused, {len(outcome.lost)} lost, {outcome.seconds:.1f} s")
    _check(outcome, 8)


@pytest.mark.postgres
def test_postgresql_writers_conflict_and_retry_but_lose_nothing(pg_url: str, figure: Callable[[str], None]) -> None:
    ids = concurrency.prepare(pg_url)
    outcome = concurrency.run(pg_url, ids, processes=4, writes=30)
    figure(f"PostgreSQL, 4 processes × 30 CLI writes: {outcome.acknowledged} acknowledged, "
           f"{len(outcome.refused)} refused as conflicts after one retry, {len(outcome.lost)} lost, "
           f"{outcome.seconds:.1f} s")
    _check(outcome, 120)
