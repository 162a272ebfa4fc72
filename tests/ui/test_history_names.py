"""Every field the store writes to history is shown with a Chinese name in 修改记录."""

from __future__ import annotations

from datetime import date

from db.api import Status
from desktop.ui.models.history import FIELD_NAMES
from tests.db.plans import make_plan


def test_history_fields_have_chinese_names(store) -> None:  # noqa: ANN001
    rid = store.import_plan(make_plan(items=3, measures=2), sha256="h" * 64, original_text="x", who="t").report_id
    rows = store.item_tree(rid)
    items = [r for r in rows if r.depth == 0]
    measure = next(r for r in rows if r.is_measure)
    store.set_status(measure.id, Status.DONE, expected_version=measure.version, who="t", note="已完成")
    item = store.get_item(items[0].id)
    store.update_item(item.id, {"title": "新标题", "label": "（甲）", "lead_unit": "组织科", "due": date(2023, 9, 30),
                                "ongoing": True, "delay_reason": "等待", "original_due": date(2023, 8, 31)},
                      expected_version=item.version, who="t")
    store.move_item(items[2].id, parent_id=None, position=0, who="t")
    store.merge_items([items[0].id, items[1].id], who="t")
    added = store.add_item(rid, parent_id=None, position=0, label="新", title="新工作", who="t")
    store.restore_items(store.delete_item(added.id, who="t"), who="t")
    logged = {h.field for r in store.item_tree(rid) for h in store.history(r.id)}
    assert {"status", "completed_at", "title", "position"} <= logged
    assert logged <= set(FIELD_NAMES), f"no Chinese name for {sorted(logged - set(FIELD_NAMES))}"
