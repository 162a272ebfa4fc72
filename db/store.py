"""The store: open the database (SQLite or PostgreSQL) and read and change reports and items."""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
import uuid as uuidlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import Connection, DateTime, Engine, Table, and_, bindparam, case, delete, func, insert, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, DBAPIError, IntegrityError, OperationalError, ProgrammingError

from db import backup, diagnose, queries
from db import migrate as migration
from db.api import (
    DONE_STATUSES,
    EDITABLE_FIELDS,
    ConflictError,
    DatabaseOpenError,
    DuplicateReportError,
    HistoryRow,
    StoreError,
    ImportResult,
    InvalidChangeError,
    ItemChange,
    ItemFilter,
    ItemRow,
    LightSettings,
    NotFoundError,
    ReportSummary,
    StatsRow,
    Status,
)
from db.backup_files import BackupPolicy, newest_backup
from db.clock import now as _now
from db.engine import Statement, WriteTransaction, fetch_all, insert_many, make_engine, normalise_url, readonly_uri, sqlite_path, write_transaction
from db.item_row import preorder as _preorder, row_from_values
from db.models import History, Item, Report, Setting
from db.setting_values import put_setting, read_setting
from db.year_end import YearEndStore
from desktop.core.gc_pause import cyclic_gc_paused
from desktop.core.os_words import os_words
from desktop.core.types import Plan, PlanItem

_STORED = ("label", "title", "text", "status", "progress", "lead_leader", "lead_unit", "co_units", "owner",
           "due", "original_due", "delay_reason", "note", "ongoing")
_CHUNK = 500
# what a report may say about who answers for a task is cut to the column's width (PostgreSQL enforces it)
_NAME_MAX: int = Item.__table__.c.lead_unit.type.length  # type: ignore[attr-defined]
_UNITS_MAX: int = Item.__table__.c.co_units.type.length  # type: ignore[attr-defined]
_EDIT_COLUMNS = ("id", "parent_id", "report_id", "version", "completed_at", *_STORED)


def open_store(url: str | None = None, *, migrate: bool = True, busy_timeout_ms: int = 5000,
               backups: BackupPolicy | None = None) -> Store:
    """Open (and create or migrate) the database; raises DatabaseOpenError without touching a bad file.

    `busy_timeout_ms`: how long a SQLite write waits for another program's write before giving up.
    `backups`: where this store's backups go and how many are kept (the window's settings).
    """
    chosen = bool(url and url.strip()) or bool(os.environ.get("HALFYEAR_DB", "").strip())
    try:
        url = normalise_url(url)
        path = sqlite_path(url)
    except ArgumentError as exc:
        raise DatabaseOpenError(f"数据库地址“{url}”写得不对。请用 SQLite 文件路径，或 postgresql+psycopg://用户@服务器/库名。", None,
                                about_backups=False) from exc
    if path is not None:
        _check_sqlite_file(path, backups)
        if not path.parent.is_dir():
            if chosen:  # a typo in --db must not quietly start an empty database somewhere else
                raise DatabaseOpenError(f"文件夹“{path.parent}”不存在。请检查数据库路径是否写错，或先建立这个文件夹。", None,
                                        about_backups=False)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise _folder_error(path, exc) from exc
    try:
        engine = make_engine(url, busy_timeout_ms)
    except (ArgumentError, ImportError) as exc:  # NoSuchModuleError is an ArgumentError
        raise DatabaseOpenError(f"不支持的数据库“{make_url(url).get_backend_name()}”。本程序支持 SQLite 文件和 PostgreSQL（postgresql+psycopg://…）。", None,
                                about_backups=False) from exc
    try:
        if migrate:
            current = migration.current_revision(engine)
            if current is not None and current not in migration.known_revisions():
                raise DatabaseOpenError(f"数据库 {path or url} 由更新版本的程序创建（结构版本 {current}），请升级本程序后再打开。",
                                        newest_backup(path, backups) if path else None)
            if current != migration.head_revision():
                if path is not None and current is not None:
                    backup.backup_file(path, reason="before-migration", policy=backups)
                migration.upgrade_to_head(engine)
    except DatabaseOpenError:
        engine.dispose()
        raise
    except StoreError as exc:  # the backup before a migration failed (full disk, read-only folder)
        engine.dispose()
        raise DatabaseOpenError(str(exc), about_backups=False) from exc
    except (DBAPIError, sqlite3.DatabaseError) as exc:
        engine.dispose()
        if path is not None:
            raise diagnose.open_error(path, exc) from exc
        raise DatabaseOpenError(f"无法连接数据库 {make_url(url).render_as_string(hide_password=True)}：{exc.__class__.__name__}。"
                                "请检查地址、用户名和服务器是否在运行。", about_backups=False) from exc
    store = Store(engine, url)
    if backups is not None:
        store.backup_policy = backups
    if path is not None and migrate:
        try:
            backup.maybe_daily_backup(store)
        except StoreError as exc:
            # the data is fine; a clerk can still look and export, and is told why no backup was made
            store.warnings.append(f"今天的自动备份没有完成：{exc}")
    return store


def _check_sqlite_file(path: Path, backups: BackupPolicy | None = None) -> None:
    """Refuse a file that is not a healthy halfyear database before our own connections write to it.

    Only SQLite itself reads the file. Opening and closing it with plain Python would drop every POSIX
    lock this process holds on it, SQLite's included, and another process could then reset the WAL
    under a store that is open here ("How To Corrupt An SQLite Database File", section 2.2).
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        return
    except OSError as exc:  # a symlink loop, a folder we may not enter
        raise _folder_error(path, exc) from exc
    if stat.S_ISDIR(info.st_mode):
        raise DatabaseOpenError(f"{path} 是一个文件夹，不是数据库文件。", None, about_backups=False)
    # Read-only first: our own connections switch on WAL, which would write to a damaged file.
    try:
        conn = sqlite3.connect(readonly_uri(path), uri=True)
        try:
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise diagnose.open_error(path, exc) from exc
    if check != "ok":
        raise diagnose.damaged(path)
    if tables and "alembic_version" not in tables:  # never add our tables to another program's database
        raise DatabaseOpenError(f"数据库文件 {path} 不是本程序的数据库文件（是其他程序的 SQLite 数据库）。文件没有被改动。",
                                newest_backup(path, backups))
    if not tables and info.st_size == 0:
        _check_empty_file(path, backups)


def _check_empty_file(path: Path, backups: BackupPolicy | None) -> None:
    """An empty file where a database with backups was (in the chosen backup folder too) lost its content: not new."""
    newest = newest_backup(path, backups)
    if newest is not None:
        raise DatabaseOpenError(f"数据库文件 {path} 是空的（0 字节），原有内容已丢失，可能是磁盘故障或复制中断。"
                                "文件没有被改动。", newest)


def _folder_error(path: Path, exc: OSError) -> DatabaseOpenError:
    problem = diagnose.os_problem(exc)
    if problem == "full":
        return DatabaseOpenError(diagnose.disk_full(path.parent, "数据库没有打开"), about_backups=False)
    if problem == "readonly":
        return DatabaseOpenError(diagnose.no_write(path.parent, "数据库没有打开"), about_backups=False)
    if exc.errno == getattr(errno, "ELOOP", None):
        return DatabaseOpenError(f"数据库路径 {path} 中有循环的符号链接，无法打开。请检查路径。", about_backups=False)
    return DatabaseOpenError(f"无法访问数据库路径 {path}（{os_words(exc)}）。请检查路径和权限。", about_backups=False)


def _text(value: object) -> str | None:
    """History stores every value as text (dates ISO, booleans 1/0)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


_UNITS_KEY = "office.units"


class Store(YearEndStore):
    """Everything the UI, the CLI and the Excel code do with the database (year-end calls: db/year_end.py)."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.url = url
        self.engine = engine
        self.is_sqlite = engine.dialect.name == "sqlite"
        # Core connections, not ORM sessions: every statement here is Core, and a Session's bookkeeping
        # costs about a millisecond per write (a status change must stay under 3 ms).
        self._writer = engine.execution_options(halfyear_write=True)
        self._single_reads = engine if self.is_sqlite else engine.execution_options(isolation_level="AUTOCOMMIT")
        self._settings: LightSettings | None = None
        self._path = sqlite_path(url)
        self.warnings: list[str] = []  # said once after opening (a daily backup that could not be made)
        self.backup_policy = BackupPolicy()  # where backups go, how many are kept

    # ----------------------------------------------------------------- lifecycle
    def close(self) -> None:
        """Release every connection (the file can be backed up, restored or deleted afterwards)."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None for PostgreSQL."""
        return self._path

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        with friendly_errors(self._path, writing=True), self._writer.begin() as s:
            yield s

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        """A read of several statements that must agree with each other: one snapshot for all of them.

        SQLite's transaction holds one from its first read. PostgreSQL's default, READ COMMITTED, takes a
        new one per statement: a write committed between two of them (a tick from another PC) would show
        in the second and not the first, so the read runs at REPEATABLE READ (which never fails a reader).
        """
        with friendly_errors(self._path, writing=False), self.engine.connect() as s:
            if not self.is_sqlite:
                s.execution_options(isolation_level="REPEATABLE READ")
            yield s

    @contextmanager
    def _read_once(self) -> Iterator[Connection]:
        """A read of one statement. On a server it runs outside a transaction: no BEGIN and no ROLLBACK
        round trips around it (one statement always sees one consistent snapshot)."""
        with friendly_errors(self._path, writing=False), self._single_reads.connect() as s:
            yield s

    @contextmanager
    def _editing(self) -> Iterator[WriteTransaction]:
        with friendly_errors(self._path, writing=True), write_transaction(self.engine) as tx:
            yield tx

    def _scope(self, **kw: Any) -> queries.Scope:
        return queries.Scope(is_sqlite=self.is_sqlite, **kw)

    # ----------------------------------------------------------------- settings
    def light_settings(self) -> LightSettings:
        """The light thresholds (defaults until someone changes them)."""
        if self._settings is None:
            with self._read_once() as s:
                stored = dict(s.execute(select(Setting.key, Setting.value)).all())
            defaults = LightSettings()
            self._settings = LightSettings(**{
                name: int(stored.get(f"light.{name}", getattr(defaults, name)))
                for name in ("deadline_yellow_days", "schedule_yellow_points", "schedule_red_points")
            })
        return self._settings

    def set_light_settings(self, settings: LightSettings) -> None:
        """Store new light thresholds for everyone using this database."""
        if not 0 <= settings.schedule_yellow_points <= settings.schedule_red_points or settings.deadline_yellow_days < 0:
            raise InvalidChangeError("亮灯阈值不合理：黄灯落后点数应不大于红灯落后点数，且都不为负数。")
        with self._writing() as s:
            for name in ("deadline_yellow_days", "schedule_yellow_points", "schedule_red_points"):
                put_setting(s, f"light.{name}", str(getattr(settings, name)))
        self._settings = settings

    def office_units(self) -> list[str]:
        """The office's units offered by the 牵头单位/配合单位 pickers (kept in the database: everyone shares them)."""
        with self._read_once() as s:
            value = read_setting(s, _UNITS_KEY)
        return [u for u in (value or "").split("\n") if u]

    def set_office_units(self, units: Sequence[str]) -> list[str]:
        """Store the office's units (stripped, blank and repeated ones dropped); returns what was stored."""
        clean = list(dict.fromkeys(u.strip() for u in units if u.strip()))
        with self._writing() as s:
            put_setting(s, _UNITS_KEY, "\n".join(clean))
        return clean

    # ----------------------------------------------------------------- import
    def import_plan(self, plan: Plan, *, sha256: str, original_text: str, sample: bool = False,
                    allow_duplicate: bool = False, who: str = "") -> ImportResult:
        """Save a parsed plan in one transaction; the same file twice → DuplicateReportError."""
        now = _now()
        with self._writing() as s:
            if not allow_duplicate:
                found = fetch_all(s, _same_file_select(), {"sha": sha256})
                if found:
                    raise DuplicateReportError(*found[0])
            report_row = {
                "title": plan.title or plan.source, "source_name": plan.source, "sha256": sha256,
                "year": plan.year, "heading": plan.section.heading, "preamble": plan.section.preamble or "",
                "original_text": original_text, "imported_at": now, "period_start": now.date(),
                "sample": sample,
            }
            if self.is_sqlite:  # the driver's cursor, statements compiled once (db.engine.insert_many)
                report_id = insert_many(s, _insert_statement("report", tuple(report_row)), [report_row])
            else:
                report_id = s.execute(insert(Report).returning(Report.id), [report_row]).scalar_one()
            assert report_id is not None
            level: list[tuple[int | None, int, PlanItem]] = [(None, pos, it) for pos, it in enumerate(plan.items)]
            items = measures = depth = 0
            table = Item.__table__
            assert isinstance(table, Table)
            while level:
                rows = [self._plan_row(report_id, parent, depth, pos, it, now) for parent, pos, it in level]
                insert_many(s, _insert_statement("item", tuple(rows[0])), rows)  # one statement for the whole level
                if depth == 0:
                    items = len(rows)
                measures += sum(1 for _, _, it in level if not it.children)
                parents = [(row["uuid"], it) for row, (_, _, it) in zip(rows, level) if it.children]
                if parents:
                    ids: dict[str, int] = dict(fetch_all(s, _ids_at_depth(), {"rid": report_id, "depth": depth}))
                    level = [(ids[u], pos, child) for u, it in parents for pos, child in enumerate(it.children)]
                else:
                    level = []
                depth += 1
        return ImportResult(report_id=report_id, items=items, measures=measures)

    @staticmethod
    def _plan_row(report_id: int, parent: int | None, depth: int, pos: int, it: PlanItem,
                  now: datetime) -> dict[str, Any]:
        return {
            "uuid": str(uuidlib.uuid4()), "report_id": report_id, "parent_id": parent, "depth": depth,
            "position": pos, "label": it.label, "title": it.title, "text": it.text, "source": it.source,
            "status": Status.NOT_STARTED.value, "progress": 0, "lead_leader": it.duty.lead_leader[:_NAME_MAX],
            "lead_unit": it.duty.lead_unit[:_NAME_MAX], "co_units": it.duty.co_units[:_UNITS_MAX],
            "owner": it.duty.owner[:_NAME_MAX], "due": it.due, "original_due": None, "delay_reason": "", "note": "",
            "ongoing": it.ongoing, "completed_at": None, "created_at": now, "updated_at": now, "version": 1,
        }

    # ----------------------------------------------------------------- reports
    def list_reports(self, *, as_of: date | None = None) -> list[ReportSummary]:
        """Every report (newest first) with its progress, computed in SQL."""
        return self._summaries(None, as_of)

    def get_report(self, report_id: int) -> ReportSummary:
        """One report's summary; NotFoundError when it does not exist."""
        found = self._summaries([report_id], None)
        if not found:
            raise NotFoundError(f"没有编号为 {report_id} 的报告（可能已被删除）。")
        return found[0]

    def _summaries(self, report_ids: Sequence[int] | None, as_of: date | None) -> list[ReportSummary]:
        stmt = self._summary_statement(report_ids, as_of)
        with self._read_once() as s:
            result = s.execute(stmt.stmt, dict(stmt.params)).all()
        return [_summary(r) for r in result]

    def _summary_statement(self, report_ids: Sequence[int] | None, as_of: date | None) -> Statement:
        """The SELECT of report summaries (columns in _summary's order), with its parameters."""
        scope = self._scope(report_ids=report_ids, as_of=as_of)
        return Statement(_summary_select(scope.shape), scope.params(self.light_settings()))

    def delete_report(self, report_id: int) -> None:
        """Delete a report with its items and their history."""
        with self._writing() as s:
            if s.execute(delete(Report).where(Report.id == report_id)).rowcount == 0:
                raise NotFoundError(f"没有编号为 {report_id} 的报告（可能已被删除）。")
            s.execute(delete(History).where(History.report_id == report_id))

    def remove_samples(self) -> int:
        """Delete every sample report; returns how many were removed."""
        with self._writing() as s:
            ids = s.execute(select(Report.id).where(Report.sample.is_(True))).scalars().all()
            if ids:
                s.execute(delete(History).where(History.report_id.in_(ids)))
                s.execute(delete(Report).where(Report.id.in_(ids)))
        return len(ids)

    def report_text(self, report_id: int) -> str:
        """The full original text of a report, as imported."""
        with self._read_once() as s:
            text = s.execute(select(Report.original_text).where(Report.id == report_id)).scalar()
        if text is None:
            raise NotFoundError(f"没有编号为 {report_id} 的报告（可能已被删除）。")
        return text

    def item_titles(self) -> dict[int, tuple[str, str, list[str]]]:
        """Every report's title, file hash and items' titles (depth 0) in order: what an import compares a new plan
        with."""
        out: dict[int, tuple[str, str, list[str]]] = {}
        # one statement: on a server far away each one is a round trip
        stmt = (select(Report.id, Report.title, Report.sha256, Item.title)
                .outerjoin(Item, and_(Item.report_id == Report.id, Item.depth == 0))
                .order_by(Report.id, Item.position))
        with self._read_once() as s:
            for rid, title, sha, item_title in s.execute(stmt):
                entry = out.setdefault(rid, (title, sha, []))
                if item_title is not None:
                    entry[2].append(item_title)
        return out

    # ----------------------------------------------------------------- reading items
    def _rows(self, s: Connection, scope: queries.Scope, flt: ItemFilter | None = None, *,
              order: str = "tree") -> list[ItemRow]:
        stmt = queries.row_select(scope.shape, queries.filter_shape(flt), order)
        params = scope.params(self.light_settings()) | queries.filter_params(flt)
        result = s.execute(stmt, params)
        # The driver's tuples become the rows as they are (ItemRow decodes on access): SQLAlchemy's
        # per-row processing and a Python object per row each cost more than the fetch (bench/store.py).
        with cyclic_gc_paused():
            try:
                return list(map(row_from_values, result.cursor.fetchall()))
            finally:
                result.close()

    def item_tree(self, report_id: int, *, as_of: date | None = None) -> list[ItemRow]:
        """A report's items in pre-order: item, its measures (depth-first), next item …"""
        with self._read_once() as s:
            rows = self._rows(s, self._scope(report_ids=[report_id], as_of=as_of), order="siblings")
        return _preorder(rows)

    def items(self, flt: ItemFilter, *, as_of: date | None = None) -> list[ItemRow]:
        """Items of several reports, filtered in SQL, ordered by report and tree position."""
        with self._read_once() as s:
            return self._rows(s, self._scope(report_ids=flt.report_ids, as_of=as_of), flt)

    def open_due(self, statuses: Sequence[Status], due_before: date, *,
                 report_ids: Sequence[int] | None = None) -> list[tuple[int, date]]:
        """(id, deadline) of the measures in `statuses` due by `due_before` and not 长期坚持, in report then id order."""
        params: dict[str, Any] = {"statuses": [Status(st).value for st in statuses], "due_before": due_before}
        if report_ids is not None:
            params["report_ids"] = list(report_ids)
        with self._read_once() as s:
            return [(i, d) for i, d in s.execute(queries.due_select(report_ids is not None), params)]

    def get_item(self, item_id: int) -> ItemRow:
        """One item; NotFoundError when it does not exist."""
        with self._read_once() as s:
            return self._get(s, item_id)

    def _get(self, s: Connection, item_id: int) -> ItemRow:
        rows = self._rows(s, self._scope(item_ids=[item_id]))
        if not rows:
            raise NotFoundError(f"没有编号为 {item_id} 的条目（可能已被删除）。")
        return rows[0]

    def get_items_by_uuid(self, uuids: Iterable[str]) -> dict[str, ItemRow]:
        """Items by their stable UUID (as written into exported sheets); unknown UUIDs are left out."""
        wanted = list(dict.fromkeys(uuids))
        out: dict[str, ItemRow] = {}
        with self._read() as s:
            for start in range(0, len(wanted), _CHUNK):
                ids = s.execute(select(Item.id).where(Item.uuid.in_(wanted[start:start + _CHUNK]))).scalars().all()
                if ids:
                    out.update((r.uuid, r) for r in self._rows(s, self._scope(item_ids=ids)))
        return out

    def subtree(self, item_id: int) -> list[ItemRow]:
        """The item and everything under it, pre-order."""
        with self._read() as s:
            return self._subtree(s, item_id)

    def _subtree(self, s: Connection, item_id: int) -> list[ItemRow]:
        report_id = s.execute(select(Item.report_id).where(Item.id == item_id)).scalar()
        if report_id is None:
            raise NotFoundError(f"没有编号为 {item_id} 的条目（可能已被删除）。")
        ids = _descendants(s, report_id, item_id)
        rows = self._rows(s, self._scope(item_ids=[item_id, *ids]))
        return _preorder(rows)

    def history(self, item_id: int) -> list[HistoryRow]:
        """Every recorded change of an item, oldest first."""
        stmt = (select(History.id, History.item_id, History.at, History.who, History.field, History.old, History.new)
                .where(History.item_id == item_id).order_by(History.at, History.id))
        with self._read_once() as s:
            return [HistoryRow(*r) for r in s.execute(stmt)]

    def statistics(self, *, report_ids: Sequence[int] | None = None, by: Literal["report", "unit"] = "report",
                   as_of: date | None = None) -> list[StatsRow]:
        """Completion figures of measures per report or per 牵头单位, computed in SQL."""
        scope = self._scope(report_ids=report_ids, as_of=as_of)
        rows = queries.item_select(scope.shape)
        c = rows.c
        key = c.r_title if by == "report" else c.unit
        group = [c.report_id, c.r_title] if by == "report" else [c.unit]
        stmt = (select(*group, *queries.stats_columns(rows))
                .where(c.child_count == 0).group_by(*group))
        stmt = stmt.order_by(c.report_id) if by == "report" else stmt.order_by(key)
        with self._read_once() as s:
            result = s.execute(stmt, scope.params(self.light_settings())).all()
        out = []
        for r in result:
            total, cancelled = int(r.total), int(r.cancelled or 0)
            live = total - cancelled
            out.append(StatsRow(
                key=(r.r_title if by == "report" else (r.unit or "未填写")), total=total, done=int(r.done or 0),
                in_progress=int(r.in_progress or 0), not_started=int(r.not_started or 0),
                overdue=int(r.overdue or 0), rate=(int(r.done or 0) / live) if live else 0.0,
                ahead=int(r.ahead or 0), on_track=int(r.on_track or 0), behind=int(r.behind or 0),
                report_id=r.report_id if by == "report" else None,
            ))
        return out

    # ----------------------------------------------------------------- editing
    def set_status(self, item_id: int, status: Status | str, *, expected_version: int, who: str,
                   note: str | None = None, with_report: bool = False) -> ItemChange:
        """Change the 完成状态 (and optionally the 进展情况) of one item."""
        changes: dict[str, object] = {"status": status}
        if note is not None:
            changes["note"] = note
        return self.update_item(item_id, changes, expected_version=expected_version, who=who,
                                with_report=with_report)

    def set_status_many(self, statuses: Sequence[tuple[int, Status | str, int]], *, who: str,
                        with_report: bool = False) -> list[ItemChange]:
        """Change the status of several items, each given as (item id, status, expected version), in one
        transaction: all are written or, on a ConflictError for any of them, none."""
        return self._edit([(item_id, _validated({"status": status}), version)
                           for item_id, status, version in statuses], who=who, with_report=with_report)

    def update_item(self, item_id: int, changes: Mapping[str, object], *, expected_version: int,
                    who: str, with_report: bool = False) -> ItemChange:
        """Change fields of one item; ConflictError when its version is not `expected_version`."""
        return self._edit([(item_id, _validated(changes), expected_version)], who=who, with_report=with_report)[0]

    def _edit(self, edits: Sequence[tuple[int, dict[str, object], int]], *, who: str,
              with_report: bool) -> list[ItemChange]:
        """Field edits of rows in one transaction sent in two batches: a server sees two round trips.

        First the rows are locked and read (their stored values for the diff and the history, their row
        snapshots as `before`); then every UPDATE, the history, the rows after (with their parents' roll-ups)
        and, when asked, the reports' summaries go out together with the COMMIT.
        """
        ids = [item_id for item_id, _changes, _version in edits]
        if len(set(ids)) != len(ids):
            raise InvalidChangeError("同一条不能在一次修改中出现两次。")
        if not ids:
            return []
        now = _now()
        with self._editing() as tx:
            current_out, before_out = tx.send([Statement(_stored_select(), {"ids": ids}), self._row_statement(ids)])
            current = {r[0]: dict(zip(_EDIT_COLUMNS, r)) for r in current_out.rows}
            before = {r.id: r for r in map(row_from_values, before_out.rows)}
            for item_id, _changes, version in edits:
                if item_id not in current:
                    raise NotFoundError(f"没有编号为 {item_id} 的条目（可能已被删除）。")
                if current[item_id]["version"] != version:
                    raise ConflictError(item_id)
            writes: list[Statement] = []
            history: list[dict[str, object]] = []
            for item_id, wanted, version in edits:
                diff = _diff(current[item_id], wanted, now)
                if not diff:
                    continue
                writes.append(Statement(_update_statement(tuple(diff)), {
                    **{f"v_{f}": v for f, v in diff.items()}, "v__id": item_id, "v__version": version, "v__now": now}))
                cur = current[item_id]
                history += [{"report_id": cur["report_id"], "item_id": item_id, "at": now, "who": who, "field": f,
                             "old": _text(cur[f]), "new": _text(v)} for f, v in diff.items()]
            if not writes:
                return [ItemChange(before=before[i], after=before[i]) for i in ids]
            writes.append(Statement(_history_insert(len(history)),
                                    {f"h{k}_{f}": h[f] for k, h in enumerate(history) for f in _HISTORY_FIELDS}))
            parents = sorted({p for c in current.values() if (p := c["parent_id"]) is not None} - set(ids))
            report_ids = sorted({c["report_id"] for c in current.values()})
            tail = [self._row_statement([*ids, *parents])]
            if with_report:
                tail.append(self._summary_statement(report_ids, None))
            out = tx.send(writes + tail, commit=True)
        if any(o.rowcount != 1 for o in out[:len(writes) - 1]):
            raise ConflictError(ids[0])  # cannot happen: the rows were locked when read
        after = {r.id: r for r in map(row_from_values, out[len(writes)].rows)}
        reports = {r.id: r for r in map(_summary, out[len(writes) + 1].rows)} if with_report else {}
        return [ItemChange(before=before[i], after=after[i],
                           parent=after.get(current[i]["parent_id"]) if current[i]["parent_id"] is not None else None,
                           report=reports.get(current[i]["report_id"]))
                for i in ids]

    def _row_statement(self, item_ids: Sequence[int]) -> Statement:
        """The SELECT of these items' row snapshots (the driver's tuples, for row_from_values)."""
        scope = self._scope(item_ids=list(item_ids))
        return Statement(queries.row_select(scope.shape, queries.filter_shape(None)),
                         scope.params(self.light_settings()), driver_rows=True)

    def add_item(self, report_id: int, *, parent_id: int | None, position: int, label: str, title: str,
                 text: str = "", due: date | None = None, who: str) -> ItemRow:
        """Insert a new item (or a measure under `parent_id`) at `position`; later siblings move down."""
        now = _now()
        with self._writing() as s:
            if s.execute(select(Report.id).where(Report.id == report_id)).scalar() is None:
                raise NotFoundError(f"没有编号为 {report_id} 的报告（可能已被删除）。")
            depth = 0
            if parent_id is not None:
                parent = s.execute(select(Item.report_id, Item.depth).where(Item.id == parent_id)).first()
                if parent is None or parent.report_id != report_id:
                    raise InvalidChangeError("上级条目不在这份报告里，无法添加。")
                depth = parent.depth + 1
            position = max(0, min(position, _sibling_count(s, report_id, parent_id)))
            _shift(s, report_id, parent_id, position, +1)
            row = self._plan_row(report_id, parent_id, depth, position,
                                 PlanItem(label=label, title=title, text=text or title, due=due), now)
            new_id = s.execute(insert(Item).returning(Item.id), [row]).scalar_one()
            _log(s, report_id, new_id, now, who, "created", None, title)
            return self._get(s, new_id)

    def delete_item(self, item_id: int, *, who: str) -> list[ItemRow]:
        """Delete an item with everything under it; returns the deleted rows for restore_items."""
        now = _now()
        with self._writing() as s:
            rows = self._subtree(s, item_id)
            root = rows[0]
            s.execute(delete(Item).where(Item.id.in_([r.id for r in rows])))
            _shift(s, root.report_id, root.parent_id, root.position + 1, -1)
            for r in rows:
                _log(s, r.report_id, r.id, now, who, "deleted", r.title, None)
        return rows

    def restore_items(self, rows: Sequence[ItemRow], *, who: str) -> None:
        """Put deleted rows back with their ids, UUIDs and positions (undo of delete, merge or split)."""
        now = _now()
        ids = {r.id for r in rows}
        roots = sorted((r for r in rows if r.parent_id not in ids), key=lambda r: r.position)
        with self._writing() as s:
            taken = s.execute(select(Item.id).where(Item.id.in_(list(ids)))).scalars().all()
            if taken:
                raise InvalidChangeError("要恢复的条目仍然存在，无法重复恢复。")
            for root in roots:
                _shift(s, root.report_id, root.parent_id, root.position, +1)
            for r in sorted(rows, key=lambda r: r.depth):
                s.execute(insert(Item), [{
                    "id": r.id, "uuid": r.uuid, "report_id": r.report_id, "parent_id": r.parent_id,
                    "depth": r.depth, "position": r.position, "completed_at": r.completed_at,
                    "created_at": r.created_at or now, "updated_at": now,
                    "version": r.version + 1, **{f: (r.status.value if f == "status" else getattr(r, f)) for f in _STORED},
                }])
                _log(s, r.report_id, r.id, now, who, "restored", None, r.title)

    def move_item(self, item_id: int, *, parent_id: int | None, position: int, who: str) -> ItemRow:
        """Move an item (with its measures) under another parent or to another position."""
        now = _now()
        with self._writing() as s:
            cur = s.execute(select(Item.report_id, Item.parent_id, Item.position, Item.depth)
                            .where(Item.id == item_id)).first()
            if cur is None:
                raise NotFoundError(f"没有编号为 {item_id} 的条目（可能已被删除）。")
            below = _descendants(s, cur.report_id, item_id)
            depth = 0
            if parent_id is not None:
                if parent_id == item_id or parent_id in below:
                    raise InvalidChangeError("不能把条目移到它自己或它的下级里面。")
                parent = s.execute(select(Item.report_id, Item.depth).where(Item.id == parent_id)).first()
                if parent is None or parent.report_id != cur.report_id:
                    raise InvalidChangeError("只能在同一份报告内移动条目。")
                depth = parent.depth + 1
            _shift(s, cur.report_id, cur.parent_id, cur.position + 1, -1)
            position = max(0, min(position, _sibling_count(s, cur.report_id, parent_id, exclude=item_id)))
            _shift(s, cur.report_id, parent_id, position, +1, exclude=item_id)
            s.execute(update(Item).where(Item.id == item_id).values(
                parent_id=parent_id, position=position, depth=depth, version=Item.version + 1, updated_at=now))
            if below and depth != cur.depth:
                s.execute(update(Item).where(Item.id.in_(below)).values(depth=Item.depth + (depth - cur.depth)))
            _log(s, cur.report_id, item_id, now, who, "parent", _text(cur.parent_id), _text(parent_id))
            _log(s, cur.report_id, item_id, now, who, "position", _text(cur.position), _text(position))
            return self._get(s, item_id)

    def merge_items(self, item_ids: Sequence[int], *, who: str) -> ItemRow:
        """Merge sibling items into the first: titles joined by “；”, texts by newlines, children appended."""
        if len(set(item_ids)) < 2:
            raise InvalidChangeError("合并至少需要选择两条。")
        now = _now()
        with self._writing() as s:
            found = s.execute(select(Item.id, Item.report_id, Item.parent_id, Item.position, Item.title,
                                     Item.text).where(Item.id.in_(list(item_ids)))).all()
            if len(found) != len(set(item_ids)):
                raise NotFoundError("要合并的条目有的已被删除，请刷新后再试。")
            if len({(r.report_id, r.parent_id) for r in found}) != 1:
                raise InvalidChangeError("只能合并同一级、同一上级下的条目。")
            found = sorted(found, key=lambda r: r.position)
            target, others = found[0], found[1:]
            next_pos = _sibling_count(s, target.report_id, target.id)
            for other in others:
                kids = s.execute(select(Item.id).where(Item.parent_id == other.id).order_by(Item.position)).scalars().all()
                for kid in kids:
                    s.execute(update(Item).where(Item.id == kid).values(parent_id=target.id, position=next_pos))
                    next_pos += 1
            title = "；".join(r.title for r in found if r.title)
            text = "\n".join(r.text for r in found if r.text)
            s.execute(update(Item).where(Item.id == target.id).values(
                title=title, text=text, version=Item.version + 1, updated_at=now))
            _log(s, target.report_id, target.id, now, who, "title", target.title, title)
            _log(s, target.report_id, target.id, now, who, "text", target.text, text)
            for other in sorted(others, key=lambda r: -r.position):
                s.execute(delete(Item).where(Item.id == other.id))
                _shift(s, other.report_id, other.parent_id, other.position + 1, -1)
                _log(s, other.report_id, other.id, now, who, "merged", other.title, str(target.id))
            return self._get(s, target.id)

    def split_item(self, item_id: int, titles: Sequence[str], *, who: str) -> list[ItemRow]:
        """Split an item into siblings: it keeps titles[0], new items right after it get the rest."""
        titles = [t.strip() for t in titles if t.strip()]
        if len(titles) < 2:
            raise InvalidChangeError("拆分至少需要两段内容。")
        now = _now()
        with self._writing() as s:
            cur = s.execute(select(Item.__table__).where(Item.id == item_id)).first()
            if cur is None:
                raise NotFoundError(f"没有编号为 {item_id} 的条目（可能已被删除）。")
            old_title, old_text = cur.title, cur.text
            _shift(s, cur.report_id, cur.parent_id, cur.position + 1, len(titles) - 1)
            s.execute(update(Item).where(Item.id == item_id).values(
                title=titles[0], text=titles[0], version=Item.version + 1, updated_at=now))
            _log(s, cur.report_id, item_id, now, who, "title", old_title, titles[0])
            _log(s, cur.report_id, item_id, now, who, "text", old_text, titles[0])
            new_ids = [item_id]
            for n, title in enumerate(titles[1:], 1):
                row = self._plan_row(cur.report_id, cur.parent_id, cur.depth, cur.position + n,
                                     PlanItem(label="", title=title, text=title, due=cur.due, ongoing=cur.ongoing), now)
                row.update(lead_leader=cur.lead_leader, lead_unit=cur.lead_unit, co_units=cur.co_units, owner=cur.owner,
                           source=cur.source)
                new_id = s.execute(insert(Item).returning(Item.id), [row]).scalar_one()
                _log(s, cur.report_id, new_id, now, who, "created", None, title)
                new_ids.append(new_id)
            by_id = {r.id: r for r in self._rows(s, self._scope(item_ids=new_ids))}
            return [by_id[i] for i in new_ids]


@contextmanager
def friendly_errors(path: Path | None, *, writing: bool) -> Iterator[None]:
    """Turn a busy, full, read-only, damaged or vanished database into a StoreError shown as it is.

    Rows are fetched off the driver's cursor (see `Store._rows`), so the driver's own errors are caught
    too, not only SQLAlchemy's.
    """
    try:
        yield
    except (OperationalError, DatabaseError, sqlite3.DatabaseError) as exc:
        if isinstance(exc, (IntegrityError, ProgrammingError, sqlite3.IntegrityError, sqlite3.ProgrammingError)):
            raise  # our own mistake, not the database's: a test must see it
        raise diagnose.store_error(exc, path, writing=writing) from exc


@lru_cache(maxsize=16)
def _summary_select(shape: queries.Shape) -> Any:
    """Report summaries for a scope shape, built once per shape (compiled once too: see db.engine._compiled)."""
    rows = queries.item_select(shape)
    c = rows.c
    leaf = c.child_count == 0
    root = c.depth == 0
    agg = (
        select(
            c.report_id,
            func.sum(case((root, 1), else_=0)).label("n_items"),
            func.sum(case((leaf, 1), else_=0)).label("measures"),
            func.sum(case((and_(leaf, c.eff_done == 1), 1), else_=0)).label("done"),
            func.sum(case((and_(root, c.eff_done == 1), 1), else_=0)).label("done_items"),
            func.sum(case((and_(leaf, c.overdue == 1), 1), else_=0)).label("overdue"),
        ).group_by(c.report_id).subquery("agg")
    )
    stmt = (
        select(Report.id, Report.title, Report.source_name, Report.year, Report.heading, Report.preamble,
               Report.sample, Report.imported_at, agg.c.n_items, agg.c.measures, agg.c.done, agg.c.overdue,
               Report.sha256, agg.c.done_items)
        .outerjoin(agg, agg.c.report_id == Report.id)
        .order_by(Report.imported_at.desc(), Report.id.desc())
    )
    if shape.reports:
        stmt = stmt.where(Report.id.in_(bindparam("report_ids", expanding=True)))
    if shape.as_of:
        stmt = stmt.where(Report.imported_at < bindparam("cutoff", type_=DateTime))
    return stmt


@lru_cache(maxsize=1)
def _same_file_select() -> Any:
    """The first report imported from a file with this checksum (:sha)."""
    return select(Report.id, Report.title).where(Report.sha256 == bindparam("sha")).order_by(Report.id).limit(1)


@lru_cache(maxsize=1)
def _ids_at_depth() -> Any:
    """uuid → id of a report's rows at one depth (:rid, :depth): the parents of the next level of an import."""
    return select(Item.uuid, Item.id).where(Item.report_id == bindparam("rid"), Item.depth == bindparam("depth"))


@lru_cache(maxsize=8)
def _insert_statement(table: str, columns: tuple[str, ...]) -> Any:
    """INSERT of these columns with parameters named p_<column> (db.engine.insert_many), built once."""
    model: Any = {"report": Report, "item": Item}[table]
    cols = model.__table__.c
    return insert(model).values({c: bindparam(f"p_{c}", type_=cols[c].type) for c in columns})


@lru_cache(maxsize=1)
def _stored_select() -> Any:
    """The stored fields of the rows an edit changes, locked for the transaction (on a server)."""
    return (select(*(getattr(Item, c) for c in _EDIT_COLUMNS))
            .where(Item.id.in_(bindparam("ids", expanding=True))).with_for_update())


@lru_cache(maxsize=64)
def _update_statement(fields: tuple[str, ...]) -> Any:
    """UPDATE of these fields of one row at its expected version, built (and compiled) once per field set."""
    cols = Item.__table__.c
    values: dict[str, Any] = {f: bindparam(f"v_{f}", type_=cols[f].type) for f in fields}
    return (update(Item).where(Item.id == bindparam("v__id"), Item.version == bindparam("v__version"))
            .values(**values, version=Item.version + 1, updated_at=bindparam("v__now", type_=DateTime)))


_HISTORY_FIELDS = ("report_id", "item_id", "at", "who", "field", "old", "new")


@lru_cache(maxsize=32)
def _history_insert(n: int) -> Any:
    """One INSERT of `n` history rows (a multi-row VALUES), built once per row count."""
    cols = History.__table__.c
    return insert(History).values([{f: bindparam(f"h{k}_{f}", type_=cols[f].type) for f in _HISTORY_FIELDS}
                                   for k in range(n)])


def _summary(r: Any) -> ReportSummary:
    """A ReportSummary from a row of Store._summary_statement."""
    (id_, title, source_name, year, heading, preamble, sample, imported_at, n_items, measures, done, overdue,
     sha256, done_items) = r
    items, done_items = int(n_items or 0), int(done_items or 0)
    return ReportSummary(
        id=id_, title=title, source_name=source_name, year=year, heading=heading, preamble=preamble,
        sample=bool(sample), imported_at=imported_at, item_count=items, measure_count=int(measures or 0),
        done_count=int(done or 0), progress=done_items * 100 // items if items else 0,
        overdue_count=int(overdue or 0), sha256=sha256, done_items=done_items,
    )


def _diff(current: Mapping[str, Any], wanted: Mapping[str, object], now: datetime) -> dict[str, object]:
    """The stored fields an edit changes, with what follows from them (the completion stamp, the first due date)."""
    diff = {f: v for f, v in wanted.items() if current[f] != v}
    if "status" in diff:
        was_done = current["status"] in {x.value for x in DONE_STATUSES}
        is_done = Status(str(diff["status"])).is_done
        if is_done and not was_done:
            diff["completed_at"] = now
        elif was_done and not is_done:
            diff["completed_at"] = None
    new_status = diff.get("status", current["status"])
    if ("due" in diff and "original_due" not in wanted and new_status == Status.EXTENDED.value
            and current["original_due"] is None and current["due"] is not None):
        diff["original_due"] = current["due"]  # 已延期 keeps the date that was first promised
    return diff


def _validated(changes: Mapping[str, object]) -> dict[str, object]:
    """Check field names and coerce values to what the columns hold."""
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise InvalidChangeError(f"不能修改这些字段：{'、'.join(sorted(unknown))}。")
    out: dict[str, object] = {}
    for field, value in changes.items():
        if field == "status":
            try:
                out[field] = Status(str(value)).value
            except ValueError:
                raise InvalidChangeError(f"“{value}”不是有效的完成状态，可用：{'、'.join(s.value for s in Status)}。") from None
        elif field == "progress":
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 100:
                raise InvalidChangeError("进度应是 0 到 100 之间的整数。")
            out[field] = value
        elif field in ("due", "original_due"):
            if value is not None and (not isinstance(value, date) or isinstance(value, datetime)):
                raise InvalidChangeError("日期格式不对，应为年-月-日。")
            out[field] = value
        elif field == "ongoing":
            out[field] = bool(value)
        else:
            out[field] = "" if value is None else str(value)
    return out


def _log(s: Connection, report_id: int, item_id: int, at: datetime, who: str, field: str, old: str | None,
         new: str | None) -> None:
    s.execute(insert(History), [{"report_id": report_id, "item_id": item_id, "at": at, "who": who, "field": field,
                                 "old": old, "new": new}])


def _siblings(report_id: int, parent_id: int | None) -> list[Any]:
    parent = Item.parent_id.is_(None) if parent_id is None else Item.parent_id == parent_id
    return [Item.report_id == report_id, parent]


def _sibling_count(s: Connection, report_id: int, parent_id: int | None, *, exclude: int | None = None) -> int:
    stmt = select(func.count()).select_from(Item).where(*_siblings(report_id, parent_id))
    if exclude is not None:
        stmt = stmt.where(Item.id != exclude)
    return int(s.execute(stmt).scalar_one())


def _shift(s: Connection, report_id: int, parent_id: int | None, from_position: int, by: int, *,
           exclude: int | None = None) -> None:
    """Move siblings at or after `from_position` by `by` places (positions are not user-visible versions)."""
    stmt = update(Item).where(*_siblings(report_id, parent_id), Item.position >= from_position)
    if exclude is not None:
        stmt = stmt.where(Item.id != exclude)
    s.execute(stmt.values(position=Item.position + by))


def _descendants(s: Connection, report_id: int, item_id: int) -> list[int]:
    """Ids of everything below an item (one query for the report's id/parent pairs)."""
    pairs = s.execute(select(Item.id, Item.parent_id).where(Item.report_id == report_id)).all()
    children: dict[int | None, list[int]] = {}
    for i, p in pairs:
        children.setdefault(p, []).append(i)
    out: list[int] = []
    stack = list(children.get(item_id, ()))
    while stack:
        i = stack.pop()
        out.append(i)
        stack.extend(children.get(i, ()))
    return out
