"""Alembic environment: runs on the connection handed over by db.migrate (no ini file)."""

from alembic import context

from db.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only db.migrate drives Alembic
    raise RuntimeError("db.migrate.upgrade_to_head hands Alembic a connection; run migrations through it")

# render_as_batch: SQLite cannot ALTER most things, so Alembic rebuilds tables (needs named constraints).
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True,
                  compare_type=True)
with context.begin_transaction():
    context.run_migrations()
