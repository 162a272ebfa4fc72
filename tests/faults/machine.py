"""Faults of the machine itself, where this one lets us make them: a small disk, a read-only folder.

Mounting needs root; where it is refused (a container without the capability, a developer's own
account) the tests are skipped with the reason, never faked.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _sh(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), capture_output=True, text=True, check=False)


@contextmanager
def small_disk(folder: Path, size_kb: int) -> Iterator[Path]:
    """A tmpfs of `size_kb` KB mounted at `folder` for the duration (skip when mounting is not allowed)."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a small disk needs `mount -t tmpfs`, i.e. root; not running as root here")
    folder.mkdir(parents=True, exist_ok=True)
    res = _sh("mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0755", "tmpfs", str(folder))
    if res.returncode != 0:
        pytest.skip(f"mounting a tmpfs is not permitted here: {res.stderr.strip()}")
    try:
        yield folder
    finally:
        _sh("umount", "-l", str(folder))


@contextmanager
def read_only(folder: Path) -> Iterator[Path]:
    """Remount a tmpfs from small_disk read-only for the duration (root ignores file permissions)."""
    res = _sh("mount", "-o", "remount,ro", str(folder))
    if res.returncode != 0:
        pytest.skip(f"remounting read-only is not permitted here: {res.stderr.strip()}")
    try:
        yield folder
    finally:
        _sh("mount", "-o", "remount,rw", str(folder))


@contextmanager
def immutable(path: Path) -> Iterator[Path]:
    """`chattr +i` a file or folder for the duration (skip where the file system has no such flag)."""
    if shutil.which("chattr") is None:
        pytest.skip("chattr is not installed")
    res = _sh("chattr", "+i", str(path))
    if res.returncode != 0:
        pytest.skip(f"chattr +i is not supported here: {res.stderr.strip()}")
    try:
        yield path
    finally:
        _sh("chattr", "-i", str(path))


def fill(folder: Path, leave_kb: int) -> Path:
    """Fill the disk of `folder` until only about `leave_kb` KB are free; returns the filler file."""
    filler = folder / "filler.bin"
    free = shutil.disk_usage(folder).free // 1024
    with open(filler, "ab") as fh:
        try:
            fh.write(b"\0" * max(0, (free - leave_kb) * 1024))
            fh.flush()
        except OSError:
            pass  # the disk is full: exactly what was wanted
    return filler


@dataclass(frozen=True)
class Said:
    """What one command printed and returned."""

    args: list[str]
    code: int
    out: str
    err: str

    @property
    def one_chinese_line(self) -> bool:
        """Exit 2 with one line on stderr starting 错误：, and no traceback or English library text."""
        lines = self.err.strip().splitlines()
        noise = ("Traceback", "Exception", "Error:", "Warning", "Errno")
        return (self.code == 2 and len(lines) == 1 and lines[0].startswith("错误：")
                and not any(word in self.err for word in noise))


def run_batch(commands: list[list[str]]) -> tuple[list[Said], str]:
    """Run the commands in one child process; returns what each said and the child's own stderr."""
    res = subprocess.run([sys.executable, "-m", "tests.faults.cli_batch", json.dumps(commands, ensure_ascii=False)],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    said = [Said(**json.loads(line)) for line in res.stdout.splitlines() if line.startswith("{")]
    assert len(said) == len(commands), res.stderr[-3000:]
    return said, res.stderr
