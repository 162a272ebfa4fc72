"""Hand-built plans for the store tests (the parser has its own tests)."""

from __future__ import annotations

from datetime import date

from desktop.core.types import Plan, PlanItem, PlanSection


def make_plan(*, title: str = "测试报告", year: int = 2023, items: int = 3, measures: int = 2,
              due: date | None = date(2023, 12, 31), source: str = "test.txt") -> Plan:
    """A plan with `items` items of `measures` measures each (measures=0: items are their own measures)."""
    built = []
    for n in range(items):
        kids = tuple(
            PlanItem(label=str(m + 1), title=f"措施{n + 1}-{m + 1}", text=f"措施{n + 1}-{m + 1}的内容。", due=due,
                     source=f"第{n + 1}段")
            for m in range(measures)
        )
        built.append(PlanItem(label=f"（{'一二三四五六七八九十'[n % 10]}）", title=f"工作{n + 1}",
                              text=f"工作{n + 1}的正文。", due=due, children=kids, source=f"第{n + 1}段"))
    return Plan(source=source, title=title, year=year, section=PlanSection("三、下一步工作打算", "下半年，……"),
                items=tuple(built), headings=("一、成绩", "二、问题", "三、下一步工作打算"))
