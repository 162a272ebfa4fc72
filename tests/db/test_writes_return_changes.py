"""Writes return what changed (the row, its parent's roll-up, the report's figures), cost few round trips on a
server, and `set_status_many` ticks several rows in one transaction: all or none."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from db.api import ConflictError, NotFoundError, Status
from db.store import Store, open_store
from tests.db.plans import make_plan
from tests.latency_proxy import LatencyProxy


def _import(store: Store, measures: int = 3) -> int:
    return store.import_plan(make_plan(items=2, measures=measures), sha256="b" * 64, original_text="").report_id


def test_a_write_returns_the_parents_roll_up_and_the_reports_figures(any_store: Store) -> None:
    rid = _import(any_store)
    item, m1, m2 = any_store.item_tree(rid)[:3]
    change = any_store.set_status(m1.id, Status.DONE, expected_version=m1.version, who="t", with_report=True)
    assert change.after.status is Status.DONE and change.after.version == m1.version + 1
    assert change.parent == any_store.get_item(item.id)
    assert change.parent is not None and change.parent.done_children == 1 and change.parent.progress == 33
    assert change.report == any_store.get_report(rid) and change.report.done_count == 1
    plain = any_store.update_item(m2.id, {"owner": "张三"}, expected_version=m2.version, who="t")
    assert plain.report is None and plain.parent is not None and plain.parent.id == item.id
    top = any_store.update_item(item.id, {"lead_unit": "组织科"}, expected_version=item.version, who="t")
    assert top.parent is None


def test_set_status_many_is_one_transaction_all_or_none(any_store: Store) -> None:
    rid = _import(any_store)
    item, *kids = any_store.item_tree(rid)[:4]
    changes = any_store.set_status_many([(k.id, Status.DONE, k.version) for k in kids], who="t", with_report=True)
    assert [c.after.id for c in changes] == [k.id for k in kids]
    assert all(c.after.status is Status.DONE and c.after.completed_at is not None for c in changes)
    assert all(c.parent is not None and c.parent.done_children == 3 and c.parent.progress == 100 for c in changes)
    assert changes[0].report is not None and changes[0].report.done_items == 1
    assert [h.field for h in any_store.history(kids[0].id)] == ["status", "completed_at"]
    # undo: each row back to its own old status, one transaction again
    back = any_store.set_status_many([(c.after.id, c.before.status, c.after.version) for c in changes], who="t")
    assert all(b.after.status is Status.NOT_STARTED and b.after.completed_at is None for b in back)
    # one stale version refuses the whole step: nothing of it is written
    fresh = [any_store.get_item(k.id) for k in kids]
    stale = [(fresh[0].id, Status.DONE, fresh[0].version), (fresh[1].id, Status.DONE, fresh[1].version - 1)]
    with pytest.raises(ConflictError) as info:
        any_store.set_status_many(stale, who="t")
    assert info.value.item_id == fresh[1].id
    assert any_store.get_item(fresh[0].id) == fresh[0]
    with pytest.raises(NotFoundError):
        any_store.set_status_many([(fresh[0].id, Status.DONE, fresh[0].version), (999_999, Status.DONE, 1)], who="t")
    assert any_store.get_item(fresh[0].id) == fresh[0]
    assert any_store.set_status_many([], who="t") == []


def test_a_change_that_changes_nothing_writes_nothing(any_store: Store) -> None:
    rid = _import(any_store)
    m = any_store.item_tree(rid)[1]
    change = any_store.update_item(m.id, {"owner": m.owner}, expected_version=m.version, who="t")
    assert change.before == change.after == any_store.get_item(m.id)
    assert any_store.history(m.id) == []


@pytest.fixture
def far_store(pg_url: str) -> Iterator[tuple[Store, LatencyProxy]]:
    """A PostgreSQL store behind the counting proxy (no delay: round trips are counted, not timed)."""
    port = int(pg_url.rsplit(":", 1)[1].split("/")[0])
    proxy = LatencyProxy("127.0.0.1", port, delay_s=0.0)
    store = open_store(proxy.url(pg_url.rsplit("/", 1)[1]))
    yield store, proxy
    store.close()
    proxy.close()


@pytest.mark.postgres
def test_on_a_server_a_tick_costs_two_round_trips_and_a_read_one(far_store: tuple[Store, LatencyProxy]) -> None:
    store, proxy = far_store
    rid = _import(store, measures=10)
    rows = store.item_tree(rid)
    kids = [r for r in rows if r.parent_id == rows[0].id]

    def trips(fn) -> int:  # noqa: ANN001
        before = proxy.round_trips
        fn()
        return proxy.round_trips - before

    assert trips(lambda: store.set_status(kids[0].id, Status.DONE, expected_version=kids[0].version, who="t",
                                          with_report=True)) == 2
    fresh = [store.get_item(k.id) for k in kids[1:]]
    assert trips(lambda: store.set_status_many([(k.id, Status.DONE, k.version) for k in fresh], who="t",
                                               with_report=True)) == 2
    assert trips(lambda: store.get_item(kids[0].id)) == 1
    assert trips(lambda: store.history(kids[0].id)) == 1
    assert trips(store.list_reports) == 1
    with pytest.raises(ConflictError):
        store.set_status(kids[0].id, Status.IN_PROGRESS, expected_version=1, who="t")
    assert store.get_item(kids[0].id).status is Status.DONE  # the refused write left nothing behind


@pytest.mark.postgres
def test_a_connection_the_server_dropped_is_replaced_before_the_next_write(pg_store: Store, pg_url: str,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import psycopg

    from db import engine
    from db.api import StoreError

    rid = _import(pg_store)
    m = pg_store.item_tree(rid)[1]
    dsn = pg_url.replace("postgresql+psycopg://", "postgresql://")

    def drop_connections() -> None:  # a server restart, or a firewall ending idle connections
        others = "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        with psycopg.connect(dsn, autocommit=True) as admin:
            admin.execute(f"SELECT pg_terminate_backend(pid) {others}")
            for _ in range(500):  # the backends end on their own time
                row = admin.execute(f"SELECT count(*) {others}").fetchone()
                if row is not None and row[0] == 0:
                    break
                time.sleep(0.01)

    drop_connections()
    with pytest.raises(StoreError, match="连接中断"):  # used within the idle time: not pinged, and told plainly
        pg_store.get_item(m.id)
    pg_store.get_item(m.id)  # the pool threw the dead connection away
    pg_store.engine.dispose()
    pg_store.get_item(m.id)  # one pooled connection, then the server drops it
    drop_connections()
    with pytest.raises(StoreError, match="连接中断"):  # a pipelined write on a dead connection: nothing written
        pg_store.update_item(m.id, {"owner": "甲"}, expected_version=m.version, who="t")
    assert pg_store.get_item(m.id).owner == m.owner  # and the next call finds a live connection
    monkeypatch.setattr(engine, "IDLE_PING_SECONDS", 0.0)  # from now on every pooled connection is "idle"
    drop_connections()
    change = pg_store.set_status(m.id, Status.DONE, expected_version=m.version, who="t", with_report=True)
    assert change.after.status is Status.DONE and pg_store.get_item(m.id).status is Status.DONE
