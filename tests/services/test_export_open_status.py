"""`halfyear export --status 未完成` exports what the window's 未完成 filter shows: neither done nor cancelled."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from db.enums import OPEN_STATUSES, Status
from desktop.cli import main
from tests.services.test_merge import Sheet, measures


def _uuids(path: Path) -> set[str]:
    sheet = Sheet(path)
    sheet.wb.close()
    return {u for u in sheet.row_of if u}


def test_open_means_not_done_and_not_cancelled(ledger_store: Any, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    m = measures(ledger_store)
    for row, status in zip(m, (Status.DONE, Status.CLOSED, Status.CANCELLED, Status.IN_PROGRESS)):
        if status is Status.CLOSED:  # 已办结 follows 已完成
            row = ledger_store.set_status(row.id, Status.DONE, expected_version=row.version, who="t").after
        ledger_store.set_status(row.id, status, expected_version=row.version, who="t")
    url = str(ledger_store.url)
    assert main(["--db", url, "export", str(tmp_path / "open.xlsx"), "--one-sheet", "--status", "未完成"]) == 0
    assert main(["--db", url, "export", str(tmp_path / "each.xlsx"), "--one-sheet", "--status",
                 *(s.value for s in OPEN_STATUSES)]) == 0
    capsys.readouterr()
    shown = _uuids(tmp_path / "open.xlsx")
    assert shown == _uuids(tmp_path / "each.xlsx")
    assert {m[0].uuid, m[1].uuid, m[2].uuid}.isdisjoint(shown) and {m[3].uuid, m[4].uuid} <= shown
    assert set(OPEN_STATUSES) == set(Status) - {Status.DONE, Status.CLOSED, Status.CANCELLED}


def test_help_explains_the_word(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    assert "未完成 即 未启动、推进中、已延期" in capsys.readouterr().out.replace("\n", "").replace(" " * 24, "")
