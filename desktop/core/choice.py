"""Turn the ranking into an answer: one section, a plan spread over several, or no plan at all."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from desktop.core.candidates import Candidate, Kind
from desktop.core.closing import SENTENCE_MARKS
from desktop.core.cues import REQUEST
from desktop.core.markers import at_paragraph_start
from desktop.core.plan_documents import plan_document_tasks
from desktop.core.ranking import Ranked, looks_forward
from desktop.core.sections import annex_starts
from desktop.core.types import Alternative

_SPREAD_MIN = 3  # a plan spread over sections has at least this many forward-looking ones in a row
_ANONYMOUS_MIN = 2  # … of which this many name no plan and no time: they are task areas, not "the plan"
_ALTERNATIVES = 6  # how many runner-up sections an answer lists for the user to pick instead


@dataclass(slots=True)
class Choice:
    """The section(s) taken as the plan, how sure the choice is, and whether the plan is spread."""

    sections: list[Candidate] = field(default_factory=list)
    confidence: float = 0.0
    spread: bool = False
    parts: list[Candidate] = field(default_factory=list)  # where each section's items are (see plan_part)
    # a plan document's title and the lines above its sections: the same answer as its tasks, not rivals
    whole: list[Candidate] = field(default_factory=list)


def choose(paragraphs: Sequence[str], ranked: Sequence[Ranked]) -> Choice:
    """The best forward-looking candidate, or a spread answer, or nothing (see module doc)."""
    # Requests to others are no plan, nor is any point inside them (`三、对策建议` holding
    # `（一）建议加强统筹规划。由县民政局牵头…`), however planned the point reads. Level-1 sections are asked
    # whether or not they read forward; the many sub-level items only when they do.
    asking = [(r.candidate.heading.index, r.candidate.end) for r in ranked
              if (r.candidate.level == 0 or looks_forward(r.features)) and _asks_others(r, paragraphs)]
    forward = [r for r in ranked if looks_forward(r.features)
               and not any(start <= r.candidate.heading.index < end for start, end in asking)]
    tasks = plan_document_tasks(paragraphs, ranked)
    if tasks is not None:  # (its tasks need not read forward: they are on the confidence's scale all the same)
        scale = forward if any(r is tasks for r in forward) else [tasks, *forward]
        # the title (`**局2025年工作计划`) and a `制定…计划如下` above the sections read as a plan: the whole
        # document is one, so they count with its tasks, not as other places the plan could be
        first = min(r.candidate.heading.index for r in ranked if r.candidate.level == 0 and r.candidate.kind is Kind.NUMBERED)
        whole = [r for r in forward if r.candidate.heading.index < first and r is not tasks]
        choice = taken([tasks.candidate], ranked, _share([tasks, *whole], scale))
        choice.whole = [r.candidate for r in whole]
        return choice
    if not forward:
        return Choice()
    best = _inner_plan(_prefer_heading(forward[0], ranked), forward)
    # A list introduced inside one of several task sections (`…要集中力量抓好以下几个方面：`) is a part of
    # a spread plan, not the plan: the run is looked for around the level-1 section it stands in.
    around = _level1_around(best, ranked)
    run = _forward_run(around if around is not None and looks_forward(around.features) else best, ranked,
                       annex_starts(paragraphs))
    anonymous = [r for r in run if _anonymous(r)]
    if len(run) >= _SPREAD_MIN and len(anonymous) >= _ANONYMOUS_MIN:
        return Choice([r.candidate for r in run], _share(run, forward), spread=True)
    tails = _tailed(best, ranked, paragraphs)
    if tails:
        return Choice([r.candidate for r in tails], _share(tails, forward), spread=True)
    part = plan_part(best.candidate, ranked)
    # `三、存在问题及下步打算` holding `（二）下步打算`: the sub-heading is the plan's own heading, the one a
    # clerk names; a plan introduced by a sentence inside the mixed section, or a sub-heading run into its
    # first sentence (`（二）下步打算 下半年，我局将…`, a flattened copy), keeps the parent heading.
    own = part.kind is Kind.NUMBERED and part.heading.index != best.candidate.heading.index \
        and not any(ch in part.text for ch in SENTENCE_MARKS)
    section = part if own else best.candidate
    return taken([section], ranked, _share([best], forward))


def taken(sections: Sequence[Candidate], ranked: Sequence[Ranked], confidence: float) -> Choice:
    """The answer for these sections (chosen or named by the user), each with the part its items are in."""
    ordered = sorted(sections, key=lambda c: c.heading.index)
    return Choice(ordered, confidence, parts=[plan_part(c, ranked) for c in ordered])


def plan_part(section: Candidate, ranked: Sequence[Ranked]) -> Candidate:
    """Where a section's items are: a mixed section (`三、存在的问题及下一步打算`) with a plan heading of
    its own inside (`（二）下步打算`), or a sentence introducing the plan's list, keeps its level-1
    heading, but its items are the sub-part's; the problems listed first are not tasks."""
    me = next((r for r in ranked if r.candidate.heading.index == section.heading.index
               and r.candidate.kind is section.kind), None)
    if me is None or not me.features["mixed"]:
        return section
    for r in ranked:
        c = r.candidate
        f = r.features
        if c.parent == section.heading.index and c.kind is not Kind.INTRO and not f["past"] \
                and (f["plan_strong"] or f["forward"]):
            return c
    for r in ranked:
        c = r.candidate
        f = r.features
        # `2025年，学校将重点做好以下工作：` after the problems (read as inside the last one): the plan's
        # list is introduced for the next period and runs to the section's end
        if c.kind is Kind.INTRO and section.heading.index < c.heading.index < section.end and not f["past"] \
                and (f["next_period"] or f["later_date"] or f["forward"]):
            return replace(c, end=max(c.end, section.end))
    return section


def alternatives(ranked: Sequence[Ranked], chosen: Sequence[Candidate]) -> tuple[Alternative, ...]:
    """The forward-looking sections other than the chosen ones, best first, each with its share of
    the confidence on the same scale as the chosen one's (a list introduction or an unnumbered line
    inside a chosen section is that section, not an alternative to it)."""
    forward = [r for r in ranked if looks_forward(r.features)]
    taken = {c.heading.index for c in chosen}
    # a chosen section that does not read forward (a plan document's tasks) is on the scale too
    scale = forward + [r for r in ranked if r.candidate.heading.index in taken and r.candidate.kind is Kind.NUMBERED
                       and not looks_forward(r.features)]
    out: list[Alternative] = []
    parents = {c.parent for c in chosen}
    for r in forward:
        c = r.candidate
        if c.heading.index in taken or (c.parent in taken and c.kind is not Kind.NUMBERED):
            continue
        if c.heading.index in parents and r.features["mixed"]:  # the mixed section a chosen plan part is in
            continue
        if any(a.heading == c.text for a in out):
            continue
        out.append(Alternative(c.text, round(r.score, 2), round(_share([r], scale), 3)))
        if len(out) >= _ALTERNATIVES:
            break
    return tuple(out)


def _share(chosen: Sequence[Ranked], forward: Sequence[Ranked]) -> float:
    """The confidence: the chosen sections' share of the probability of every forward-looking candidate,
    a list introduction or an unnumbered line counted with the section it stands in."""
    indexes = {r.candidate.heading.index for r in chosen}
    mine = sum(r.probability for r in forward
               if r.candidate.heading.index in indexes
               or r.candidate.parent in indexes and r.candidate.kind is not Kind.NUMBERED)
    total = sum(r.probability for r in forward)
    return mine / total if total else 0.0


def _prefer_heading(best: Ranked, ranked: Sequence[Ranked]) -> Ranked:
    """A list introduction or an unnumbered line inside a section whose own heading reads as a plan
    gives way to that heading: `三、2011年的工作` is the section a clerk names, not
    `今年，重点要做好以下几方面工作：`."""
    c = best.candidate
    if c.kind is Kind.INTRO:
        # `下半年重点工作` on a line of its own, then `下半年，…重点抓好以下几个方面：`: the line is the heading
        for r in ranked:
            h = r.candidate
            if h.kind is Kind.UNNUMBERED and h.heading.index == c.heading.index - 1 and _heading_cue(r) \
                    and looks_forward(r.features):
                return replace(r, candidate=replace(h, end=max(h.end, c.end)))
    if c.kind is Kind.NUMBERED or c.parent is None:
        return best
    for r in ranked:
        if r.candidate.heading.index == c.parent and r.candidate.kind is not Kind.INTRO and _heading_cue(r) \
                and looks_forward(r.features):
            return r
    return best


def _inner_plan(best: Ranked, forward: Sequence[Ranked]) -> Ranked:
    """A title of both halves (`2024年上半年工作总结及下阶段工作重点`) spans the whole report: the plan is
    the level-1 section inside it that names the plan itself (`三、下阶段工作重点`)."""
    c = best.candidate
    if c.kind is not Kind.UNNUMBERED or not best.features["mixed"]:
        return best
    return next((r for r in forward if r.candidate.level == 0 and r.candidate.kind is Kind.NUMBERED
                 and c.heading.index < r.candidate.heading.index < c.end and _heading_cue(r)), best)


def _asks_others(r: Ranked, paragraphs: Sequence[str]) -> bool:
    """A section of requests to the higher office (`四、意见建议`: `1.建议市政府…`, `2.恳请…`), whose
    heading names no plan and no time: what others are asked to do is not the office's plan."""
    f = r.features
    if f["plan_strong"] or f["forward"] or f["later_date"]:
        return False
    c = r.candidate
    lead, colon, _ = paragraphs[c.start].partition("：") if c.start < c.end else ("", "", "")
    if colon and REQUEST.search(lead):  # `…，恳请上级给予支持：一是…`: the list is what is asked for
        return True
    items = [(m, p) for p in paragraphs[c.start:min(c.end, c.start + 40)] if (m := at_paragraph_start(p)) is not None]
    asking = sum(1 for m, p in items if REQUEST.match(p, m.end))
    return len(items) >= 2 and asking * 2 >= len(items)


def _level1_around(best: Ranked, ranked: Sequence[Ranked]) -> Ranked | None:
    """The numbered level-1 section a nested candidate (a list introduction, an unnumbered line, a
    sub-heading) stands in, or None for a level-1 candidate or one outside any section."""
    if best.candidate.level == 0 and best.candidate.kind is Kind.NUMBERED:
        return None
    numbered = {r.candidate.heading.index: r for r in ranked if r.candidate.kind is Kind.NUMBERED}
    parent = best.candidate.parent
    while parent is not None and parent in numbered:
        r = numbered[parent]
        if r.candidate.level == 0:
            return r
        parent = r.candidate.parent
    return None


def _heading_cue(r: Ranked) -> bool:
    """The heading itself reads as a plan or a time ahead (`三、2011年的工作`), not only its body."""
    f = r.features
    return bool(f["plan_strong"] or f["forward"] or f["later_date"] or f["dated"] or f["named"])


def _forward_run(best: Ranked, ranked: Sequence[Ranked], annexes: Sequence[int]) -> list[Ranked]:
    """The level-1 sections in a row around the best one that all read as forward-looking, within the
    main text or the attachment the best one is in (`附件1` after a plan is not more of the plan)."""
    c = best.candidate
    if c.level != 0 or c.kind is not Kind.NUMBERED:
        return [best]
    part = bisect_right(annexes, c.heading.index)
    peers = sorted((r for r in ranked if r.candidate.level == 0 and r.candidate.kind is Kind.NUMBERED
                    and r.candidate.heading.style is c.heading.style
                    and bisect_right(annexes, r.candidate.heading.index) == part),
                   key=lambda r: r.candidate.heading.index)
    at = next(k for k, r in enumerate(peers) if r.candidate.heading.index == c.heading.index)
    lo = hi = at
    while lo > 0 and looks_forward(peers[lo - 1].features):
        lo -= 1
    while hi + 1 < len(peers) and looks_forward(peers[hi + 1].features):
        hi += 1
    return peers[lo:hi + 1]


# A paragraph that says what comes next for the work a section has just reported (`下一步，我们将…`).
_NEXT_STEPS = re.compile(r"(?:下一步|下步|下一阶段|下阶段|今后)(?:工作中)?[，,：:]")


def _tailed(best: Ranked, ranked: Sequence[Ranked], paragraphs: Sequence[str]) -> list[Ranked]:
    """The level-1 sections that each report on one line of work and end with its next steps, when the
    best one is such a section and at least `_SPREAD_MIN` are: the plan is spread over their tails, and
    no one of them is it (the one whose report happens to have the fewest past-tense marks)."""
    c = best.candidate
    if c.level != 0 or c.kind is not Kind.NUMBERED or _heading_cue(best):
        return []
    tailed = sorted((r for r in ranked if r.candidate.level == 0 and r.candidate.kind is Kind.NUMBERED
                     and r.candidate.heading.style is c.heading.style and _ends_in_next_steps(r.candidate, paragraphs)),
                    key=lambda r: r.candidate.heading.index)
    if len(tailed) < _SPREAD_MIN or all(r.candidate.heading.index != c.heading.index for r in tailed):
        return []
    return tailed


def _ends_in_next_steps(c: Candidate, paragraphs: Sequence[str]) -> bool:
    body = [p for p in paragraphs[c.start:c.end] if p.strip()]
    return len(body) >= 2 and _NEXT_STEPS.match(body[-1].strip()) is not None


def _anonymous(r: Ranked) -> bool:
    """A section whose heading names neither a plan nor a time: a task area (`三、把改革开放扎实推向纵深`)."""
    f = r.features
    return not (f["plan_strong"] or f["plan_weak"] or f["forward"] or f["later_date"] or f["mixed"])
