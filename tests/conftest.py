"""Shared fixtures. Qt must be told to run offscreen before anything imports it."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(params=SEEDS, ids=lambda p: p.name[:3])
def seed_path(request: pytest.FixtureRequest) -> Path:
    """Each sample report in seeds/ in turn."""
    return request.param


# ----------------------------------------------------------------------------- the store's databases
import itertools  # noqa: E402
from collections.abc import Iterator  # noqa: E402

from tests import pg_server  # noqa: E402

_db_numbers = itertools.count(1)


@pytest.fixture
def store(tmp_path: Path) -> Iterator["object"]:
    """A fresh, migrated SQLite store in a temp folder."""
    from db.store import open_store

    st = open_store(str(tmp_path / "halfyear.db"))
    yield st
    st.close()


@pytest.fixture(scope="session")
def pg_server_running() -> Iterator[pg_server.PgServer]:
    """One PostgreSQL server for the whole run; missing PostgreSQL fails in CI (CI=true), skips locally."""
    try:
        server = pg_server.start()
    except pg_server.PostgresUnavailable as exc:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"PostgreSQL is required in CI: {exc}")
        pytest.skip(f"PostgreSQL not available: {exc}")
    try:
        import psycopg
        from sqlalchemy import create_engine

        from db.migrate import upgrade_to_head

        with psycopg.connect(f"host=127.0.0.1 port={server.port} user=postgres dbname=postgres",
                             autocommit=True) as conn:
            conn.execute("CREATE DATABASE halfyear_template")
        engine = create_engine(server.url("halfyear_template"))
        upgrade_to_head(engine)  # tests share this database, emptied before each one
        engine.dispose()
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_url(pg_server_running: pg_server.PgServer) -> Iterator[str]:
    """The migrated PostgreSQL test database, emptied for each test (faster than a new database)."""
    import psycopg

    dsn = f"host=127.0.0.1 port={pg_server_running.port} user=postgres dbname=halfyear_template"
    with psycopg.connect(dsn, autocommit=True) as conn:
        # a connection left inside a transaction by a failed test would make TRUNCATE wait forever
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                     "WHERE datname = 'halfyear_template' AND pid <> pg_backend_pid()")
        conn.execute("TRUNCATE report, item, history, setting, carry_link RESTART IDENTITY CASCADE")
    yield pg_server_running.url("halfyear_template")


@pytest.fixture
def pg_empty_url(pg_server_running: pg_server.PgServer) -> Iterator[str]:
    """A new, empty PostgreSQL database (no tables) for migration tests."""
    import psycopg

    name = f"empty{os.getpid()}_{next(_db_numbers)}"
    dsn = f"host=127.0.0.1 port={pg_server_running.port} user=postgres dbname=postgres"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name} TEMPLATE template0")
    yield pg_server_running.url(name)
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def pg_store(pg_url: str) -> Iterator["object"]:
    """A store on a fresh PostgreSQL database."""
    from db.store import open_store

    st = open_store(pg_url)
    yield st
    st.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_store(request: pytest.FixtureRequest) -> "object":
    """The same test on SQLite and on PostgreSQL."""
    return request.getfixturevalue("store" if request.param == "sqlite" else "pg_store")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database URL on SQLite (not created yet) and on PostgreSQL (empty, migrated)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'halfyear.db'}"
    return str(request.getfixturevalue("pg_url"))
