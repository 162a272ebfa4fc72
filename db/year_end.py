"""The store's year-end calls: dated progress, what an as-of view leaves out, the light rule, carry forward (结转).

A mixin of `db.store.Store` (it uses the store's connections and row reading), kept apart so these
additions change no existing method.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import Connection, func, select

from db import carry as c
from db.api import InvalidChangeError, ItemRow, NotFoundError
from db.carry import CarryResult, NewReport, Origin, Skipped
from db.clock import now as _now
from db.item_row import ledger_numbers
from db.models import Item, Report
from db.progress_log import ProgressEntry, latest_before, log_of
from db.queries import Scope
from db.review_read import ReviewRow
from db.review_read import review_rows as read_review_rows
from db.setting_values import put_setting, read_setting

if TYPE_CHECKING:
    from db.api import LightSettings

LightRule = Literal["deadline", "schedule"]
LIGHT_RULES: tuple[LightRule, ...] = ("deadline", "schedule")
_RULE_KEY = "light.rule"


@dataclass(frozen=True)
class ReportHead:
    """A report's identity without its figures (cheap: no pass over its items)."""

    id: int
    title: str
    year: int | None
    source_name: str
    imported_at: datetime
    sample: bool


@dataclass(frozen=True)
class CreatedLater:
    """What a view as of a date leaves out because it did not exist yet: reports imported and measures added later."""

    reports: int
    measures: int


class YearEndStore:
    """Store methods for the year-end review; `db.store.Store` inherits them."""

    if TYPE_CHECKING:  # provided by db.store.Store
        is_sqlite: bool

        def _read(self) -> AbstractContextManager[Connection]: ...
        def _read_once(self) -> AbstractContextManager[Connection]: ...
        def _writing(self) -> AbstractContextManager[Connection]: ...
        def _scope(self, **kw: Any) -> Scope: ...
        def _rows(self, s: Connection, scope: Scope, flt: Any = None, *, order: str = "tree") -> list[ItemRow]: ...
        def light_settings(self) -> LightSettings: ...
        def get_item(self, item_id: int) -> ItemRow: ...

    # ----------------------------------------------------------------- light rule
    def light_rule(self) -> LightRule:
        """Which light rule the office reports by: "deadline" (完成时限, the default) or "schedule" (序时进度)."""
        with self._read_once() as s:
            value = read_setting(s, _RULE_KEY)
        return "schedule" if value == "schedule" else "deadline"

    def set_light_rule(self, rule: LightRule) -> None:
        """Store the light rule for everyone using this database."""
        if rule not in LIGHT_RULES:
            raise InvalidChangeError(f"亮灯规则只能是“按完成时限”(deadline)或“按序时进度”(schedule)，不能是“{rule}”。")
        with self._writing() as s:
            put_setting(s, _RULE_KEY, rule)

    # ----------------------------------------------------------------- dated progress
    def progress_log(self, item_id: int) -> list[ProgressEntry]:
        """An item's 进展情况 entries with their dates, oldest first (from the history of its note)."""
        row = self.get_item(item_id)
        with self._read_once() as s:
            return log_of(s, item_id, row.note)

    def latest_progress(self, *, report_ids: Sequence[int] | None = None,
                        as_of: date | None = None) -> dict[int, ProgressEntry]:
        """Each item's latest 进展情况 entry written by the end of `as_of` (None: up to now), by item id.

        Items whose note has no history (written before the history existed) are left out: their
        note as of the date is in the ItemRow, without a date.
        """
        cutoff = Scope(as_of=as_of).cutoff if as_of is not None else None
        with self._read_once() as s:
            return latest_before(s, report_ids, cutoff)

    def review_rows(self, report_ids: Sequence[int], as_of: date) -> list[ReviewRow]:
        """The reports' items and measures as of the end of `as_of`, in ledger order, for a review.

        Each row is read on its own (ReviewRow); the columns a review does not read are left out.
        """
        with self._read() as s:  # the items and the later history from one snapshot
            return read_review_rows(s, report_ids, as_of, Scope(as_of=as_of).cutoff)

    def report_heads(self, report_ids: Sequence[int] | None = None) -> list[ReportHead]:
        """Reports by id (all when None), oldest first, without computing their progress."""
        stmt = select(Report.id, Report.title, Report.year, Report.source_name, Report.imported_at,
                      Report.sample).order_by(Report.id)
        if report_ids is not None:
            stmt = stmt.where(Report.id.in_(list(report_ids)))
        with self._read_once() as s:
            return [ReportHead(r.id, r.title, r.year, r.source_name, r.imported_at, bool(r.sample))
                    for r in s.execute(stmt)]

    # ----------------------------------------------------------------- what an as-of view leaves out
    def created_after(self, as_of: date, *, report_ids: Sequence[int] | None = None) -> CreatedLater:
        """How many of these reports were imported, and how many of their measures added, after `as_of`."""
        cutoff = Scope(as_of=as_of).cutoff
        kid = Item.__table__.alias("kid")
        leaf = ~select(kid.c.id).where(kid.c.parent_id == Item.id).exists()
        measures = select(func.count()).select_from(Item).where(Item.created_at >= cutoff, leaf)
        reports = select(func.count()).select_from(Report).where(Report.imported_at >= cutoff)
        if report_ids is not None:
            measures = measures.where(Item.report_id.in_(list(report_ids)))
            reports = reports.where(Report.id.in_(list(report_ids)))
        with self._read() as s:
            return CreatedLater(reports=int(s.execute(reports).scalar_one()),
                                measures=int(s.execute(measures).scalar_one()))

    # ----------------------------------------------------------------- carry forward (结转)
    def carry_forward(self, item_ids: Sequence[int], *, target_report_id: int | None = None,
                      new_report: NewReport | None = None, who: str) -> CarryResult:
        """Copy the unfinished measures among `item_ids` (an item stands for its measures) into another report.

        The target is an existing report or a `new_report` made now. Copies keep their wording, units,
        owner, progress and note; a deadline before the target's plan year becomes that year's end.
        Measures of one item go under one item of the same title in the target (made once, reused by
        later carries). Each copy is linked to its origin (`origins`); each origin gets a `carried_to`
        history row and is otherwise left as it was. Done, cancelled and already carried (into the
        same report) measures are skipped and said so. One transaction.
        """
        if (target_report_id is None) == (new_report is None):
            raise InvalidChangeError("请指定结转到哪一份报告：已有的报告，或新建一份结转计划（二者选一）。")
        now = _now()
        with self._writing() as s:
            chosen = self._rows(s, self._scope(item_ids=list(dict.fromkeys(item_ids))))
            if len(chosen) != len(set(item_ids)):
                raise NotFoundError("要结转的条目有的已被删除，请刷新后再试。")
            origin_reports = sorted({r.report_id for r in chosen})
            trees = {rid: self._rows(s, self._scope(report_ids=[rid]), order="siblings") for rid in origin_reports}
            titles = dict(s.execute(select(Report.id, Report.title).where(Report.id.in_(origin_reports))).all())
            if new_report is not None:
                target_report_id = c.insert_report(s, c.new_report_row(new_report, titles.values(), now))
            assert target_report_id is not None
            target = s.execute(select(Report.title, Report.year).where(Report.id == target_report_id)).first()
            if target is None:
                raise NotFoundError(f"没有编号为 {target_report_id} 的报告（可能已被删除）。")
            if target_report_id in trees:
                raise InvalidChangeError("不能结转到同一份报告里，请选择另一份报告或新建结转计划。")
            leaves, skipped = _leaves(chosen, trees)
            already = c.carried_into(s, target_report_id, [m.uuid for m in leaves])
            skipped += [Skipped(m.id, f"已结转到《{target.title}》") for m in leaves if m.uuid in already]
            leaves = [m for m in leaves if m.uuid not in already]
            if not leaves:
                if skipped:
                    raise InvalidChangeError("所选条目没有需要结转的未完成措施：" + "；".join(
                        dict.fromkeys(k.reason for k in skipped)) + "。")
                raise InvalidChangeError("没有选择要结转的措施。")
            created_ids = _copy(s, leaves, trees, titles, target_report_id, target.title, target.year, now, who)
            created = self._rows(s, self._scope(item_ids=created_ids))
        by_id = {r.id: r for r in created}
        return CarryResult(target_report_id=target_report_id, report_created=new_report is not None,
                           created=tuple(by_id[i] for i in created_ids), carried=tuple(m.id for m in leaves),
                           skipped=tuple(skipped))

    def undo_carry_forward(self, result: CarryResult, *, who: str) -> None:
        """Take a carry back: its copies (and a report made for it) go; the origins get a history row.

        Refused (InvalidChangeError, nothing changed) when a copy was edited or got new measures since:
        undo those edits first.
        """
        now = _now()
        rows = list(result.created)
        ids = [r.id for r in rows]
        with self._writing() as s:
            current = c.versions(s, ids)
            if any(current.get(r.id) != r.version for r in rows):
                raise InvalidChangeError("结转后的条目已被修改或删除，无法直接撤销结转。请先撤销之后的修改。")
            if c.children_outside(s, ids, set(ids)):
                raise InvalidChangeError("结转后又在结转的事项下添加了措施，无法直接撤销结转。请先撤销之后的修改。")
            c.remove_items(s, rows)
            history = [c.history_row(r.report_id, r.id, now, who, "deleted", r.title, None) for r in rows]
            origins = list(result.carried)
            report_of = c.reports_of(s, origins)
            history += [c.history_row(report_of[o], o, now, who, "carried_to", "已撤销", None)
                        for o in origins if o in report_of]  # an origin deleted since gets none
            c.insert_links(s, [], history)
            if result.report_created and c.report_is_empty(s, result.target_report_id):
                c.delete_report(s, result.target_report_id)

    def origins(self, *, report_ids: Sequence[int] | None = None,
                item_ids: Sequence[int] | None = None) -> dict[int, Origin]:
        """Where the carried copies among these reports' (or items') rows came from, by the copy's id."""
        with self._read_once() as s:
            return c.origins_of(s, report_ids=report_ids, item_ids=item_ids)

    def carried_copies(self, item_ids: Sequence[int]) -> dict[int, list[int]]:
        """The copies made of these items by carrying them forward: origin id → copy ids."""
        with self._read() as s:
            uuids = dict(s.execute(select(Item.uuid, Item.id).where(Item.id.in_(list(item_ids)))).all())
            found = c.copies_of(s, list(uuids))
        return {uuids[u]: ids for u, ids in found.items()}


def _leaves(chosen: Sequence[ItemRow], trees: dict[int, list[ItemRow]]) -> tuple[list[ItemRow], list[Skipped]]:
    """The measures the chosen rows stand for (an item: its measures, deepest level), unfinished ones kept."""
    children: dict[int, list[ItemRow]] = {}
    for tree in trees.values():
        for r in tree:
            if r.parent_id is not None:
                children.setdefault(r.parent_id, []).append(r)
    out: dict[int, ItemRow] = {}
    skipped: list[Skipped] = []

    def walk(r: ItemRow) -> Iterator[ItemRow]:
        kids = children.get(r.id)
        if not kids:
            yield r
            return
        for k in sorted(kids, key=lambda k: k.position):
            yield from walk(k)

    for row in chosen:
        for leaf in walk(row):
            if c.is_unfinished(leaf):
                out.setdefault(leaf.id, leaf)
            elif leaf.id == row.id:  # a measure chosen by itself: say why it stays
                skipped.append(Skipped(leaf.id, f"“{leaf.title[:20]}”{leaf.status.value}，不需结转"))
    order = {r.id: n for tree in trees.values() for n, r in enumerate(_preorder_ids(tree))}
    return sorted(out.values(), key=lambda r: (r.report_id, order.get(r.id, 0))), skipped


def _preorder_ids(tree: Sequence[ItemRow]) -> list[ItemRow]:
    children: dict[int | None, list[ItemRow]] = {}
    for r in tree:
        children.setdefault(r.parent_id, []).append(r)
    out: list[ItemRow] = []
    stack = sorted(children.get(None, []), key=lambda r: r.position, reverse=True)
    while stack:
        r = stack.pop()
        out.append(r)
        stack.extend(sorted(children.get(r.id, []), key=lambda k: k.position, reverse=True))
    return out


def _copy(s: Connection, leaves: Sequence[ItemRow], trees: dict[int, list[ItemRow]], titles: dict[int, str],
          target_id: int, target_title: str, target_year: int | None, now: datetime, who: str) -> list[int]:
    """Insert the copies (and the items holding them), their links and history; the new ids in pre-order."""
    by_id = {r.id: r for tree in trees.values() for r in tree}
    nums = {rid: ledger_numbers(tree) for rid, tree in trees.items()}
    holders = c.holders_in(s, target_id)
    next_top = c.top_count(s, target_id)
    next_child: dict[int, int] = {}
    created: list[int] = []
    links: list[dict[str, Any]] = []
    history: list[dict[str, Any]] = []

    def add(src: ItemRow, parent: int | None, depth: int, position: int, holder: bool) -> int:
        row = c.copy_row(src, report_id=target_id, parent_id=parent, depth=depth, position=position,
                         target_year=target_year, now=now, holder=holder)
        new_id = c.insert_item(s, row)
        number = nums[src.report_id][src.id]
        links.append(c.link_row(row["uuid"], src, titles[src.report_id], number, now, who))
        history.append(c.history_row(target_id, new_id, now, who, "created", None, src.title))
        history.append(c.history_row(target_id, new_id, now, who, "carried_from", None,
                                     f"《{titles[src.report_id]}》{number}"))
        created.append(new_id)
        return new_id

    for leaf in leaves:
        root = leaf
        while root.parent_id is not None:
            root = by_id[root.parent_id]
        if root.id == leaf.id:  # an item that is its own measure
            add(leaf, None, 0, next_top, holder=False)
            next_top += 1
        else:
            holder = holders.get(root.uuid)
            if holder is None:
                holder = holders[root.uuid] = add(root, None, 0, next_top, holder=True)
                next_top += 1
            if holder not in next_child:
                next_child[holder] = c.child_count(s, holder)
            add(leaf, holder, 1, next_child[holder], holder=False)
            next_child[holder] += 1
        history.append(c.history_row(leaf.report_id, leaf.id, now, who, "carried_to", None, f"《{target_title}》"))
    c.insert_links(s, links, history)
    return created
