"""Carry forward (结转): copies, links, history, undo, the ledger's 来源 column, and the offer for a new plan."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from db.api import InvalidChangeError, Status
from db.carry import NewReport
from desktop.core.ledger import read_ledger
from desktop.services.carry import carry_offer, carry_unfinished, new_report_for, office_of, unfinished
from desktop.services.export import export_ledger
from tests.db.plans import make_plan


def _setup(store: Any) -> tuple[int, list[Any]]:
    rid = store.import_plan(make_plan(title="2023年下半年工作计划", year=2023), sha256="a" * 64,
                            original_text="2023年上半年，*委组织部坚持……").report_id
    tree = store.item_tree(rid)
    w1, m11, m12, w2, m21, m22, w3, m31, m32 = tree
    store.set_status(m11.id, Status.DONE, expected_version=1, who="t")
    store.update_item(m12.id, {"status": "推进中", "progress": 40, "note": "已起草", "lead_unit": "组织科",
                               "owner": "张三"}, expected_version=1, who="t")
    store.update_item(m21.id, {"status": "已延期", "due": date(2024, 3, 31), "delay_reason": "等文件"},
                      expected_version=1, who="t")
    store.set_status(m32.id, Status.CANCELLED, expected_version=1, who="t")
    return rid, store.item_tree(rid)


def test_carry_copies_links_and_history(any_store: Any) -> None:
    rid, tree = _setup(any_store)
    w1, m11, m12, w2, m21, m22, w3, m31, m32 = tree
    before = {r.id: r for r in tree}
    result = any_store.carry_forward([w1.id, m21.id, m22.id, m32.id], new_report=NewReport("下半年（结转）", 2024),
                                     who="李四")
    assert result.report_created and any_store.get_report(result.target_report_id).title == "下半年（结转）"
    # m11 is done and m32 cancelled: only the three unfinished measures go, under copies of their items
    assert result.carried == (m12.id, m21.id, m22.id)
    assert [s.item_id for s in result.skipped] == [m32.id] and "已取消" in result.skipped[0].reason
    target = any_store.item_tree(result.target_report_id)
    assert [(r.depth, r.title) for r in target] == [(0, "工作1"), (1, "措施1-2"), (0, "工作2"), (1, "措施2-1"),
                                                    (1, "措施2-2")]
    c12 = target[1]
    assert (c12.status, c12.progress, c12.note, c12.lead_unit, c12.owner) == (Status.IN_PROGRESS, 40, "已起草",
                                                                                "组织科", "张三")
    assert c12.due == date(2024, 12, 31)  # 2023-12-31 lies before the 2024 plan: that year's end
    c21 = target[3]
    assert (c21.status, c21.due, c21.delay_reason, c21.original_due) == (Status.IN_PROGRESS, date(2024, 3, 31), "",
                                                                           None)
    assert target[4].status is Status.NOT_STARTED
    origins = any_store.origins(report_ids=[result.target_report_id])
    assert {o.item_id for o in origins.values()} == {w1.id, m12.id, w2.id, m21.id, m22.id}
    assert origins[c12.id].words == "《2023年下半年工作计划》1.2" and origins[c12.id].who == "李四"
    assert any_store.carried_copies([m12.id, m11.id]) == {m12.id: [c12.id]}
    # the originals stay as they were, with a history row each
    after = {r.id: r for r in any_store.item_tree(rid)}
    assert all(after[i].version == before[i].version and after[i].status == before[i].status for i in after)
    assert [(h.field, h.new) for h in any_store.history(m12.id)][-1] == ("carried_to", "《下半年（结转）》")
    assert [h.field for h in any_store.history(c12.id)] == ["created", "carried_from"]


def test_a_second_carry_reuses_the_item_and_skips_what_is_there(any_store: Any) -> None:
    rid, tree = _setup(any_store)
    first = any_store.carry_forward([tree[2].id], new_report=NewReport("结转", 2024), who="t")
    second = any_store.carry_forward([tree[0].id, tree[5].id], target_report_id=first.target_report_id, who="t")
    assert [r.title for r in second.created] == ["工作2", "措施2-2"]
    # 1.1 is done (asked for through its item: passed over quietly); 1.2 is there already
    assert [(s.item_id, s.reason) for s in second.skipped] == [(tree[2].id, "已结转到《结转》")]
    target = any_store.item_tree(first.target_report_id)
    assert [(r.depth, r.title) for r in target] == [(0, "工作1"), (1, "措施1-2"), (0, "工作2"), (1, "措施2-2")]
    with pytest.raises(InvalidChangeError, match="已结转到《结转》"):
        any_store.carry_forward([tree[2].id], target_report_id=first.target_report_id, who="t")
    with pytest.raises(InvalidChangeError, match="不能结转到同一份报告"):
        any_store.carry_forward([tree[2].id], target_report_id=rid, who="t")
    with pytest.raises(InvalidChangeError, match="二者选一"):
        any_store.carry_forward([tree[2].id], who="t")


def test_undo_takes_the_copies_and_the_new_report_back(any_store: Any) -> None:
    rid, tree = _setup(any_store)
    reports = {r.id for r in any_store.list_reports()}
    result = carry_unfinished(any_store, rid, who="t")
    assert any_store.get_report(result.target_report_id).title == "2023年下半年工作计划（结转）"
    assert len(result.copies) == 4  # 1.2, 2.1, 2.2, 3.1
    any_store.undo_carry_forward(result, who="t")
    assert {r.id for r in any_store.list_reports()} == reports and any_store.origins() == {}
    assert [(h.field, h.old) for h in any_store.history(tree[2].id)][-1] == ("carried_to", "已撤销")
    # into an existing report: the report stays, the positions close up
    other = any_store.import_plan(make_plan(title="另一份", items=1), sha256="b" * 64, original_text="").report_id
    again = any_store.carry_forward([tree[2].id], target_report_id=other, who="t")
    copy = again.copies[0]
    any_store.update_item(copy.id, {"note": "结转后又写了进展"}, expected_version=copy.version, who="t")
    with pytest.raises(InvalidChangeError, match="已被修改"):
        any_store.undo_carry_forward(again, who="t")
    assert len(any_store.item_tree(other)) == 3 + 2
    any_store.update_item(copy.id, {"note": copy.note}, expected_version=copy.version + 1, who="t")
    fresh = type(again)(again.target_report_id, again.report_created,
                        tuple(any_store.get_item(r.id) for r in again.created), again.carried)
    any_store.undo_carry_forward(fresh, who="t")
    assert [r.position for r in any_store.item_tree(other) if r.parent_id is None] == [0]
    assert any_store.get_report(other).title == "另一份"


def test_a_deleted_and_restored_copy_keeps_its_origin(store: Any) -> None:
    rid, tree = _setup(store)
    result = store.carry_forward([tree[2].id], new_report=NewReport("结转", 2024), who="t")
    copy = result.copies[0]
    rows = store.delete_item(copy.id, who="t")
    store.restore_items(rows, who="t")
    assert store.origins(item_ids=[copy.id])[copy.id].item_id == tree[2].id
    store.delete_report(rid)  # the origin's report goes: the copy still says where it came from
    origin = store.origins(item_ids=[copy.id])[copy.id]
    assert origin.item_id is None and origin.words == "《2023年下半年工作计划》1.2"


def test_the_ledger_shows_the_source_and_still_merges(store: Any, tmp_path: Path) -> None:
    rid, tree = _setup(store)
    result = store.carry_forward([tree[2].id, tree[5].id], new_report=NewReport("结转", 2024), who="t")
    out = export_ledger(store, tmp_path / "结转.xlsx", report_ids=[result.target_report_id]).path
    ws = openpyxl.load_workbook(out).worksheets[0]
    head = [c.value for c in ws[3]]
    assert "来源" in head
    col = head.index("来源")
    values = [row[col].value for row in ws.iter_rows(min_row=4)]
    assert values == ["《2023年下半年工作计划》1", "《2023年下半年工作计划》1.2", "《2023年下半年工作计划》2",
                      "《2023年下半年工作计划》2.2"]
    assert read_ledger(out).problems == ()
    plain = export_ledger(store, tmp_path / "原.xlsx", report_ids=[rid]).path
    assert "来源" not in [c.value for c in openpyxl.load_workbook(plain).worksheets[0][3]]


def test_offices_are_read_from_the_file_name_or_the_first_sentence() -> None:
    assert office_of("**县委组织部2023年上半年工作总结.docx", "") == "**县委组织部"
    assert office_of("某市人民政府办公室关于2023年工作.txt", "") == "某市人民政府办公室"
    assert office_of("001.txt", "2023年上半年，*委组织部坚持以……") == "*委组织部"
    assert office_of("x.txt", "\ufeff今年以来，全区组织系统认真贯彻……") == "全区组织系统"
    assert office_of("x.txt", "今年以来，**市委组织部坚持……") == "**市委组织部"
    assert office_of("x.txt", "各位领导、同志们：\n为认真传达贯彻好……") == ""
    assert office_of("2023年总结.docx", "我们全面贯彻落实……") == ""


def test_a_new_plan_of_the_same_office_is_offered_the_unfinished(store: Any) -> None:
    rid, tree = _setup(store)
    store.import_plan(make_plan(title="别处的计划", year=2023), sha256="c" * 64,
                      original_text="今年以来，**市委组织部坚持……")
    new = make_plan(title="2024年工作要点", year=2024, items=1, measures=1)
    offer = carry_offer(store, new, source_name="2024.txt", text="2023年，*委组织部坚持以……")
    assert offer is not None and offer.office == "*委组织部" and offer.report.id == rid
    assert [m.title for m in offer.measures] == ["措施1-2", "措施2-1", "措施2-2", "措施3-1"]
    assert offer.repeated == frozenset()
    # a measure the new plan names again is marked; one carried already is not offered again
    repeat = make_plan(title="2024年工作要点", year=2024, items=1, measures=1)
    item = repeat.items[0]
    from dataclasses import replace

    m21 = store.get_item(tree[4].id)
    store.update_item(m21.id, {"text": "健全干部教育培训体系，分层分类办班。"}, expected_version=m21.version, who="t")
    repeat = replace(repeat, items=(replace(item, children=(
        replace(item.children[0], text="继续健全干部教育培训体系、分层分类办班，年内完成。"),)),))
    store.carry_forward([tree[5].id], new_report=NewReport("结转", 2024), who="t")  # 2.2
    offer = carry_offer(store, repeat, source_name="2024.txt", text="2023年，*委组织部坚持以……")
    assert offer is not None and [m.title for m in offer.measures] == ["措施1-2", "措施2-1", "措施3-1"]
    assert offer.repeated == {tree[4].id}
    assert carry_offer(store, new, source_name="2024.txt", text="今年以来，我们坚持……") is None
    assert carry_offer(store, new, source_name="2024.txt", text="今年以来，**县委组织部坚持……") is None


def test_several_previewed_files_are_offered_from_one_read_of_the_stored_reports(store: Any) -> None:
    """The preview asks for every file at once (carry_offers): each file gets its own office's offer and its
    own 'named again' marks, and the stored reports' texts are read once, not once per file."""
    from sqlalchemy import event

    from desktop.services.carry import carry_offers

    rid, tree = _setup(store)
    store.import_plan(make_plan(title="别处的计划", year=2023), sha256="c" * 64,
                      original_text="今年以来，**市委组织部坚持……")
    plain = make_plan(title="2024年工作要点", year=2024, items=1, measures=1)
    from dataclasses import replace

    m21 = store.get_item(tree[4].id)
    store.update_item(m21.id, {"text": "健全干部教育培训体系，分层分类办班。"}, expected_version=m21.version, who="t")
    item = plain.items[0]
    naming = replace(plain, items=(replace(item, children=(
        replace(item.children[0], text="继续健全干部教育培训体系、分层分类办班，年内完成。"),)),))
    files = [(plain, "2024.txt", "2023年，*委组织部坚持以……"), (plain, "x.txt", "各位领导、同志们："),
             (naming, "2024b.txt", "2023年，*委组织部坚持以……"), (plain, "y.txt", "今年以来，**市委组织部坚持……")]
    texts_read: list[str] = []

    @event.listens_for(store.engine, "before_cursor_execute")
    def _seen(_conn: Any, _cur: Any, statement: str, *_args: Any) -> None:
        if "original_text" in statement:
            texts_read.append(statement)

    try:
        first, none, second, other = carry_offers(store, files)
    finally:
        event.remove(store.engine, "before_cursor_execute", _seen)
    assert first is not None and second is not None and none is None
    assert first.report.id == second.report.id == rid and first.measures == second.measures
    assert first.repeated == frozenset() and second.repeated == {tree[4].id}
    assert other is None or other.report.id != rid  # the other office's plan, never this one's
    assert len(texts_read) == len(store.list_reports())  # once per stored report, for all four files


def test_all_unfinished_of_a_report(store: Any) -> None:
    rid, _ = _setup(store)
    assert [m.title for m in unfinished(store, rid)] == ["措施1-2", "措施2-1", "措施2-2", "措施3-1"]
    assert new_report_for(store.get_report(rid)) == NewReport("2023年下半年工作计划（结转）", 2024)
    done = store.import_plan(make_plan(title="完成了", items=1, measures=1), sha256="d" * 64, original_text="")
    only = store.item_tree(done.report_id)[1]
    store.set_status(only.id, Status.DONE, expected_version=1, who="t")
    with pytest.raises(InvalidChangeError, match="没有未完成的措施"):
        carry_unfinished(store, done.report_id, who="t")
