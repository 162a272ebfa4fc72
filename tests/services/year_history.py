"""A year of scripted history over the seeds, for the review, the 通报, the CLI and the as-of ledger.

Reports: seed 000 (plan year 2022, imported 2022-07-20), seed 002 “A” (2023年组织工作安排: items A1–A3 with
4, 6 and 4 measures) and seed 001 “B” (2023年下半年工作计划: B1 with 1 measure, B2 with 2 — B2.1 长期坚持,
no deadline — and B3 with 2), both imported 2023-01-10. Deadlines are 2023-12-31 unless changed below.

    2023-02-01  units: item A1 → 干部科 (its measures name none); A2.1–A2.6 → 组织科 (owner 王五);
                A3.1, A3.2 → 人才办; A3.3, A3.4 none; B1.1 → 组织科; B2.* → 干部科; B3.* → 人才办.
                Deadlines: A1.1 → 05-31, A2.1 → 06-15, B2.2 → 09-30. A1.1 owner 李四.
    03-15  A1.1 推进中 30 %  “已制定方案”;  A2.1 推进中 20 % “已开展调研”;  A3.1 推进中 60 % “3月：已召开推进会”
    04-20  A1.2 已完成 “已完成”;  A2.2 推进中 50 % “4月：推进中”;  B1.1 推进中 60 % “已部署”
    06-10  A2.3 已取消 “上级调整，不再开展”
    06-20  A2.1 已延期 to 10-31, reason “配套资金未到位”
    06-25  A3.1 70 %, note extended by “6月：完成初稿”
    06-30 23:00  A1.3 推进中 10 % “6月30日启动”
    07-01 09:00  A1.4 推进中
    07-15  a new measure A3.5 “新增：建设人才驿站” (deadline 12-31)
    08-01  A2.1's delay reason → “资金已到位，加快推进”
    08-10  A1.1 已完成;  A2.2 已完成
    09-01  A3.1's unit → 组织科
    09-05  B2.2 推进中 50 %
    10-20  A2.1 已完成
    11-10  A3.2 已延期 to 2024-03-31, reason “场地改造推迟”
    11-15  B1.1 已完成
    12-20  B3.1 已完成;  A3.1 note extended by “12月：已完成并验收”, 已完成, then 已办结
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from db.api import ItemRow
from desktop.core.extract import extract_plan
from desktop.core.reports import read_report
from desktop.services.tracking import extension_changes
from tests.conftest import SEEDS
from tests.services.history_script import dated


@dataclass
class Year:
    """The scripted store and its measures by name (A1.1 …), as rows read at the end of the script."""

    store: Any
    old: int  # report ids
    a: int
    b: int
    m: dict[str, ItemRow]
    items: dict[str, ItemRow]

    def ids(self, *names: str) -> list[int]:
        """Ids of measures by name, in the order given."""
        return [self.m[n].id for n in names]


def _import(store: Any, path: Any) -> int:
    doc = read_report(path)
    return store.import_plan(extract_plan(doc), sha256=doc.sha256, original_text=doc.text).report_id


def _edit(store: Any, item_id: int, **changes: Any) -> None:
    row = store.get_item(item_id)
    store.update_item(item_id, changes, expected_version=row.version, who="脚本")


def _names(store: Any, report_id: int, prefix: str) -> tuple[dict[str, ItemRow], dict[str, ItemRow]]:
    measures: dict[str, ItemRow] = {}
    items: dict[str, ItemRow] = {}
    tree = store.item_tree(report_id)
    tops = [r for r in tree if r.parent_id is None]
    for n, top in enumerate(tops, 1):
        items[f"{prefix}{n}"] = top
        kids = [r for r in tree if r.parent_id == top.id]
        for k, kid in enumerate(kids, 1):
            measures[f"{prefix}{n}.{k}"] = kid
    return measures, items


def scripted_year(store: Any) -> Year:
    """Run the script above on an empty store."""
    with dated(store, datetime(2022, 7, 20, 9)):
        old = _import(store, SEEDS[0])
    with dated(store, datetime(2023, 1, 10, 9)):
        a = _import(store, SEEDS[2])
        b = _import(store, SEEDS[1])
    ma, ia = _names(store, a, "A")
    mb, ib = _names(store, b, "B")
    m = {**ma, **mb}
    it = {**ia, **ib}
    assert len(ma) == 14 and len(mb) == 5 and m["B2.1"].ongoing and m["B2.1"].due is None

    def e(name: str, **changes: Any) -> None:
        _edit(store, m[name].id, **changes)

    with dated(store, date(2023, 2, 1)):
        _edit(store, it["A1"].id, lead_unit="干部科")
        for k in range(1, 7):
            e(f"A2.{k}", lead_unit="组织科", owner="王五")
        for name, unit in (("A3.1", "人才办"), ("A3.2", "人才办"), ("B1.1", "组织科"), ("B2.1", "干部科"),
                           ("B2.2", "干部科"), ("B3.1", "人才办"), ("B3.2", "人才办")):
            e(name, lead_unit=unit)
        e("A1.1", due=date(2023, 5, 31), owner="李四")
        e("A2.1", due=date(2023, 6, 15))
        e("B2.2", due=date(2023, 9, 30))
    with dated(store, date(2023, 3, 15)):
        e("A1.1", status="推进中", progress=30, note="已制定方案")
        e("A2.1", status="推进中", progress=20, note="已开展调研")
        e("A3.1", status="推进中", progress=60, note="3月：已召开推进会")
    with dated(store, date(2023, 4, 20)):
        e("A1.2", status="已完成", note="已完成")
        e("A2.2", status="推进中", progress=50, note="4月：推进中")
        e("B1.1", status="推进中", progress=60, note="已部署")
    with dated(store, date(2023, 6, 10)):
        e("A2.3", status="已取消", note="上级调整，不再开展")
    with dated(store, date(2023, 6, 20)):
        row = store.get_item(m["A2.1"].id)
        _edit(store, row.id, **extension_changes(row, date(2023, 10, 31), "配套资金未到位"))
    with dated(store, date(2023, 6, 25)):
        e("A3.1", progress=70, note="3月：已召开推进会\n6月：完成初稿")
    with dated(store, datetime(2023, 6, 30, 23)):
        e("A1.3", status="推进中", progress=10, note="6月30日启动")
    with dated(store, datetime(2023, 7, 1, 9)):
        e("A1.4", status="推进中")
    with dated(store, date(2023, 7, 15)):
        added = store.add_item(a, parent_id=it["A3"].id, position=4, label="5", title="新增：建设人才驿站",
                               due=date(2023, 12, 31), who="脚本")
    with dated(store, date(2023, 8, 1)):
        e("A2.1", delay_reason="资金已到位，加快推进")
    with dated(store, date(2023, 8, 10)):
        e("A1.1", status="已完成")
        e("A2.2", status="已完成")
    with dated(store, date(2023, 9, 1)):
        e("A3.1", lead_unit="组织科")
    with dated(store, date(2023, 9, 5)):
        e("B2.2", status="推进中", progress=50)
    with dated(store, date(2023, 10, 20)):
        e("A2.1", status="已完成")
    with dated(store, date(2023, 11, 10)):
        row = store.get_item(m["A3.2"].id)
        _edit(store, row.id, **extension_changes(row, date(2024, 3, 31), "场地改造推迟"))
    with dated(store, date(2023, 11, 15)):
        e("B1.1", status="已完成")
    with dated(store, date(2023, 12, 20)):
        e("B3.1", status="已完成")
        e("A3.1", note="3月：已召开推进会\n6月：完成初稿\n12月：已完成并验收")
        e("A3.1", status="已完成")
        e("A3.1", status="已办结")
    measures = {name: store.get_item(row.id) for name, row in m.items()}
    measures["A3.5"] = store.get_item(added.id)
    return Year(store=store, old=old, a=a, b=b, m=measures, items=it)
