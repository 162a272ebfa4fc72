"""The error dialog shows our own errors' Chinese text, whichever layer raised them."""

from __future__ import annotations

import pytest

from db.api import DatabaseOpenError
from desktop.core.errors import ReportReadError
from desktop.core.ledger_model import LedgerReadError, LedgerWriteError
from desktop.ui.errors import friendly


@pytest.mark.parametrize("exc", [
    ReportReadError("a.txt", "a.txt：文件是空的。"),
    DatabaseOpenError("数据库已损坏。", None),
    LedgerWriteError("台账.xlsx", "台账.xlsx 正在被 Excel 打开，请关闭后重试。"),
    LedgerReadError("回报.xlsx", "回报.xlsx 不是本程序导出的台账。"),
], ids=["report", "store", "ledger-write", "ledger-read"])
def test_domain_errors_keep_their_chinese_message(exc: Exception) -> None:
    assert friendly(exc).startswith(str(exc)[:6])
    assert "意外错误" not in friendly(exc)


def test_unknown_errors_say_data_is_safe() -> None:
    assert "意外错误" in friendly(ZeroDivisionError())
