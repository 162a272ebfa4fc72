"""A document that is a plan as a whole (工作要点, 实施方案, 工作计划): its tasks are the plan.

Such a document has no review to set the plan apart from. Its level-1 sections are either the parts
of any plan document: what guides it (总体要求, 指导思想, 工作目标), the tasks (重点任务, 主要任务), and
what backs them (保障措施, 组织实施); or task areas themselves (`一、加强党的建设`, `二、推进…`). Only the
tasks are what a clerk ticks off, however forward the other parts read (`三、保障措施` is the last
section and says what will be done, so it would win otherwise); task areas are the items of the
document as a whole, whose bodies need not say "will" (a 要点 lists what is to be done in the plain form).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from desktop.core.candidates import Kind
from desktop.core.cues import heading_words
from desktop.core.markers import match_at
from desktop.core.ranking import Ranked

# A title that names a plan document: `…2024年工作要点`, `…实施方案（征求意见稿）`, `…工作计划`.
_PLAN_TITLE = re.compile(r"(?:要点|计划|方案|安排|任务清单)(?:[（(][^（）()]{1,8}[）)])?$")
# … and not a report that ends in one (`2024年工作总结及2025年工作计划`), nor a report's title above it.
_REVIEW_TITLE = re.compile(r"总结|汇报|情况|回顾|报告")
# The section of the tasks (`二、重点任务`, `三、主要任务和措施`, `二、重点工作`) and not the parts around them.
_TASKS = re.compile(r"任务|(?:重点|主要|年度)工作|工作重点|(?:主要|具体|工作)(?:措施|举措)|(?:主要|重点|工作|具体)内容")
_NOT_TASKS = re.compile(r"保障|要求|目标|思想|原则|组织|步骤|进度|意义|背景")
# … named as such, in a word or two (`四、强化组织推进`, led by a verb, is a task area)
_PART_NAME = re.compile(r"(?:总体|工作|基本|有关|具体|主要)?(?:要求|目标|原则|意义)|指导思想|背景|"
                        r"(?:组织|工作|政策|经费|制度|要素)?保障(?:措施)?|组织(?:领导|实施|推进)|"
                        r"(?:实施|方法|工作)步骤|(?:进度|时间|时序)安排")
_TASKS_LEN = 14  # a section named for the tasks says only that; a longer heading is one task area
_TITLE_LEN = 60
_SENTENCE_STOP = re.compile(r"[，,。；;！？]")
_AREAS_MIN = 3  # as many task areas as a plan spread over sections has (choice._SPREAD_MIN)


def plan_document_tasks(paragraphs: Sequence[str], ranked: Sequence[Ranked]) -> Ranked | None:
    """When the document's title names a plan: the one level-1 section named for the tasks; else, when
    its level-1 sections are task areas (`_AREAS_MIN` or more), the title's own candidate, whose items
    they are (the whole document is the plan); else None."""
    level1 = sorted((r for r in ranked if r.candidate.level == 0 and r.candidate.kind is Kind.NUMBERED),
                    key=lambda r: r.candidate.heading.index)
    if not level1:
        return None
    title = plan_title_line(paragraphs[:level1[0].candidate.heading.index])
    if title is None:
        return None
    style = level1[0].candidate.heading.style  # the document's own sections, not an attachment's
    level1 = [r for r in level1 if r.candidate.heading.style is style]
    words = [heading_words(r.candidate.heading.title).strip(" ：:。") for r in level1]
    tasks = [r for r, w in zip(level1, words) if _names_tasks(w)]
    if tasks:
        return tasks[0] if len(tasks) == 1 else None
    areas = [r for r, w in zip(level1, words) if not _is_part(w) and not r.features["plan_strong"]]
    if len(areas) < _AREAS_MIN:
        return None
    whole = next((r for r in ranked if r.candidate.kind is Kind.UNNUMBERED and r.candidate.heading.index == title),
                 None)
    if whole is None:
        return None
    last = len(words)
    while last > 0 and _is_part(words[last - 1]):  # `五、工作要求` after the areas backs them: no item
        last -= 1
    if last == len(words):
        return whole
    return replace(whole, candidate=replace(whole.candidate, end=level1[last].candidate.heading.index))


def plan_title_line(head: Sequence[str]) -> int | None:
    """Where the title of a plan document stands among the lines above its first section, or None.

    Every short line counts: a notice that issues the plan (关于印发《…要点》的通知, its addressees and
    a sentence or two) comes before the plan's own title. Review words count in title lines only (no
    sentence stops: `关于上半年工作的汇报`), not in the notice's sentences that ask for 情况 to be 报告ed.
    """
    lines = [(i, heading_words(p.strip())) for i, p in enumerate(head) if 0 < len(p.strip()) <= _TITLE_LEN]
    titles = [i for i, words in lines if _PLAN_TITLE.search(words) and match_at(words, 0) is None]
    if not titles or any(_REVIEW_TITLE.search(words) for _, words in lines if not _SENTENCE_STOP.search(words)):
        return None
    return titles[-1]


def _is_part(title: str) -> bool:
    """A part every plan document has (`一、指导思想`, `四、保障措施`), not a task area (`二、加强思想建设，…`)."""
    return _PART_NAME.fullmatch(title) is not None


def _names_tasks(title: str) -> bool:
    return len(title) <= _TASKS_LEN and bool(_TASKS.search(title)) and not _NOT_TASKS.search(title)
