"""Find a report's headings: numbered ones whose numbers run in order, and short unnumbered lines."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop.core.cues import FORWARD, PLAN_NAMED, PLAN_STRONG, PLAN_WEAK
from desktop.core.markers import HEADING_ORDER, Marker, Style, match_at

MAX_HEADING = 40  # characters; a longer first sentence is body text, not a heading
MAX_UNNUMBERED = 24  # an unnumbered heading is a short line
TRAILING = " ：:。.；;，,、!！"
_SENTENCE_PUNCT = "。，,；;！!？?"
# An attachment's mark (`附件`, `附件1`, `附件二：…`, `附件2 名词解释`), a line of its own: after it comes
# another document (a list of 民生实事, a glossary) whose numbering is its own, whatever its numbers.
_ANNEX = re.compile(r"^附\s*件\s*[0-9０-９一二三四五六七八九十]{0,3}\s*(?:[：:]|\s|$)")
_ANNEX_MAX = 40
# A document's own title naming what it reviews and what it plans (`…上半年工作总结及下半年工作计划`):
# the line above both parts, not the heading of the plan part.
_COMBINED_TITLE = re.compile(r"(?:总结|回顾|情况|汇报|报告).{0,3}(?:及|和|与|暨|并)")


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading-like paragraph: where it is, its style (None: unnumbered) and number."""

    index: int
    text: str  # the heading itself, marker included, without a trailing inline body
    rest: str  # text that followed the heading in the same paragraph (`三、下步计划。下半年…`)
    style: Style | None
    number: int
    title: str = field(init=False)  # the heading's words without its marker

    def __post_init__(self) -> None:
        marker = match_at(self.text, 0, HEADING_ORDER) if self.style is not None else None
        object.__setattr__(self, "title", (self.text[marker.end:] if marker else self.text).strip(TRAILING))


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
    """The heading and the text after it: the heading ends at the first 。, or at a colon that a
    list follows (`二、下步计划：1、…`, a heading glued to its first item), or at the colon of a section
    named for a plan whose text runs on (`四、下半年工作思路：下半年，我局将…`, pasted without its line break)."""
    body = paragraph[marker.end:]
    colon = min((i for i in (body.find("："), body.find(":")) if i >= 0), default=-1)
    stop = body.find("。")
    if 0 < colon <= MAX_HEADING and (stop < 0 or colon < stop) \
            and (match_at(body, colon + 1) is not None or _plan_run_in(marker.style, body[:colon])):
        return paragraph[:marker.end] + body[:colon].rstrip(TRAILING), body[colon + 1:].strip()
    title = body if stop < 0 else body[:stop]
    if not title.strip(TRAILING) or len(title) > MAX_HEADING:
        return None, ""
    rest = "" if stop < 0 else body[stop + 1:].strip()
    return paragraph[:marker.end] + title.rstrip(TRAILING), rest


def _plan_run_in(style: Style, head: str) -> bool:
    """A level-1 style's heading before a colon that names a plan (`下半年工作思路`), not a sentence's opening.

    Only the section styles: an item (`（一）…：…`) is split into title and measures where its items are read.
    """
    head = head.strip()
    return style in (Style.PART, Style.DUN) and not any(ch in head for ch in _SENTENCE_PUNCT) \
        and PLAN_NAMED.search(head) is not None


def _unnumbered(paragraph: str, index: int) -> Heading | None:
    """A short line without a marker and without sentence punctuation counts when it names a plan
    or a time ahead (`下半年工作计划：`, `今后工作思路`); other short lines are titles or greetings."""
    text = paragraph.rstrip(TRAILING)
    if not text or len(text) > MAX_UNNUMBERED or any(ch in text for ch in _SENTENCE_PUNCT):
        return None
    if paragraph.rstrip().endswith(("！", "!", "？", "?", "。")):  # a sentence, not a heading
        return None
    if not (PLAN_STRONG.search(text) or PLAN_WEAK.search(text) or FORWARD.search(text)):
        return None
    if index == 0 and _COMBINED_TITLE.search(text):
        return None
    return Heading(index, text, "", None, 0)


def is_annex_mark(paragraph: str) -> bool:
    """A line that opens an attachment (`附件1`, `附件：2026年十件民生实事`), not a sentence about one."""
    text = paragraph.strip()
    return len(text) <= _ANNEX_MAX and "。" not in text and _ANNEX.match(text) is not None


def annex_starts(paragraphs: Sequence[str]) -> list[int]:
    """Indexes of the paragraphs that open an attachment, in order."""
    return [i for i, p in enumerate(paragraphs) if is_annex_mark(p)]


def find_headings(paragraphs: Sequence[str]) -> list[Heading]:
    """Every heading-like paragraph, each numbered style kept only while its numbers run in order
    (an attachment starts its own numbering)."""
    found: list[Heading] = []
    last: dict[Style, int] = {}
    for index, paragraph in enumerate(paragraphs):
        if is_annex_mark(paragraph):
            last.clear()
            continue
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


def top_style(headings: Sequence[Heading]) -> Style | None:
    """The style of the level-1 headings: the highest numbered style used at least twice."""
    for style in HEADING_ORDER:
        if sum(1 for h in headings if h.style is style) >= 2:
            return style
    return None


def top_headings(headings: Sequence[Heading]) -> list[Heading]:
    """The level-1 headings (the top style's), plus the unnumbered ones; every heading when no style repeats."""
    style = top_style(headings)
    if style is None:
        return list(headings)
    return [h for h in headings if h.style is style or h.style is None]


def level_of(heading: Heading, top: Style | None) -> int:
    """0 for a level-1 (or unnumbered) heading, 1 for the style below the top one, and so on."""
    if heading.style is None or top is None:
        return 0
    return max(0, HEADING_ORDER.index(heading.style) - HEADING_ORDER.index(top))


def section_end(paragraphs: Sequence[str], headings: Sequence[Heading], plan: Heading) -> int:
    """Index of the first paragraph after the section `plan` opens: the next heading at its level or above."""
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


def section_ends(paragraphs: Sequence[str], headings: Sequence[Heading]) -> dict[int, int]:
    """`section_end` of every heading at once (keyed by paragraph index), in one pass."""
    ends: dict[int, int] = {}
    open_: list[Heading] = []  # numbered headings whose sections are still open, outermost first
    unnumbered: list[Heading] = []
    for heading in headings:
        if heading.style is None:
            unnumbered.append(heading)
            continue
        rank = HEADING_ORDER.index(heading.style)
        while open_ and HEADING_ORDER.index(open_[-1].style) >= rank:  # type: ignore[arg-type]
            ends[open_.pop().index] = heading.index
        if heading.style is Style.PART:
            for u in unnumbered:
                ends[u.index] = heading.index
            unnumbered = []
        open_.append(heading)
    for heading in [*open_, *unnumbered]:
        ends[heading.index] = len(paragraphs)
    return ends


def bare(text: str) -> str:
    """A heading without its marker, spaces and trailing punctuation, to compare what a user typed."""
    marker = match_at(text, 0, HEADING_ORDER)
    return re.sub(r"\s+", "", text[marker.end:] if marker else text).strip(TRAILING)


def find_named(paragraphs: Sequence[str], headings: Sequence[Heading], wanted: str) -> Heading | None:
    """The heading the user named: exact text first, then one containing it (numbering ignored)."""
    target = bare(wanted)
    if not target:
        return None
    squeezed = re.sub(r"\s+", "", wanted).strip(TRAILING)
    for heading in headings:
        if re.sub(r"\s+", "", heading.text) == squeezed or bare(heading.text) == target:
            return heading
    for heading in headings:
        if target in bare(heading.text):
            return heading
    for index, paragraph in enumerate(paragraphs):  # any short paragraph the user picked
        if len(paragraph) <= MAX_HEADING * 2 and bare(paragraph).startswith(target):
            marker = match_at(paragraph, 0, HEADING_ORDER)
            return Heading(index, paragraph.rstrip(TRAILING), "", marker.style if marker else None,
                           marker.number if marker else 0)
    return None
