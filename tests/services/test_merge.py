"""The round trip: export, a unit edits the file, preview shows exactly those edits, apply writes them."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from db.api import Status
from desktop.core.ledger import LedgerReadError
from desktop.services.export import export_ledger
from desktop.services.merge import MergeApplyError, apply_merge, preview_merge

UUID_HEADER = "标识（请勿修改）"


class Sheet:
    """A unit's edits to an exported ledger, made with openpyxl the way Excel would save them."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.wb = openpyxl.load_workbook(path)
        self.ws = self.wb["工作台账"]
        head = [c.value for c in self.ws[3]]
        self.col = {h: i + 1 for i, h in enumerate(head)}
        self.row_of = {self.ws.cell(r, self.col[UUID_HEADER]).value: r for r in range(4, self.ws.max_row + 1)}

    def set(self, uuid: str, header: str, value: object) -> None:
        self.ws.cell(self.row_of[uuid], self.col[header]).value = value

    def save(self) -> None:
        self.wb.save(self.path)


def measures(store: Any) -> list[Any]:
    return [
        i for r in sorted(store.list_reports(), key=lambda r: r.id) for i in store.item_tree(r.id)
        if i.depth > 0]


@pytest.fixture
def exported(ledger_store: Any, tmp_path: Path) -> Path:
    return export_ledger(ledger_store, tmp_path / "组织科-台账.xlsx", one_sheet=True).path


def test_round_trip_applies_exactly_the_units_edits(ledger_store: Any, exported: Path) -> None:
    m = measures(ledger_store)
    group = ledger_store.get_item(m[0].parent_id)
    sheet = Sheet(exported)
    sheet.set(m[0].uuid, "完成状态", "推进中")
    sheet.set(m[0].uuid, "进展情况", "已召开专题会议2次")
    sheet.set(m[1].uuid, "完成时限", "2024年3月31日")
    sheet.set(m[1].uuid, "完成状态", "已延期")
    sheet.set(m[1].uuid, "存在问题/延期原因", "等待上级文件")
    sheet.set(m[2].uuid, "责任人", "王**")
    sheet.set(m[2].uuid, "完成时限", datetime(2024, 1, 15))
    sheet.set(group.uuid, "牵头单位", "干部科")
    sheet.set(group.uuid, "配合单位", "党校")
    sheet.set(group.uuid, "牵头领导", "张**")
    sheet.set(m[3].uuid, "具体措施", "单位改写了措施原文")  # not a field that comes back
    sheet.save()

    preview = preview_merge(ledger_store, exported)
    assert preview.problems == [] and preview.conflicts == []
    got = {(c.uuid, c.field): (c.old, c.new) for c in preview.changes}
    assert got == {
        (m[0].uuid, "status"): ("未启动", "推进中"),
        (m[0].uuid, "note"): ("", "已召开专题会议2次"),
        (m[1].uuid, "due"): (m[1].due, date(2024, 3, 31)),
        (m[1].uuid, "status"): ("未启动", "已延期"),
        (m[1].uuid, "delay_reason"): ("", "等待上级文件"),
        (m[2].uuid, "owner"): ("", "王**"),
        (m[2].uuid, "due"): (m[2].due, date(2024, 1, 15)),
        (group.uuid, "lead_unit"): ("", "干部科"),
        (group.uuid, "co_units"): ("", "党校"),
        (group.uuid, "lead_leader"): ("", "张**"),
    }
    assert preview.source == exported.name
    assert next(c for c in preview.changes if c.field == "status").label == "完成状态"
    assert ledger_store.get_item(m[0].id).status.value == "未启动"  # preview writes nothing

    assert apply_merge(ledger_store, preview, who=exported.name) == 4
    a, b, c = (ledger_store.get_item(x.id) for x in m[:3])
    assert (a.status.value, a.note) == ("推进中", "已召开专题会议2次")
    assert (b.status.value, b.due, b.delay_reason, b.original_due) == ("已延期", date(2024, 3, 31), "等待上级文件",
                                                                      m[1].due)
    assert (c.owner, c.due) == ("王**", date(2024, 1, 15))
    g = ledger_store.get_item(group.id)
    assert (g.lead_unit, g.co_units, g.lead_leader) == ("干部科", "党校", "张**")
    assert ledger_store.get_item(m[3].id).text == m[3].text
    history = ledger_store.history(m[0].id)
    assert {(h.field, h.old, h.new, h.who) for h in history} >= {
        ("status", "未启动", "推进中", exported.name), ("note", "", "已召开专题会议2次", exported.name)}
    untouched = [i for i in measures(ledger_store) if i.id not in {x.id for x in m[:3]}]
    assert all(ledger_store.history(i.id) == [] for i in untouched)

    again = preview_merge(ledger_store, exported)
    # the store now holds what the file says, so a second merge of the same file finds nothing to do
    assert again.is_empty, (again.changes, again.conflicts)


def test_conflict_when_the_app_changed_the_same_field(ledger_store: Any, exported: Path) -> None:
    m = measures(ledger_store)
    # after the export, the clerk edits in the app: a note on m0, the owner of m1
    ledger_store.update_item(m[0].id, {"note": "程序中写的进展"}, expected_version=m[0].version, who="clerk")
    ledger_store.update_item(m[1].id, {"owner": "赵**"}, expected_version=m[1].version, who="clerk")
    sheet = Sheet(exported)
    sheet.set(m[0].uuid, "进展情况", "单位写的进展")  # both changed → conflict
    sheet.set(m[0].uuid, "完成状态", "已完成")  # only the unit changed → plain change despite the new version
    sheet.set(m[1].uuid, "进展情况", "单位写的")  # the file still has the old owner: the app's edit stands
    sheet.save()

    preview = preview_merge(ledger_store, exported)
    assert [(c.uuid, c.field, c.old, c.new) for c in preview.conflicts] == [
        (m[0].uuid, "note", "程序中写的进展", "单位写的进展")]
    assert {(c.uuid, c.field) for c in preview.changes} == {(m[0].uuid, "status"), (m[1].uuid, "note")}
    assert preview.conflicts[0].exported_version == m[0].version
    assert preview.conflicts[0].version == m[0].version + 1

    assert apply_merge(ledger_store, preview, who=exported.name) == 2
    a, b = ledger_store.get_item(m[0].id), ledger_store.get_item(m[1].id)
    assert (a.status.value, a.note) == ("已完成", "程序中写的进展")
    assert (b.owner, b.note) == ("赵**", "单位写的")

    accepted = preview_merge(ledger_store, exported)
    assert [(c.field, c.new) for c in accepted.conflicts] == [("note", "单位写的进展")]
    assert apply_merge(ledger_store, accepted, who=exported.name, accept_conflicts=True) == 1
    assert ledger_store.get_item(m[0].id).note == "单位写的进展"


def test_without_the_export_time_every_difference_in_a_changed_row_is_a_conflict(
        ledger_store: Any, exported: Path) -> None:
    m = measures(ledger_store)
    ledger_store.update_item(m[0].id, {"owner": "赵**"}, expected_version=m[0].version, who="clerk")
    sheet = Sheet(exported)
    del sheet.wb["_halfyear"]  # e.g. a unit copied the sheets into a new workbook with the hidden columns
    sheet.set(m[0].uuid, "完成状态", "推进中")
    sheet.set(m[2].uuid, "完成状态", "推进中")
    sheet.save()
    preview = preview_merge(ledger_store, exported)
    assert {(c.uuid, c.field) for c in preview.conflicts} == {(m[0].uuid, "status"), (m[0].uuid, "owner")}
    assert [(c.uuid, c.field) for c in preview.changes] == [(m[2].uuid, "status")]


def test_edit_between_preview_and_apply_is_not_overwritten(ledger_store: Any, exported: Path) -> None:
    m = measures(ledger_store)
    sheet = Sheet(exported)
    sheet.set(m[0].uuid, "完成状态", "推进中")
    sheet.set(m[1].uuid, "完成状态", "推进中")
    sheet.save()
    preview = preview_merge(ledger_store, exported)
    ledger_store.update_item(m[0].id, {"status": "已完成"}, expected_version=m[0].version, who="clerk")
    with pytest.raises(MergeApplyError, match="已写入 1 条") as info:
        apply_merge(ledger_store, preview, who=exported.name)
    assert info.value.skipped == (m[0].id,)
    assert ledger_store.get_item(m[0].id).status.value == "已完成"
    assert ledger_store.get_item(m[1].id).status.value == "推进中"


def test_bad_rows_are_reported_and_change_nothing(ledger_store: Any, exported: Path) -> None:
    m = measures(ledger_store)
    sheet = Sheet(exported)
    sheet.set(m[0].uuid, "完成状态", "基本完成")
    sheet.set(m[0].uuid, "进展情况", "不应写入")
    sheet.set(m[1].uuid, "完成时限", "下个月")
    sheet.set(m[2].uuid, "进展情况", "正常写入")
    new_row = sheet.ws.max_row + 1
    sheet.ws.cell(new_row, sheet.col["序号"]).value = "9"
    sheet.ws.cell(new_row, sheet.col["具体措施"]).value = "单位新增的一行"
    sheet.save()
    preview = preview_merge(ledger_store, exported)
    assert [(c.uuid, c.field) for c in preview.changes] == [(m[2].uuid, "note")]
    text = "\n".join(preview.problems)
    assert "“基本完成”不是可用的状态" in text and "“下个月”不是有效日期" in text and "没有标识" in text
    apply_merge(ledger_store, preview, who=exported.name)
    assert ledger_store.get_item(m[0].id).note == "" and ledger_store.get_item(m[1].id).due == m[1].due


def test_deleted_item_is_a_problem(ledger_store: Any, exported: Path) -> None:
    m = measures(ledger_store)
    ledger_store.delete_item(m[0].id, who="clerk")
    preview = preview_merge(ledger_store, exported)
    assert any("已不存在" in p for p in preview.problems)
    assert preview.is_empty


def test_blank_status_cell_is_not_a_change(ledger_store: Any, exported: Path) -> None:
    m = measures(ledger_store)
    sheet = Sheet(exported)
    sheet.set(m[0].uuid, "完成状态", None)
    sheet.save()
    assert preview_merge(ledger_store, exported).is_empty


@pytest.mark.parametrize("kind", ["not-ours", "damaged", "missing"])
def test_unusable_files_raise_and_change_nothing(ledger_store: Any, tmp_path: Path, kind: str) -> None:
    path = tmp_path / "x.xlsx"
    if kind == "not-ours":
        wb = openpyxl.Workbook()
        wb.active.append(["序号", "事项", "完成情况"])
        wb.save(path)
    elif kind == "damaged":
        path.write_bytes(b"PK\x03\x04 broken")
    before = [(i.id, i.version) for i in measures(ledger_store)]
    with pytest.raises(LedgerReadError):
        preview_merge(ledger_store, path)
    assert [(i.id, i.version) for i in measures(ledger_store)] == before


def test_item_rows_show_summed_up_status_and_merge_only_real_edits(ledger_store: Any, tmp_path: Path) -> None:
    m = measures(ledger_store)
    group = ledger_store.get_item(m[0].parent_id)
    ledger_store.update_item(m[0].id, {"status": "推进中"}, expected_version=m[0].version, who="clerk")
    out = export_ledger(ledger_store, tmp_path / "g.xlsx", one_sheet=True).path
    sheet = Sheet(out)
    assert sheet.ws.cell(sheet.row_of[group.uuid], sheet.col["完成状态"]).value == "推进中"
    assert preview_merge(ledger_store, out).is_empty  # the summed-up word is not an edit of the item
    sheet.set(group.uuid, "完成状态", "已办结")
    sheet.set(m[1].uuid, "完成时限", None)  # an emptied date is not taken as "no deadline"
    sheet.save()
    preview = preview_merge(ledger_store, out)
    assert [(c.uuid, c.field, c.old, c.new) for c in preview.changes] == [(group.uuid, "status", "未启动", "已办结")]


def test_as_of_ledger_cannot_be_merged_back(ledger_store: Any, tmp_path: Path) -> None:
    out = export_ledger(ledger_store, tmp_path / "历史.xlsx", one_sheet=True, as_of=date.today()).path
    with pytest.raises(LedgerReadError, match="按历史日期.*不能合并"):
        preview_merge(ledger_store, out)


def test_item_row_of_a_filtered_export_compares_with_all_its_measures(ledger_store: Any, tmp_path: Path) -> None:
    m = measures(ledger_store)
    group = ledger_store.get_item(m[0].parent_id)
    ledger_store.update_item(m[0].id, {"status": "推进中"}, expected_version=m[0].version, who="clerk")
    out = export_ledger(ledger_store, tmp_path / "f.xlsx", one_sheet=True, statuses=["未启动"]).path
    sheet = Sheet(out)
    assert m[0].uuid not in sheet.row_of and group.uuid in sheet.row_of
    assert sheet.ws.cell(sheet.row_of[group.uuid], sheet.col["完成状态"]).value == "推进中"
    assert preview_merge(ledger_store, out).is_empty


def test_preview_reports_progress_and_can_be_cancelled(ledger_store: Any, exported: Path) -> None:
    from desktop.core.errors import Cancelled

    seen: list[tuple[int, int]] = []
    preview_merge(ledger_store, exported, on_progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (100, 100) and [d for d, _ in seen] == sorted(d for d, _ in seen)
    calls = iter([False, True])  # the first check passes, then the user presses Cancel
    with pytest.raises(Cancelled):
        apply_merge(ledger_store, _two_item_preview(ledger_store, exported), who="x",
                    is_cancelled=lambda: next(calls))


def _two_item_preview(store: Any, path: Path) -> Any:
    m = measures(store)
    sheet = Sheet(path)
    sheet.set(m[0].uuid, "进展情况", "甲")
    sheet.set(m[1].uuid, "进展情况", "乙")
    sheet.save()
    return preview_merge(store, path)


def test_deadlines_typed_as_text_are_merged(ledger_store: Any, exported: Path) -> None:
    m = measures(ledger_store)
    reports = sorted(ledger_store.list_reports(), key=lambda r: r.id)
    assert [r.year for r in reports] == [2022, 2023]
    second = next(i for i in m if i.report_id == reports[1].id)
    typed = {m[0]: ("2024年12月底", date(2024, 12, 31)), m[1]: ("2024.12.31", date(2024, 12, 31)),
             m[2]: ("2024/12/31", date(2024, 12, 31)), m[3]: ("10月底前", date(2022, 10, 31)),
             second: ("9月底", date(2023, 9, 30))}  # no year: the plan year of the row's own report
    sheet = Sheet(exported)
    for row, (text, _) in typed.items():
        sheet.set(row.uuid, "完成时限", text)
    sheet.save()
    preview = preview_merge(ledger_store, exported)
    assert preview.problems == [] and preview.conflicts == []
    assert {(c.uuid, c.field): c.new for c in preview.changes} == {
        (row.uuid, "due"): want for row, (_, want) in typed.items()}
    apply_merge(ledger_store, preview, who=exported.name)
    assert all(ledger_store.get_item(row.id).due == want for row, (_, want) in typed.items())


def test_a_deadline_without_a_year_in_a_report_without_one_is_refused(ledger_store: Any, tmp_path: Path) -> None:
    from desktop.core.extract import extract_plan
    from desktop.core.reports import read_report
    from tests.conftest import SEEDS

    doc = read_report(SEEDS[3])
    rid = ledger_store.import_plan(extract_plan(doc), sha256=doc.sha256, original_text=doc.text).report_id
    assert ledger_store.get_report(rid).year is None
    out = export_ledger(ledger_store, tmp_path / "无年份.xlsx", report_ids=[rid]).path
    a, b = [i for i in ledger_store.item_tree(rid) if i.is_measure][:2]
    wb = openpyxl.load_workbook(out)
    ws = wb.worksheets[0]
    head = [c.value for c in ws[3]]
    due_col, note_col, uuid_col = (head.index(h) + 1 for h in ("完成时限", "进展情况", UUID_HEADER))
    row_of = {ws.cell(r, uuid_col).value: r for r in range(4, ws.max_row + 1)}
    ws.cell(row_of[a.uuid], due_col).value = "12月底前"
    ws.cell(row_of[a.uuid], note_col).value = "不应写入"
    ws.cell(row_of[b.uuid], due_col).value = "2024年12月底"
    wb.save(out)
    preview = preview_merge(ledger_store, out)
    cell = f"{openpyxl.utils.get_column_letter(due_col)}{row_of[a.uuid]}"
    assert len(preview.problems) == 1
    assert f"第{row_of[a.uuid]}行（{cell} 单元格）：完成时限“12月底前”没有写年份" in preview.problems[0]
    assert [(c.uuid, c.field, c.new) for c in preview.changes] == [(b.uuid, "due", date(2024, 12, 31))]
    apply_merge(ledger_store, preview, who=out.name)
    assert ledger_store.get_item(a.id).version == a.version and ledger_store.get_item(a.id).note == ""


def test_a_done_or_closed_item_set_back_is_a_warning_before_apply(ledger_store: Any, tmp_path: Path) -> None:
    m = measures(ledger_store)
    for row, steps in ((m[0], (Status.DONE, Status.CLOSED)), (m[1], (Status.DONE,))):
        version = row.version
        for status in steps:
            version = ledger_store.set_status(row.id, status, expected_version=version, who="clerk").after.version
    group = ledger_store.get_item(m[5].parent_id)  # an item whose measures are all done reads 已完成 in the ledger
    for kid in (r for r in ledger_store.subtree(group.id) if r.is_measure):
        ledger_store.set_status(kid.id, Status.DONE, expected_version=kid.version, who="clerk")
    out = export_ledger(ledger_store, tmp_path / "回退.xlsx", one_sheet=True).path
    sheet = Sheet(out)
    assert sheet.ws.cell(sheet.row_of[group.uuid], sheet.col["完成状态"]).value == "已完成"
    sheet.set(m[0].uuid, "完成状态", "推进中")  # an old copy of the sheet, filled in again
    sheet.set(m[1].uuid, "完成状态", "未启动")
    sheet.set(m[2].uuid, "完成状态", "推进中")  # a step forward: no warning
    sheet.set(group.uuid, "完成状态", "推进中")
    sheet.save()
    before = {i.id: i.version for i in measures(ledger_store)}

    preview = preview_merge(ledger_store, out)
    warned = {c.uuid: c.warning for c in preview.changes if c.warning}
    assert set(warned) == {m[0].uuid, m[1].uuid, group.uuid}
    assert "已办结" in warned[m[0].uuid] and "“推进中”" in warned[m[0].uuid]
    assert "已完成" in warned[m[1].uuid] and "“未启动”" in warned[m[1].uuid]
    assert "已完成" in warned[group.uuid]
    assert len(preview.warnings) == 3
    line = next(w for w in preview.warnings if "已办结" in w)
    number = sheet.ws.cell(sheet.row_of[m[0].uuid], sheet.col["序号"]).value
    assert line.startswith(f"序号 {number}（") and "核实" in line
    assert {i.id: i.version for i in measures(ledger_store)} == before  # a preview writes nothing

    apply_merge(ledger_store, preview, who=out.name)  # the clerk confirmed: written like any change
    assert ledger_store.get_item(m[0].id).status is Status.IN_PROGRESS
    assert ledger_store.get_item(m[1].id).status is Status.NOT_STARTED
