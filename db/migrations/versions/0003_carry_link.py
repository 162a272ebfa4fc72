"""Carry-forward links (结转): which item was copied from which item of an earlier report.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create carry_link (a new table: existing rows are untouched)."""
    op.create_table(
        "carry_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_uuid", sa.String(36), nullable=False),
        sa.Column("origin_uuid", sa.String(36), nullable=False),
        sa.Column("origin_report_id", sa.Integer(), nullable=False),
        sa.Column("origin_report_title", sa.String(500), nullable=False),
        sa.Column("origin_number", sa.String(50), nullable=False),
        sa.Column("origin_title", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("who", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_carry_link")),
        sa.UniqueConstraint("item_uuid", name=op.f("uq_carry_link_item_uuid")),
    )
    op.create_index(op.f("ix_carry_link_origin_uuid"), "carry_link", ["origin_uuid"])


def downgrade() -> None:
    """Drop carry_link."""
    op.drop_index(op.f("ix_carry_link_origin_uuid"), table_name="carry_link")
    op.drop_table("carry_link")
