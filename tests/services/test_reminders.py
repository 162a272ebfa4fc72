"""The reminder line on start: 本周到期 N 项，已逾期 M 项, with the ids behind it."""

from __future__ import annotations

from datetime import date
from typing import Any

from db.api import Status
from desktop.services.reminders import reminders
from tests.db.plans import make_plan


def test_due_this_week_and_overdue(any_store: Any) -> None:
    store = any_store
    rid = store.import_plan(make_plan(items=2, measures=3), sha256="a" * 64, original_text="").report_id
    ms = [r for r in store.item_tree(rid) if r.depth == 1]
    wednesday = date(2024, 5, 15)
    for m, due in zip(ms, (date(2024, 5, 13), date(2024, 5, 15), date(2024, 5, 19), date(2024, 5, 20),
                           date(2024, 5, 1), date(2024, 5, 16))):
        store.update_item(m.id, {"due": due}, expected_version=m.version, who="t")
    store.set_status(ms[5].id, Status.DONE, expected_version=2, who="t")  # due Thursday but done
    store.update_item(ms[4].id, {"ongoing": True}, expected_version=2, who="t")  # 长期坚持: never late
    got = reminders(store, today=wednesday)
    assert got.week_end == date(2024, 5, 19)
    assert got.due_this_week == (ms[1].id, ms[2].id)  # Wednesday itself and Sunday; Monday 5/20 is next week
    assert got.overdue == (ms[0].id,)
    assert got.text == "本周到期 2 项，已逾期 1 项" and not got.is_empty
    assert reminders(store, today=date(2024, 1, 1)).is_empty
    assert reminders(store, today=wednesday, report_ids=[999]).text == "本周到期 0 项，已逾期 0 项"


def test_an_item_without_measures_is_its_own_measure(any_store: Any) -> None:
    store = any_store
    rid = store.import_plan(make_plan(items=2, measures=0, due=date(2024, 5, 10)), sha256="b" * 64,
                            original_text="").report_id
    first, second = store.item_tree(rid)
    store.set_status(second.id, Status.CANCELLED, expected_version=second.version, who="t")
    got = reminders(store, today=date(2024, 5, 15))
    assert got.overdue == (first.id,) and got.due_this_week == ()
