"""Saving the plans a clerk confirmed in the import preview (Qt-free: the window runs it as a store op)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.core.types import Plan, ProgressFn, ReportDocument

if TYPE_CHECKING:
    from db.api import ImportResult
    from db.carry import CarryResult
    from db.store import Store


@dataclass(frozen=True)
class ConfirmedPlan:
    """What the preview hands back for saving."""

    name: str
    plan: Plan
    doc: ReportDocument
    allow_duplicate: bool = False
    carry_ids: tuple[int, ...] = ()  # unfinished measures of the office's previous plan to carry into it (结转)


def save_plans(store: Store, plans: Sequence[ConfirmedPlan], *, who: str, on_progress: ProgressFn | None = None,
               carried: list[tuple[str, CarryResult | Exception]] | None = None,
               ) -> list[tuple[str, ImportResult | Exception]]:
    """Import each confirmed plan in its own transaction; returns (name, ImportResult or the error).

    A plan with `carry_ids` then gets those measures carried into it (its own transaction: the import
    stands when the carry is refused); each carry's outcome is appended to `carried`.
    """
    results: list[tuple[str, ImportResult | Exception]] = []
    for n, cp in enumerate(plans):
        try:
            res = store.import_plan(cp.plan, sha256=cp.doc.sha256, original_text=cp.doc.text,
                                    allow_duplicate=cp.allow_duplicate, who=who)
        except Exception as exc:  # noqa: BLE001 — one refused report must not stop the rest
            results.append((cp.name, exc))
        else:
            results.append((cp.name, res))
            if cp.carry_ids:
                try:
                    outcome: CarryResult | Exception = store.carry_forward(
                        list(cp.carry_ids), target_report_id=res.report_id, who=who)
                except Exception as exc:  # noqa: BLE001 — told to the clerk; the import itself is saved
                    outcome = exc
                if carried is not None:
                    carried.append((cp.name, outcome))
        if on_progress is not None:
            on_progress(n + 1, len(plans))
    return results
