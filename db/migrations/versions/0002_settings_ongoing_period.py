"""Settings table, ongoing measures (长期坚持) and the start of a report's 序时进度 period.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add setting, item.ongoing and report.period_start (existing reports start on their import day)."""
    op.create_table(
        "setting",
        sa.Column("key", sa.String(100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    with op.batch_alter_table("item") as batch:
        batch.add_column(sa.Column("ongoing", sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table("report") as batch:
        batch.add_column(sa.Column("period_start", sa.Date(), nullable=True))
    report = sa.table("report", sa.column("id", sa.Integer), sa.column("imported_at", sa.DateTime),
                      sa.column("period_start", sa.Date))
    bind = op.get_bind()
    rows = bind.execute(sa.select(report.c.id, report.c.imported_at)).all()
    for report_id, imported_at in rows:  # portable backfill (date() differs between SQLite and PostgreSQL)
        bind.execute(report.update().where(report.c.id == report_id).values(period_start=imported_at.date()))
    with op.batch_alter_table("report") as batch:
        batch.alter_column("period_start", existing_type=sa.Date(), nullable=False)
    with op.batch_alter_table("item") as batch:
        batch.alter_column("ongoing", existing_type=sa.Boolean(), server_default=None)


def downgrade() -> None:
    """Remove what upgrade added."""
    with op.batch_alter_table("report") as batch:
        batch.drop_column("period_start")
    with op.batch_alter_table("item") as batch:
        batch.drop_column("ongoing")
    op.drop_table("setting")
