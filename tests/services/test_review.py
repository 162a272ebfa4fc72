"""The review (对账) over a scripted year (tests/services/year_history.py), as of 6/30 and 12/31, both light rules.

Every figure below was worked out by hand from the script, not read off the code.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from desktop.core.review_model import NO_UNIT, Review, UnitLine
from desktop.services.review import ReviewError, build_review, rank_units
from tests.services.year_history import Year, scripted_year

JUNE, DEC = date(2023, 6, 30), date(2023, 12, 31)


@pytest.fixture
def year(any_store: Any) -> Year:
    return scripted_year(any_store)


def names(year: Year, lines: Any) -> list[str]:
    by_id = {r.id: n for n, r in year.m.items()}
    return [by_id[m.id] for m in lines]


def categories(review: Review) -> dict[str, tuple[int, float]]:
    return {c.name: (c.count, c.share) for c in review.by_category}


def units(review: Review) -> list[tuple[Any, ...]]:
    return [(u.unit, u.rank, u.tasks, u.done, u.rate, u.behind, u.overdue, u.not_started, u.extended, u.cancelled)
            for u in review.units]


def test_june_by_deadline(year: Year) -> None:
    r = build_review(year.store, as_of=JUNE, year=2023, rule="deadline")
    assert [x.title for x in r.reports] == ["2023年组织工作安排", "2023年下半年工作计划"]  # 2022's plan is left out
    assert (r.items, r.items_done, r.measures, r.overdue) == (6, 0, 19, 1)
    assert (r.reports_later, r.measures_later) == (0, 1)  # A3.5 came on 7/15
    # largest remainder: 57.9 gets the first missing tenth, then three of the four 5.26 (ties: category order)
    assert categories(r) == {"已完成": (1, 5.3), "超进度": (0, 0.0), "达进度": (4, 21.0), "欠进度": (1, 5.3),
                             "未启动": (11, 57.9), "已延期": (1, 5.3), "已取消": (1, 5.2)}
    assert round(sum(c.share for c in r.by_category), 1) == 100.0
    assert {c.name: c.count for c in r.by_status} == {"未启动": 11, "推进中": 5, "已完成": 1, "已办结": 0, "已延期": 1,
                                                    "已取消": 1}
    assert round(sum(c.share for c in r.by_status), 1) == 100.0
    assert units(r) == [("干部科", 1, 6, 1, 16.7, 1, 1, 3, 0, 0), ("组织科", 2, 7, 0, 0.0, 0, 0, 3, 1, 1),
                        ("人才办", 2, 4, 0, 0.0, 0, 0, 3, 0, 0), (NO_UNIT, None, 2, 0, 0.0, 0, 0, 2, 0, 0)]
    assert names(year, r.listed("欠进度")) == ["A1.1"]
    assert names(year, r.overdue_lines) == ["A1.1"]
    assert names(year, r.listed("未启动")) == ["A1.4", "A2.4", "A2.5", "A2.6", "A3.2", "A3.3", "A3.4", "B2.1", "B2.2",
                                               "B3.1", "B3.2"]
    [extended] = r.listed("已延期")
    assert names(year, [extended]) == ["A2.1"]
    # the delay reason and unit of that day, not today's (changed on 8/1 and 9/1)
    assert (extended.delay_reason, extended.original_due, extended.due) == ("配套资金未到位", date(2023, 6, 15),
                                                                            date(2023, 10, 31))
    lines = {n: m for n, m in zip(names(year, r.lines), r.lines)}
    assert lines["A3.1"].unit == "人才办" and lines["A1.1"].unit == "干部科"  # A1's measures inherit the item's unit
    assert (lines["A1.1"].owner, lines["A1.1"].due, lines["A1.1"].number, lines["A1.1"].item_title[:6]) == (
        "李四", date(2023, 5, 31), "1.1", "突出能力素质")
    # the latest progress entry at 6/30 with its date; an extended note quotes only what was added
    assert (lines["A3.1"].latest, lines["A3.1"].latest_at) == ("6月：完成初稿", date(2023, 6, 25))
    assert (lines["A1.3"].latest, lines["A1.3"].latest_at) == ("6月30日启动", JUNE)  # 23:00 that day counts
    assert (lines["A1.4"].latest, lines["A1.4"].status) == ("", "未启动")  # started 7/1: not yet
    assert lines["B2.1"].due is None and not lines["B2.1"].overdue
    assert [m.number for m in r.lines if m.report_id == year.b] == ["1.1", "2.1", "2.2", "3.1", "3.2"]


def test_june_by_schedule(year: Year) -> None:
    r = build_review(year.store, as_of=JUNE, year=2023, rule="schedule")
    # 序时 at 6/30 for a 12-31 deadline from the 1/10 start: 171/355 → 48 %; A1.1's 5/31 deadline: 100 %
    assert categories(r) == {"已完成": (1, 5.3), "超进度": (3, 15.8), "达进度": (0, 0.0), "欠进度": (2, 10.5),
                             "未启动": (11, 57.9), "已延期": (1, 5.3), "已取消": (1, 5.2)}
    assert names(year, r.listed("超进度")) == ["A2.2", "A3.1", "B1.1"]  # 50, 70, 60 % against 48 %
    assert names(year, r.listed("欠进度")) == ["A1.1", "A1.3"]  # 30 % against 100 %, 10 % against 48 %
    lagging = {n: m for n, m in zip(names(year, r.listed("欠进度")), r.listed("欠进度"))}
    assert (lagging["A1.3"].progress, lagging["A1.3"].expected) == (10, 48)
    assert units(r)[0] == ("干部科", 1, 6, 1, 16.7, 2, 1, 3, 0, 0)
    assert r.overdue == 1  # 逾期 does not depend on the rule


def test_december_and_the_movement_since_june(year: Year) -> None:
    r = build_review(year.store, as_of=DEC, year=2023, compare=JUNE, rule="deadline")
    assert (r.items, r.items_done, r.measures, r.overdue, r.measures_later) == (6, 1, 20, 1, 0)  # B1 is done
    assert categories(r) == {"已完成": (7, 35.0), "超进度": (0, 0.0), "达进度": (2, 10.0), "欠进度": (1, 5.0),
                             "未启动": (8, 40.0), "已延期": (1, 5.0), "已取消": (1, 5.0)}
    assert {c.name: c.count for c in r.by_status}["已办结"] == 1
    # 组织科 57.1 % (A3.1 is its since 9/1); 人才办 and 干部科 both 33.3 %: fewer 欠进度 ranks higher
    assert units(r) == [("组织科", 1, 8, 4, 57.1, 0, 0, 3, 0, 1), ("人才办", 2, 3, 1, 33.3, 0, 0, 1, 1, 0),
                        ("干部科", 3, 6, 2, 33.3, 1, 1, 1, 0, 0), (NO_UNIT, None, 3, 0, 0.0, 0, 0, 3, 0, 0)]
    assert names(year, r.listed("欠进度")) == ["B2.2"] and names(year, r.overdue_lines) == ["B2.2"]
    [extended] = r.listed("已延期")
    assert (names(year, [extended]), extended.delay_reason) == (["A3.2"], "场地改造推迟")
    assert next(m for m in r.lines if m.id == year.m["A3.1"].id).latest == "12月：已完成并验收"
    mv = r.movement
    assert mv is not None and (mv.earlier, mv.later) == (JUNE, DEC)
    assert names(year, mv.newly_completed) == ["A1.1", "A2.1", "A2.2", "A3.1", "B1.1", "B3.1"]
    assert names(year, mv.fell_behind) == ["B2.2"]
    assert names(year, mv.caught_up) == ["A1.1"] and mv.behind_before == 1
    assert names(year, mv.newly_extended) == ["A3.2"]
    assert names(year, mv.newly_started) == ["A1.4", "A3.2", "B2.2", "B3.1"]
    assert names(year, mv.still_not_started) == ["A2.4", "A2.5", "A2.6", "A3.3", "A3.4", "B2.1", "B3.2"]
    assert (mv.not_started_before, mv.added) == (11, 1)


def test_december_by_schedule(year: Year) -> None:
    r = build_review(year.store, as_of=DEC, year=2023, compare=JUNE, rule="schedule")
    assert categories(r) == {"已完成": (7, 35.0), "超进度": (0, 0.0), "达进度": (0, 0.0), "欠进度": (3, 15.0),
                             "未启动": (8, 40.0), "已延期": (1, 5.0), "已取消": (1, 5.0)}
    assert names(year, r.listed("欠进度")) == ["A1.3", "A1.4", "B2.2"]
    assert r.movement is not None and names(year, r.movement.fell_behind) == ["A1.4", "B2.2"]
    assert r.movement.behind_before == 2


def test_the_comparison_works_from_either_side(year: Year) -> None:
    june = build_review(year.store, as_of=JUNE, year=2023, compare=DEC, rule="deadline")
    assert june.measures == 19 and june.movement is not None
    assert (june.movement.earlier, june.movement.later) == (JUNE, DEC)
    assert names(year, june.movement.newly_completed) == ["A1.1", "A2.1", "A2.2", "A3.1", "B1.1", "B3.1"]


def test_chosen_reports_and_the_rule_from_the_store(year: Year) -> None:
    year.store.set_light_rule("schedule")
    r = build_review(year.store, as_of=JUNE, report_ids=[year.b])
    assert r.rule == "schedule" and r.measures == 5 and r.measures_later == 0
    assert [c.count for c in r.by_category] == [0, 1, 0, 0, 4, 0, 0]  # B1.1 60 % > 48 %
    everything = build_review(year.store, as_of=JUNE)
    assert everything.measures == 19 + 11  # the 2022 plan too, untouched since its import
    before = build_review(year.store, as_of=date(2023, 1, 9), year=2023)
    assert (before.measures, before.reports_later, before.measures_later, before.reports) == (0, 2, 20, ())
    with pytest.raises(ReviewError, match="没有计划年度为 2021 年的报告（现有年度：2022、2023）"):
        build_review(year.store, as_of=JUNE, year=2021)
    with pytest.raises(ReviewError, match="没有编号为 99 的报告"):
        build_review(year.store, as_of=JUNE, report_ids=[99])


def test_rankings_sort_but_keep_the_completion_rank() -> None:
    us = [UnitLine("甲", 4, 1, 25.0, 3, 1, 0, 0, 0), UnitLine("乙", 2, 2, 100.0, 0, 0, 0, 0, 0),
          UnitLine(NO_UNIT, 5, 0, 0.0, 0, 0, 5, 0, 0), UnitLine("丙", 6, 1, 25.0, 1, 2, 0, 0, 0)]
    by_rate = rank_units(us)
    assert [(u.unit, u.rank) for u in by_rate] == [("乙", 1), ("丙", 2), ("甲", 3), (NO_UNIT, None)]
    assert [(u.unit, u.rank) for u in rank_units(us, "behind")] == [("甲", 3), ("丙", 2), ("乙", 1), (NO_UNIT, None)]
    assert [u.unit for u in rank_units(us, "overdue")] == ["丙", "甲", "乙", NO_UNIT]
    assert [u.unit for u in rank_units(us, "tasks")] == ["丙", "甲", "乙", NO_UNIT]
    tie = rank_units([UnitLine("a", 1, 1, 100.0, 0, 0, 0, 0, 0), UnitLine("b", 3, 3, 100.0, 0, 0, 0, 0, 0),
                      UnitLine("c", 1, 0, 0.0, 0, 0, 1, 0, 0)])
    assert [(u.unit, u.rank) for u in tie] == [("b", 1), ("a", 1), ("c", 3)]  # equal figures share a rank


def _expected_category(row: Any, rule: str) -> str:
    """A measure's category from the store's own roll-up and lights (Store.items), as the module docstring words it."""
    by_status = {"已完成": "已完成", "已办结": "已完成", "已取消": "已取消", "已延期": "已延期", "未启动": "未启动"}
    if row.status.value in by_status:
        return by_status[row.status.value]
    if rule == "deadline":
        return "欠进度" if row.light_deadline.value == "red" else "达进度"
    if row.expected_progress is None:
        return "达进度"
    if row.progress > row.expected_progress:
        return "超进度"
    return "欠进度" if row.light_schedule.value in ("yellow", "red") else "达进度"


@pytest.mark.parametrize("rule", ["deadline", "schedule"])
def test_the_review_agrees_with_the_stores_roll_up_and_lights_at_every_month_end(year: Year, rule: str) -> None:
    """The review reads each row on its own and rolls items up itself: it must say what Store.items says."""
    from datetime import timedelta

    from db.api import ItemFilter
    from tests.services.history_script import dated

    # B3: one measure done on 12/20 and, here, the other cancelled on 12/22: the item is done (all that count are)
    with dated(year.store, date(2023, 12, 22)):
        row = year.store.get_item(year.m["B3.2"].id)
        year.store.update_item(row.id, {"status": "已取消"}, expected_version=row.version, who="脚本")
    ids = [year.a, year.b]
    days = [date(2023, month + 1, 1) - timedelta(days=1) for month in range(1, 12)] + [DEC, date(2023, 12, 21)]
    for day in days:
        review = build_review(year.store, as_of=day, report_ids=ids, rule=rule)
        rows = year.store.items(ItemFilter(report_ids=tuple(ids)), as_of=day)
        tops = [r for r in rows if r.parent_id is None]
        done = sum(r.status.value in ("已完成", "已办结") or (r.child_count > 0 and r.progress == 100) for r in tops)
        assert (review.items, review.items_done) == (len(tops), done), day
        measures = {r.id: r for r in rows if r.is_measure}
        by_id = {r.id: r for r in rows}
        entries = year.store.latest_progress(report_ids=ids, as_of=day)
        assert [m.id for m in review.lines] == [r.id for r in rows if r.is_measure], day
        for m in review.lines:
            r = measures[m.id]
            assert (m.category, m.progress, m.overdue, m.expected) == (
                _expected_category(r, rule), r.progress, r.overdue, r.expected_progress), (day, m.number)
            # the values as they were then, read apart from the store's as-of SQL: they must agree with it
            parent = by_id.get(r.parent_id) if r.parent_id is not None else None
            unit = r.lead_unit or (parent.lead_unit if parent is not None else "")
            entry = entries.get(r.id)
            latest = (entry.text, entry.at.date()) if entry is not None else (r.note.strip(), None)
            assert (m.status, m.due, m.original_due, m.delay_reason, m.owner, m.unit or "", m.text) == (
                r.status.value, r.due, r.original_due, r.delay_reason, r.owner, unit, r.text or r.title), (day, m.number)
            assert (m.latest, m.latest_at) == latest, (day, m.number)
    final = build_review(year.store, as_of=DEC, report_ids=ids, rule=rule)
    assert final.items_done == 2  # B1 (its measure done) and now B3


def test_in_progress_is_behind_from_the_yellow_points_on_and_by_deadline_when_overdue() -> None:
    from db.review_read import ReviewRow
    from desktop.services.review import category

    def row(progress: int, expected: int | None, overdue: bool = False, status: str = "推进中") -> ReviewRow:
        return ReviewRow(1, 1, None, "t", "", status, progress, "", "", None, None, "", overdue, expected, "", None)

    assert category(row(38, 48), "schedule", 10) == "欠进度"  # 10 points behind: a yellow 序时 light
    assert category(row(39, 48), "schedule", 10) == "达进度"
    assert category(row(49, 48), "schedule", 10) == "超进度"
    assert category(row(0, None), "schedule", 10) == "达进度"  # no deadline: no 序时
    assert category(row(0, 100, overdue=True), "deadline", 10) == "欠进度"
    assert category(row(0, 100), "deadline", 10) == "达进度"
    assert category(row(0, 100, overdue=True, status="已延期"), "deadline", 10) == "已延期"
