"""Every store operation, on SQLite and on PostgreSQL (`any_store`)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from db.api import (
    ConflictError,
    DuplicateReportError,
    InvalidChangeError,
    ItemFilter,
    Light,
    LightSettings,
    NotFoundError,
    Status,
)
from db.store import Store
from tests.db.plans import make_plan


def _import(store: Store, sha: str = "a" * 64, **kw: object) -> int:
    return store.import_plan(make_plan(**kw), sha256=sha, original_text="全文", who="测试").report_id  # type: ignore[arg-type]


def test_import_builds_the_tree_in_preorder(any_store: Store) -> None:
    result = any_store.import_plan(make_plan(items=3, measures=2), sha256="a" * 64, original_text="全文")
    assert (result.items, result.measures) == (3, 6)
    tree = any_store.item_tree(result.report_id)
    assert [(r.depth, r.title) for r in tree[:4]] == [(0, "工作1"), (1, "措施1-1"), (1, "措施1-2"), (0, "工作2")]
    assert [r.is_measure for r in tree[:3]] == [False, True, True]
    assert tree[0].child_count == 2 and tree[1].parent_id == tree[0].id
    assert len({r.uuid for r in tree}) == 9
    assert all(r.status is Status.NOT_STARTED and r.version == 1 for r in tree)
    summary = any_store.get_report(result.report_id)
    assert (summary.item_count, summary.measure_count, summary.done_count) == (3, 6, 0)
    assert summary.heading == "三、下一步工作打算" and summary.year == 2023
    assert any_store.report_text(result.report_id) == "全文"


def test_items_without_measures_are_their_own_measure(any_store: Store) -> None:
    rid = _import(any_store, items=2, measures=0)
    tree = any_store.item_tree(rid)
    assert [r.is_measure for r in tree] == [True, True]
    assert any_store.get_report(rid).measure_count == 2


def test_duplicate_import_is_refused_unless_asked(any_store: Store) -> None:
    first = _import(any_store)
    with pytest.raises(DuplicateReportError) as info:
        _import(any_store)
    assert info.value.report_id == first and "已经导入过" in str(info.value)
    assert len(any_store.list_reports()) == 1
    second = any_store.import_plan(make_plan(), sha256="a" * 64, original_text="", allow_duplicate=True)
    assert second.report_id != first and len(any_store.list_reports()) == 2


def test_set_status_writes_history_bumps_version_and_rolls_up(any_store: Store) -> None:
    rid = _import(any_store, items=1, measures=2)
    item, m1, m2 = any_store.item_tree(rid)
    change = any_store.set_status(m1.id, Status.DONE, expected_version=1, who="张三", note="已召开会议")
    assert change.before.status is Status.NOT_STARTED and change.after.status is Status.DONE
    assert change.after.version == 2 and change.after.completed_at is not None
    assert change.after.note == "已召开会议" and change.after.progress == 100
    parent = any_store.get_item(item.id)
    assert (parent.done_children, parent.progress) == (1, 50)
    fields = {(h.field, h.old, h.new, h.who) for h in any_store.history(m1.id)}
    assert ("status", "未启动", "已完成", "张三") in fields and ("note", "", "已召开会议", "张三") in fields
    any_store.set_status(m2.id, "已办结", expected_version=1, who="张三")
    assert any_store.get_item(item.id).progress == 100
    summary = any_store.get_report(rid)
    assert (summary.done_count, summary.progress, summary.done_items) == (2, 100, 1)
    back = any_store.set_status(m1.id, Status.IN_PROGRESS, expected_version=2, who="张三")
    assert back.after.completed_at is None


def test_cancelled_measures_leave_the_roll_up(any_store: Store) -> None:
    rid = _import(any_store, items=1, measures=3)
    item, m1, m2, m3 = any_store.item_tree(rid)
    any_store.set_status(m1.id, Status.DONE, expected_version=1, who="")
    any_store.set_status(m2.id, Status.CANCELLED, expected_version=1, who="")
    assert any_store.get_item(item.id).progress == 50
    [stats] = any_store.statistics(report_ids=[rid])
    assert (stats.total, stats.done) == (3, 1) and stats.rate == pytest.approx(0.5)


def test_undo_by_writing_back_the_before_values(any_store: Store) -> None:
    rid = _import(any_store)
    m = any_store.item_tree(rid)[1]
    change = any_store.update_item(m.id, {"owner": "李四", "lead_unit": "干部科", "due": date(2023, 9, 30)},
                                   expected_version=m.version, who="u")
    assert (change.after.owner, change.after.lead_unit, change.after.due) == ("李四", "干部科", date(2023, 9, 30))
    undo = any_store.update_item(m.id, {f: getattr(change.before, f) for f in ("owner", "lead_unit", "due")},
                                 expected_version=change.after.version, who="u")
    assert (undo.after.owner, undo.after.lead_unit, undo.after.due) == ("", "", date(2023, 12, 31))
    assert undo.after.version == 3


def test_extension_keeps_the_original_due_date(any_store: Store) -> None:
    rid = _import(any_store)
    m = any_store.item_tree(rid)[1]
    ch = any_store.update_item(m.id, {"status": Status.EXTENDED, "due": date(2024, 3, 31), "delay_reason": "资金未到位"},
                               expected_version=1, who="u")
    assert ch.after.original_due == date(2023, 12, 31) and ch.after.due == date(2024, 3, 31)
    assert ch.after.delay_reason == "资金未到位"


def test_bad_changes_are_refused(any_store: Store) -> None:
    rid = _import(any_store)
    m = any_store.item_tree(rid)[1]
    with pytest.raises(InvalidChangeError):
        any_store.update_item(m.id, {"version": 9}, expected_version=1, who="")
    with pytest.raises(InvalidChangeError):
        any_store.set_status(m.id, "差不多了", expected_version=1, who="")
    with pytest.raises(InvalidChangeError):
        any_store.update_item(m.id, {"progress": 150}, expected_version=1, who="")
    with pytest.raises(NotFoundError):
        any_store.set_status(999_999, Status.DONE, expected_version=1, who="")
    assert any_store.get_item(m.id).version == 1


def test_conflict_between_two_sessions(any_url: str) -> None:
    from db.store import open_store

    a, b = open_store(any_url), open_store(any_url)
    try:
        rid = _import(a)
        m = a.item_tree(rid)[1]
        seen_by_b = b.get_item(m.id)
        a.set_status(m.id, Status.DONE, expected_version=m.version, who="甲", note="甲写的")
        with pytest.raises(ConflictError) as info:
            b.set_status(m.id, Status.IN_PROGRESS, expected_version=seen_by_b.version, who="乙", note="乙写的")
        assert info.value.item_id == m.id and "刷新" in str(info.value)
        now = b.get_item(m.id)
        assert (now.status, now.note, now.version) == (Status.DONE, "甲写的", 2)
        assert [h.who for h in b.history(m.id) if h.field == "status"] == ["甲"]
    finally:
        a.close()
        b.close()


def test_concurrent_writers_one_wins(any_url: str) -> None:
    import threading

    from db.store import open_store

    stores = [open_store(any_url) for _ in range(4)]
    try:
        rid = _import(stores[0])
        m = stores[0].item_tree(rid)[1]
        results: list[str] = []
        barrier = threading.Barrier(len(stores))

        def write(st: Store, n: int) -> None:
            barrier.wait()
            try:
                st.set_status(m.id, Status.IN_PROGRESS, expected_version=1, who=f"w{n}", note=f"note{n}")
                results.append("ok")
            except ConflictError:
                results.append("conflict")

        threads = [threading.Thread(target=write, args=(st, n)) for n, st in enumerate(stores)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(results) == ["conflict"] * 3 + ["ok"]
        assert stores[0].get_item(m.id).version == 2
    finally:
        for st in stores:
            st.close()


def test_add_delete_restore(any_store: Store) -> None:
    rid = _import(any_store, items=2, measures=2)
    item = any_store.item_tree(rid)[0]
    new = any_store.add_item(rid, parent_id=item.id, position=1, label="新", title="新措施", who="u")
    assert (new.depth, new.position, new.parent_id) == (1, 1, item.id)
    assert [r.title for r in any_store.item_tree(rid)[:4]] == ["工作1", "措施1-1", "新措施", "措施1-2"]
    top = any_store.add_item(rid, parent_id=None, position=0, label="（零）", title="新工作", who="u")
    assert any_store.item_tree(rid)[0].id == top.id
    before = [(r.id, r.title, r.position) for r in any_store.item_tree(rid)]
    deleted = any_store.delete_item(item.id, who="u")
    assert [r.title for r in deleted] == ["工作1", "措施1-1", "新措施", "措施1-2"]
    assert [r.title for r in any_store.item_tree(rid)] == ["新工作", "工作2", "措施2-1", "措施2-2"]
    assert [r.position for r in any_store.item_tree(rid) if r.depth == 0] == [0, 1]
    any_store.restore_items(deleted, who="u")
    assert [(r.id, r.title, r.position) for r in any_store.item_tree(rid)] == before
    with pytest.raises(InvalidChangeError):
        any_store.restore_items(deleted, who="u")
    with pytest.raises(InvalidChangeError):
        any_store.add_item(rid, parent_id=999_999, position=0, label="", title="x", who="u")


def test_move_item(any_store: Store) -> None:
    rid = _import(any_store, items=2, measures=2)
    w1, m11, m12, w2, m21, m22 = any_store.item_tree(rid)
    moved = any_store.move_item(m11.id, parent_id=w2.id, position=2, who="u")
    assert (moved.parent_id, moved.position, moved.depth) == (w2.id, 2, 1)
    assert [r.title for r in any_store.item_tree(rid)] == ["工作1", "措施1-2", "工作2", "措施2-1", "措施2-2", "措施1-1"]
    up = any_store.move_item(w2.id, parent_id=None, position=0, who="u")
    assert up.position == 0 and any_store.item_tree(rid)[0].id == w2.id
    promoted = any_store.move_item(m21.id, parent_id=None, position=5, who="u")
    assert promoted.depth == 0 and promoted.position == 2
    with pytest.raises(InvalidChangeError):
        any_store.move_item(w1.id, parent_id=m12.id, position=0, who="u")


def test_merge_and_its_undo(any_store: Store) -> None:
    rid = _import(any_store, items=3, measures=1)
    tree = any_store.item_tree(rid)
    w1, w2 = tree[0], tree[2]
    before_tree = [(r.id, r.title, r.parent_id, r.position) for r in tree]
    before = [r for i in (w1.id, w2.id) for r in any_store.subtree(i)]
    merged = any_store.merge_items([w2.id, w1.id], who="u")
    assert merged.id == w1.id and merged.title == "工作1；工作2" and merged.child_count == 2
    assert [r.title for r in any_store.item_tree(rid)] == ["工作1；工作2", "措施1-1", "措施2-1", "工作3", "措施3-1"]
    any_store.delete_item(merged.id, who="u")
    any_store.restore_items(before, who="u")
    assert [(r.id, r.title, r.parent_id, r.position) for r in any_store.item_tree(rid)] == before_tree
    with pytest.raises(InvalidChangeError):
        any_store.merge_items([w1.id, tree[1].id], who="u")


def test_split_item(any_store: Store) -> None:
    rid = _import(any_store, items=1, measures=2)
    m = any_store.item_tree(rid)[1]
    parts = any_store.split_item(m.id, ["第一句。", "第二句。", "第三句。"], who="u")
    assert [p.title for p in parts] == ["第一句。", "第二句。", "第三句。"] and parts[0].id == m.id
    assert [r.title for r in any_store.item_tree(rid)] == ["工作1", "第一句。", "第二句。", "第三句。", "措施1-2"]
    assert all(p.parent_id == m.parent_id and p.due == m.due for p in parts)


def test_filters_in_sql(any_store: Store) -> None:
    later = date.today() + timedelta(days=100)
    a = _import(any_store, sha="a" * 64, title="甲", due=later)
    b = _import(any_store, sha="b" * 64, title="乙", due=later)
    ms = [r for r in any_store.item_tree(a) if r.is_measure]
    any_store.update_item(ms[0].id, {"lead_unit": "组织科", "co_units": "IT中心", "note": "50%的进度_含特殊字符 WPS"},
                          expected_version=1, who="")
    any_store.update_item(ms[1].id, {"due": date.today() - timedelta(days=3)}, expected_version=1, who="")
    any_store.set_status(ms[2].id, Status.IN_PROGRESS, expected_version=1, who="")
    assert len(any_store.items(ItemFilter())) == 18
    assert len(any_store.items(ItemFilter(report_ids=(b,)))) == 9
    assert [r.id for r in any_store.items(ItemFilter(text="措施1-1"))] == [ms[0].id, any_store.item_tree(b)[1].id]
    assert [r.id for r in any_store.items(ItemFilter(text="50%的进度_"))] == [ms[0].id]
    assert any_store.items(ItemFilter(text="%")) != [] and any_store.items(ItemFilter(text="100%")) == []
    assert [r.id for r in any_store.items(ItemFilter(unit="组织"))] == [ms[0].id]
    assert [r.id for r in any_store.items(ItemFilter(text="wps", unit="it"))] == [ms[0].id]  # ASCII case ignored
    assert [r.id for r in any_store.items(ItemFilter(statuses=(Status.IN_PROGRESS,)))] == [ms[2].id]
    assert [r.id for r in any_store.items(ItemFilter(report_ids=(a,), overdue_only=True, due_before=date.today()))] \
        == [ms[1].id]
    assert len(any_store.items(ItemFilter(report_ids=(a,), measures_only=True))) == 6
    got = {r.uuid: r.id for r in any_store.items(ItemFilter(report_ids=(a,)))}
    assert {u: r.id for u, r in any_store.get_items_by_uuid([*got, "nope"]).items()} == got


def test_deadline_lights_and_overdue(any_store: Store) -> None:
    today = date.today()
    rid = _import(any_store, items=1, measures=6)
    _, *ms = any_store.item_tree(rid)
    dues = [today - timedelta(days=1), today + timedelta(days=10), today + timedelta(days=40),
            today - timedelta(days=1), None, today - timedelta(days=1)]
    for m, due in zip(ms, dues):
        any_store.update_item(m.id, {"due": due}, expected_version=1, who="")
    any_store.set_status(ms[3].id, Status.DONE, expected_version=2, who="")
    any_store.update_item(ms[5].id, {"ongoing": True}, expected_version=2, who="")
    rows = any_store.item_tree(rid)[1:]
    assert [r.light_deadline for r in rows] == [Light.RED, Light.YELLOW, Light.GREEN, Light.GREEN, Light.NONE,
                                                Light.NONE]
    assert [r.overdue for r in rows] == [True, False, False, False, False, False]
    assert any_store.get_report(rid).overdue_count == 1
    any_store.set_light_settings(LightSettings(deadline_yellow_days=5))
    assert any_store.get_item(ms[1].id).light_deadline is Light.GREEN


def test_schedule_lights_and_counts(any_store: Store) -> None:
    today = date.today()
    rid = _import(any_store, items=1, measures=4, due=today + timedelta(days=100))
    # period starts on import day (today); move it back 100 days so half the period has elapsed
    from sqlalchemy import update

    from db.models import Report

    with any_store.engine.begin() as conn:
        conn.execute(update(Report).where(Report.id == rid).values(period_start=today - timedelta(days=100)))
    _, m1, m2, m3, m4 = any_store.item_tree(rid)
    assert m1.expected_progress == 50
    for m, progress in zip((m1, m2, m3), (60, 35, 10)):
        any_store.update_item(m.id, {"progress": progress}, expected_version=1, who="")
    any_store.set_status(m4.id, Status.DONE, expected_version=1, who="")
    rows = any_store.item_tree(rid)[1:]
    assert [r.light_schedule for r in rows] == [Light.GREEN, Light.YELLOW, Light.RED, Light.GREEN]
    [stats] = any_store.statistics(report_ids=[rid])
    assert (stats.ahead, stats.on_track, stats.behind) == (2, 0, 2)
    any_store.set_light_settings(LightSettings(schedule_yellow_points=20, schedule_red_points=45))
    assert [r.light_schedule for r in any_store.item_tree(rid)[1:]] == [Light.GREEN, Light.GREEN, Light.YELLOW,
                                                                         Light.GREEN]
    with pytest.raises(InvalidChangeError):
        any_store.set_light_settings(LightSettings(schedule_yellow_points=40, schedule_red_points=30))


def test_statistics_by_unit(any_store: Store) -> None:
    rid = _import(any_store, items=2, measures=2)
    w1, m11, m12, w2, m21, m22 = any_store.item_tree(rid)
    any_store.update_item(w1.id, {"lead_unit": "干部科"}, expected_version=1, who="")
    any_store.update_item(m21.id, {"lead_unit": "组织科"}, expected_version=1, who="")
    any_store.set_status(m11.id, Status.DONE, expected_version=1, who="")
    by_unit = {s.key: (s.total, s.done) for s in any_store.statistics(by="unit")}
    assert by_unit == {"干部科": (2, 1), "组织科": (1, 0), "未填写": (1, 0)}


def test_as_of_a_past_date_comes_from_history(any_store: Store) -> None:
    rid = _import(any_store, items=1, measures=2)
    item, m1, m2 = any_store.item_tree(rid)
    any_store.update_item(m1.id, {"status": Status.DONE, "note": "完成", "due": None}, expected_version=1, who="")
    # pretend the change happened long ago by moving its history rows; then change again "today"
    from sqlalchemy import select, update

    from db.models import History, Item, Report

    past = date.today() - timedelta(days=30)
    with any_store.engine.begin() as conn:  # datetime arithmetic in SQL differs per database: do it here
        for hid, at in conn.execute(select(History.id, History.at).where(History.item_id == m1.id)).all():
            conn.execute(update(History).where(History.id == hid).values(at=at - timedelta(days=30)))
        for iid, at in conn.execute(select(Item.id, Item.created_at)).all():
            conn.execute(update(Item).where(Item.id == iid).values(created_at=at - timedelta(days=60)))
        for report_id, at in conn.execute(select(Report.id, Report.imported_at)).all():
            conn.execute(update(Report).where(Report.id == report_id).values(imported_at=at - timedelta(days=60)))
    any_store.update_item(m1.id, {"status": Status.IN_PROGRESS, "note": "返工", "due": date(2024, 6, 30)},
                          expected_version=2, who="")
    old = {r.id: r for r in any_store.item_tree(rid, as_of=past)}
    assert (old[m1.id].status, old[m1.id].note, old[m1.id].due) == (Status.DONE, "完成", None)
    assert old[item.id].progress == 50
    older = {r.id: r for r in any_store.item_tree(rid, as_of=past - timedelta(days=1))}
    assert (older[m1.id].status, older[m1.id].note, older[m1.id].due) == (Status.NOT_STARTED, "", date(2023, 12, 31))
    now = {r.id: r for r in any_store.item_tree(rid)}
    assert (now[m1.id].status, now[m1.id].due) == (Status.IN_PROGRESS, date(2024, 6, 30))
    assert any_store.item_tree(rid, as_of=date.today() - timedelta(days=90)) == []
    [stats] = any_store.statistics(report_ids=[rid], as_of=past)
    assert stats.done == 1
    assert [r.id for r in any_store.items(ItemFilter(text="完成"), as_of=past)] == [m1.id]
    assert any_store.items(ItemFilter(text="完成")) == []
    assert [r.id for r in any_store.items(ItemFilter(statuses=(Status.DONE,)), as_of=past)] == [m1.id]
    [then] = any_store.list_reports(as_of=past)
    assert then.done_count == 1 and any_store.get_report(rid).done_count == 0


def test_delete_report_and_remove_samples(any_store: Store) -> None:
    keep = _import(any_store, sha="a" * 64)
    gone = _import(any_store, sha="b" * 64)
    sample_ids = [any_store.import_plan(make_plan(), sha256=c * 64, original_text="", sample=True).report_id
                  for c in "cd"]
    m = any_store.item_tree(gone)[1]
    any_store.set_status(m.id, Status.DONE, expected_version=1, who="")
    any_store.delete_report(gone)
    assert any_store.history(m.id) == []
    with pytest.raises(NotFoundError):
        any_store.get_report(gone)
    assert any_store.remove_samples() == 2
    assert [r.id for r in any_store.list_reports()] == [keep]
    assert all(any_store.item_tree(s) == [] for s in sample_ids)
    with pytest.raises(NotFoundError):
        any_store.delete_report(gone)


def test_rows_decode_to_the_api_types(any_store: Store) -> None:
    import pickle

    from db.api import ItemRow, Light, Status

    rid = _import(any_store)
    row = any_store.item_tree(rid)[1]
    row = any_store.update_item(row.id, {"due": date(2024, 9, 30)}, expected_version=row.version, who="t").after
    row = any_store.set_status(row.id, Status.DONE, expected_version=row.version, who="t").after
    fresh = any_store.get_item(row.id)
    assert fresh == row and hash(fresh) == hash(row)
    assert isinstance(fresh.status, Status) and fresh.status is Status.DONE
    assert fresh.due == date(2024, 9, 30) and type(fresh.due) is date
    assert type(fresh.updated_at) is datetime and type(fresh.completed_at) is datetime
    assert fresh.is_measure is True and fresh.overdue is False and fresh.ongoing is False
    assert isinstance(fresh.light_deadline, Light) and isinstance(fresh.light_schedule, Light)
    rebuilt = ItemRow(**fresh.as_dict())
    assert rebuilt.as_dict() == fresh.as_dict()
    assert fresh.replace(note="新").note == "新" and fresh.replace(note="新").id == fresh.id
    assert pickle.loads(pickle.dumps(fresh)) == fresh
    with pytest.raises(TypeError):
        ItemRow(id=1)
    with pytest.raises(TypeError):
        fresh.replace(colour="red")