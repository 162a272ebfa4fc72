"""Bring a ledger that units filled in back into the store: preview the differences, then apply them.

Rows are matched by the hidden UUID. A row whose version in the file equals the store's is a plain
change. When the item was edited in the app after the export (versions differ), the history decides
field by field, like a three-way merge with the export as the base: a field the unit left as exported
is skipped (the app's newer value stands); a field only the unit changed is a plain change; a field
both changed is a conflict for the clerk to decide. Without the export time (the hidden sheet lost),
every difference in such a row is a conflict.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from db.api import EDITABLE_FIELDS, ConflictError, HistoryRow, ItemChange, ItemRow, NotFoundError, StoreError
from db.store import Store
from desktop.core.errors import Cancelled
from desktop.core.ledger import MERGE_FIELDS, LedgerReadError, LedgerRow, columns, date_words, read_ledger
from desktop.core.types import CancelFn, ProgressFn
from desktop.services.export import rolled_status
from desktop.services.tracking import status_step_back

FIELD_LABELS: dict[str, str] = {c.key: c.header for c in columns(with_source=True)}


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field of one item that the file would change; `version` is the item's version at preview."""

    item_id: int
    uuid: str
    field: str
    old: object  # the store's current value (str, date or None)
    new: object  # the file's value
    number: str = ""  # 序号 in the file, to find the row
    title: str = ""  # the item's title or measure text, shortened, for the clerk
    version: int = 0
    exported_version: int = 0
    warning: str = ""  # why the clerk should look before applying (a done item set back), in Chinese

    @property
    def label(self) -> str:
        """The column's Chinese header, e.g. 完成状态."""
        return FIELD_LABELS.get(self.field, self.field)


@dataclass(frozen=True, slots=True)
class MergePreview:
    """What applying a filled-in ledger would do; nothing has been written yet."""

    source: str  # the file name, used as `who` in the history
    changes: list[FieldChange] = field(default_factory=list)
    conflicts: list[FieldChange] = field(default_factory=list)  # edited in the app and in the file
    problems: list[str] = field(default_factory=list)  # rows that cannot be used, in Chinese
    rows: int = 0  # rows read and matched
    unchanged: int = 0  # matched rows with no difference

    @property
    def is_empty(self) -> bool:
        """True when applying would write nothing."""
        return not self.changes and not self.conflicts

    @property
    def warnings(self) -> list[str]:
        """One Chinese line per change or conflict to check before applying (e.g. 已办结 set back to 推进中)."""
        return [f"序号 {c.number}（{c.title}）：{c.warning}" for c in (*self.changes, *self.conflicts) if c.warning]


@dataclass(frozen=True, slots=True)
class RowValues:
    """One row a merge wrote: its fields before and after, and its version right after (for undo)."""

    item_id: int
    before: dict[str, object]
    after: dict[str, object]
    version: int


def row_values(change: ItemChange) -> RowValues:
    """What an update changed on a row, including what the store filled in itself (completed_at aside)."""
    fields = [f for f in EDITABLE_FIELDS if getattr(change.before, f) != getattr(change.after, f)]
    return RowValues(item_id=change.after.id, before={f: getattr(change.before, f) for f in fields},
                     after={f: getattr(change.after, f) for f in fields}, version=change.after.version)


class MergeApplyError(StoreError):
    """Some rows changed again between preview and apply; those were not written (`rows`: the ones that were)."""

    def __init__(self, applied: int, skipped: Sequence[int], rows: Sequence[RowValues] = ()) -> None:
        self.applied = applied
        self.skipped = tuple(skipped)
        self.rows = tuple(rows)
        super().__init__(f"已写入 {applied} 条；另有 {len(self.skipped)} 条在预览之后又被修改过，没有写入。"
                         "请重新预览这份台账后再合并。")


def preview_merge(store: Store, path: str | os.PathLike[str], *, on_progress: ProgressFn | None = None,
                  is_cancelled: CancelFn | None = None) -> MergePreview:
    """Compare a filled-in ledger with the store; raises LedgerReadError for a file that cannot be used."""
    p = Path(path)
    # reading the file is most of the work: it takes the first 80 % of the progress bar
    def read_progress(done: int, total: int) -> None:
        if on_progress and total:
            on_progress(done * 80 // total, 100)

    result = read_ledger(p, on_progress=read_progress, is_cancelled=is_cancelled, year_of=_PlanYears(store))
    if result.meta is not None and result.meta.as_of is not None:
        d = result.meta.as_of
        # its values are history; merging them would undo every later edit
        raise LedgerReadError(str(p), f"“{p.name}”是按历史日期（{date_words(d)}）导出的台账，"
                                      "只供查阅，不能合并回来。请导出当前台账发给各单位填写。")
    exported_at = result.meta.exported_at if result.meta else None
    current = store.get_items_by_uuid(r.uuid for r in result.rows)
    if result.rows and not current:
        # one line for the sheet, not one "deleted" line per row: none of its rows were ever in this database
        raise LedgerReadError(str(p), f"“{p.name}”中的 {len(result.rows)} 行在本数据库中一条也找不到：这份台账"
                                      "可能是从另一个数据库（另一台电脑或另一个数据库文件）导出的，或其中的报告已被删除。"
                                      "请在导出它的数据库中合并，或重新导出台账发给各单位。")
    shown = _GroupStatus(store, current.values())
    changes: list[FieldChange] = []
    conflicts: list[FieldChange] = []
    problems = list(result.problems)
    matched = unchanged = 0
    total = len(result.rows)
    for n, row in enumerate(result.rows, start=1):
        if n % 1000 == 0:
            if is_cancelled and is_cancelled():
                raise Cancelled()
            if on_progress:
                on_progress(80 + n * 20 // total, 100)
        item = current.get(row.uuid)
        if item is None:
            problems.append(f"序号 {row.number}（{_short(row.measure or row.task)}）对应的条目在程序中已不存在"
                            "（可能已被删除），未导入。")
            continue
        matched += 1
        group_word = shown(item) if item.child_count and row.status and row.status != item.status.value else None
        diffs = _differences(row, item, group_word)
        if not diffs:
            unchanged += 1
            continue
        base = _values_at(store.history(item.id), exported_at) if row.version != item.version and exported_at else {}
        for name, old, new in diffs:
            # on an item row, judge the step from the status the unit saw (summed up from the measures)
            warning = status_step_back(group_word or str(old), str(new)) if name == "status" else None
            change = FieldChange(item_id=item.id, uuid=item.uuid, field=name, old=old, new=new, number=row.number,
                                 title=_short(item.title if item.depth == 0 else (item.text or item.title)),
                                 version=item.version, exported_version=row.version,
                                 warning=f"{warning}，请与填报单位核实后再合并。" if warning else "")
            if row.version == item.version:
                changes.append(change)
            elif exported_at is None:
                conflicts.append(change)
            elif name not in base:
                changes.append(change)  # the app did not touch this field since the export
            elif _same(_as_text(new), base[name]):
                continue  # the unit left the exported value; the app's later edit stands
            else:
                conflicts.append(change)
    if on_progress:
        on_progress(100, 100)
    return MergePreview(source=p.name, changes=changes, conflicts=conflicts, problems=problems, rows=matched,
                        unchanged=unchanged)


class MergeCancelled(Cancelled):
    """The clerk stopped the merge; `rows` were written before that (each whole) and stay undoable."""

    def __init__(self, rows: Sequence[RowValues]) -> None:
        super().__init__()
        self.rows = tuple(rows)


def apply_merge(store: Store, preview: MergePreview, *, who: str, accept_conflicts: bool = False,
                on_progress: ProgressFn | None = None, is_cancelled: CancelFn | None = None) -> int:
    """Write the previewed changes (and the conflicts when accepted); return how many items were updated."""
    return len(apply_merge_rows(store, preview, who=who, accept_conflicts=accept_conflicts, on_progress=on_progress,
                                is_cancelled=is_cancelled))


def apply_merge_rows(store: Store, preview: MergePreview, *, who: str, accept_conflicts: bool = False,
                     on_progress: ProgressFn | None = None, is_cancelled: CancelFn | None = None,
                     chosen: Sequence[FieldChange] | None = None) -> list[RowValues]:
    """Write the previewed changes (and the conflicts when accepted), or exactly the `chosen` ones (the clerk's
    ticks, row by row); return each written row's before/after.

    Each item is one `update_item` with the version seen at preview, so an item edited again since then
    is left alone and reported by MergeApplyError (carrying the rows that were written) after the others.
    """
    if chosen is None:
        chosen = list(preview.changes) + (list(preview.conflicts) if accept_conflicts else [])
    by_item: dict[int, tuple[int, dict[str, object]]] = {}
    for ch in chosen:
        version, fields = by_item.setdefault(ch.item_id, (ch.version, {}))
        fields[ch.field] = ch.new
    written: list[RowValues] = []
    skipped: list[int] = []
    total = len(by_item)
    for n, (item_id, (version, fields)) in enumerate(by_item.items(), start=1):
        if is_cancelled and is_cancelled():
            raise MergeCancelled(written)
        try:
            change = store.update_item(item_id, fields, expected_version=version, who=who)
        except ConflictError:
            skipped.append(item_id)
        else:
            written.append(row_values(change))
        if on_progress and (n % 100 == 0 or n == total):
            on_progress(n, total)
    if skipped:
        raise MergeApplyError(len(written), skipped, written)
    return written


@dataclass(frozen=True, slots=True)
class WrittenBack:
    """Rows written by `write_back`, and the ids refused because someone changed them in between."""

    rows: list[ItemRow]
    conflicts: list[int]


def write_back(store: Store, writes: Sequence[tuple[int, dict[str, object], int]], *, who: str,
               on_progress: ProgressFn | None = None) -> WrittenBack:
    """Write (item id, fields, expected version) triples, as undo and redo of a merge do; never partial rows."""
    rows: list[ItemRow] = []
    conflicts: list[int] = []
    for n, (item_id, fields, version) in enumerate(writes, start=1):
        try:
            rows.append(store.update_item(item_id, fields, expected_version=version, who=who).after)
        except (ConflictError, NotFoundError):
            conflicts.append(item_id)
        if on_progress and (n % 100 == 0 or n == len(writes)):
            on_progress(n, len(writes))
    return WrittenBack(rows=rows, conflicts=conflicts)


class _PlanYears:
    """A row's UUID → the plan year of its report, for deadlines typed without a year (12月底前)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._years: dict[int, int | None] | None = None

    def __call__(self, uuid: str) -> int | None:
        item = self._store.get_items_by_uuid([uuid]).get(uuid)
        if item is None:
            return None  # reported as deleted later
        if self._years is None:
            self._years = {r.id: r.year for r in self._store.list_reports()}
        return self._years.get(item.report_id)


class _GroupStatus:
    """The status the export showed on an item row (summed up from its measures), worked out on demand.

    The measures usually came in the same file, so their rows are at hand; only an item some of whose
    measures were filtered out of the export needs its children read from the store.
    """

    def __init__(self, store: Store, items: Iterable[ItemRow]) -> None:
        self._store = store
        self._children: dict[int, list[ItemRow]] = {}
        for item in items:
            if item.parent_id is not None:
                self._children.setdefault(item.parent_id, []).append(item)

    def __call__(self, item: ItemRow) -> str:
        kids = self._children.get(item.id, [])
        if len(kids) != item.child_count:
            kids = [r for r in self._store.subtree(item.id) if r.parent_id == item.id]
        return rolled_status(item, kids)


def _differences(row: LedgerRow, item: ItemRow, shown_status: str | None) -> list[tuple[str, object, object]]:
    out: list[tuple[str, object, object]] = []
    for name in MERGE_FIELDS:
        new: object = getattr(row, name)
        if name == "status":
            if not new or new == shown_status:
                continue  # blank: not reported; on an item row, the summed-up status as exported
            old: object = item.status.value
        elif name == "due":
            if new is None:
                continue  # an emptied date cell is taken as "not reported": a deadline is never lost that way
            old = item.due
        else:
            old = getattr(item, name) or ""
            if str(old).strip() == new:
                continue
        if old != new:
            out.append((name, old, new))
    return out


def _values_at(history: Sequence[HistoryRow], moment: datetime) -> dict[str, str | None]:
    """Each field's value (as history text) at `moment`, for the fields changed after it."""
    out: dict[str, str | None] = {}
    for h in history:
        if h.at > moment and h.field not in out:
            out[h.field] = h.old
    return out


def _as_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def _same(a: str | None, b: str | None) -> bool:
    return (a or "").strip() == (b or "").strip()


def _short(text: str, limit: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
