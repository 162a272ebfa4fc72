"""Build ItemRow snapshots by hand for model tests that need no database."""

from __future__ import annotations

from datetime import date, datetime

from db.api import ItemRow, Light, Status

_BASE = ItemRow(
    id=0, uuid="", report_id=1, parent_id=None, depth=0, position=0, label="", title="", text="", source="",
    status=Status.NOT_STARTED, progress=0, lead_leader="", lead_unit="", co_units="", owner="", due=None,
    original_due=None, delay_reason="", note="", completed_at=None, updated_at=datetime(2024, 7, 1, 9, 30),
    version=1, is_measure=True, child_count=0, done_children=0, overdue=False, light_deadline=Light.NONE,
    light_schedule=Light.NONE,
)


def row(id: int, **kw: object) -> ItemRow:
    """A row with sensible defaults."""
    return _BASE.replace(id=id, uuid=f"u{id}", **kw)


def tree(items: int, measures: int, *, report_id: int = 1, start: int = 1) -> list[ItemRow]:
    """Pre-order rows: `items` items with `measures` measures each; units and statuses vary."""
    out: list[ItemRow] = []
    n = start
    units = ["组织科", "干部科", "人才办", "基层办"]
    for i in range(items):
        item_id = n
        n += 1
        kids = []
        for m in range(measures):
            status = [Status.NOT_STARTED, Status.IN_PROGRESS, Status.DONE, Status.EXTENDED][(i + m) % 4]
            kids.append(row(n, report_id=report_id, parent_id=item_id, depth=1, position=m, label=str(m + 1),
                            title=f"措施{i + 1}-{m + 1} 开展调研", text=f"措施{i + 1}-{m + 1} 开展调研。",
                            status=status, lead_unit=units[(i + m) % 4], owner=f"张{m}",
                            due=date(2024, 6 + m % 6, 28), overdue=m % 3 == 0 and status != Status.DONE,
                            light_deadline=Light.RED if m % 3 == 0 else Light.GREEN,
                            progress=100 if status == Status.DONE else 0))
            n += 1
        done = sum(1 for k in kids if k.status == Status.DONE)
        out.append(row(item_id, report_id=report_id, depth=0, position=i, label=f"（{i + 1}）",
                       title=f"任务{i + 1} 加强干部队伍建设", is_measure=not kids, child_count=len(kids),
                       done_children=done, progress=done * 100 // max(1, len(kids))))
        out.extend(kids)
    return out
