"""How the store talks to its database: URLs, the engine and its pragmas, and transactions that cost few round trips.

A server 20–40 ms away makes every round trip a visible wait, so the hot writes send their statements in
batches: on PostgreSQL a batch goes out in one psycopg pipeline (one round trip however many statements);
on SQLite, which has no network, the same statements simply run one after the other.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL, Dialect, make_url
from sqlalchemy.exc import DBAPIError, DisconnectionError
from sqlalchemy.sql import Executable

from db.first_look import default_url  # noqa: F401 - where the store's callers find it

# A pooled server connection unused this long is pinged before use (one round trip): a server restart or a
# firewall dropping idle connections would otherwise fail the clerk's next tick. A connection in steady use is
# not pinged, so a tick costs only its own round trips (SQLAlchemy's pool_pre_ping pings on every checkout).
IDLE_PING_SECONDS = 30.0


def normalise_url(url: str | None) -> str:
    """A SQLAlchemy URL from an argument that may be None, a URL or a plain file path."""
    if url is None or not url.strip():
        url = default_url()
    if "://" not in url:
        path = Path(url).expanduser()
        try:
            path = path.resolve()
        except (OSError, RuntimeError):  # a symlink loop: opening says so in words
            path = Path(os.path.abspath(path))
        url = f"sqlite:///{path}"
    return url


def sqlite_path(url: str) -> Path | None:
    """The database file of a SQLite URL (None for other databases and in-memory SQLite)."""
    u = make_url(url)
    if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return Path(u.database)


def shown_address(url: str) -> str:
    """Where a store's data is, for people: the SQLite file, or the server's URL without the password."""
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    u = make_url(url)
    return URL.create(u.drivername, u.username, None, u.host, u.port, u.database, u.query).render_as_string()


def readonly_uri(path: Path, **params: str) -> str:
    """A read-only SQLite URI for a file (quoted: file names may hold ?, # or %; file:C:/… on Windows)."""
    query = "&".join(f"{k}={v}" for k, v in {"mode": "ro", **params}.items())
    return f"file:{quote(path.as_posix(), safe='/:')}?{query}"


def make_engine(url: str, busy_timeout_ms: int = 5000) -> Engine:
    """An engine with the pragmas that make SQLite safe (WAL, foreign keys, busy timeout, FULL sync), or a
    server engine that pings only connections that sat idle."""
    if make_url(url).get_backend_name() != "sqlite":
        # No automatic server-side prepares: psycopg prepares a statement on its fifth use, which outside a
        # pipeline is one more round trip, and a tick would cost three instead of two now and then.
        engine = create_engine(url, connect_args={"prepare_threshold": None})
        _ping_when_idle(engine)
        return engine
    engine = create_engine(url)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see _begin)
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")  # WAL + NORMAL may lose the last commits on power loss
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # Writers take the lock up front, so two writers never deadlock upgrading a read lock.
        immediate = conn.get_execution_options().get("halfyear_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def probe_server(url: str) -> bool:
    """Connect to a database server once and tell whether it already holds our tables (nothing is changed).

    Raises what the driver raises (DBAPIError when it cannot connect; ArgumentError or ImportError for a
    kind of database we do not support): the caller words it.
    """
    engine = make_engine(url, 5000)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
            return inspect(conn).has_table("report")
    finally:
        engine.dispose()


def _ping_when_idle(engine: Engine) -> None:
    @event.listens_for(engine, "checkin")
    def _returned(dbapi_conn: Any, record: Any) -> None:
        record.info["returned"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _check(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        returned = record.info.get("returned")
        if returned is None or time.monotonic() - returned < IDLE_PING_SECONDS:
            return
        try:
            engine.dialect.do_ping(dbapi_conn)
        except Exception as exc:  # noqa: BLE001 — any failure means a dead connection: the pool opens a new one
            raise DisconnectionError() from exc


@dataclass(frozen=True)
class Statement:
    """One statement of a batch and its parameters."""

    stmt: Executable
    params: Mapping[str, Any] = field(default_factory=dict)
    # The driver's tuples as they come (ItemRow decodes them on access, see Store._rows) instead of rows with
    # SQLAlchemy's types applied (dates and booleans as Python values on SQLite too).
    driver_rows: bool = False


@dataclass(frozen=True)
class Outcome:
    """What one statement of a batch gave back: its rows (as the driver's tuples) and its row count."""

    rows: list[tuple[Any, ...]]
    rowcount: int


class WriteTransaction:
    """One write transaction whose statements are sent in batches (`send`); the last batch commits.

    SQLite: statements run one by one on a BEGIN IMMEDIATE connection. PostgreSQL: the connection is in
    autocommit mode and the batch carries its own BEGIN and COMMIT, all in one pipeline, so a batch is one
    round trip (psycopg's own transaction handling would add a round trip for BEGIN and one for COMMIT).
    """

    def __init__(self, conn: Connection, *, pipelined: bool) -> None:
        self._conn = conn
        self._pipelined = pipelined
        self._begun = False
        self.committed = False

    def send(self, statements: Sequence[Statement], *, commit: bool = False) -> list[Outcome]:
        """Run `statements` in order (one round trip on a server); `commit=True` ends the transaction."""
        if self.committed:
            raise RuntimeError("the transaction is already committed")
        out = self._send_pipelined(statements, commit) if self._pipelined else self._send_plain(statements)
        if commit:
            if not self._pipelined:
                self._conn.commit()
            self.committed = True
        return out

    def _send_plain(self, statements: Sequence[Statement]) -> list[Outcome]:
        # Straight on the driver's cursor with each statement compiled once: SQLAlchemy's execution path
        # (cache key, parameter processing, result set-up) cost more than SQLite's own work for a tick
        # (bench/store.py, "status change + history").
        dialect = self._conn.dialect
        raw = self._conn.connection.dbapi_connection
        assert raw is not None
        cur = raw.cursor()
        out = []
        try:
            for st in statements:
                sql, params = _sql_positional(dialect, st.stmt, st.params)
                cur.execute(sql, params)
                if cur.description is None:
                    rows: list[tuple[Any, ...]] = []
                elif st.driver_rows:
                    rows = list(cur.fetchall())
                else:
                    processors = _result_processors(dialect, st.stmt)
                    rows = [tuple(p(v) if p is not None else v for p, v in zip(processors, r)) for r in cur.fetchall()]
                out.append(Outcome(rows, cur.rowcount))
        finally:
            cur.close()
        return out

    def _send_pipelined(self, statements: Sequence[Statement], commit: bool) -> list[Outcome]:
        # psycopg's tuples already hold Python dates and booleans: driver rows and typed rows are the same
        dialect = self._conn.dialect
        raw = self._conn.connection.dbapi_connection
        assert raw is not None
        compiled = [_sql(dialect, st.stmt, st.params) for st in statements]
        try:
            with raw.pipeline():
                if not self._begun:
                    raw.execute("BEGIN")
                    self._begun = True
                cursors = []
                for sql, params in compiled:
                    cur = raw.cursor()
                    cur.execute(sql, params)
                    cursors.append(cur)
                if commit:
                    raw.execute("COMMIT")
            return [Outcome(list(cur.fetchall()) if cur.description else [], cur.rowcount) for cur in cursors]
        except dialect.loaded_dbapi.Error as exc:
            self._rollback()
            invalidated = dialect.is_disconnect(exc, raw, None)
            if invalidated:
                # as SQLAlchemy does for its own statements: this connection and every other pooled one (the
                # server dropped them all, most likely) are replaced, so the next op does not fail again
                self._conn.invalidate(exc)
                self._conn.engine.dispose(close=False)
            raise DBAPIError.instance(compiled[0][0] if compiled else "", None, exc, dialect.loaded_dbapi.Error,
                                      connection_invalidated=invalidated, dialect=dialect) from exc

    def _rollback(self) -> None:
        raw = self._conn.connection.dbapi_connection
        if raw is None or not self._pipelined:
            return
        try:
            if raw.info.transaction_status != 0:  # not IDLE: a BEGIN is open
                raw.rollback()
        except Exception:  # noqa: BLE001 — a dead connection has nothing left to roll back
            pass

    def abandon(self) -> None:
        """Roll back what was sent (an error between batches)."""
        if not self.committed:
            if self._pipelined:
                self._rollback()
            else:
                self._conn.rollback()


def _sql(dialect: Dialect, stmt: Executable, params: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    """The driver's SQL text and parameters of a statement (expanding IN lists with the values given)."""
    state = _compiled(dialect, stmt).construct_expanded_state(dict(params))
    processors = state.processors or {}
    values = {k: (processors[k](v) if k in processors else v) for k, v in state.parameters.items()}
    return state.statement, values


@lru_cache(maxsize=256)
def _compiled(dialect: Dialect, stmt: Executable) -> Any:
    # Statements built once (the row SELECTs, cached by db.queries) are compiled once too.
    return stmt.compile(dialect=dialect)  # type: ignore[attr-defined]


def _sql_positional(dialect: Dialect, stmt: Executable, params: Mapping[str, Any]) -> tuple[str, tuple[Any, ...]]:
    """As _sql, for a driver taking its parameters in order (SQLite's qmark style)."""
    state = _compiled(dialect, stmt).construct_expanded_state(dict(params))
    processors = state.processors or {}
    values = state.parameters
    return state.statement, tuple(processors[k](values[k]) if k in processors else values[k]
                                  for k in state.positiontup or ())


@lru_cache(maxsize=256)
def _result_processors(dialect: Dialect, stmt: Executable) -> tuple[Any, ...]:
    """The functions turning a driver's column values into Python values (SQLite's dates and booleans)."""
    return tuple(col.type.dialect_impl(dialect).result_processor(dialect, None)
                 for col in stmt.selected_columns)  # type: ignore[attr-defined]


def fetch_all(conn: Connection, stmt: Executable, params: Mapping[str, Any]) -> list[tuple[Any, ...]]:
    """A SELECT's rows as tuples of Python values; on SQLite straight on the driver's cursor (compiled once)."""
    if conn.dialect.name != "sqlite":
        return [tuple(r) for r in conn.execute(stmt, dict(params))]
    sql, values = _sql_positional(conn.dialect, stmt, params)
    raw = conn.connection.dbapi_connection
    assert raw is not None
    processors = _result_processors(conn.dialect, stmt)
    return [tuple(p(v) if p is not None else v for p, v in zip(processors, r)) for r in raw.execute(sql, values)]


def insert_many(conn: Connection, stmt: Executable, rows: Sequence[Mapping[str, Any]]) -> int | None:
    """Run an INSERT over many parameter sets; returns the last row id on SQLite (None elsewhere).

    SQLite: straight on the driver's cursor with the statement compiled once and each row's values put in
    order through the column types' converters (dates, booleans), as SQLAlchemy's executemany would.
    Parameter names are the column names with a `p_` in front (see db.store._insert_statement).
    """
    if conn.dialect.name != "sqlite":
        conn.execute(stmt, [{f"p_{k}": v for k, v in r.items()} for r in rows])
        return None
    if not rows:
        return None
    state = _compiled(conn.dialect, stmt).construct_expanded_state({f"p_{k}": None for k in rows[0]})
    names = state.positiontup or ()
    processors = state.processors or {}
    keys = [n[2:] for n in names]
    convert = [processors.get(n) for n in names]
    raw = conn.connection.dbapi_connection
    assert raw is not None
    cur = raw.cursor()
    try:
        values = [tuple(c(r[k]) if c is not None else r[k] for k, c in zip(keys, convert)) for r in rows]
        if len(values) == 1:  # the driver keeps lastrowid after execute() only
            cur.execute(state.statement, values[0])
        else:
            cur.executemany(state.statement, values)
        return cur.lastrowid
    finally:
        cur.close()


@contextmanager
def write_transaction(engine: Engine) -> Iterator[WriteTransaction]:
    """A write transaction on the store's database; anything not committed is rolled back.

    Driver errors come out as SQLAlchemy's DBAPIError subclasses, as from any other statement.
    """
    pipelined = engine.dialect.name == "postgresql"
    options: dict[str, Any] = {"isolation_level": "AUTOCOMMIT"} if pipelined else {"halfyear_write": True}
    with engine.execution_options(**options).connect() as conn:
        if not pipelined:
            conn.begin()
        tx = WriteTransaction(conn, pipelined=pipelined)
        try:
            yield tx
        except BaseException:
            tx.abandon()
            raise
        if not tx.committed:
            tx.abandon()
