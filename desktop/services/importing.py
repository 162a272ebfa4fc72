"""Saving the plans a clerk confirmed in the import preview (Qt-free: the window runs it as a store op)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from db.api import DuplicateReportError
from desktop.core.types import Plan, ProgressFn, ReportDocument

if TYPE_CHECKING:
    from db.api import ImportResult
    from db.carry import CarryResult
    from db.store import Store

# Two plans are the same report when this share of their items' titles is common to both: the .txt and
# the .docx of one report extract alike, and a title or two renamed in one preview still matches.
SAME_PLAN_SHARE = 0.8
_NOT_WORD = re.compile(r"[\W_]+")


def plan_fingerprint(titles: Iterable[str]) -> frozenset[str]:
    """The items' titles with width, punctuation, spaces and numbering marks taken out: what a plan is, not its file."""
    out = set()
    for title in titles:
        key = _NOT_WORD.sub("", unicodedata.normalize("NFKC", title)).lower()
        if key:
            out.add(key)
    return frozenset(out)


def same_plan(a: frozenset[str], b: frozenset[str]) -> bool:
    """True when two fingerprints are one plan (at least two items, most titles common to both)."""
    if len(a) < 2 or len(b) < 2:
        return a == b and bool(a)
    return len(a & b) / len(a | b) >= SAME_PLAN_SHARE


class SamePlanError(DuplicateReportError):
    """Another file (a .docx beside the .txt, a copy renamed) with the same plan was imported before."""

    def __init__(self, report_id: int, title: str = "") -> None:
        super().__init__(report_id, title)
        name = f"“{title}”" if title else ""
        self.args = (f"内容与已导入的报告{name}（编号 {report_id}）的计划相同，可能是同一份报告的另一个文件"
                     f"（如 .txt 和 .docx）。如确需再导入一份，请选择“再次导入”（命令行加 --again）。",)

    def __str__(self) -> str:
        return str(self.args[0])


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

    A plan whose items are those of a report already stored (or of one saved earlier in this call) is refused
    with SamePlanError unless the clerk allowed the duplicate: the same file bytes are caught by the store.
    A plan with `carry_ids` then gets those measures carried into it (its own transaction: the import
    stands when the carry is refused); each carry's outcome is appended to `carried`.
    """
    results: list[tuple[str, ImportResult | Exception]] = []
    known = {rid: (title, sha, plan_fingerprint(titles)) for rid, (title, sha, titles) in store.item_titles().items()} \
        if any(not cp.allow_duplicate for cp in plans) else {}
    for n, cp in enumerate(plans):
        mine = plan_fingerprint(i.title for i in cp.plan.items)
        try:
            if not cp.allow_duplicate:
                twin = next((rid for rid, (_t, _sha, fp) in known.items() if same_plan(mine, fp)), None)
                # the very same file is the store's to refuse (its message says so); another file, here
                if twin is not None and known[twin][1] != cp.doc.sha256:
                    raise SamePlanError(twin, known[twin][0])
            res = store.import_plan(cp.plan, sha256=cp.doc.sha256, original_text=cp.doc.text,
                                    allow_duplicate=cp.allow_duplicate, who=who)
        except Exception as exc:  # noqa: BLE001 — one refused report must not stop the rest
            results.append((cp.name, exc))
        else:
            results.append((cp.name, res))
            known[res.report_id] = (cp.plan.title, cp.doc.sha256, mine)
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
