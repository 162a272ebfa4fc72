"""Migrations: an old database with data upgrades to head intact; the head schema matches the models."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text

from db.backup import list_backups
from db.migrate import current_revision, head_revision, upgrade_to, upgrade_to_head
from db.models import Base
from db.store import open_store


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'halfyear.db'}"
    return str(request.getfixturevalue("pg_empty_url"))


def _fill_first_revision(url: str) -> None:
    engine = create_engine(url)
    upgrade_to(engine, "0001")
    imported = datetime(2023, 7, 20, 9, 30)
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO report (id, title, source_name, sha256, year, heading, preamble, original_text, imported_at, "
            "sample) VALUES (1, '旧报告', 'old.txt', :sha, 2023, '三、下一步工作打算', '前言', '全文', :at, :f)"),
            {"sha": "e" * 64, "at": imported, "f": False})
        for n, (parent, depth) in enumerate([(None, 0), (1, 1), (1, 1)], 1):
            conn.execute(text(
                "INSERT INTO item (id, uuid, report_id, parent_id, depth, position, label, title, text, source, status, "
                "progress, lead_leader, lead_unit, co_units, owner, due, original_due, delay_reason, note, "
                "completed_at, created_at, updated_at, version) VALUES (:id, :uuid, 1, :parent, :depth, :pos, 'L', "
                ":title, '正文', '', :status, 0, '', '组织科', '', '', :due, NULL, '', '旧进展', NULL, :at, :at, 3)"),
                {"id": n, "uuid": f"00000000-0000-0000-0000-00000000000{n}", "parent": parent, "depth": depth,
                 "pos": n, "title": f"旧条目{n}", "status": "已完成" if n == 2 else "推进中", "due": date(2023, 12, 31),
                 "at": imported})
        conn.execute(text("INSERT INTO history (id, report_id, item_id, at, who, field, old, new) "
                          "VALUES (1, 1, 2, :at, '张三', 'status', '未启动', '已完成')"), {"at": imported})
        if engine.dialect.name == "postgresql":  # explicit ids above: move the sequences past them
            for table, last in (("report", 1), ("item", 3), ("history", 1)):
                conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), {last})"))
    assert current_revision(engine) == "0001"
    engine.dispose()


def test_upgrade_from_the_first_revision_keeps_every_row(empty_url: str) -> None:
    _fill_first_revision(empty_url)
    with open_store(empty_url) as st:
        assert current_revision(st.engine) == head_revision()
        [report] = st.list_reports()
        assert (report.title, report.sha256, report.measure_count, report.done_count) == ("旧报告", "e" * 64, 2, 1)
        tree = st.item_tree(1)
        assert [(r.id, r.title, r.status.value, r.version, r.note, r.uuid[-1]) for r in tree] == [
            (1, "旧条目1", "推进中", 3, "旧进展", "1"), (2, "旧条目2", "已完成", 3, "旧进展", "2"),
            (3, "旧条目3", "推进中", 3, "旧进展", "3")]
        assert [h.who for h in st.history(2)] == ["张三"]
        assert not any(r.ongoing for r in tree)
        with st.engine.connect() as conn:
            assert conn.execute(text("SELECT period_start FROM report")).scalar() in (date(2023, 7, 20), "2023-07-20")
        st.set_status(3, "已完成", expected_version=3, who="")  # and the upgraded database takes writes
        assert st.get_report(1).progress == 100


def test_sqlite_is_backed_up_before_migrating(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'halfyear.db'}"
    _fill_first_revision(url)
    open_store(url).close()
    names = [p.name for p in list_backups(url)]
    assert any("before-migration" in n for n in names)
    old = next(p for p in list_backups(url) if "before-migration" in p.name)
    assert current_revision(create_engine(f"sqlite:///{old}")) == "0001"


def test_head_schema_matches_the_models(empty_url: str) -> None:
    engine = create_engine(empty_url)
    upgrade_to_head(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    engine.dispose()
    assert diff == []


def test_upgrade_is_a_no_op_when_current(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'x.db'}")
    upgrade_to_head(engine)
    upgrade_to_head(engine)
    assert current_revision(engine) == head_revision()
    engine.dispose()


def test_upgrade_from_the_previous_revision_adds_carry_links(empty_url: str) -> None:
    _fill_first_revision(empty_url)
    engine = create_engine(empty_url)
    upgrade_to(engine, "0002")
    engine.dispose()
    with open_store(empty_url) as st:  # 0002 → head
        assert current_revision(st.engine) == head_revision()
        assert [(r.id, r.title, r.status.value) for r in st.item_tree(1)][:2] == [(1, "旧条目1", "推进中"),
                                                                                 (2, "旧条目2", "已完成")]
        from db.carry import NewReport

        result = st.carry_forward([3], new_report=NewReport("旧报告（结转）", 2024), who="")
        assert st.origins(report_ids=[result.target_report_id])[result.copies[0].id].words == "《旧报告》1.2"
