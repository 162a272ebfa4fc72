"""The year-end review (对账): how the chosen reports stood at a reference date, computed from history.

`build_review(store, as_of=…, report_ids=… | year=…, compare=…)` returns a frozen `Review`
(desktop/core/review_model.py) that the 对账 view, the CLI and the 督查通报 draft all show.

Every measure is put in exactly one category, so the counts add up to the total: 已完成 (incl. 已办结),
已取消, 已延期 and 未启动 by their status at that date; a measure 推进中 is 欠进度, 达进度 or 超进度 by
the light rule the office uses (`Store.light_rule()`, or `rule=`):
- deadline rule (按完成时限): 欠进度 when past its deadline (red light), else 达进度; there is no 超进度.
- 序时 rule (按序时进度): 超进度 when its progress is above the share of its period elapsed, 欠进度 when
  `schedule_yellow_points` (10) or more points below it (a yellow or red 序时 light), else 达进度; without a
  deadline (or 长期坚持) 达进度.
逾期 (past the deadline and not done) is counted across categories. Shares use the largest remainder
method (desktop/core/shares.py) so they add up to 100.0 %.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from db.api import DONE_STATUSES, Status
from db.review_read import ReviewRow
from db.store import Store
from db.year_end import ReportHead
from desktop.core import review_model as rm
from desktop.core.gc_pause import cyclic_gc_paused
from desktop.core.review_model import CATEGORIES, Count, MeasureLine, Movement, ReportRef, Review, UnitLine
from desktop.core.shares import rate_percent, shares

_STATUS_ORDER = tuple(Status)


class ReviewError(Exception):
    """The review cannot be made as asked (Chinese message)."""


def category(row: ReviewRow, rule: str, yellow_points: int) -> str:
    """The category of a measure at the date its row was read for, under `rule` (module docstring).

    A measure in progress is not done, so its deadline light is red exactly when it is overdue, and its
    序时 light is yellow or red exactly when it is `yellow_points` or more behind (red starts further on:
    the store keeps yellow <= red); the store's light columns are not needed to tell.
    """
    return _category(row.status, row.progress, row.overdue, row.expected, rule == "deadline", yellow_points)


def _category(status: str, progress: int, overdue: bool, expected: int | None, by_deadline: bool,
              yellow_points: int) -> str:
    by_status = _BY_STATUS.get(status)
    if by_status is not None:
        return by_status
    if by_deadline:
        return rm.BEHIND if overdue else rm.ON_TRACK
    if expected is None:
        return rm.ON_TRACK
    if progress > expected:
        return rm.AHEAD
    if expected - progress >= yellow_points:
        return rm.BEHIND
    return rm.ON_TRACK


# Keyed by the words as stored: a row's status is text (ReviewRow), and a StrEnum member does not hash as its text.
_BY_STATUS = {Status.CANCELLED.value: rm.CANCELLED, Status.EXTENDED.value: rm.EXTENDED,
              Status.NOT_STARTED.value: rm.NOT_STARTED, Status.DONE.value: rm.DONE, Status.CLOSED.value: rm.DONE}
_DONE = frozenset(s.value for s in DONE_STATUSES)
_CANCELLED = Status.CANCELLED.value


def chosen_reports(store: Store, *, report_ids: Sequence[int] | None = None,
                   year: int | None = None) -> list[ReportHead]:
    """The reports a review covers: those given, else those of a plan year, else all (oldest first)."""
    if report_ids:
        wanted = list(dict.fromkeys(report_ids))
        found = {r.id: r for r in store.report_heads(wanted)}
        missing = [rid for rid in wanted if rid not in found]
        if missing:
            raise ReviewError(f"没有编号为 {missing[0]} 的报告（编号见 halfyear list）。")
        return [found[rid] for rid in wanted]
    reports = store.report_heads()
    if year is not None:
        chosen = [r for r in reports if r.year == year]
        if not chosen:
            years = sorted({r.year for r in reports if r.year is not None})
            have = "、".join(str(y) for y in years) if years else "无"
            raise ReviewError(f"没有计划年度为 {year} 年的报告（现有年度：{have}）。")
        return chosen
    return reports


def build_review(store: Store, *, as_of: date, report_ids: Sequence[int] | None = None, year: int | None = None,
                 compare: date | None = None, rule: str | None = None) -> Review:
    """The review of the chosen reports as of the end of `as_of` (and what moved since/until `compare`)."""
    rule = rule or store.light_rule()
    if rule not in rm.RULE_WORDS:
        raise ReviewError(f"亮灯规则只能是 deadline（按完成时限）或 schedule（按序时进度），不能是“{rule}”。")
    reports = chosen_reports(store, report_ids=report_ids, year=year)
    # 50,000 rows and as many lines are built here: without the pause, full collections walk them all
    # several times (the window's jobs run paused already; the CLI and scripts get the same)
    with cyclic_gc_paused():
        main = _state(store, reports, as_of, rule)
        movement = None
        if compare is not None and compare != as_of:
            other = _state(store, reports, compare, rule)
            earlier, later = (other, main) if compare < as_of else (main, other)
            movement = _movement(earlier, later)
        return main.review(movement)


@dataclass
class _State:
    """The measures of the chosen reports at one date, before they become a Review."""

    as_of: date
    rule: str
    reports: list[ReportRef]
    chosen: list[ReportRef]
    lines: list[MeasureLine]
    items: int
    items_done: int
    reports_later: int
    measures_later: int
    yellow_points: int

    def review(self, movement: Movement | None) -> Review:
        cats = [0] * len(CATEGORIES)
        index = {name: n for n, name in enumerate(CATEGORIES)}
        stats = [0] * len(_STATUS_ORDER)
        status_index = {s.value: n for n, s in enumerate(_STATUS_ORDER)}
        overdue = 0
        for m in self.lines:
            cats[index[m.category]] += 1
            stats[status_index[m.status]] += 1
            overdue += m.overdue
        return Review(
            as_of=self.as_of, rule=self.rule, reports=tuple(self.reports), items=self.items,
            items_done=self.items_done, measures=len(self.lines),
            by_category=tuple(Count(n, c, s) for n, c, s in zip(CATEGORIES, cats, shares(cats))),
            by_status=tuple(Count(st.value, c, s) for st, c, s in zip(_STATUS_ORDER, stats, shares(stats))),
            overdue=overdue, units=tuple(rank_units(unit_lines(self.lines))), lines=tuple(self.lines),
            reports_later=self.reports_later, measures_later=self.measures_later, movement=movement,
            schedule_yellow_points=self.yellow_points, chosen=tuple(self.chosen),
        )


def _state(store: Store, reports: Sequence[ReportHead], as_of: date, rule: str) -> _State:
    cutoff = datetime.combine(as_of + timedelta(days=1), time())
    kept = [r for r in reports if r.imported_at < cutoff]
    ids = tuple(r.id for r in kept)
    rows: list[ReviewRow] = []
    later = None
    if reports:
        # two independent reads; SQLite and PostgreSQL work on them at once (the drivers let go of the GIL)
        with ThreadPoolExecutor(max_workers=2) as pool:
            later_job = pool.submit(store.created_after, as_of, report_ids=[r.id for r in reports])
            if ids:
                rows = store.review_rows(ids, as_of)
            later = later_job.result()
    titles = {r.id: r.title for r in kept}
    yellow = store.light_settings().schedule_yellow_points
    lines, items, items_done = _lines(rows, titles, rule, yellow)
    return _State(as_of=as_of, rule=rule, reports=[ReportRef(r.id, r.title, r.year) for r in kept],
                  chosen=[ReportRef(r.id, r.title, r.year) for r in reports], lines=lines,
                  items=items, items_done=items_done, reports_later=len(reports) - len(kept),
                  measures_later=later.measures if later else 0,
                  yellow_points=yellow)


def _lines(rows: Sequence[ReviewRow], titles: dict[int, str], rule: str,
           yellow_points: int) -> tuple[list[MeasureLine], int, int]:
    """Measure lines in ledger order (rows come by report, top item, depth, position) and the item counts.

    The rows stand on their own: a measure is a row no other row is under, and an item is done when
    its own status says so or every measure under it that is not cancelled is done (as Store.items
    rolls it up). The loop runs once per row of a 50,000-measure review: each field is read once.
    """
    below: dict[int, list[int]] = {}  # parent id -> [measures, done, cancelled]
    for r in rows:
        parent = r[2]  # (unpacked by position: a NamedTuple's attributes cost a call each, 50,000 times over)
        if parent is not None:
            t = below.get(parent)
            if t is None:
                t = below[parent] = [0, 0, 0]
            t[0] += 1
            status = r[5]
            t[1] += status in _DONE
            t[2] += status == _CANCELLED
    numbers: dict[int, str] = {}
    counters: dict[tuple[int, int | None], int] = {}
    root_titles: dict[int, tuple[int, str]] = {}
    units: dict[int, str] = {}
    lines: list[MeasureLine] = []
    append = lines.append
    new_line = tuple.__new__  # a NamedTuple's own __new__ is a Python call per line
    by_deadline = rule == "deadline"
    items = items_done = 0
    for (rid, report, parent, title, text, status, progress, unit, owner, due, original_due, delay_reason,
         overdue, expected, latest, latest_at) in rows:
        key = (report, parent)  # 序号 as db/item_row.ledger_numbers counts: siblings arrive in position order
        n = counters[key] = counters.get(key, 0) + 1
        if parent is None:
            number = str(n)
            root_titles[rid] = (rid, title)
        else:
            number = f"{numbers[parent]}.{n}" if parent in numbers else str(n)
            unit = unit or units.get(parent, "")
            root_titles[rid] = root_titles.get(parent, (rid, title))
        numbers[rid] = number
        units[rid] = unit
        under = below.get(rid)
        if parent is None:
            items += 1
            if status in _DONE:
                items_done += 1
            elif under is not None:
                active = under[0] - under[2]
                items_done += active > 0 and under[1] == active
        if under is not None:
            continue
        cat = _category(status, progress, overdue, expected, by_deadline, yellow_points)
        root_id, root_title = root_titles[rid]
        append(new_line(MeasureLine, (
            rid, report, titles.get(report, ""), number, "" if root_id == rid else root_title, text or title,
            unit, owner, due, original_due, status, cat, overdue, progress, expected, latest, latest_at,
            delay_reason)))
    return lines, items, items_done


def unit_lines(lines: Iterable[MeasureLine]) -> list[UnitLine]:
    """Figures per 牵头单位 (measures without one under NO_UNIT), unranked."""
    acc: dict[str, list[int]] = {}
    for m in lines:
        a = acc.get(m.unit)
        if a is None:
            a = acc[m.unit] = [0] * 7
        a[0] += 1
        cat = m.category
        a[1] += cat == rm.DONE
        a[2] += cat == rm.BEHIND
        a[3] += m.overdue
        a[4] += cat == rm.NOT_STARTED
        a[5] += cat == rm.EXTENDED
        a[6] += cat == rm.CANCELLED
    return [UnitLine(unit=u or rm.NO_UNIT, tasks=a[0], done=a[1], rate=rate_percent(a[1], a[0] - a[6]), behind=a[2],
                     overdue=a[3], not_started=a[4], extended=a[5], cancelled=a[6]) for u, a in acc.items()]


RANKINGS = {
    "rate": "完成率从高到低（同率时欠进度、逾期少的在前）",
    "behind": "欠进度从多到少",
    "overdue": "逾期从多到少",
    "tasks": "任务数从多到少",
    "unit": "单位名称",
}


def rank_units(units: Iterable[UnitLine], by: str = "rate") -> list[UnitLine]:
    """Units sorted into a ranking (`RANKINGS`); rank 1 is the best completion, ties share a rank.

    The rank always follows completion (完成率, then fewer 欠进度, fewer 逾期), whatever the sort, so a
    table sorted by 欠进度 still shows each unit's place; measures without a unit come last, unranked.
    """
    units = list(units)
    named = [u for u in units if u.unit != rm.NO_UNIT]

    def merit(u: UnitLine) -> tuple[float, int, int]:
        return (-u.rate, u.behind, u.overdue)

    ranked: dict[str, int] = {}
    previous: tuple[float, int, int] | None = None
    for place, u in enumerate(sorted(named, key=lambda u: (merit(u), -u.tasks, u.unit)), 1):
        if merit(u) != previous:
            rank, previous = place, merit(u)
        ranked[u.unit] = rank
    with_rank = [replace(u, rank=ranked.get(u.unit)) for u in units]
    keys = {
        "rate": lambda u: (merit(u), -u.tasks, u.unit),
        "behind": lambda u: (-u.behind, -u.overdue, u.unit),
        "overdue": lambda u: (-u.overdue, -u.behind, u.unit),
        "tasks": lambda u: (-u.tasks, u.unit),
        "unit": lambda u: (u.unit,),
    }
    if by not in keys:
        raise ValueError(f"unknown ranking {by!r}")
    return sorted(with_rank, key=lambda u: (u.unit == rm.NO_UNIT, keys[by](u)))


def _movement(earlier: _State, later: _State) -> Movement:
    before = {m.id: m for m in earlier.lines}
    moved: dict[str, list[MeasureLine]] = {k: [] for k in ("done", "behind", "caught", "extended", "started", "still")}
    added = 0
    for m in later.lines:
        old = before.get(m.id)
        if old is None:
            added += 1
        was = old.category if old is not None else None
        now = m.category
        if now == rm.DONE and was != rm.DONE:
            moved["done"].append(m)
        if now == rm.BEHIND and was != rm.BEHIND:
            moved["behind"].append(m)
        if was == rm.BEHIND and now in (rm.ON_TRACK, rm.AHEAD, rm.DONE):
            moved["caught"].append(m)
        if now == rm.EXTENDED and was != rm.EXTENDED:
            moved["extended"].append(m)
        if was == rm.NOT_STARTED:
            if now == rm.NOT_STARTED:
                moved["still"].append(m)
            elif now != rm.CANCELLED:
                moved["started"].append(m)
    return Movement(
        earlier=earlier.as_of, later=later.as_of, newly_completed=tuple(moved["done"]),
        fell_behind=tuple(moved["behind"]), caught_up=tuple(moved["caught"]), newly_extended=tuple(moved["extended"]),
        newly_started=tuple(moved["started"]), still_not_started=tuple(moved["still"]),
        not_started_before=sum(m.category == rm.NOT_STARTED for m in earlier.lines),
        behind_before=sum(m.category == rm.BEHIND for m in earlier.lines), added=added,
    )


def _line_json(m: MeasureLine) -> dict[str, object]:
    return {
        "id": m.id, "report_id": m.report_id, "number": m.number, "item": m.item_title, "text": m.text,
        "unit": m.unit, "owner": m.owner, "due": m.due.isoformat() if m.due else None,
        "original_due": m.original_due.isoformat() if m.original_due else None, "status": m.status,
        "category": m.category, "overdue": m.overdue, "progress": m.progress, "expected": m.expected,
        "latest": m.latest, "latest_at": m.latest_at.isoformat() if m.latest_at else None,
        "delay_reason": m.delay_reason,
    }


def as_json(review: Review, *, units: Sequence[UnitLine] | None = None) -> dict[str, object]:
    """The review's counts and lists as plain JSON values (for `halfyear review --json`)."""
    mv = review.movement
    return {
        "as_of": review.as_of.isoformat(), "rule": review.rule,
        "reports": [{"id": r.id, "title": r.title, "year": r.year} for r in review.reports],
        "items": review.items, "items_done": review.items_done, "measures": review.measures,
        "overdue": review.overdue,
        "categories": {c.name: {"count": c.count, "share": c.share} for c in review.by_category},
        "statuses": {c.name: {"count": c.count, "share": c.share} for c in review.by_status},
        "left_out": {"reports": review.reports_later, "measures": review.measures_later},
        "units": [{"unit": u.unit, "rank": u.rank, "tasks": u.tasks, "done": u.done, "rate": u.rate,
                   "behind": u.behind, "overdue": u.overdue, "not_started": u.not_started,
                   "extended": u.extended, "cancelled": u.cancelled} for u in (units or review.units)],
        "lagging": [_line_json(m) for m in review.listed(rm.BEHIND)],
        "overdue_list": [_line_json(m) for m in review.overdue_lines],
        "not_started": [_line_json(m) for m in review.listed(rm.NOT_STARTED)],
        "extended": [_line_json(m) for m in review.listed(rm.EXTENDED)],
        "movement": None if mv is None else {
            "earlier": mv.earlier.isoformat(), "later": mv.later.isoformat(),
            "newly_completed": [m.id for m in mv.newly_completed], "fell_behind": [m.id for m in mv.fell_behind],
            "caught_up": [m.id for m in mv.caught_up], "newly_extended": [m.id for m in mv.newly_extended],
            "newly_started": [m.id for m in mv.newly_started],
            "still_not_started": [m.id for m in mv.still_not_started],
            "not_started_before": mv.not_started_before, "behind_before": mv.behind_before, "added": mv.added,
        },
    }
