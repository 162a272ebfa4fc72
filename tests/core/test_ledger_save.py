"""Saving the ledger file: a read-only target is refused, modes are kept, killed exports leave nothing for long."""

from __future__ import annotations

import os
import stat
import tempfile
import time
from datetime import date
from pathlib import Path

import pytest

from desktop.core.ledger import LedgerSheet, LedgerWriteError, write_ledger
from tests.core.test_ledger import TITLE, sample_rows


def _write(target: Path) -> Path:
    return write_ledger(target, [LedgerSheet("工作台账", TITLE, sample_rows())], None, title=TITLE,
                        exported_on=date.today())


def test_a_read_only_target_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    target = tmp_path / "台账.xlsx"
    target.write_bytes(b"last month's ledger")
    target.chmod(0o444)
    with pytest.raises(LedgerWriteError) as info:
        _write(target)
    assert "只读" in str(info.value)
    assert target.read_bytes() == b"last month's ledger" and stat.S_IMODE(target.stat().st_mode) == 0o444
    assert sorted(p.name for p in tmp_path.iterdir()) == ["台账.xlsx"]


def test_replacing_a_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "台账.xlsx"
    target.write_bytes(b"old")
    target.chmod(0o600)
    _write(target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600 and target.read_bytes()[:2] == b"PK"


def test_what_a_killed_export_left_is_swept_by_the_next(tmp_path: Path) -> None:
    stale, fresh = tmp_path / ".~halfyear-dead.xlsx", tmp_path / ".~halfyear-busy.xlsx"
    work = Path(tempfile.mkdtemp(prefix="halfyear-xlsx-"))
    (work / "sheet").write_bytes(b"rows")
    for leftover in (stale, fresh):
        leftover.write_bytes(b"half a ledger")
    old = time.time() - 3600
    for path in (stale, work / "sheet", work):
        os.utime(path, (old, old))
    _write(tmp_path / "台账.xlsx")
    assert not stale.exists() and not work.exists()
    assert fresh.exists()  # another export may be writing it right now


def test_a_failed_export_leaves_no_temporary_folder(tmp_path: Path) -> None:
    before = set(Path(tempfile.gettempdir()).glob("halfyear-xlsx-*"))
    with pytest.raises(LedgerWriteError):
        write_ledger(tmp_path / "x.xlsx", [LedgerSheet("工作台账", TITLE, sample_rows())], None, title=TITLE,
                     exported_on=date.today(), on_progress=_full_disk)
    assert set(Path(tempfile.gettempdir()).glob("halfyear-xlsx-*")) == before
    assert list(tmp_path.iterdir()) == []


def _full_disk(done: int, total: int) -> None:
    raise OSError(28, "No space left on device")
