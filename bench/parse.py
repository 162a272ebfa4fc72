"""Parse throughput on the seeds and on synthetic reports, next to merely decoding the same bytes.

Run: python bench/parse.py   (prints figures; targets: >= 5 MB/s, 10x input <= 12x time)
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.core.extract import extract_plan  # noqa: E402
from desktop.core.reports import read_report_bytes  # noqa: E402
from desktop.core.numerals import to_chinese  # noqa: E402
from bench.timing import best_of  # noqa: E402


def synthetic(target_bytes: int) -> bytes:
    """A report shaped like the seeds: a long review section, problems, then a plan of 99 items
    whose bodies grow with the target size."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    body_sentences = [s + "。" for seed in seeds for s in seed.replace("\n", "").split("。") if 10 < len(s) < 200]
    review = ["2023年上半年工作总结", "一、上半年主要做法和成效"]
    plan = ["三、下一步工作打算", "下半年，按照上级部署要求，抓好各项任务落实。"]
    size = 0
    k = 0
    sentence_bytes = sum(len(x.encode()) for x in body_sentences) / len(body_sentences)
    per_item = max(1, int(target_bytes / 2 / 99 / sentence_bytes))
    for n in range(1, 100):
        plan.append(f"（{to_chinese(n)}）聚焦重点任务{n}，推动工作提质增效")
        paragraph = "".join(body_sentences[(k + j) % len(body_sentences)] for j in range(per_item))
        k += 7
        plan.append(paragraph)
        size += len(paragraph.encode())
    while size < target_bytes:
        paragraph = "".join(body_sentences[(k + j) % len(body_sentences)] for j in range(8))
        review.append(paragraph)
        size += len(paragraph.encode())
        k += 3
    review += ["二、存在的问题", "一是短板仍在。二是差距明显。"]
    return "\n".join(review + plan).encode("utf-8")


def measure(name: str, data: bytes) -> float:
    decode = best_of(lambda: data.decode("utf-8").splitlines())
    read = best_of(lambda: read_report_bytes(data, name))
    doc = read_report_bytes(data, name)
    parse = best_of(lambda: extract_plan(doc))
    total = read + parse
    mb = len(data) / 1e6
    plan = extract_plan(doc)
    print(f"{name:<28} {mb:7.3f} MB  decode {decode * 1e3:8.2f} ms  read {read * 1e3:8.2f} ms  "
          f"extract {parse * 1e3:8.2f} ms  read+extract {mb / total:6.2f} MB/s  "
          f"({len(plan.items)} items, {plan.measure_count} measures)")
    return total


def main() -> None:
    print(f"Python {sys.version.split()[0]}; best of 5 runs each")
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    times = [measure(p.name, p.read_bytes()) for p in seeds]
    total_bytes = sum(p.stat().st_size for p in seeds)
    print(f"{'all seeds':<28} {total_bytes / 1e6:7.3f} MB  read+extract {total_bytes / 1e6 / sum(times):6.2f} MB/s")
    small = measure("synthetic ~0.5 MB", synthetic(500_000))
    large = measure("synthetic ~5 MB", synthetic(5_000_000))
    print(f"scaling: 10x input took {large / small:.1f}x the time (target <= 12x)")
    samples = [best_of(lambda: extract_plan(read_report_bytes(synthetic(1_000_000), "x.txt")), 1) for _ in range(3)]
    print(f"synthetic 1 MB end to end: median {statistics.median(samples) * 1e3:.0f} ms")


if __name__ == "__main__":
    main()
