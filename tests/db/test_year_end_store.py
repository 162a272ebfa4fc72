"""The store's year-end calls: dated progress, what an as-of view leaves out, the light rule, as-of fields."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import update

from db.api import InvalidChangeError, ItemFilter
from db.models import Item
from db.progress_log import entry_text
from tests.db.plans import make_plan
from tests.services.history_script import dated


def _report(store: Any, when: date = date(2023, 1, 10)) -> list[Any]:
    with dated(store, when):
        rid = store.import_plan(make_plan(items=1, measures=2), sha256="a" * 64, original_text="").report_id
    return store.item_tree(rid)


def _note(store: Any, item_id: int, when: date, note: str) -> None:
    with dated(store, when):
        row = store.get_item(item_id)
        store.update_item(item_id, {"note": note}, expected_version=row.version, who="王五")


def test_progress_log_keeps_each_entry_with_its_date(any_store: Any) -> None:
    item, m1, m2 = _report(any_store)
    _note(any_store, m1.id, date(2023, 3, 1), "3月：制定方案")
    _note(any_store, m1.id, date(2023, 6, 1), "3月：制定方案\n6月：完成一半")  # added below the old text
    _note(any_store, m1.id, date(2023, 7, 1), "")  # cleared: not an entry
    _note(any_store, m1.id, date(2023, 9, 1), "9月：重新部署")  # replaced
    log = any_store.progress_log(m1.id)
    assert [(e.at.date(), e.who, e.text) for e in log] == [
        (date(2023, 3, 1), "王五", "3月：制定方案"), (date(2023, 6, 1), "王五", "6月：完成一半"),
        (date(2023, 9, 1), "王五", "9月：重新部署")]
    assert log[1].note == "3月：制定方案\n6月：完成一半"
    latest = any_store.latest_progress(report_ids=[m1.report_id], as_of=date(2023, 6, 30))
    assert set(latest) == {m1.id} and latest[m1.id].text == "6月：完成一半"
    assert any_store.latest_progress(as_of=date(2023, 7, 31)) == {}  # cleared on 7/1
    assert any_store.latest_progress()[m1.id].text == "9月：重新部署"
    assert any_store.progress_log(m2.id) == []


def test_a_note_older_than_the_history_has_no_date(store: Any) -> None:
    item, m1, m2 = _report(store)
    with store.engine.begin() as conn:  # as an old database written before the history kept notes
        conn.execute(update(Item).where(Item.id == m2.id).values(note="早先的进展"))
    [entry] = store.progress_log(m2.id)
    assert (entry.at, entry.text) == (None, "早先的进展")


def test_entry_text() -> None:
    assert entry_text("甲", "甲\n乙") == "乙" and entry_text("甲", "丙") == "丙" and entry_text(None, "丁") == "丁"
    assert entry_text("甲", "甲") == "甲" and entry_text("", "") == ""


def test_created_after(any_store: Any) -> None:
    item, m1, m2 = _report(any_store, date(2023, 1, 10))
    with dated(any_store, date(2023, 8, 1)):
        any_store.add_item(item.report_id, parent_id=item.id, position=2, label="3", title="新增", who="t")
        other = any_store.import_plan(make_plan(items=2, measures=1), sha256="b" * 64, original_text="").report_id
    june = date(2023, 6, 30)
    assert any_store.created_after(june).__dict__ == {"reports": 1, "measures": 3}
    assert any_store.created_after(june, report_ids=[item.report_id]).__dict__ == {"reports": 0, "measures": 1}
    assert any_store.created_after(date(2023, 8, 1), report_ids=[other]).__dict__ == {"reports": 0, "measures": 0}


def test_light_rule_is_a_setting_of_the_database(any_store: Any) -> None:
    assert any_store.light_rule() == "deadline"
    any_store.set_light_rule("schedule")
    assert any_store.light_rule() == "schedule"
    with pytest.raises(InvalidChangeError, match="亮灯规则"):
        any_store.set_light_rule("colour")  # type: ignore[arg-type]
    assert any_store.light_rule() == "schedule"


def test_as_of_rebuilds_units_owner_and_delay_reason(any_store: Any) -> None:
    item, m1, m2 = _report(any_store)
    with dated(any_store, datetime(2023, 2, 1, 9)):
        any_store.update_item(m1.id, {"lead_unit": "干部科", "owner": "张三", "co_units": "党校", "lead_leader": "李**",
                                      "delay_reason": "等文件"}, expected_version=1, who="t")
        any_store.update_item(item.id, {"lead_unit": "组织科"}, expected_version=1, who="t")
    with dated(any_store, datetime(2023, 7, 1, 9)):
        any_store.update_item(m1.id, {"lead_unit": "人才办", "owner": "", "co_units": "", "lead_leader": "",
                                      "delay_reason": "", "status": "已延期", "due": date(2024, 6, 30)},
                              expected_version=2, who="t")
        any_store.update_item(item.id, {"lead_unit": "宣传科"}, expected_version=2, who="t")
    then = {r.id: r for r in any_store.item_tree(item.report_id, as_of=date(2023, 6, 30))}
    assert (then[m1.id].lead_unit, then[m1.id].owner, then[m1.id].co_units, then[m1.id].lead_leader,
            then[m1.id].delay_reason, then[m1.id].original_due) == ("干部科", "张三", "党校", "李**", "等文件", None)
    now = any_store.get_item(m1.id)
    assert (now.lead_unit, now.original_due) == ("人才办", date(2023, 12, 31))
    before = {r.id: r for r in any_store.item_tree(item.report_id, as_of=date(2023, 1, 31))}
    assert (before[m1.id].lead_unit, before[m1.id].owner) == ("", "")
    # the unit a measure inherits from its item, and the unit filter, follow the date too
    by_unit = {s.key: s.total for s in any_store.statistics(report_ids=[item.report_id], by="unit",
                                                           as_of=date(2023, 6, 30))}
    assert by_unit == {"干部科": 1, "组织科": 1}
    found = any_store.items(ItemFilter(unit="组织科", measures_only=True), as_of=date(2023, 6, 30))
    assert [r.id for r in found] == [m2.id]
    assert [r.id for r in any_store.items(ItemFilter(text="张三"), as_of=date(2023, 6, 30))] == [m1.id]


def test_review_rows_take_each_fields_value_at_the_date_as_the_as_of_sql_does(any_store: Any) -> None:
    """The review reads today's values and the later history apart (db/review_read.py); the ledger's as-of
    SQL rebuilds them in one statement. Both must agree on the awkward history rows too: a change at the
    first moment after the day, two changes after it, a NULL old deadline (there was none then) and a NULL
    old status (an odd row: SQL's coalesce keeps today's value)."""
    from db.models import History

    item, m1, m2 = _report(any_store)
    cutoff = datetime(2023, 7, 1)
    with any_store.engine.begin() as conn:
        conn.execute(update(Item).where(Item.id == m1.id).values(status="已完成", due=date(2023, 9, 30),
                                                               owner="李四"))
        conn.execute(update(Item).where(Item.id == m2.id).values(status="已延期", due=date(2023, 10, 31),
                                                               lead_unit="办公室"))
        rows = [(m1.id, "status", "未启动", "推进中", cutoff),  # at the cutoff: later, so the old value holds
                (m1.id, "status", "推进中", "已完成", datetime(2023, 8, 1)),
                (m1.id, "owner", "", "李四", datetime(2023, 6, 30, 23, 59)),  # before: today's value holds
                (m1.id, "due", None, "2023-09-30", datetime(2023, 8, 1)),  # no deadline then
                (m2.id, "status", None, "已延期", datetime(2023, 8, 1)),
                (m2.id, "lead_unit", "财政局", "办公室", datetime(2023, 7, 5)),
                (m2.id, "due", "2023-06-15", "2023-10-31", datetime(2023, 7, 5))]
        conn.execute(History.__table__.insert(), [
            {"report_id": m1.report_id, "item_id": i, "field": f, "old": o, "new": n, "at": at, "who": "测试"}
            for i, f, o, n, at in rows])
    got = {r.id: r for r in any_store.review_rows([m1.report_id], date(2023, 6, 30))}
    want = {r.id: r for r in any_store.items(ItemFilter(report_ids=(m1.report_id,)), as_of=date(2023, 6, 30))}
    assert set(got) == set(want)
    for rid, r in want.items():
        g = got[rid]
        assert (g.status, g.due, g.owner, g.lead_unit, g.expected) == (
            r.status.value, r.due, r.owner, r.lead_unit, r.expected_progress), rid
        if r.is_measure:  # an item's own overdue flag is its measures' roll-up in Store.items
            assert (g.overdue, g.progress) == (r.overdue, r.progress), rid
    assert (got[m1.id].status, got[m1.id].due, got[m1.id].owner, got[m1.id].overdue) == ("未启动", None, "李四", False)
    assert (got[m2.id].status, got[m2.id].due, got[m2.id].lead_unit) == ("已延期", date(2023, 6, 15), "财政局")
    assert got[m2.id].overdue  # 已延期 past its deadline as it stood then: 逾期


def test_a_write_between_the_reviews_two_reads_does_not_change_what_it_says(any_store: Any) -> None:
    """A clerk ticks a measure off while a review as of June is being read: the review still says how it stood
    then. (On PostgreSQL each statement of a READ COMMITTED transaction sees its own snapshot.)"""
    from sqlalchemy import event

    item, m1, m2 = _report(any_store)
    state = {"reads": 0, "done": False}

    def tick_in_between(_conn: Any, _cur: Any, statement: str, *_rest: Any) -> None:
        if state["done"] or "FROM item AS i" not in statement and "FROM history" not in statement:
            return
        state["reads"] += 1
        if state["reads"] == 2:  # the second of the review's two statements is about to run
            state["done"] = True
            row = any_store.get_item(m1.id)
            any_store.update_item(m1.id, {"status": "已完成"}, expected_version=row.version, who="李四")

    event.listen(any_store.engine, "before_cursor_execute", tick_in_between)
    try:
        rows = {r.id: r for r in any_store.review_rows([m1.report_id], date(2023, 6, 30))}
    finally:
        event.remove(any_store.engine, "before_cursor_execute", tick_in_between)
    assert state["done"]
    assert (rows[m1.id].status, rows[m1.id].progress) == ("未启动", 0)
    assert any_store.get_item(m1.id).status.value == "已完成"  # the tick itself went through


def test_ledger_numbers_count_a_row_whose_parent_is_not_in_the_tree() -> None:
    """An as-of ledger can hold a measure moved later under an item added later: it is numbered among its
    siblings (as the 对账 numbers it), not dropped with a KeyError."""
    from db.item_row import ItemRow, ledger_numbers

    def row(rid: int, parent: int | None, position: int) -> ItemRow:
        return ItemRow(id=rid, uuid=str(rid), report_id=1, parent_id=parent, depth=0 if parent is None else 1,
                       position=position, label="", title=f"t{rid}", text="", source="", status="未启动",
                       progress=0, lead_leader="", lead_unit="", co_units="", owner="", due=None, original_due=None,
                       delay_reason="", note="", completed_at=None, updated_at=None, version=1, is_measure=False,
                       child_count=0, done_children=0, overdue=False, light_deadline="none", light_schedule="none")

    tree = [row(1, None, 0), row(2, 1, 0), row(3, 1, 1), row(4, None, 1), row(5, 9, 0), row(6, 9, 1)]
    assert ledger_numbers(tree) == {1: "1", 2: "1.1", 3: "1.2", 4: "2", 5: "1", 6: "2"}


def test_a_read_of_several_statements_sees_one_snapshot(any_store: Any) -> None:
    """Counts read by one multi-statement read agree, whatever another PC commits in between (PostgreSQL's
    READ COMMITTED would give the second statement a newer snapshot)."""
    from sqlalchemy import func, select

    from db.models import Report

    any_store.import_plan(make_plan(title="第一份"), sha256="1" * 64, original_text="")
    count = select(func.count()).select_from(Report)
    with any_store._read() as s:
        before = s.execute(count).scalar_one()
        any_store.import_plan(make_plan(title="第二份"), sha256="2" * 64, original_text="")  # its own connection
        assert s.execute(count).scalar_one() == before == 1
    with any_store._read() as s:
        assert s.execute(count).scalar_one() == 2
