"""Sample reports: imported once, marked, removable in one action."""

from __future__ import annotations

from pathlib import Path

from desktop.services.samples import import_samples
from db.store import Store

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_samples_are_imported_once_and_removed_together(store: Store) -> None:
    count = len(list(SEEDS.glob("*.txt")))
    assert import_samples(store, SEEDS) == count
    reports = store.list_reports()
    assert len(reports) == count and all(r.sample for r in reports)
    assert all(r.measure_count > 0 for r in reports)
    assert import_samples(store, SEEDS) == 0
    assert store.remove_samples() == count
    assert store.list_reports() == []
