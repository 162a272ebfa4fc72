"""The first report read without SQLAlchemy (db.first_look) gives what the store gives, or nothing."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from db.api import LightSettings, Status
from db.first_look import first_look
from db.first_look_gen import TARGET, render
from db.store import open_store
from tests.db.plans import make_plan


def test_the_stored_sql_is_what_db_queries_compiles_now() -> None:
    assert TARGET.read_text(encoding="utf-8") == render(), "run python -m db.first_look_gen"


def test_rows_are_the_stores_rows_for_the_saved_or_the_first_report(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'h.db'}"
    with open_store(url) as st:
        old = st.import_plan(make_plan(title="旧", year=2023), sha256="a" * 64, original_text="").report_id
        st.import_plan(make_plan(title="无年份", year=None), sha256="c" * 64, original_text="")  # type: ignore[arg-type]
        new = st.import_plan(make_plan(title="新", year=2024, due=date(2020, 1, 1)), sha256="b" * 64,
                             original_text="").report_id
        m = next(r for r in st.item_tree(old) if r.is_measure)
        st.set_status(m.id, Status.DONE, expected_version=m.version, who="t")
        st.set_light_settings(LightSettings(deadline_yellow_days=400, schedule_yellow_points=1,
                                            schedule_red_points=2))
        first_shown = st.list_reports()
        for wanted, rid in ((old, old), (None, new), (9999, new)):
            look = first_look(url, wanted)
            assert look is not None and look.report_id == rid
            assert look.rows == st.item_tree(rid)
    assert [r.title for r in first_shown][0] == "新"


def test_nothing_when_it_cannot_read_fast(tmp_path: Path) -> None:
    assert first_look(f"sqlite:///{tmp_path / 'missing.db'}", None) is None
    assert first_look("postgresql+psycopg://u@127.0.0.1:1/x", None) is None
    url = f"sqlite:///{tmp_path / 'h.db'}"
    with open_store(url) as st:
        assert first_look(url, None) is None  # no reports
        rid = st.import_plan(make_plan(), sha256="a" * 64, original_text="").report_id
    assert first_look(url, -1) is None  # the all-reports view
    assert first_look(str(tmp_path / "h.db"), rid) is not None  # a plain path
    conn = sqlite3.connect(tmp_path / "h.db")
    conn.execute("UPDATE alembic_version SET version_num = 'older'")
    conn.commit()
    conn.close()
    assert first_look(url, rid) is None  # another schema: the store migrates first
    (tmp_path / "junk.db").write_bytes(b"not a database" * 100)
    assert first_look(f"sqlite:///{tmp_path / 'junk.db'}", None) is None
