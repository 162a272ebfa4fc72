"""Shares in per cent to one decimal that add up to exactly 100.0, and rates rounded the way people read them.

A 督查通报 states each count with its share of the total (欠进度17个，占7.7%); readers add them up, so
the shown shares must sum to 100.0. Rounding each share on its own does not guarantee that (three
thirds are 33.3 + 33.3 + 33.3 = 99.9). The largest remainder method (Hamilton) does: every share is
first cut down to whole tenths of a per cent, then the tenths still missing go one each to the
shares that lost most in the cut; equal remainders go to the larger count, then to the category
listed first. A share is never moved more than 0.1 from its exact value.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

_TENTHS = 1000  # 100.0 % in tenths of a per cent


def shares(counts: Sequence[int]) -> list[float]:
    """Per-cent shares of `counts` to one decimal, summing to 100.0 (all 0.0 when the total is 0)."""
    if any(n < 0 for n in counts):
        raise ValueError("counts must not be negative")
    total = sum(counts)
    if total == 0:
        return [0.0] * len(counts)
    floors = [n * _TENTHS // total for n in counts]
    remainders = [n * _TENTHS % total for n in counts]
    missing = _TENTHS - sum(floors)
    order = sorted(range(len(counts)), key=lambda i: (-remainders[i], -counts[i], i))
    for i in order[:missing]:
        floors[i] += 1
    return [f / 10 for f in floors]


def rate_percent(part: int, whole: int) -> float:
    """`part` of `whole` in per cent to one decimal, halves rounded up (0.0 when `whole` is 0)."""
    if whole <= 0:
        return 0.0
    exact = Decimal(part) * 100 / Decimal(whole)
    return float(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def percent_text(value: float) -> str:
    """A per-cent figure as a 通报 writes it: 7.7%, 100.0%, 0.0%."""
    return f"{value:.1f}%"
