"""The store's clock: every write of one operation (an edit, a carry) is dated by it alike."""

from __future__ import annotations

from datetime import datetime


def now() -> datetime:
    """The time a write is recorded at (local, naive, as the history has always been)."""
    return datetime.now()
