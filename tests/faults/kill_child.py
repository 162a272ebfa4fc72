"""Child of the SIGKILL checks: repeat one operation forever, printing `ack …` after each one returned.

Modes: write, import, export, merge, backup, migrate (opens a database at an old revision once).
"""

from __future__ import annotations

import itertools
import os
import sys
from pathlib import Path


def main(mode: str, url: str, work: str) -> None:
    from db.api import Status
    from db.backup import backup_now
    from db.store import open_store

    if mode == "migrate":
        open_store(url).close()
        print("ack migrated", flush=True)
        return
    store = open_store(url)
    if mode == "write":
        rows = [r for r in store.item_tree(store.list_reports()[-1].id) if r.is_measure]
        versions = {r.id: r.version for r in rows}
        statuses = [Status.IN_PROGRESS, Status.DONE, Status.NOT_STARTED]
        for n in itertools.count():
            row = rows[n % len(rows)]
            change = store.set_status(row.id, statuses[n % 3], expected_version=versions[row.id], who="kill",
                                      note=f"[k{n}]")
            versions[row.id] = change.after.version
            print(f"ack [k{n}]", flush=True)
    elif mode == "import":
        from tests.db.plans import make_plan

        for n in itertools.count():
            result = store.import_plan(make_plan(items=5, measures=4, title=f"报告{n}"), sha256=f"{n:064d}",
                                       original_text="全文" * 500, allow_duplicate=True)
            print(f"ack {result.report_id}", flush=True)
    elif mode == "export":
        from desktop.services.export import export_ledger

        for n in itertools.count():
            export_ledger(store, Path(work) / "台账.xlsx")
            print(f"ack {n}", flush=True)
    elif mode == "merge":
        from desktop.services.export import export_ledger
        from desktop.services.merge import apply_merge, preview_merge
        from tests.services.test_merge import Sheet

        for n in itertools.count():
            ledger = export_ledger(store, Path(work) / "回报.xlsx").path
            sheet = Sheet(ledger)
            for uuid, row in sheet.row_of.items():
                if row > 3 and sheet.ws.cell(row, sheet.col["具体措施"]).value:
                    sheet.set(uuid, "进展情况", f"[m{os.getpid()}-{n}]")
            sheet.save()
            preview = preview_merge(store, ledger)
            apply_merge(store, preview, who="kill")
            print(f"ack [m{os.getpid()}-{n}] {len(preview.changes)}", flush=True)
    elif mode == "backup":
        for n in itertools.count():
            print(f"ack {backup_now(store).name}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
