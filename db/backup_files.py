"""Where a database's backups live and which exist (paths only: nothing here opens a database)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from db.api import StoreError
from db.engine import normalise_url, sqlite_path


class HasPath(Protocol):
    """An open store: its SQLite file, or None for a server."""

    @property
    def path(self) -> Path | None:
        """The SQLite file."""


DEFAULT_KEEP = 10


@dataclass(frozen=True)
class BackupPolicy:
    """Where backups go and how many are kept (the window's settings; the defaults otherwise)."""

    folder: Path | None = None  # None: a `backups` folder next to the database file
    keep: int = DEFAULT_KEEP


def policy_of(target: object) -> BackupPolicy:
    """The backup policy an open store carries (a file or URL has the default one)."""
    policy = getattr(target, "backup_policy", None)
    return policy if isinstance(policy, BackupPolicy) else BackupPolicy()


def backup_dir(db_path: Path, policy: BackupPolicy | None = None) -> Path:
    """Where a database's backups live: the chosen folder, else a `backups` folder next to it."""
    if policy is not None and policy.folder is not None:
        return policy.folder
    return db_path.parent / "backups"


def list_backups(target: HasPath | str | Path, policy: BackupPolicy | None = None) -> list[Path]:
    """Backups of a database (an open store, a URL or a file), newest first."""
    path = db_path_of(target)
    folder = backup_dir(path, policy or policy_of(target))
    try:
        if not folder.is_dir():
            return []
        return sorted(folder.glob(f"{path.stem}-*.db"), key=lambda p: p.name, reverse=True)
    except OSError:  # an unreadable folder has no backups we could offer
        return []


def newest_backup(db_path: Path | None, policy: BackupPolicy | None = None) -> Path | None:
    """The newest backup of a database file, if any (in the policy's folder when one was chosen)."""
    if db_path is None:
        return None
    found = list_backups(db_path, policy)
    return found[0] if found else None


def db_path_of(target: HasPath | str | Path) -> Path:
    """The SQLite file of a store, URL or path; StoreError for a server."""
    if isinstance(target, Path):
        path: Path | None = target
    elif isinstance(target, str):
        path = sqlite_path(normalise_url(target))
    else:
        path = target.path
    if path is None:
        raise StoreError("只有 SQLite 数据库文件有备份。")
    return path
