"""ORM tables: reports, their item tree, the change history and settings."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Named constraints: Alembic's batch mode on SQLite rebuilds tables and must find them by name.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with the naming convention."""

    metadata = MetaData(naming_convention=NAMING)


class Report(Base):
    """One imported report: where it came from and its plan section."""

    __tablename__ = "report"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    source_name: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    year: Mapped[int | None] = mapped_column(Integer)
    heading: Mapped[str] = mapped_column(String(500), default="")
    preamble: Mapped[str] = mapped_column(Text, default="")
    original_text: Mapped[str] = mapped_column(Text, default="")
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    period_start: Mapped[date] = mapped_column(Date)  # start of 序时进度
    sample: Mapped[bool] = mapped_column(Boolean, default=False)


class Item(Base):
    """An item (depth 0) or a measure under it (depth ≥ 1) of a report's plan."""

    __tablename__ = "item"
    __table_args__ = (Index("ix_item_report_parent_position", "report_id", "parent_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("item.id", ondelete="CASCADE"), index=True)
    depth: Mapped[int] = mapped_column(Integer, default=0)
    position: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(50), default="")
    title: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(8), default="未启动")
    progress: Mapped[int] = mapped_column(Integer, default=0)
    lead_leader: Mapped[str] = mapped_column(String(200), default="")
    lead_unit: Mapped[str] = mapped_column(String(200), default="")
    co_units: Mapped[str] = mapped_column(String(500), default="")
    owner: Mapped[str] = mapped_column(String(200), default="")
    due: Mapped[date | None] = mapped_column(Date)
    original_due: Mapped[date | None] = mapped_column(Date)
    delay_reason: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    ongoing: Mapped[bool] = mapped_column(Boolean, default=False)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)


class History(Base):
    """One changed field of one item. No foreign key: the history outlives a deleted item."""

    __tablename__ = "history"
    __table_args__ = (Index("ix_history_item_field_at", "item_id", "field", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(Integer, index=True)
    item_id: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(DateTime)
    who: Mapped[str] = mapped_column(String(200), default="")
    field: Mapped[str] = mapped_column(String(50))
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)


class Setting(Base):
    """A key/value setting shared by everyone using the database (light thresholds …)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class CarryLink(Base):
    """A measure (or the item holding it) carried forward (结转) from another report: the copy and its origin.

    Keyed by UUIDs, not ids, and without foreign keys: the link survives a deleted and restored copy (it
    keeps its UUID) and names the origin by the snapshot below after the origin's report is deleted.
    """

    __tablename__ = "carry_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_uuid: Mapped[str] = mapped_column(String(36), unique=True)  # the copy
    origin_uuid: Mapped[str] = mapped_column(String(36), index=True)
    origin_report_id: Mapped[int] = mapped_column(Integer)
    origin_report_title: Mapped[str] = mapped_column(String(500))
    origin_number: Mapped[str] = mapped_column(String(50))  # 2.3: the origin's place in its ledger then
    origin_title: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime)
    who: Mapped[str] = mapped_column(String(200), default="")
