"""The PyInstaller bundle and the .deb built by packaging/build.py: they start, parse, import and export.

Not part of the default run (marked `bundle`; the build takes minutes): `.ci/run` builds them and then runs
`pytest -m bundle`. Figures (size, start time next to the same start from the venv) are printed.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS

pytestmark = pytest.mark.bundle

DIST = ROOT / "dist"
_STARTS = 5


@pytest.fixture(scope="module")
def bundle() -> Path:
    """dist/halfyear/, built beforehand by packaging/build.py."""
    exe = DIST / "halfyear" / ("halfyear-cli.exe" if os.name == "nt" else "halfyear")
    if not exe.is_file():
        pytest.fail("no bundle in dist/: build it with `python packaging/build.py` first")
    return exe


def _env(tmp: Path) -> dict[str, str]:
    """Offscreen Qt, a home of its own (settings, default database), nothing of the dev checkout."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "HALFYEAR", "VIRTUAL_ENV", "XDG_"))}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp), XDG_CONFIG_HOME=str(tmp / "config"),
               XDG_DATA_HOME=str(tmp / "data"))
    return env


def _run(exe: Path | str, *args: str, tmp: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(exe), *args], cwd=tmp, env=_env(tmp), capture_output=True, text=True,
                          encoding="utf-8", timeout=180)


def _first_paint_ms(exe: Path | str, tmp: Path) -> float:
    """Milliseconds from spawning `exe selftest` to its line saying the window has painted."""
    t0 = time.perf_counter()
    painted = None
    with subprocess.Popen([str(exe), "selftest"], cwd=tmp, env=_env(tmp), stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True, encoding="utf-8") as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            if painted is None and "窗口已显示" in line:
                painted = (time.perf_counter() - t0) * 1000
        assert proc.wait(timeout=180) == 0
    assert painted is not None, "the window never painted"
    return painted


def _size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20


def test_bundle_parses_imports_exports_and_starts(bundle: Path, tmp_path: Path, capsys) -> None:
    seed = str(SEEDS[1])
    parsed = _run(bundle, "parse", seed, tmp=tmp_path)
    assert parsed.returncode == 0 and "计划部分：" in parsed.stdout, parsed.stderr

    db = f"sqlite:///{tmp_path / 'smoke.db'}"
    imported = _run(bundle, "--db", db, "import", seed, tmp=tmp_path)
    assert imported.returncode == 0 and "已导入" in imported.stdout, imported.stderr
    out = tmp_path / "台账.xlsx"
    exported = _run(bundle, "--db", db, "export", str(out), tmp=tmp_path)
    assert exported.returncode == 0 and out.is_file(), exported.stderr
    from openpyxl import load_workbook

    book = load_workbook(out, read_only=True)
    try:
        cells = [str(c.value) for row in book.worksheets[0].iter_rows() for c in row if c.value]
    finally:
        book.close()
    assert any("抓实基层党建工作" in text for text in cells)

    selftest = _run(bundle, "selftest", tmp=tmp_path)
    assert selftest.returncode == 0, selftest.stdout + selftest.stderr
    assert f"{bundle.parent}" in selftest.stdout  # the bundle's own data files
    assert "[失败]" not in selftest.stdout and "解析进程" in selftest.stdout

    bundled = [_first_paint_ms(bundle, tmp_path) for _ in range(_STARTS)]
    venv = shutil.which("halfyear", path=str(Path(sys.executable).parent))
    from_venv = [_first_paint_ms(venv, tmp_path) for _ in range(_STARTS)] if venv else []
    with capsys.disabled():
        print(f"\nbundle {bundle.parent}: {_size_mb(bundle.parent):.0f} MB; start to first paint median "
              f"{statistics.median(bundled):.0f} ms (min {min(bundled):.0f}) of {_STARTS}"
              + (f"; the same from the venv: median {statistics.median(from_venv):.0f} ms (min {min(from_venv):.0f})"
                 if from_venv else ""))


@pytest.mark.skipif(not sys.platform.startswith("linux") or not shutil.which("dpkg"), reason="Debian-like Linux only")
def test_deb_installs_a_menu_entry_and_starts(tmp_path: Path, capsys) -> None:
    debs = sorted(DIST.glob("halfyear_*.deb"))
    if not debs:
        pytest.fail("no .deb in dist/: build it with `python packaging/build.py` first")
    if os.geteuid() != 0:
        pytest.skip("installing a .deb needs root (CI runs as root)")
    if subprocess.run(["dpkg", "-s", "halfyear"], capture_output=True).returncode == 0:
        pytest.fail("a halfyear package is already installed here; remove it first (dpkg -r halfyear)")
    install = subprocess.run(["dpkg", "-i", str(debs[-1])], capture_output=True, text=True, timeout=300)
    try:
        assert install.returncode == 0, install.stdout + install.stderr
        desktop = Path("/usr/share/applications/halfyear.desktop").read_text(encoding="utf-8")
        assert "Exec=halfyear" in desktop and "Icon=halfyear" in desktop and "Name=半年工作台账" in desktop
        assert Path("/usr/share/icons/hicolor/scalable/apps/halfyear.svg").is_file()
        if shutil.which("desktop-file-validate"):
            check = subprocess.run(["desktop-file-validate", "/usr/share/applications/halfyear.desktop"],
                                   capture_output=True, text=True)
            assert check.returncode == 0, check.stdout + check.stderr
        started = _run("/usr/bin/halfyear", "selftest", tmp=tmp_path)
        assert started.returncode == 0, started.stdout + started.stderr
        assert "/opt/halfyear/" in started.stdout and "[失败]" not in started.stdout
        with capsys.disabled():
            print(f"\n{debs[-1].name}: {debs[-1].stat().st_size / 2**20:.0f} MB; installed, started from /usr/bin/halfyear")
    finally:
        removed = subprocess.run(["dpkg", "-r", "halfyear"], capture_output=True, text=True, timeout=300)
    assert removed.returncode == 0 and not Path("/usr/bin/halfyear").exists(), removed.stderr
