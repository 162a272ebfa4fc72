"""A document that is a plan as a whole (工作要点, 实施方案, 工作计划): its tasks section is the plan.

Such a document has no review to set the plan apart from. Its level-1 sections are the parts of any
plan document: what guides it (总体要求, 指导思想, 工作目标), the tasks (重点任务, 主要任务), and what
backs them (保障措施, 组织实施). Only the tasks are what a clerk ticks off, however forward the other
parts read (`三、保障措施` is the last section and says what will be done, so it would win otherwise).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop.core.candidates import Kind
from desktop.core.cues import heading_words
from desktop.core.ranking import Ranked

# A title that names a plan document: `…2024年工作要点`, `…实施方案（征求意见稿）`, `…工作计划`.
_PLAN_TITLE = re.compile(r"(?:要点|计划|方案|安排|任务清单)(?:[（(][^（）()]{1,8}[）)])?$")
# … and not a report that ends in one (`2024年工作总结及2025年工作计划`).
_REVIEW_TITLE = re.compile(r"总结|汇报|情况|回顾|报告")
# The section of the tasks (`二、重点任务`, `三、主要任务和措施`, `二、重点工作`) and not the parts around them.
_TASKS = re.compile(r"任务|^(?:重点|主要|年度)工作$|^工作重点$")
_NOT_TASKS = re.compile(r"保障|要求|目标|思想|原则|组织|步骤|进度|意义|背景")
_TASKS_LEN = 14  # a section named for the tasks says only that; a longer heading is one task area
_TITLE_LINES = 3  # a title may run over two or three short lines (the office, then the year and kind, a date)
_TITLE_LEN = 60


def tasks_of_plan_document(paragraphs: Sequence[str], ranked: Sequence[Ranked]) -> Ranked | None:
    """The one level-1 section named for the tasks, when the document's title names a plan; else None."""
    level1 = [r for r in ranked if r.candidate.level == 0 and r.candidate.kind is Kind.NUMBERED]
    if not level1:
        return None
    first = min(r.candidate.heading.index for r in level1)
    lines = [heading_words(p.strip()) for p in paragraphs[:first] if p.strip()][:_TITLE_LINES]
    titles = [p for p in lines if len(p) <= _TITLE_LEN]
    if not any(_PLAN_TITLE.search(t) for t in titles) or any(_REVIEW_TITLE.search(t) for t in titles):
        return None
    tasks = [r for r in level1 if _names_tasks(heading_words(r.candidate.heading.title).strip(" ：:。"))]
    return tasks[0] if len(tasks) == 1 else None


def _names_tasks(title: str) -> bool:
    return len(title) <= _TASKS_LEN and bool(_TASKS.search(title)) and not _NOT_TASKS.search(title)
