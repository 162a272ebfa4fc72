"""The reminders bar on start: `本周到期 N 项，已逾期 M 项`, one click lists exactly those, × puts it away."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from db.api import ItemFilter, Status
from desktop.ui.models.report_list import ALL_REPORTS
from tests.ui.helpers import started_window


def _measures(store: Any) -> list[Any]:
    return [r for r in store.items(ItemFilter(measures_only=True)) if not r.ongoing]


def _set(store: Any, row: Any, **changes: Any) -> None:
    store.update_item(row.id, changes, expected_version=store.get_item(row.id).version, who="测试")


def _window(qtbot: Any, store: Any, settings: Any) -> Any:
    return started_window(qtbot, store, settings)


def test_the_bar_counts_and_filters_to_the_measures(qtbot: Any, seeded: Any, settings: Any) -> None:
    today = date.today()
    sunday = today + timedelta(days=6 - today.weekday())
    ms = _measures(seeded)
    # everything else is due far away, so only the measures set here count
    for m in ms:
        _set(seeded, m, due=date(today.year + 3, 12, 31))
    _set(seeded, ms[0], due=sunday)  # due this week
    _set(seeded, ms[1], due=today)  # due today: this week
    _set(seeded, ms[2], due=today - timedelta(days=3), status=Status.IN_PROGRESS.value)  # overdue
    _set(seeded, ms[3], due=today - timedelta(days=30), status=Status.DONE.value)  # done: no reminder
    _set(seeded, ms[4], due=today - timedelta(days=30), status=Status.CANCELLED.value)  # cancelled: none
    _set(seeded, ms[5], due=sunday + timedelta(days=1))  # next Monday: not this week
    w = _window(qtbot, seeded, settings)
    qtbot.waitUntil(lambda: w.reminding.reminders is not None, timeout=10000)
    bar = w.reminding.bar
    assert bar.isVisible() and bar.label.text() == "本周到期 2 项，已逾期 1 项"
    with qtbot.waitSignal(w.tree_loaded, timeout=10000):
        bar.show_button.click()
    assert w.report_id == ALL_REPORTS
    shown = {r.id for r in w.flat_model.loaded_rows() if r.is_measure and w.flat_model.index_of(r.id).isValid()}
    expected = {ms[0].id, ms[1].id, ms[2].id}
    if sunday == today:  # the filter's nearest limit is tomorrow: Monday's measure is listed too
        expected.add(ms[5].id)
    assert shown == expected
    bar.close_button.click()
    assert not bar.isVisible()
    w.reload_reports()  # the bar stays away for the session
    qtbot.wait(300)
    assert not bar.isVisible()
    w.jobs.wait()


def test_nothing_due_no_bar(qtbot: Any, seeded: Any, settings: Any) -> None:
    today = date.today()
    for m in _measures(seeded):
        _set(seeded, m, due=date(today.year + 3, 12, 31))
    w = _window(qtbot, seeded, settings)
    qtbot.waitUntil(lambda: w.reminding.reminders is not None, timeout=10000)
    assert w.reminding.reminders.is_empty and not w.reminding.bar.isVisible()
    w.jobs.wait()
