"""The status rules a clerk can rely on (domain.md): 办结 after 完成, 延期 with a later date and a reason,
and which changes undo a recorded completion. Rows come from a real store."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from db.api import Status
from desktop.services.tracking import (
    extension_changes,
    extension_problem,
    status_change_problem,
    status_step_back,
)
from tests.services.test_merge import measures


def _set(store: Any, row: Any, status: Status) -> Any:
    return store.set_status(row.id, status, expected_version=store.get_item(row.id).version, who="t").after


def test_closing_needs_done_first(ledger_store: Any) -> None:
    m = measures(ledger_store)[0]
    for status in (Status.NOT_STARTED, Status.IN_PROGRESS, Status.CANCELLED):
        row = _set(ledger_store, m, status)
        reason = status_change_problem(row, Status.CLOSED)
        assert reason is not None and "已完成" in reason and f"现在是“{status.value}”" in reason
    row = _set(ledger_store, m, Status.DONE)
    assert status_change_problem(row, Status.CLOSED) is None
    assert status_change_problem(row, "已办结") is None  # the word as the CLI and the ledger spell it
    row = _set(ledger_store, m, Status.CLOSED)
    assert status_change_problem(row, Status.CLOSED) is None  # no change
    for status in (Status.NOT_STARTED, Status.IN_PROGRESS, Status.DONE, Status.CANCELLED):
        assert status_change_problem(row, status) is None


def test_an_item_can_be_closed_when_its_measures_are_done(ledger_store: Any) -> None:
    item = ledger_store.item_tree(ledger_store.list_reports()[0].id)[0]
    kids = [r for r in ledger_store.subtree(item.id) if r.parent_id == item.id]
    assert len(kids) >= 2 and item.status is Status.NOT_STARTED
    _set(ledger_store, kids[0], Status.DONE)
    assert status_change_problem(ledger_store.get_item(item.id), Status.CLOSED) is not None
    _set(ledger_store, kids[1], Status.CANCELLED)  # a cancelled measure does not hold the item open
    for kid in kids[2:]:
        _set(ledger_store, kid, Status.DONE)
    assert status_change_problem(ledger_store.get_item(item.id), Status.CLOSED) is None


def test_extension_needs_a_later_date_and_a_reason(ledger_store: Any) -> None:
    row = measures(ledger_store)[0]
    assert row.due is not None
    later = row.due + timedelta(days=90)
    assert status_change_problem(row, Status.EXTENDED) is not None  # never a bare status
    assert extension_problem(row, None, "等待上级文件") is not None
    assert extension_problem(row, later, "  ") is not None
    for not_later in (row.due, row.due - timedelta(days=1)):
        reason = extension_problem(row, not_later, "等待上级文件")
        assert reason is not None and "不晚于" in reason and row.due.isoformat() in reason
    assert extension_problem(row, later, "等待上级文件") is None
    after = ledger_store.update_item(row.id, extension_changes(row, later, " 等待上级文件 "),
                                     expected_version=row.version, who="t").after
    assert (after.status, after.due, after.original_due, after.delay_reason) == (
        Status.EXTENDED, later, row.due, "等待上级文件")
    # a second extension is judged against the extended date and keeps the first promise
    assert extension_problem(after, later, "又推迟") is not None
    again = extension_changes(after, later + timedelta(days=30), "又推迟")
    assert again["original_due"] == row.due


def test_step_back_from_done_or_closed_is_flagged() -> None:
    assert status_step_back("已办结", "推进中") is not None
    assert status_step_back("已办结", "已完成") is not None
    assert status_step_back(Status.DONE, Status.NOT_STARTED) is not None
    assert status_step_back(Status.DONE, Status.EXTENDED) is not None
    assert "已完成" in (status_step_back("已完成", "推进中") or "")
    for old, new in (("未启动", "推进中"), ("推进中", "未启动"), ("推进中", "已完成"), ("已完成", "已办结"),
                     ("已完成", "已完成"), ("已延期", "推进中"), ("已取消", "推进中")):
        assert status_step_back(old, new) is None, (old, new)

