"""Storage: SQLAlchemy models, the store API and Alembic migrations (never imports Qt)."""
