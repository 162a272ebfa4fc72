"""Sample reports for the desktop app's first start (marked `sample`, removable in one action)."""

from __future__ import annotations

from pathlib import Path

from db.store import Store
from desktop.core.errors import ReportError
from desktop.core.extract import extract_plan
from desktop.core.reports import read_report
from desktop.data_dirs import seeds_dir as _bundled_seeds

_SUFFIXES = (".txt", ".docx")


def import_samples(store: Store, seeds_dir: str | Path | None = None) -> int:
    """Import as samples the reports in `seeds_dir` (default: the app's own) not yet in the store; returns how many."""
    folder = Path(seeds_dir) if seeds_dir is not None else _bundled_seeds()
    known = {r.sha256 for r in store.list_reports()}
    count = 0
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in _SUFFIXES:
            continue
        try:
            doc = read_report(path)
            if doc.sha256 in known:
                continue
            plan = extract_plan(doc)
        except ReportError:
            continue  # a sample that does not parse is not worth an error at first start
        store.import_plan(plan, sha256=doc.sha256, original_text=doc.text, sample=True, who="示例")
        known.add(doc.sha256)
        count += 1
    return count
