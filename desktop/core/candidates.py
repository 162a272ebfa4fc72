"""Every place a report's plan could start: numbered and unnumbered headings and list introductions.

A candidate is a heading-like unit and the span of paragraphs it governs. Numbered headings govern
up to the next heading at their level or above; an unnumbered heading up to the next part; a
sentence that introduces a list (`…安排如下：`, `重点抓好以下工作：`) governs the list after it, whose
numbering may restart (a review's `一、二、三、` and then the plan's own `一、二、`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import Enum

from desktop.core.markers import HEADING_ORDER, Style, at_paragraph_start, match_at
from desktop.core.sections import Heading, level_of, section_ends, top_style
from desktop.core.sentences import split_sentences

# What a sentence that announces a list says just before its colon.
_INTRO_WORDS = re.compile(r"如下|以下|下列|方面|几项|几点|主要是|主要有|重点是|[打算计划安排思路]是|工作$|任务$")
_MAX_INTRO = 300  # characters; only a runaway sentence (no full stop for pages) is cut
_MAX_INLINE_HEAD = 30  # a short head before `：一是…` introduces the list even without intro words
# A last sentence that announces what follows and ends with a full stop, not a colon:
# `着力在以下几个方面下功夫。`, `重点抓好以下工作。`, `主要有以下几点打算。`
_INTRO_SENTENCE = re.compile(r"(?:以下|下列)[^。！？；]{0,12}(?:方面|工作|任务|事项|重点|几点|几项|措施)[^。！？；，,]{0,10}。$")


class Kind(Enum):
    """How a candidate was found."""

    NUMBERED = "numbered"
    UNNUMBERED = "unnumbered"
    INTRO = "intro"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible plan section: its heading, how it was found, its level and its span of paragraphs."""

    heading: Heading
    kind: Kind
    level: int  # 0 for level-1 and unnumbered headings, 1 for the level below
    start: int  # first paragraph of the body
    end: int  # first paragraph after the section
    parent: int | None = None  # paragraph index of the enclosing numbered heading, if any

    @property
    def text(self) -> str:
        """The heading as shown to the user and written to JSON."""
        return self.heading.text

    def body(self, paragraphs: Sequence[str]) -> list[str]:
        """The section's paragraphs after the heading (with text that followed it inline)."""
        out = list(paragraphs[self.start:self.end])
        if self.heading.rest:
            out.insert(0, self.heading.rest)
        return out


def find_candidates(paragraphs: Sequence[str], headings: Sequence[Heading]) -> list[Candidate]:
    """Candidates in document order: numbered headings of the top two levels, unnumbered plan-like
    lines, and sentences that introduce a numbered list."""
    top = top_style(headings)
    ends = section_ends(paragraphs, headings)
    enclosing = _enclosing_map(paragraphs, headings, ends)
    heading_by_index = {h.index: h for h in headings}
    out: list[Candidate] = []
    for heading in headings:
        level = level_of(heading, top)
        if level > 1:
            continue
        parent = enclosing.get(heading.index)
        if heading.style is None:
            # an unnumbered line inside a numbered section sits one level below that section
            kind = Kind.UNNUMBERED
            level = 0 if parent is None else min(1, level_of(heading_by_index[parent], top) + 1)
        else:
            kind = Kind.NUMBERED
        out.append(Candidate(heading, kind, level, heading.index + 1, ends[heading.index], parent))
    intros = []
    for index in range(len(paragraphs)):
        own = heading_by_index.get(index)
        if own is not None and (own.style is None or not own.rest):
            continue
        intro = _intro(paragraphs, heading_by_index, index, top, ends, enclosing)
        if intro is not None:
            intros.append(intro)
    out, intros = _restarts(paragraphs, heading_by_index, top, out, intros)
    out.extend(intros)
    out.sort(key=lambda c: (c.heading.index, c.kind is not Kind.INTRO))
    return out


def _restarts(paragraphs: Sequence[str], heading_at: dict[int, Heading], top: Style | None,
              sections: list[Candidate], intros: list[Candidate]) -> tuple[list[Candidate], list[Candidate]]:
    """A list introduced inside a section whose numbering restarts the level-1 headings' own style
    (a review's `一、二、三、`, then `下半年重点做好以下工作：一、二、`) opens a new part of the report: it
    becomes a level-1 candidate, and the sections around it end where it starts."""
    restarts = []
    for intro in intros:
        # inline (`…如下：一、…`) is a list inside a paragraph, not a new part of the report
        if intro.parent is None or top is None or intro.parent == intro.heading.index or intro.heading.rest:
            continue
        marker = at_paragraph_start(paragraphs[intro.start]) if intro.start < len(paragraphs) else None
        if marker is not None and marker.style is top:
            restarts.append(replace(intro, level=0, parent=None,
                                    end=_list_end(paragraphs, heading_at, intro.start, top)))
    if not restarts:
        return sections, intros
    cut = [r.heading.index for r in restarts]

    def clipped(c: Candidate) -> Candidate:
        inside = [i for i in cut if c.heading.index < i < c.end]
        return replace(c, end=min(inside)) if inside else c

    def reparented(c: Candidate) -> Candidate:
        owner = next((r for r in reversed(restarts) if r.heading.index < c.heading.index < r.end), None)
        return replace(c, parent=owner.heading.index, level=1) if owner is not None else c

    restart_at = {r.heading.index: r for r in restarts}
    others = [reparented(clipped(i)) for i in intros if i.heading.index not in restart_at]
    return [reparented(clipped(c)) for c in sections], [*restarts, *others]


def _enclosing_map(paragraphs: Sequence[str], headings: Sequence[Heading], ends: dict[int, int]) -> dict[int, int]:
    """For each paragraph inside a numbered section, the index of the innermost heading containing it."""
    out: dict[int, int] = {}
    stack: list[Heading] = []
    by_index = {h.index: h for h in headings if h.style is not None}
    for index in range(len(paragraphs)):
        while stack and ends[stack[-1].index] <= index:
            stack.pop()
        if stack:
            out[index] = stack[-1].index
        heading = by_index.get(index)
        if heading is not None:
            stack.append(heading)
    return out


def _intro(paragraphs: Sequence[str], heading_at: dict[int, Heading], index: int,
           top: Style | None, ends: dict[int, int], enclosing: dict[int, int]) -> Candidate | None:
    """A candidate for the list that paragraph `index` introduces, if it introduces one."""
    paragraph = paragraphs[index]
    found = _intro_in(paragraph)
    if found is None:
        return None
    head, rest = found
    if rest:
        marker = match_at(rest, 0)
    elif index + 1 < len(paragraphs):
        marker = at_paragraph_start(paragraphs[index + 1])
    else:
        marker = None
    if marker is None or marker.number != 1:
        return None
    end = _list_end(paragraphs, heading_at, index + 1, marker.style)
    parent = enclosing.get(index)
    own = heading_at.get(index)
    if own is not None and own.style is not None:  # `三、下步计划：一是…`: the heading itself encloses it
        parent = index
    level = 0
    if parent is not None:
        end = min(end, ends[parent])
        level = min(1, level_of(heading_at[parent], top) + 1)
    return Candidate(Heading(index, head, rest, None, 0), Kind.INTRO, level, index + 1, end, parent)


def _intro_in(paragraph: str) -> tuple[str, str] | None:
    """(introducing text, the list after it in the same paragraph) when the paragraph ends by
    introducing a list, or introduces one and then runs on with it inline."""
    tail = paragraph.rstrip(" ")
    if tail.endswith(("：", ":")) or (tail.endswith(("如下。", "如下")) and len(tail) <= 200):
        return _intro_text(tail.rstrip("。")), ""
    if _INTRO_SENTENCE.search(tail):  # (the list must follow in the next paragraph: _intro checks)
        return _intro_text(tail.rstrip("。")), ""
    m = re.search("[：:]", paragraph)
    if m is None:
        return None
    after = paragraph[m.end():].lstrip()
    marker = match_at(after, 0)
    if marker is None or marker.number != 1:
        return None
    head = paragraph[:m.end()]
    if len(head) <= _MAX_INLINE_HEAD or _INTRO_WORDS.search(head[-20:].rstrip("：:")):
        return _intro_text(head), after
    return None


def _intro_text(text: str) -> str:
    """The introducing sentence: the paragraph's last one (`本月总结内容如下：` after the context), whole."""
    text = text.strip()
    sentences = split_sentences(text)
    last = sentences[-1].strip() if sentences else text
    return last if len(last) <= _MAX_INTRO else last[-_MAX_INTRO:]


def _stops(style: Style) -> tuple[Style, ...]:
    """Heading styles a list of `style` never runs past: a `一是` or `第一，` list ends at `（一）` or above."""
    if style in HEADING_ORDER:
        return HEADING_ORDER[:HEADING_ORDER.index(style)]
    if style in (Style.SHI, Style.ORDINAL):
        return (Style.PART, Style.DUN, Style.PAREN_CN)
    return HEADING_ORDER


def _list_end(paragraphs: Sequence[str], heading_at: dict[int, Heading], start: int, style: Style) -> int:
    """The first paragraph after a list that starts at `start`: a heading above the list's style, or
    a marker of its style whose number breaks the sequence."""
    stops = _stops(style)
    expected = 1
    for index in range(start, len(paragraphs)):
        heading = heading_at.get(index)
        if heading is not None and heading.style in stops:
            return index
        marker = at_paragraph_start(paragraphs[index])
        if marker is not None and marker.style is style:
            if marker.number not in (expected, expected + 1):
                return index
            expected = marker.number + 1
    return len(paragraphs)
