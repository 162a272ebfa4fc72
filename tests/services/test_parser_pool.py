"""The parser's worker process: same answers as parsing in place, and a dead process costs no file."""

from __future__ import annotations

import os
import signal
import time

import pytest

from desktop.core.errors import Cancelled
from desktop.services import parser_pool
from desktop.services.parser_pool import parse_files
from desktop.services.parsing import parse_file
from tests.conftest import SEEDS


@pytest.fixture(autouse=True)
def fresh_pool():
    parser_pool._forget_pool()
    yield
    if parser_pool._pool is not None:
        parser_pool._pool.shutdown(cancel_futures=True)
    parser_pool._forget_pool()


def _seed() -> str:
    return str(SEEDS[0])


def _worker_pids() -> set[int]:
    pool = parser_pool._pool
    assert pool is not None
    return set(pool._processes)  # noqa: SLF001 — the only way to find the worker to kill it


def test_the_worker_process_answers_as_parsing_in_place() -> None:
    here = parse_file(_seed())
    there = parse_files([_seed()])[0]
    assert there.error == ""
    assert there.plan == here.plan
    assert there.headings == here.headings
    assert _worker_pids() and os.getpid() not in _worker_pids()


def test_a_file_the_parser_rejects_comes_back_with_its_reason(tmp_path) -> None:
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"not a zip")
    result = parse_files([str(bad)])[0]
    assert result.plan is None
    assert "坏.docx" in result.error


def test_a_killed_worker_costs_no_file_and_the_next_parse_starts_a_new_one() -> None:
    parser_pool.warm_up()
    assert parser_pool._pool is not None
    parser_pool._pool.submit(int).result(timeout=60)  # wait until the process runs
    first = _worker_pids()
    for pid in first:
        os.kill(pid, signal.SIGKILL)
    after_kill = parse_files([_seed()])[0]  # the dead pool is noticed; this file is parsed in place
    assert after_kill.error == "" and after_kill.plan is not None
    again = parse_files([_seed()])[0]
    assert again.plan == after_kill.plan
    assert _worker_pids().isdisjoint(first)


def test_cancel_stops_waiting_for_the_worker() -> None:
    asked = []

    def is_cancelled() -> bool:  # not before the file is handed over; at the first wake-up while waiting
        asked.append(1)
        return len(asked) > 1

    busy = parser_pool._submit_call(time.sleep, 2.0)  # the one worker is busy, so the file waits
    assert busy is not None
    with pytest.raises(Cancelled):
        parse_files([_seed()], is_cancelled=is_cancelled)
    assert len(asked) == 2
    assert not busy.done()  # it did not wait for the worker to get to the file


def test_the_worker_ends_when_the_app_is_killed(tmp_path) -> None:
    import subprocess
    import sys

    app = subprocess.Popen([sys.executable, "-c", (
        "import sys, time\n"
        "from desktop.services import parser_pool\n"
        f"parser_pool.parse_elsewhere({_seed()!r})\n"
        "print(*parser_pool._pool._processes, flush=True)\n"
        "time.sleep(60)\n")], stdout=subprocess.PIPE, text=True, cwd=str(SEEDS[0].parents[1]))
    with app:
        worker = int(app.stdout.readline())
        os.kill(worker, 0)  # alive while the app is
        app.kill()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(worker, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
        try:  # a worker that has exited but is not reaped yet is a zombie: gone for our purpose
            with open(f"/proc/{worker}/stat") as stat:
                if stat.read().split(") ")[1].startswith("Z"):
                    return
        except FileNotFoundError:
            return
    pytest.fail("the parser's worker process outlived the killed app")
