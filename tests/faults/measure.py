"""Run a command in a child process and measure it: exit status, output, wall time and peak memory.

Peak memory comes from wait4() of a grandchild started by a small launcher process. A child forked
straight from pytest would report pytest's own size: Linux carries the pre-exec high-water mark over
into ru_maxrss.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Measured:
    """One finished (or killed) child: what it said and what it cost."""

    code: int
    out: str
    err: str
    seconds: float
    peak_mb: float  # the command's own peak resident memory
    timed_out: bool = False


def run(args: list[str], *, timeout: float = 120) -> Measured:
    """Run `args` (a list of command-line words) from the project folder; kill it after `timeout` s."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "usage.json"
        with open(Path(tmp) / "out", "w+b") as out, open(Path(tmp) / "err", "w+b") as err:
            launcher = subprocess.Popen([sys.executable, "-m", "tests.faults.measure", str(report), *args],
                                        cwd=ROOT, stdout=out, stderr=err, start_new_session=True)
            try:
                launcher.wait(timeout=timeout)
                timed_out = False
            except subprocess.TimeoutExpired:
                os.killpg(launcher.pid, signal.SIGKILL)  # the launcher and the command it started
                launcher.wait()
                timed_out = True
            out.seek(0)
            err.seek(0)
            stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
        usage = json.loads(report.read_text()) if report.exists() else {"code": -9, "seconds": timeout, "peak_kb": 0}
    return Measured(code=usage["code"], out=stdout, err=stderr, seconds=usage["seconds"],
                    peak_mb=usage["peak_kb"] / 1024, timed_out=timed_out)


def halfyear(*args: str, timeout: float = 120) -> Measured:
    """`python -m desktop ARGS` as a clerk's shell would run it."""
    return run([sys.executable, "-m", "desktop", *args], timeout=timeout)


def one_chinese_line(m: Measured) -> bool:
    """Exit 2 with exactly one line on stderr, starting 错误：, and no Python or library English in it."""
    lines = m.err.strip().splitlines()
    noise = ("Traceback", "Exception", "Error:", "Warning", "Errno", "warn(")
    return (m.code == 2 and len(lines) == 1 and lines[0].startswith("错误：")
            and not any(word in m.err for word in noise))


def _launch(report: str, args: list[str]) -> None:
    """The launcher: start the command (inheriting stdout/stderr), wait4 it, write what it cost."""
    started = time.perf_counter()
    pid = os.posix_spawn(args[0], args, dict(os.environ))
    _pid, status, usage = os.wait4(pid, 0)
    Path(report).write_text(json.dumps({"code": os.waitstatus_to_exitcode(status),
                                        "seconds": time.perf_counter() - started, "peak_kb": usage.ru_maxrss}))


if __name__ == "__main__":
    _launch(sys.argv[1], sys.argv[2:])
