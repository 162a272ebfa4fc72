"""The plan as plain JSON-ready data and as an indented outline (for `halfyear parse`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from desktop.core.errors import SpreadPlanError
from desktop.core.types import Alternative, Plan, PlanItem


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The `halfyear parse --json` shape: source, year, section{heading, preamble}, items[…]."""
    return {
        "source": plan.source,
        "title": plan.title,
        "year": plan.year,
        "year_guessed": plan.year_guessed,
        "section": {"heading": plan.section.heading, "preamble": plan.section.preamble},
        "items": [_item(item) for item in plan.items],
        "headings": list(plan.headings),
        "confidence": plan.confidence,
        "alternatives": alternatives_json(plan.alternatives),
    }


def alternatives_json(alternatives: Sequence[Alternative]) -> list[dict[str, Any]]:
    """The runner-up sections as `{heading, score, confidence}` objects."""
    return [{"heading": a.heading, "score": a.score, "confidence": a.confidence} for a in alternatives]


def spread_to_dict(source: str, exc: SpreadPlanError) -> dict[str, Any]:
    """`parse --json` when the plan is spread over several sections: no heading, no items, the sections listed."""
    return {
        "source": source,
        "title": None,
        "year": None,
        "section": {"heading": None, "preamble": None},
        "items": [],
        "headings": list(exc.sections),
        "confidence": 0.0,
        "spread": list(exc.sections),
        "alternatives": alternatives_json(exc.alternatives),
    }


def _item(item: PlanItem) -> dict[str, Any]:
    return {
        "label": item.label,
        "title": item.title,
        "text": item.text,
        "due": item.due.isoformat() if item.due else None,
        "ongoing": item.ongoing,
        "lead_leader": item.duty.lead_leader,
        "lead_unit": item.duty.lead_unit,
        "co_units": item.duty.co_units,
        "owner": item.duty.owner,
        "children": [_item(child) for child in item.children],
    }


def plan_outline(plan: Plan) -> str:
    """A readable outline: heading, year, preamble, then items and their measures with deadlines."""
    year = f"{plan.year}年" if plan.year else "未识别（可用 --year 指定）"
    if plan.year_guessed:
        year += "（报告中没有写明年份，按今年计算；可用 --year 指定）"
    lines = [f"来源：{plan.source}", f"计划部分：{plan.section.heading}", f"计划年度：{year}"]
    if plan.section.preamble:
        lines.append(f"导语：{plan.section.preamble}")
    lines.append(f"共 {len(plan.items)} 项工作、{plan.measure_count} 条措施")
    for item in plan.items:
        label = item.label + ". " if item.label[-1:].isdigit() else item.label  # a table's 序号, a sentence's number
        lines.append(f"{label}{item.title}{_duty(item)}{_due(item)}")
        for child in item.children:
            label = child.label if child.label[-1:] in ".、)）．" else child.label + "."  # `1.` not `1..`
            lines.append(f"    {label} {child.title}{_duty(child)}{_due(child)}")
    return "\n".join(lines)


def _duty(item: PlanItem) -> str:
    names = [n for n in (item.duty.lead_unit, item.duty.owner) if n]
    return f"  〔{'，'.join(names)}〕" if names else ""


def _due(item: PlanItem) -> str:
    if item.ongoing:
        return "  〔长期〕"
    return f"  〔{item.due.isoformat()}〕" if item.due else ""
