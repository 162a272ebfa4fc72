"""Find a report's level-1 headings and choose the one that opens the plan section."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.markers import HEADING_ORDER, Marker, Style, match_at

MAX_HEADING = 40  # characters; a longer first sentence is body text, not a heading

_STRONG_END = "打算|计划|安排|思路|设想|谋划|展望|规划"
_WEAK_END = "重点|措施|举措|目标|任务|部署|方向"
_PLAN_END = re.compile(
    rf"(?:(?P<strong>{_STRONG_END})|(?P<weak>{_WEAK_END}))"
    r"(?:[和及与]|以及)?(?:意见|建议|措施|举措|目标|任务)?$"
)
_FORWARD = re.compile(r"下一步|下步|下一阶段|下阶段|下半年|今后|明年|来年|新的一年|下一年|(?:19|20)\d\d\s*年|未来|今年|本年度|全年")
# 以来 marks a look back (今年以来, 上半年以来), however forward the rest of the heading sounds
_PAST = re.compile(r"情况|成效|成绩|回顾|总结|问题|不足|做法|经验|进展|亮点|困难|成果|体会|完成|以来")
_TRAILING = " ：:。.；;，,、!！"


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading-like paragraph: where it is, its style (None: unnumbered) and number."""

    index: int
    text: str  # the heading itself, marker included, without a trailing inline body
    rest: str  # text that followed the heading in the same paragraph (`三、下步计划。下半年…`)
    style: Style | None
    number: int


def heading_of(paragraph: str, index: int) -> Heading | None:
    """`paragraph` as a heading, when it opens with a heading-style marker and a short title."""
    marker = match_at(paragraph, 0, HEADING_ORDER)
    if marker is None:
        return _unnumbered(paragraph, index)
    head, rest = _split_head(paragraph, marker)
    if head is None:
        return None
    return Heading(index, head, rest, marker.style, marker.number)


def _split_head(paragraph: str, marker: Marker) -> tuple[str | None, str]:
    body = paragraph[marker.end:]
    stop = body.find("。")
    title = body if stop < 0 else body[:stop]
    if not title.strip(_TRAILING) or len(title) > MAX_HEADING:
        return None, ""
    rest = "" if stop < 0 else body[stop + 1:].strip()
    return paragraph[:marker.end] + title.rstrip(_TRAILING), rest


def _unnumbered(paragraph: str, index: int) -> Heading | None:
    """A short line with no marker counts only when it reads like a plan heading (`下半年工作计划：`)."""
    text = paragraph.rstrip(_TRAILING)
    if len(text) > 24 or any(ch in text for ch in "。，,；;"):
        return None
    if plan_score(text) < 2:
        return None
    return Heading(index, text, "", None, 0)


def plan_score(heading: str) -> int:
    """How strongly a heading announces a plan: 0 none, 1 weak, 2 plan, 3 dated/forward plan."""
    marker = match_at(heading, 0, HEADING_ORDER)
    title = (heading[marker.end:] if marker else heading).strip(_TRAILING + "“”\"（）() ")
    if not title:
        return 0
    end = _PLAN_END.search(title)
    forward_match = _FORWARD.search(title)
    forward = bool(forward_match)
    past = _PAST.search(title)
    if past:
        # `存在问题及下一步打算` opens a mixed section whose plan part comes last; `计划完成情况` does not
        plan_start = forward_match.start() if forward_match else (end.start() if end else len(title))
        if not end or past.start() >= plan_start or any(p.start() >= plan_start for p in _PAST.finditer(title)):
            return 0
        return 2
    if end and forward:
        return 3
    if end:
        return 2 if end.group("strong") else 1
    if forward and title.endswith("工作"):
        return 2
    return 0


def find_headings(paragraphs: Sequence[str]) -> list[Heading]:
    """Every heading-like paragraph, each numbered style kept only while its numbers run in order."""
    found: list[Heading] = []
    last: dict[Style, int] = {}
    for index, paragraph in enumerate(paragraphs):
        heading = heading_of(paragraph, index)
        if heading is None:
            continue
        if heading.style is not None:
            previous = last.get(heading.style)
            # a numbering that restarts is a list inside a section, not the next section
            if previous is not None and heading.number <= previous:
                continue
            last[heading.style] = heading.number
            # a higher style opening a new section restarts the numbering of those below it
            for lower in HEADING_ORDER[HEADING_ORDER.index(heading.style) + 1:]:
                last.pop(lower, None)
        found.append(heading)
    return found


def top_headings(headings: Sequence[Heading]) -> list[Heading]:
    """The level-1 headings: those of the highest numbered style used at least twice, plus plan-like unnumbered ones."""
    for style in HEADING_ORDER:
        same = [h for h in headings if h.style is style]
        if len(same) >= 2:
            return [h for h in headings if h.style is style or h.style is None]
    return [h for h in headings if h.style is None or plan_score(h.text) >= 2]


def choose_plan_heading(headings: Sequence[Heading]) -> Heading | None:
    """The heading that opens the plan: best score, then the higher style, then the later one."""
    best: Heading | None = None
    best_key: tuple[int, int, int] | None = None
    for heading in headings:
        score = plan_score(heading.text)
        if score < 2:
            continue
        rank = len(HEADING_ORDER) - HEADING_ORDER.index(heading.style) if heading.style else 0
        key = (score, rank, heading.index)
        if best_key is None or key > best_key:
            best, best_key = heading, key
    return best


def find_named(paragraphs: Sequence[str], headings: Sequence[Heading], wanted: str) -> Heading | None:
    """The heading the user named: exact text first, then one containing it (numbering ignored)."""
    def bare(text: str) -> str:
        marker = match_at(text, 0, HEADING_ORDER)
        return re.sub(r"\s+", "", text[marker.end:] if marker else text).strip(_TRAILING)

    target = bare(wanted)
    if not target:
        return None
    for heading in headings:
        if heading.text == wanted.strip() or bare(heading.text) == target:
            return heading
    for heading in headings:
        if target in bare(heading.text):
            return heading
    for index, paragraph in enumerate(paragraphs):  # any short paragraph the user picked
        if len(paragraph) <= MAX_HEADING * 2 and bare(paragraph).startswith(target):
            marker = match_at(paragraph, 0, HEADING_ORDER)
            return Heading(index, paragraph.rstrip(_TRAILING), "", marker.style if marker else None,
                           marker.number if marker else 0)
    return None


def section_end(paragraphs: Sequence[str], headings: Sequence[Heading], plan: Heading) -> int:
    """Index of the first paragraph after the plan section: the next heading at the plan's level or above."""
    if plan.style is None:
        limit: tuple[Style, ...] = (Style.PART,)
    else:
        limit = HEADING_ORDER[:HEADING_ORDER.index(plan.style) + 1]
    for heading in headings:
        if heading.index <= plan.index or heading.style not in limit:
            continue
        if heading.style is plan.style and heading.number <= plan.number:
            continue
        return heading.index
    return len(paragraphs)
