"""The first report's rows read straight with sqlite3, before SQLAlchemy is imported (the window's cold start).

Opening the store costs ~0.4 s here (SQLAlchemy's and Alembic's imports, the migration check) and the window
would show an empty tree until then. This module imports neither: it opens the file read-only, checks that
its schema is the one this version writes (else it reads nothing and the store's own path migrates), and
runs the row SELECT of db.queries compiled ahead (db/first_look_sql.py, kept in step by a test).
Anything unexpected — no file, a server URL, another schema, a damaged file — gives None: the store then
opens as it always did and says what is wrong.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import date, timedelta
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote

from db import first_look_sql as sql
from db.item_row import ItemRow, preorder, row_from_values

_LIGHT_DEFAULTS = {"deadline_yellow_days": 15, "schedule_yellow_points": 10, "schedule_red_points": 30}


class FirstLook(NamedTuple):
    """One report's rows as Store.item_tree returns them."""

    report_id: int
    rows: list[ItemRow]


def default_url() -> str:
    """$HALFYEAR_DB, else the SQLite file in the user's data folder."""
    env = os.environ.get("HALFYEAR_DB", "").strip()
    if env:
        return env
    import platformdirs

    folder = Path(platformdirs.user_data_dir("halfyear", appauthor=False))
    return f"sqlite:///{folder / 'halfyear.db'}"


def _sqlite_file(url: str | None) -> Path | None:
    """The file of a plain SQLite URL or path (None for a server, memory, or a URL with options)."""
    if url is None or not url.strip():
        url = default_url()
    if "://" not in url:
        return Path(url).expanduser()
    prefix = "sqlite:///"
    if not url.startswith(prefix) or "?" in url:
        return None
    name = url[len(prefix):]
    return Path(name) if name and name != ":memory:" else None


def first_look(url: str | None, wanted: int | None) -> FirstLook | None:
    """Report `wanted` (else the one the list shows first) with its rows, or None when that cannot be read fast."""
    if wanted is not None and wanted < 0:
        return None  # the list of every report's measures: the store's path reads it
    path = _sqlite_file(url)
    if path is None or not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"file:{quote(path.as_posix(), safe='/:')}?mode=ro", uri=True, timeout=1.0)
    except sqlite3.Error:
        return None
    try:
        return _read(conn, wanted)
    except (sqlite3.Error, ValueError):
        return None
    finally:
        conn.close()


def _read(conn: sqlite3.Connection, wanted: int | None) -> FirstLook | None:
    if conn.execute("SELECT version_num FROM alembic_version").fetchall() != [(sql.HEAD,)]:
        return None
    conn.execute("BEGIN")  # the report chosen and its rows from one snapshot
    rid = None
    if wanted is not None:
        rid = conn.execute("SELECT id FROM report WHERE id = ?", (wanted,)).fetchone()
    if rid is None:  # the first report of the list: newest plan year first, newest import first within it
        rid = conn.execute("SELECT id FROM report ORDER BY year IS NULL, year DESC, imported_at DESC, id DESC "
                           "LIMIT 1").fetchone()
    if rid is None:
        return None
    settings = dict(_LIGHT_DEFAULTS)
    for key, value in conn.execute("SELECT key, value FROM setting WHERE key LIKE 'light.%'"):
        if key[6:] in settings:
            settings[key[6:]] = int(value)
    today = date.today()
    scope = {"ref": today.isoformat(),
             "ref_yellow": (today + timedelta(days=settings["deadline_yellow_days"])).isoformat(),
             "yellow_pts": settings["schedule_yellow_points"], "red_pts": settings["schedule_red_points"],
             "report_ids_1": rid[0]}
    params = tuple(scope[name] if name else value for name, value in zip(sql.NAMES, sql.VALUES))
    rows = list(map(row_from_values, conn.execute(sql.ROWS, params).fetchall()))
    return FirstLook(rid[0], preorder(rows))
