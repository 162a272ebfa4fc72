"""The plan as plain JSON-ready data and as an indented outline (for `halfyear parse`)."""

from __future__ import annotations

from typing import Any

from desktop.core.types import Plan, PlanItem


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The `halfyear parse --json` shape: source, year, section{heading, preamble}, items[…]."""
    return {
        "source": plan.source,
        "title": plan.title,
        "year": plan.year,
        "section": {"heading": plan.section.heading, "preamble": plan.section.preamble},
        "items": [_item(item) for item in plan.items],
        "headings": list(plan.headings),
    }


def _item(item: PlanItem) -> dict[str, Any]:
    return {
        "label": item.label,
        "title": item.title,
        "text": item.text,
        "due": item.due.isoformat() if item.due else None,
        "ongoing": item.ongoing,
        "children": [_item(child) for child in item.children],
    }


def plan_outline(plan: Plan) -> str:
    """A readable outline: heading, year, preamble, then items and their measures with deadlines."""
    year = f"{plan.year}年" if plan.year else "未识别（可用 --year 指定）"
    lines = [f"来源：{plan.source}", f"计划部分：{plan.section.heading}", f"计划年度：{year}"]
    if plan.section.preamble:
        lines.append(f"导语：{plan.section.preamble}")
    lines.append(f"共 {len(plan.items)} 项工作、{plan.measure_count} 条措施")
    for item in plan.items:
        lines.append(f"{item.label}{item.title}{_due(item)}")
        for child in item.children:
            lines.append(f"    {child.label}. {child.title}{_due(child)}")
    return "\n".join(lines)


def _due(item: PlanItem) -> str:
    if item.ongoing:
        return "  〔长期〕"
    return f"  〔{item.due.isoformat()}〕" if item.due else ""
