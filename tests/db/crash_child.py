"""Child of the crash test: commit status changes forever, printing each one after its commit returns."""

from __future__ import annotations

import itertools
import sys

from db.api import Status
from db.store import open_store

STATUSES = [Status.IN_PROGRESS, Status.DONE, Status.EXTENDED, Status.NOT_STARTED]


def main(url: str) -> None:
    store = open_store(url)
    rows = [r for r in store.item_tree(store.list_reports()[0].id) if r.is_measure]
    versions = {r.id: r.version for r in rows}
    for n in itertools.count():
        row = rows[n % len(rows)]
        status = STATUSES[(n // len(rows)) % len(STATUSES)]
        change = store.set_status(row.id, status, expected_version=versions[row.id], who="crash", note=f"第{n}次")
        versions[row.id] = change.after.version
        print(f"{row.id} {change.after.version} {n}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
