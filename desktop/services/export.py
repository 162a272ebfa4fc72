"""Export the 台账: store rows → ledger rows and statistics → an .xlsx file (one sheet per report, or one)."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from db.api import ItemFilter, ItemRow, Light, ReportSummary, Status
from db.item_row import ledger_numbers
from db.store import Store
from desktop.core.ledger import (
    LEDGER_SHEET,
    LedgerError,
    LedgerRow,
    LedgerSheet,
    LedgerStats,
    Reconcile,
    ReconcileRow,
    Signature,
    date_words,
    write_ledger,
)
from desktop.core.units import split_units
from desktop.services.ledger_stats import ledger_stats
from desktop.core.types import CancelFn, ProgressFn


_OPENING = 200  # characters of a report's beginning searched for its period
_UNITS_SHOWN = 10  # units named when a unit filter matches nothing


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What was written: the file, how many ledger rows (items and measures) and how many ledger sheets.

    An as-of export also says what it left out because it did not exist yet on that day: `left_out`
    measures added (or in reports imported) later, `reports_left_out` reports imported later.
    """

    path: Path
    rows: int
    sheets: int
    left_out: int = 0
    reports_left_out: int = 0


class NothingToExportError(LedgerError):
    """The status or unit filter matches no measure; no file was written. `units` are those in the data."""

    def __init__(self, message: str, units: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.units = tuple(units)


def export_ledger(store: Store, out_path: str | os.PathLike[str], *, report_ids: Sequence[int] | None = None,
                  statuses: Iterable[Status | str] = (), unit: str = "", one_sheet: bool = False,
                  as_of: date | None = None, on_progress: ProgressFn | None = None,
                  is_cancelled: CancelFn | None = None, reconcile_dates: Sequence[date] = (),
                  signature: Signature | None = None) -> ExportResult:
    """Write the ledger of the chosen reports (all when None) to `out_path`, filtered by status and unit.

    Filters pick measures; an item row is kept when any of its measures is, and a report none of whose
    measures is kept gets no sheet. `as_of` exports the ledger as it stood at the end of that day
    (rebuilt by the store from the history), with each 进展情况 quoting the latest entry written by
    then (`截至6月30日：…`); what was added later is counted in the result (and said on the sheet).
    `reconcile_dates` adds the 对账 sheet with each measure's status at each date; `signature` the
    填报单位/填报人/审核人/联系电话/日期 block under each ledger sheet. Carried measures (结转) show
    where they came from in a 来源 column. Raises StoreError, LedgerWriteError or NothingToExportError
    (a filter that matches no measure, or an as-of date before anything was listed; nothing is
    written) (Chinese messages) or Cancelled.
    """
    exported_at = datetime.now()  # before reading, so edits made during the export count as later
    wanted = frozenset(Status(s).value for s in statuses)
    if report_ids is None:
        reports = sorted(store.list_reports(as_of=as_of), key=lambda r: r.id)
    else:
        reports = [store.get_report(i) for i in dict.fromkeys(report_ids)]
    ids = [r.id for r in reports]
    later = store.created_after(as_of, report_ids=report_ids) if as_of is not None else None
    origins = {k: o.words for k, o in store.origins(report_ids=ids).items()} if ids else {}
    notes = _quoted_notes(store, ids, as_of) if as_of is not None and ids else None
    per_report: list[tuple[ReportSummary, list[LedgerRow]]] = []
    trees: list[tuple[ReportSummary, Sequence[ItemRow]]] = []
    for report in reports:
        tree = store.item_tree(report.id, as_of=as_of)
        trees.append((report, tree))
        per_report.append((report, ledger_rows(tree, report.title, statuses=wanted, unit=unit, as_of=as_of,
                                               origins=origins, notes=notes)))
    if (wanted or unit) and not any(part for _, part in per_report):
        raise _nothing_matches([t for _, t in trees], wanted, unit)
    if as_of is not None and later is not None and later.measures and not any(part for _, part in per_report):
        raise NothingToExportError(
            f"截至{date_words(as_of)}，所选报告中还没有任何措施：{later.measures} 项措施"
            + (f"（含 {later.reports} 份报告）" if later.reports else "")
            + "是在此之后才导入或添加的，没有导出文件。请选择更晚的日期。")
    if wanted or unit or as_of is not None:  # a report with nothing left to show gets no sheet
        per_report = [(r, part) for r, part in per_report if part] or per_report[:1]
    shown = {r.id for r, _ in per_report}

    filters = _filter_words(wanted, unit)
    if later is not None and later.measures:
        filters += f"（另有 {later.measures} 项措施在{date_words(as_of)}之后才导入或添加，未列入）"  # type: ignore[arg-type]
    # the period (2023年上半年) is named in a report's first lines; the store keeps the original text
    titles = {r.id: ledger_title(r, store.report_text(r.id)[:_OPENING]) for r, _ in per_report}
    title = _workbook_title(set(titles.values()), [r for r, _ in per_report])
    if one_sheet or len(per_report) <= 1:
        rows = [row for _, part in per_report for row in part]
        if len(per_report) == 1:
            subtitle = f"来源：{per_report[0][0].title}"
        else:
            subtitle = f"共 {len(per_report)} 份报告"
        sheets = [LedgerSheet(LEDGER_SHEET, title, rows, with_source=len(per_report) > 1,
                              subtitle=subtitle + filters)]
    else:
        sheets = [LedgerSheet(report.title or f"报告{report.id}", titles[report.id], part,
                              subtitle=f"来源：{report.title}{filters}") for report, part in per_report]

    stats = ledger_stats([(r, t) for r, t in trees if r.id in shown],
                         yellow_points=store.light_settings().schedule_yellow_points) if shown else LedgerStats()
    rec = _reconcile(store, per_report, trees, reconcile_dates) if reconcile_dates else None
    path = write_ledger(out_path, sheets, stats, title=title, exported_on=date.today(), as_of=as_of,
                        exported_at=exported_at, on_progress=on_progress, is_cancelled=is_cancelled,
                        signature=signature, reconcile=rec)
    return ExportResult(path=path, rows=sum(len(s.rows) for s in sheets), sheets=len(sheets),
                        left_out=later.measures if later else 0, reports_left_out=later.reports if later else 0)


def _quoted_notes(store: Store, report_ids: Sequence[int], as_of: date) -> dict[int, str]:
    """进展情况 as an as-of ledger shows it: the latest entry written by that day, `截至6月30日：…`."""
    prefix = f"截至{as_of.month}月{as_of.day}日："
    return {item_id: prefix + e.text for item_id, e in store.latest_progress(report_ids=report_ids, as_of=as_of).items()}


def _reconcile(store: Store, per_report: Sequence[tuple[ReportSummary, Sequence[LedgerRow]]],
               trees: Sequence[tuple[ReportSummary, Sequence[ItemRow]]], dates: Sequence[date]) -> Reconcile:
    """The 对账 sheet: the exported measures, each with its status at the end of each date."""
    days = tuple(sorted(set(dates)))
    ids = tuple(r.id for r, _ in per_report)
    at = [{r.id: r.status.value for r in store.items(ItemFilter(report_ids=ids, measures_only=True), as_of=d)}
          for d in days]
    rows_by_uuid = {row.uuid: row for _, part in per_report for row in part}
    items: dict[int, ItemRow] = {r.id: r for _, tree in trees for r in tree}
    out: list[ReconcileRow] = []
    for report, tree in trees:
        if report.id not in ids:
            continue
        for r in tree:
            row = rows_by_uuid.get(r.uuid)
            if row is None or r.child_count:
                continue
            root = r
            while root.parent_id is not None and root.parent_id in items:
                root = items[root.parent_id]
            out.append(ReconcileRow(number=row.number, task=root.title if root.id != r.id else r.title,
                                    measure=row.measure, lead_unit=row.lead_unit or root.lead_unit,
                                    statuses=tuple(d.get(r.id, "") for d in at), report_title=report.title))
    return Reconcile(dates=days, rows=tuple(out), with_source=len(ids) > 1)


def ledger_rows(tree: Sequence[ItemRow], report_title: str, *, statuses: frozenset[str] = frozenset(),
                unit: str = "", as_of: date | None = None, origins: dict[int, str] | None = None,
                notes: dict[int, str] | None = None) -> list[LedgerRow]:
    """One report's pre-order item tree as ledger rows numbered 1, 1.1, 1.2 …, filters applied to measures.

    `origins`: the 来源 of carried rows by item id; `notes`: the 进展情况 to show instead of the note
    (an as-of ledger quotes the latest entry; a row without one shows its note as it was then).
    """
    numbers = ledger_numbers(tree)
    unit_hit: dict[int, bool] = {}
    rows: list[tuple[ItemRow, LedgerRow]] = []
    children = children_of(tree)
    for item in tree:
        # a unit named on the item row counts for the measures beneath it too
        inherited = unit_hit.get(item.parent_id, False) if item.parent_id is not None else False
        unit_hit[item.id] = inherited or not unit or unit in item.lead_unit or unit in item.co_units
        row = _ledger_row(item, numbers[item.id], report_title, children.get(item.id, ()))
        if origins and item.id in origins:
            row = replace(row, origin=origins[item.id])
        if notes is not None and item.id in notes:
            row = replace(row, note=notes[item.id])
        if as_of is not None and row.updated_at is not None and row.updated_at.date() > as_of:
            row = replace(row, updated_at=None)  # a later edit's time would contradict the as-of date
        rows.append((item, row))
    if not statuses and not unit:
        return [row for _, row in rows]
    keep: set[int] = set()
    parents = {item.id: item.parent_id for item, _ in rows}
    for item, _ in rows:
        if item.child_count == 0 and unit_hit[item.id] and (not statuses or item.status.value in statuses):
            node: int | None = item.id
            while node is not None and node not in keep:
                keep.add(node)
                node = parents.get(node)
    return [row for item, row in rows if item.id in keep]


def children_of(tree: Sequence[ItemRow]) -> dict[int, list[ItemRow]]:
    """Direct children of each item in a tree listing."""
    out: dict[int, list[ItemRow]] = {}
    for item in tree:
        if item.parent_id is not None:
            out.setdefault(item.parent_id, []).append(item)
    return out


_LIGHT_RANK = {Light.RED: 3, Light.YELLOW: 2, Light.GREEN: 1, Light.NONE: 0}


def rolled_status(item: ItemRow, children: Sequence[ItemRow]) -> str:
    """The 完成状态 shown on an item row: its own when a clerk set one, else summed up from its measures."""
    own = item.status.value
    live = [c for c in children if c.status is not Status.CANCELLED]
    if item.status is not Status.NOT_STARTED or not live:
        return own
    if all(c.status.is_done for c in live):
        return Status.DONE.value
    if any(c.status is not Status.NOT_STARTED for c in live):
        return Status.IN_PROGRESS.value
    return own


def _ledger_row(item: ItemRow, number: str, report_title: str, children: Sequence[ItemRow]) -> LedgerRow:
    group = item.child_count > 0
    status, light = item.status.value, item.light_deadline
    if group and children:
        # an item row speaks for its measures: their summed-up status and their worst light
        status = rolled_status(item, children)
        light = max((c.light_deadline for c in children), key=_LIGHT_RANK.__getitem__)
    if item.depth == 0:
        task = item.title
        measure = "" if group else (item.text or item.title)
    else:
        task, measure = "", item.text or item.title
    return LedgerRow(
        uuid=item.uuid, version=item.version, number=number, is_group=group, task=task, measure=measure,
        lead_leader=item.lead_leader, lead_unit=item.lead_unit, co_units=item.co_units, owner=item.owner,
        due=item.due, status=status, light=light.value, note=item.note,
        delay_reason=item.delay_reason, updated_at=item.updated_at, report_title=report_title,
    )


def ledger_title(report: ReportSummary, opening: str = "") -> str:
    """The heading above a report's ledger, e.g. 2023年下半年工作任务推进台账; `opening` is the report's first lines."""
    if report.year is None:
        return "工作任务推进台账"
    words = f"{report.title} {report.heading} {report.source_name} {opening}"
    # a half-year summary plans the second half; a year-end summary or speech plans a whole year
    half = "下半年" if ("上半年" in words or "下半年" in report.heading) else ""
    return f"{report.year}年{half}工作任务推进台账"


def _workbook_title(titles: set[str], reports: Sequence[ReportSummary]) -> str:
    if len(titles) == 1:
        return titles.pop()
    years = {r.year for r in reports if r.year is not None}
    return f"{years.pop()}年工作任务推进台账" if len(years) == 1 else "工作任务推进台账"


def _nothing_matches(trees: Sequence[Sequence[ItemRow]], statuses: frozenset[str], unit: str) -> NothingToExportError:
    """Why a filtered export is empty, with what the data does hold, so the clerk can correct the filter."""
    rows = [r for tree in trees for r in tree]
    wanted = []
    if statuses:
        wanted.append("状态为" + "、".join(s.value for s in Status if s.value in statuses))
    if unit:
        wanted.append(f"牵头单位或配合单位含“{unit}”")
    said = f"没有{'、且'.join(wanted)}的措施，没有导出文件。"
    if not rows:
        return NothingToExportError(said + "所选报告中还没有任何措施。")
    units = _units_in(rows)
    if unit and not any(unit in r.lead_unit or unit in r.co_units for r in rows):
        if not units:
            return NothingToExportError(said + "台账中还没有填写任何牵头单位或配合单位。", units)
        shown = "、".join(units[:_UNITS_SHOWN])
        more = f"等 {len(units)} 个" if len(units) > _UNITS_SHOWN else f"（共 {len(units)} 个）"
        return NothingToExportError(f"{said}台账中现有的牵头/配合单位：{shown}{more}。请按其中的名称筛选。", units)
    counts = Counter(r.status.value for r in rows if r.child_count == 0)
    present = "、".join(f"{s.value} {counts[s.value]} 条" for s in Status if counts[s.value])
    return NothingToExportError(f"{said}所选报告中措施的状态：{present}。", units)


def _units_in(rows: Iterable[ItemRow]) -> list[str]:
    """The lead and co-operating units named in the rows, most often named first (ties in order of appearance)."""
    counts: Counter[str] = Counter()
    for r in rows:
        for text in (r.lead_unit, r.co_units):
            counts.update(split_units(text))
    return [u for u, _ in sorted(counts.items(), key=lambda kv: -kv[1])]


def _filter_words(statuses: frozenset[str], unit: str) -> str:
    parts = []
    if statuses:
        parts.append("状态为" + "、".join(s for s in (x.value for x in Status) if s in statuses))
    if unit:
        parts.append(f"单位含“{unit}”")
    return ("（筛选：" + "；".join(parts) + "）") if parts else ""
