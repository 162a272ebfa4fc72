"""Ledger export and read-back on 50,000 measures, each next to a bare openpyxl pass over the same cells.

Run: python bench/excel.py [MEASURES]
Targets (issue 5): export <= 2x a bare openpyxl write-only dump of the same values, peak memory <= 200 MB;
read-back (what merge does) <= 2x a bare openpyxl read-only pass over the same file.
Each variant runs in its own process so peak memory (ru_maxrss) is its own; times are the best of a few runs.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.core.ledger import (  # noqa: E402
    LedgerRow,
    LedgerSheet,
    LedgerStats,
    LedgerStatsRow,
    columns,
    read_ledger,
    write_ledger,
)

MEASURES_PER_ITEM = 10
STATUS_CYCLE = ("未启动", "推进中", "已完成", "已办结", "已延期", "推进中", "已完成")
LIGHTS = ("green", "yellow", "red", "none")
UNITS = ("干部一科", "干部二科", "组织科", "党员教育中心", "人才办", "考核办", "宣传科", "机关党委")


def make_rows(measures: int) -> list[LedgerRow]:
    """Items with ten measures each; texts of the lengths found in real ledgers."""
    rows: list[LedgerRow] = []
    stamp = datetime(2023, 7, 1, 9, 30)
    for i in range(1, measures // MEASURES_PER_ITEM + 1):
        rows.append(LedgerRow(f"item-{i:06d}", 1, str(i), True,
                              task=f"聚焦高素质干部队伍建设第{i}项，坚持严管和厚爱结合、激励和约束并重",
                              lead_leader="张**", lead_unit=UNITS[i % len(UNITS)], status="推进中",
                              updated_at=stamp))
        for j in range(1, MEASURES_PER_ITEM + 1):
            k = i * MEASURES_PER_ITEM + j
            rows.append(LedgerRow(
                f"measure-{i:06d}-{j:02d}", 1 + k % 3, f"{i}.{j}", False,
                measure=f"分层分类举办各类培训班**期，加强干部教育培训，第{k}条措施确保各项事业发展“人才辈出”",
                lead_leader="李**", lead_unit=UNITS[k % len(UNITS)], co_units="党校、人社局", owner="王**",
                due=date(2023, 12, 31) - timedelta(days=k % 150), status=STATUS_CYCLE[k % len(STATUS_CYCLE)],
                light=LIGHTS[k % len(LIGHTS)], note="已完成阶段性任务，正在推进下一步工作" if k % 2 else "",
                delay_reason="等待上级文件" if k % 7 == 0 else "", updated_at=stamp + timedelta(minutes=k)))
    return rows


def stats() -> LedgerStats:
    by_unit = tuple(LedgerStatsRow(u, 6250, 2000, 3000, 1250, 400, 0.32, 100, 2000, 4150) for u in UNITS)
    return LedgerStats(by_report=(LedgerStatsRow("基准报告", 50000, 16000, 24000, 10000, 3200, 0.32, 800, 16000,
                                                 33200),), by_unit=by_unit)


def bare_values(row: LedgerRow) -> list[object]:
    """The same cell values the ledger writes, light words and all, as a plain list."""
    return [getattr(row, c.key) for c in columns(with_source=False)]


def child(kind: str, measures: int, path: str) -> dict[str, float]:
    rows = make_rows(measures) if kind in ("bare-write", "export") else []
    t0 = time.perf_counter()
    if kind == "bare-write":
        import openpyxl
        wb = openpyxl.Workbook(write_only=True)
        ws = wb.create_sheet("工作台账")
        ws.append([c.header for c in columns(with_source=False)])
        for row in rows:
            ws.append(bare_values(row))
        wb.save(path)
    elif kind == "export":
        write_ledger(path, [LedgerSheet("工作台账", "2023年下半年工作任务推进台账", rows)], stats(),
                     title="2023年下半年工作任务推进台账", exported_on=date(2023, 12, 25))
    elif kind == "bare-read":
        import openpyxl
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        cells = 0
        for ws in wb.worksheets:
            for values in ws.iter_rows(values_only=True):
                cells += len(values)
        wb.close()
    elif kind == "prepare":  # a store holding one report of the same shape, for the service figures
        from db.store import open_store
        from desktop.core.types import Plan, PlanItem, PlanSection
        items = tuple(PlanItem(label=f"（{i}）", title=f"聚焦高素质干部队伍建设第{i}项", text=f"聚焦第{i}项",
                               children=tuple(PlanItem(label=str(j), title="措施", text=f"分层分类举办培训班，第{j}条",
                                                       due=date(2023, 12, 31)) for j in range(MEASURES_PER_ITEM)))
                      for i in range(measures // MEASURES_PER_ITEM))
        with open_store(path) as store:
            store.import_plan(Plan(source="bench", title="基准报告", year=2023, section=PlanSection("三、下一步工作打算"),
                                   items=items), sha256="bench", original_text="2023年上半年")
    elif kind == "service-export":
        from db.store import open_store
        from desktop.services.export import export_ledger
        with open_store(path) as store:
            export_ledger(store, Path(path).with_suffix(".xlsx"))
    elif kind == "service-merge":
        from db.store import open_store
        from desktop.services.merge import preview_merge
        with open_store(path) as store:
            preview = preview_merge(store, Path(path).with_suffix(".xlsx"))
        assert preview.is_empty and not preview.problems
    elif kind == "read":
        result = read_ledger(path)
        assert len(result.rows) == measures + measures // MEASURES_PER_ITEM, len(result.rows)
        assert not result.problems, result.problems[:3]
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def run(kind: str, measures: int, path: Path, repeat: int) -> dict[str, float]:
    best: dict[str, float] | None = None
    for _ in range(repeat):
        out = subprocess.run([sys.executable, __file__, "--child", kind, str(measures), str(path)],
                             check=True, capture_output=True, text=True).stdout
        got = json.loads(out.strip().splitlines()[-1])
        if best is None or got["seconds"] < best["seconds"]:
            best = got
    assert best is not None
    return best


def main() -> None:
    measures = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    repeat = 3
    with tempfile.TemporaryDirectory() as tmp:
        bare_path, ledger_path = Path(tmp) / "bare.xlsx", Path(tmp) / "ledger.xlsx"
        bare_w = run("bare-write", measures, bare_path, repeat)
        export = run("export", measures, ledger_path, repeat)
        bare_r = run("bare-read", measures, ledger_path, repeat)
        read = run("read", measures, ledger_path, repeat)
        size_mb = ledger_path.stat().st_size / 1e6
        db_path = Path(tmp) / "bench.db"
        run("prepare", measures, db_path, 1)
        s_export = run("service-export", measures, db_path, 1)
        s_merge = run("service-merge", measures, db_path, 1)
    print(f"{measures} measures + {measures // MEASURES_PER_ITEM} item rows, 15 columns; ledger file {size_mb:.1f} MB")
    print(f"{'variant':<42}{'time':>9}{'peak RSS':>11}")
    print(f"{'bare openpyxl write-only dump':<42}{bare_w['seconds']:>8.2f}s{bare_w['peak_mb']:>8.0f} MB")
    print(f"{'write_ledger (styled, CF, validation…)':<42}{export['seconds']:>8.2f}s{export['peak_mb']:>8.0f} MB")
    print(f"{'bare openpyxl read-only pass':<42}{bare_r['seconds']:>8.2f}s{bare_r['peak_mb']:>8.0f} MB")
    print(f"{'read_ledger (match, validate)':<42}{read['seconds']:>8.2f}s{read['peak_mb']:>8.0f} MB")
    print(f"{'export_ledger service (store → file)':<42}{s_export['seconds']:>8.2f}s{s_export['peak_mb']:>8.0f} MB")
    print(f"{'preview_merge service (file ↔ store)':<42}{s_merge['seconds']:>8.2f}s{s_merge['peak_mb']:>8.0f} MB")
    ratio_w = export["seconds"] / bare_w["seconds"]
    ratio_r = read["seconds"] / bare_r["seconds"]
    print(f"export / bare dump = {ratio_w:.2f}x (target <= 2x); peak {export['peak_mb']:.0f} MB (target <= 200 MB)")
    print(f"read / bare read   = {ratio_r:.2f}x (target <= 2x)")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        print(json.dumps(child(sys.argv[2], int(sys.argv[3]), sys.argv[4])))
    else:
        main()
