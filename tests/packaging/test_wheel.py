"""The wheel carries what the app reads: installed from it into a fresh venv, it parses and starts with icons and samples."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow

# Build from a copy of the sources, so the repository's build/ (which setuptools never empties) cannot leak in.
_NOT_SOURCES = shutil.ignore_patterns(".git", ".venv*", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache",
                                      ".hypothesis", "tests", "docs", "bench", "packaging")


def _bin(venv: Path, name: str) -> Path:
    return venv / ("Scripts" if os.name == "nt" else "bin") / name


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`pip wheel --no-deps` of a clean copy of the project."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    shutil.copytree(ROOT, src, ignore=_NOT_SOURCES)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp / "dist"), str(src)],
                   check=True, capture_output=True, text=True, timeout=300)
    shutil.rmtree(src)  # from here on no source tree exists to fall back on
    (whl,) = (tmp / "dist").glob("halfyear-*.whl")
    return whl


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed (not editable); its dependencies are this test run's own."""
    venv = tmp_path_factory.mktemp("venv") / "v"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = _bin(venv, "python.exe" if os.name == "nt" else "python")
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    # PySide6, SQLAlchemy & co. come from the running venv instead of a second download. A plain path line: that
    # folder's own .pth files (this checkout's editable install among them) are not run, so no source tree leaks in.
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(purelib, "halfyear_test_deps.pth").write_text("\n".join(sorted(ours)) + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", "--no-index",
                    str(wheel)], check=True, capture_output=True, text=True, timeout=300)
    return venv


def _run(venv: Path, *args: str, cwd: Path, program: str = "halfyear") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "HALFYEAR", "VIRTUAL_ENV"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run([str(_bin(venv, program)), *args], cwd=cwd, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=180)


def test_wheel_carries_the_data_files(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder, pattern in (("resources/icons", "*.svg"), ("resources/styles", "*.qss"),
                            ("resources/translations", "*.qm"), ("resources/help", "*.*"), ("seeds", "*.txt")):
        expected = {f"desktop/_data/{folder}/{p.name}" for p in (ROOT / folder).glob(pattern)}
        assert expected and expected <= names, f"{folder}/{pattern} missing from the wheel"
    assert "db/migrations/env.py" in names and any(n.startswith("db/migrations/versions/0001") for n in names)
    assert not any(n.endswith(".ts") for n in names)  # translation sources stay in the repository


def test_installed_wheel_parses_a_seed(venv: Path, tmp_path: Path) -> None:
    where = _run(venv, "-c", "from desktop.data_dirs import seeds_dir; print(seeds_dir())", cwd=tmp_path,
                 program="python.exe" if os.name == "nt" else "python")
    assert where.returncode == 0, where.stderr
    seeds = Path(where.stdout.strip())
    assert seeds.is_relative_to(venv), seeds
    result = _run(venv, "parse", str(next(seeds.glob("000_*.txt"))), "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert '"items"' in result.stdout and '"section"' in result.stdout


def test_installed_wheel_starts_the_window_with_icons_and_samples(venv: Path, tmp_path: Path) -> None:
    result = _run(venv, "selftest", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    data = next(line for line in lines if line.startswith("[通过] 数据文件："))
    assert Path(data.split("：", 1)[1]).is_relative_to(venv), data  # the venv's own copy, not a checkout
    seeds, icons = len(list((ROOT / "seeds").glob("*.txt"))), len(list((ROOT / "resources/icons").glob("*.svg")))
    for what in (f"示例报告：载入 {seeds} 份", f"图标：{icons}/{icons}", "窗口图标", "样式表",
                 "标准按钮：确定 取消 是(&Y) 否(&N)"):
        assert any(what in line and line.startswith("[通过]") for line in lines), (what, result.stdout)
