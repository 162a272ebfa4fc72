"""Build the app bundle (PyInstaller, one folder) and, on Linux, a .deb that installs it under /opt.

    python packaging/build.py            # dist/halfyear/ and, where dpkg-deb exists, dist/halfyear_<ver>_<arch>.deb
    python packaging/build.py --no-deb   # the bundle only
    python packaging/build.py --xz       # a smaller .deb for a release (slow to compress)

Needs the project installed with the `bundle` extra (`pip install -e ".[bundle]"`). Prints the time each step
took and the sizes. On Windows the same command makes dist/halfyear/ with halfyear.exe and halfyear-cli.exe.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
WORK = ROOT / "build" / "packaging"
BUNDLE = DIST / "halfyear"
APP_SVG = ROOT / "resources" / "icons" / "app.svg"
PNG_SIZES = (48, 128, 256)  # hicolor sizes for menus that do not draw SVG icons

# What the bundle takes from the system: PyInstaller bundles every other library it links to, but leaves out
# libc and the GL/EGL drivers, which must match the machine. Qt needs an X server's libxcb (or Wayland's
# libraries, recommended: Qt falls back to X11 without them) and fontconfig's configuration; the window needs a
# Chinese font. libc6's version is read off the bundle (_glibc_needed).
DEPENDS = ("libgl1", "libegl1", "libxcb1", "fontconfig-config")
RECOMMENDS = ("fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei", "libwayland-client0", "libwayland-cursor0",
              "libwayland-egl1")


def version() -> str:
    """The app's version, from desktop/__init__.py."""
    text = (ROOT / "desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'__version__ = "([^"]+)"', text)
    assert match, "desktop/__init__.py has no __version__"
    return match[1]


def render_icons() -> None:
    """halfyear.ico (Windows executables) and PNGs in the hicolor sizes, drawn by Qt from app.svg."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QIcon

    app = QGuiApplication.instance() or QGuiApplication([])
    WORK.mkdir(parents=True, exist_ok=True)
    icon = QIcon(str(APP_SVG))
    if not icon.pixmap(256, 256).save(str(WORK / "halfyear.ico"), "ICO"):
        raise SystemExit("could not write halfyear.ico (Qt's ico image plugin missing?)")
    for size in PNG_SIZES:
        if not icon.pixmap(size, size).save(str(WORK / f"halfyear-{size}.png"), "PNG"):
            raise SystemExit(f"could not write halfyear-{size}.png")
    del app


def build_bundle() -> float:
    """Run PyInstaller on packaging/halfyear.spec; returns the seconds it took."""
    t0 = time.perf_counter()
    shutil.rmtree(BUNDLE, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(WORK / "pyinstaller"),
                    str(ROOT / "packaging" / "halfyear.spec")], check=True, cwd=ROOT)
    return time.perf_counter() - t0


def folder_size(folder: Path) -> int:
    """Bytes in the files under `folder` (symlinks not followed)."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def _elf_files(folder: Path) -> list[Path]:
    found = []
    for p in folder.rglob("*"):
        if p.is_file() and not p.is_symlink():
            with p.open("rb") as f:
                if f.read(4) == b"\x7fELF":
                    found.append(p)
    return found


def _glibc_needed(folder: Path) -> str:
    """The newest GLIBC_x.y symbol version any executable or library in the bundle asks for."""
    versions = set()
    for path in _elf_files(folder):
        out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True).stdout
        versions.update(re.findall(r"GLIBC_(\d+\.\d+(?:\.\d+)?)", out))
    return max(versions, key=lambda v: tuple(int(n) for n in v.split(".")))


def build_deb(ver: str, *, xz: bool = False) -> tuple[Path, float]:
    """dist/halfyear_<ver>_<arch>.deb: the bundle in /opt/halfyear, a launcher in /usr/bin, a menu entry and icons."""
    t0 = time.perf_counter()
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()
    stage = WORK / "deb" / f"halfyear_{ver}_{arch}"
    shutil.rmtree(stage, ignore_errors=True)
    shutil.copytree(BUNDLE, stage / "opt" / "halfyear", symlinks=True)
    launcher = stage / "usr" / "bin" / "halfyear"
    launcher.parent.mkdir(parents=True)
    # a script, not a symlink: the bundle finds its _internal folder next to the real executable
    launcher.write_text('#!/bin/sh\nexec /opt/halfyear/halfyear "$@"\n', encoding="utf-8")
    launcher.chmod(0o755)
    share = stage / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copyfile(ROOT / "packaging" / "linux" / "halfyear.desktop", share / "applications" / "halfyear.desktop")
    icons = share / "icons" / "hicolor"
    (icons / "scalable" / "apps").mkdir(parents=True)
    shutil.copyfile(APP_SVG, icons / "scalable" / "apps" / "halfyear.svg")
    for size in PNG_SIZES:
        (icons / f"{size}x{size}" / "apps").mkdir(parents=True)
        shutil.copyfile(WORK / f"halfyear-{size}.png", icons / f"{size}x{size}" / "apps" / "halfyear.png")
    control = stage / "DEBIAN" / "control"
    control.parent.mkdir()
    depends = ", ".join((f"libc6 (>= {_glibc_needed(stage / 'opt' / 'halfyear')})", *DEPENDS))
    control.write_text(
        f"Package: halfyear\n"
        f"Version: {ver}\n"
        f"Architecture: {arch}\n"
        f"Maintainer: halfyear developers <halfyear@localhost>\n"
        f"Installed-Size: {folder_size(stage) // 1024}\n"
        f"Depends: {depends}\n"
        f"Recommends: {', '.join(RECOMMENDS)}\n"
        f"Section: misc\n"
        f"Priority: optional\n"
        f"Description: 半年工作台账 — turn work-report plans into a tracked task ledger\n"
        f" 导入半年工作总结，找到“下一步工作打算”，拆成工作事项和具体措施，逐条跟踪，\n"
        f" 导出可打印的《工作任务推进台账》（Excel）并合并各单位填回的台账。\n",
        encoding="utf-8")
    deb = DIST / f"{stage.name}.deb"
    # gzip: 62 MB in ~6 s here; xz -6: 46 MB in ~80-110 s on two cores (--xz, for a release to download).
    # Both unpack on older dpkg (统信UOS, 麒麟), unlike zstd. --root-owner-group: root's files without fakeroot.
    compress = ["-Zxz", "-z6"] if xz else ["-Zgzip", "-z6"]
    subprocess.run(["dpkg-deb", "--root-owner-group", *compress, "--build", str(stage), str(deb)],
                   check=True, stdout=subprocess.DEVNULL)
    return deb, time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    """Build the bundle (and the .deb); print times and sizes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-deb", action="store_true", help="build the bundle only")
    parser.add_argument("--xz", action="store_true", help="compress the .deb with xz: a quarter smaller, ~15x slower")
    args = parser.parse_args(argv)
    ver = version()
    render_icons()
    seconds = build_bundle()
    print(f"bundle: {BUNDLE} — {folder_size(BUNDLE) / 2**20:.0f} MB, built in {seconds:.0f} s")
    if not args.no_deb and sys.platform.startswith("linux") and shutil.which("dpkg-deb"):
        deb, seconds = build_deb(ver, xz=args.xz)
        print(f"deb: {deb} — {deb.stat().st_size / 2**20:.0f} MB, packed in {seconds:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
