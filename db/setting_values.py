"""The settings table as key → text: one way to read a value and one to replace it, for every setting."""

from __future__ import annotations

from sqlalchemy import Connection, delete, insert, select

from db.models import Setting


def read_setting(conn: Connection, key: str) -> str | None:
    """The stored text of `key`, or None when nobody set it."""
    value = conn.execute(select(Setting.value).where(Setting.key == key)).scalar()
    return None if value is None else str(value)


def put_setting(conn: Connection, key: str, value: str) -> None:
    """Store `value` under `key`, replacing what was there (delete + insert: the same SQL on SQLite and PostgreSQL)."""
    conn.execute(delete(Setting).where(Setting.key == key))
    conn.execute(insert(Setting), [{"key": key, "value": value}])
