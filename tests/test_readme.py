"""The README's system-package line works as root without sudo and as a user with sudo, and CI installs it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
(APT_LINE,) = [line.strip("`") for line in README.splitlines() if "apt-get install" in line]


def _packages(text: str) -> set[str]:
    words = re.split(r"[\s\\]+", text.split("apt-get install", 1)[1])
    return {w for w in words if re.fullmatch(r"[a-z0-9][a-z0-9.+-]+", w)}


def _run_apt_line(tmp_path: Path, *, with_sudo: bool) -> list[str]:
    """Run the README's line with stand-ins for apt-get (and sudo) that only record how they were called."""
    bin_ = tmp_path / "bin"
    bin_.mkdir()
    log = tmp_path / "calls"
    (bin_ / "apt-get").write_text(f'#!/bin/sh\necho "apt-get $1 via=${{VIA:-none}}" >> {log}\n')
    if with_sudo:
        (bin_ / "sudo").write_text('#!/bin/sh\nVIA=sudo exec "$@"\n')
    for f in bin_.iterdir():
        f.chmod(0o755)
    bash = shutil.which("bash")
    assert bash
    # only the stand-ins on PATH: a real apt-get or sudo can never run here
    subprocess.run([bash, "-c", APT_LINE], env={"PATH": str(bin_)}, check=True, timeout=30)
    return log.read_text().splitlines()


@pytest.mark.skipif(os.name == "nt", reason="a shell line for Debian")
def test_apt_line_runs_without_sudo_as_on_a_minimal_debian(tmp_path: Path) -> None:
    assert not APT_LINE.startswith("sudo")
    assert _run_apt_line(tmp_path, with_sudo=False) == ["apt-get update via=none", "apt-get install via=none"]


@pytest.mark.skipif(os.name == "nt", reason="a shell line for Debian")
def test_apt_line_goes_through_sudo_where_there_is_one(tmp_path: Path) -> None:
    assert _run_apt_line(tmp_path, with_sudo=True) == ["apt-get update via=sudo", "apt-get install via=sudo"]


def test_ci_installs_what_the_readme_lists() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    listed = _packages(APT_LINE) - {"-y"}
    assert {"libegl1", "fonts-noto-cjk", "libxcb-cursor0"} <= listed
    assert listed <= _packages(ci)
