"""Decompression bombs through the command line: refused with one Chinese line, fast and small.

The figures (time, peak memory) are printed at the end of the run next to the same command on a
normal file; the targets (≤ 2 s, ≤ 200 MB) are read there, not asserted, since other work shares
the machine.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.core.docx_builder import write_docx
from tests.faults import bombs, measure

Figure = Callable[[str], None]


def _say(figure: Figure, what: str, bomb: measure.Measured, base: measure.Measured, size: Path) -> None:
    figure(f"{what} ({size.stat().st_size / 1024:.0f} KB): exit {bomb.code} in {bomb.seconds:.2f} s, "
           f"peak {bomb.peak_mb:.0f} MB; same command on a normal file {base.seconds:.2f} s, {base.peak_mb:.0f} MB")


@pytest.fixture(scope="module")
def normal_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import SEEDS

    lines = SEEDS[0].read_text(encoding="utf-8").splitlines()
    return write_docx([x for x in lines if x.strip()], tmp_path_factory.mktemp("docx") / "报告.docx")


_BASELINES: dict[tuple[str, ...], measure.Measured] = {}


def _baseline(*args: str) -> measure.Measured:
    """The same command on a normal file, measured once per run."""
    if args not in _BASELINES:
        _BASELINES[args] = measure.halfyear(*args, timeout=60)
    return _BASELINES[args]


@pytest.mark.parametrize("command", ["parse", "import"])
def test_a_docx_bomb_is_refused(tmp_path: Path, figure: Figure, normal_docx: Path, command: str) -> None:
    bomb = bombs.docx_bomb(tmp_path / "炸弹.docx", unpacked_mb=200)
    db = ["--db", str(normal_docx.with_name(f"{command}.db"))] if command == "import" else []
    got = measure.halfyear(*db, command, str(bomb), timeout=60)
    base = _baseline(*db, command, str(normal_docx))
    _say(figure, f"docx bomb, 200 MB document.xml, `halfyear {command}`", got, base, bomb)
    assert not got.timed_out and measure.one_chinese_line(got), got.err[-2000:]
    assert "不像是一份工作报告" in got.err and "word/document.xml" in got.err


@pytest.mark.parametrize("kind", ["shared strings", "worksheet", "far row"])
def test_an_xlsx_bomb_is_refused_by_merge(tmp_path: Path, figure: Figure, ledger_files: tuple[str, str],
                                         kind: str) -> None:
    db, ledger = ledger_files
    path = tmp_path / "炸弹.xlsx"
    if kind == "shared strings":
        bombs.shared_strings_bomb(path, Path(ledger), unpacked_mb=300)
    elif kind == "worksheet":
        bombs.sheet_bomb(path, Path(ledger), unpacked_mb=300)
    else:
        bombs.far_row_sheet(path, Path(ledger))
    got = measure.halfyear("--db", db, "merge", str(path), timeout=60)
    base = _baseline("--db", db, "merge", ledger)
    _say(figure, f"xlsx bomb ({kind}), `halfyear merge`", got, base, path)
    assert base.code == 0, base.err
    assert not got.timed_out and measure.one_chinese_line(got), got.err[-2000:]
    assert ("远超一份台账" in got.err) if kind != "far row" else ("最大行数" in got.err)
