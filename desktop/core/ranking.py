"""Rank every candidate section by how much it reads like the report's plan.

Each candidate gets a score: the sum of its features times the weights in `WEIGHTS`, features of
the heading (plan words, time words, a later date, review words) and of the body (tense, an
enumeration, size), plus where it stands (plans come late, after the review). The weights were fitted
on labelled reports (tools/fit_ranking.py) and rounded; softmax over the scores gives a confidence.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.candidates import Candidate, Kind
from desktop.core.cues import (
    FORWARD,
    PAST,
    PLAN_NAMED,
    PLAN_STRONG,
    PLAN_WEAK,
    heading_date,
    heading_words,
    paragraph_tense,
    plans_next_period,
    points_forward,
    report_period,
)
from desktop.core.markers import Style, at_paragraph_start, inline_markers, may_list

# feature: weight — why it counts
WEIGHTS: dict[str, float] = {
    "plan_strong": 2.75,  # the heading names a plan: 打算 计划 安排 思路 设想 建议 …
    "plan_weak": 1.0,  # … or a task word: 任务 重点 部署 要求 措施 …, or ends in 工作
    "named": 1.0,  # the heading ends in what it plans (…工作打算, 重点任务), not in one task's words
    "forward": 1.75,  # a time ahead: 下一步 下半年 今后 明年 今年 …
    "next_period": 1.0,  # the period right after the one the report reviews (上半年总结 → 下半年, 10月 → 11月)
    "later_date": 1.25,  # a year or month later than one an earlier heading names (一、10月… 二、11月…)
    "dated": 1.5,  # names a year or month (none earlier than an earlier heading's): `三、2011年的工作`
    "earlier_date": -1.5,  # a year or month earlier than an earlier heading's: a look further back
    "past": -2.5,  # review or problem words: 回顾 情况 成效 问题 以来 …
    "mixed": 0.75,  # review words before plan words (存在问题及下一步打算): the plan is its second half
    "future_body": 1.75,  # share of body sentences that say what will be done (要 将 确保 力争 …)
    "past_body": -2.0,  # share of body sentences that say what was done (了 已 取得 累计 …)
    "enumerates": 1.5,  # the body lists points numbered from 1
    "position": 1.0,  # where the heading stands, 0 at the start of the report and 1 at the end
    "runs_to_end": 1.5,  # no later section at its level: plans are usually the last part
    "size": 1.25,  # the body's share of the report's text
    "sublevel": -1.5,  # a second-level heading (（二）下一步工作打算 inside a mixed section)
    "intro": -1.0,  # found as a sentence introducing a list, not as a heading
    "unnumbered": -0.5,  # a short unnumbered line
    "after_review": 0.75,  # an earlier level-1 heading looks back: the review has been given
}


@dataclass(frozen=True, slots=True)
class Ranked:
    """A candidate with its features, score and share of the confidence."""

    candidate: Candidate
    features: dict[str, float]
    score: float
    probability: float


def looks_forward(features: dict[str, float]) -> bool:
    """Whether a candidate reads as planning at all (by its heading, a later date, or its body's tense).

    A second-level heading must say so in its own words (`（二）下一步工作打算`): one that names a single
    task (`（一）推进项目建设`) is an item of some section, however forward its body reads. So must an
    unnumbered line: a news item's title (`**县召开…推进会`) is no plan heading."""
    if features["past"] and not features["mixed"]:
        return False
    heading = features["plan_strong"] or features["forward"] or features["later_date"] or features["mixed"]
    if (features["sublevel"] or features["unnumbered"]) and not (heading or features["named"]):
        return False
    # `（一）提前谋划部署` in a review: a plan word in a sub-heading, but its body tells what was done
    if features["sublevel"] and not (features["forward"] or features["later_date"] or features["mixed"]) \
            and features["past_body"] > features["future_body"]:
        return False
    body = features["future_body"] >= 0.2 and features["future_body"] > features["past_body"]
    # `三、2022年重点工作` after `一、过去五年工作回顾`: a level-1 section named for a dated year's tasks, once the
    # review is given, plans that year even when its body is written in bare imperatives (实施… 加快… 推进…),
    # which the tense cues do not count as will-do sentences; a body that tells what was done still rules it out
    dated_tasks = (features["dated"] and features["named"] and features["after_review"] and not features["sublevel"]
                   and not features["unnumbered"] and not features["intro"]
                   and features["future_body"] > features["past_body"])
    return bool(heading or body or dated_tasks)


class DocStats:
    """What every candidate's features read from the whole text, computed once: running paragraph
    lengths and each paragraph's tense counts (on first use)."""

    def __init__(self, paragraphs: Sequence[str]) -> None:
        self.paragraphs = paragraphs
        self.prefix = [0]
        for p in paragraphs:
            self.prefix.append(self.prefix[-1] + len(p))
        self._tense: dict[int, tuple[int, int, int]] = {}
        self._lists: dict[int, bool] = {}
        self.period = report_period("\n".join(paragraphs[:3]))

    @property
    def total(self) -> int:
        """Characters in the report."""
        return self.prefix[-1] or 1

    def chars(self, start: int, end: int) -> int:
        """Characters in paragraphs start … end-1."""
        return self.prefix[end] - self.prefix[start]

    def tense(self, c: Candidate) -> tuple[float, float]:
        """(will-do share, was-done share) of the first sentences of a candidate's body."""
        total, future, past = paragraph_tense(c.heading.rest) if c.heading.rest else (0, 0, 0)
        for index in range(c.start, c.end):
            if total >= _TENSE_SENTENCES:
                break
            got = self._tense.get(index)
            if got is None:
                got = self._tense[index] = paragraph_tense(self.paragraphs[index])
            total, future, past = total + got[0], future + got[1], past + got[2]
        return (future / total, past / total) if total else (0.0, 0.0)

    def enumerates(self, c: Candidate) -> bool:
        """Whether a candidate's body lists points numbered 1, 2 … (at paragraph starts, or inline)."""
        firsts = 0
        if c.heading.rest and self._inline_list(c.heading.rest):
            return True
        for index in range(c.start, min(c.end, c.start + 400)):
            marker = at_paragraph_start(self.paragraphs[index])
            if marker is not None:
                if marker.number == 1:
                    firsts += 1
                elif marker.number == 2 and firsts:
                    return True
            if index < c.start + 40 and self._inline(index):
                return True
        return False

    def _inline(self, index: int) -> bool:
        got = self._lists.get(index)
        if got is None:
            got = self._lists[index] = self._inline_list(self.paragraphs[index])
        return got

    @staticmethod
    def _inline_list(paragraph: str) -> bool:
        # a list of two needs its second marker: a substring test rules most paragraphs out at once
        return any(may_list(paragraph, style) and len(inline_markers(paragraph, style)) >= 2
                   for style in (Style.SHI, Style.DIGIT, Style.PAREN_CN, Style.ORDINAL))


_TENSE_SENTENCES = 400  # enough sentences to read a section's tense; a long plan need not be read to its end


def rank(paragraphs: Sequence[str], candidates: Sequence[Candidate]) -> list[Ranked]:
    """Candidates with features and scores, best first; probabilities sum to 1."""
    if not candidates:
        return []
    stats = DocStats(paragraphs)
    feats = all_features(stats, candidates)
    scores = [sum(WEIGHTS[name] * value for name, value in f.items()) for f in feats]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    norm = sum(exps)
    ranked = [Ranked(c, f, s, e / norm) for c, f, s, e in zip(candidates, feats, scores, exps)]
    ranked.sort(key=lambda r: (-r.score, -r.candidate.heading.index))
    return ranked


def all_features(stats: DocStats, candidates: Sequence[Candidate]) -> list[dict[str, float]]:
    """The features of every candidate (see WEIGHTS), in a few passes over the list."""
    paragraphs = stats.paragraphs
    dates = [heading_date(c.heading.title) for c in candidates]
    order = _date_orders(candidates, dates)
    last_in_group: dict[tuple[int, int | None], int] = {}
    for c in candidates:
        if c.kind is not Kind.INTRO:
            last_in_group[(c.level, c.parent)] = max(c.heading.index, last_in_group.get((c.level, c.parent), -1))
    first_review = next((c.heading.index for c in candidates if c.level == 0 and c.kind is Kind.NUMBERED
                         and PAST.search(heading_words(c.heading.title))), None)
    out = []
    for c, (year, month), (later, earlier) in zip(candidates, dates, order):
        title = heading_words(c.heading.title)
        strong = bool(PLAN_STRONG.search(title))
        past = PAST.search(title)
        mixed = bool(past and _mixed(title, past.end()))
        named = bool(PLAN_NAMED.search(title.rstrip(" ：:")))
        forward = points_forward(title, stats.period)
        # A second-level candidate that names no plan cannot be the answer (looks_forward): its body,
        # the costly part, is not read (most candidates are a plan's own items).
        readable = (c.level == 0 and c.kind is not Kind.UNNUMBERED) or strong or forward or later or mixed or named
        future, past_share = stats.tense(c) if readable else (0.0, 0.0)
        size = (stats.chars(c.start, c.end) + len(c.heading.rest)) / stats.total
        out.append({
            "plan_strong": float(strong),
            "plan_weak": float(not strong and bool(PLAN_WEAK.search(title))),
            "named": float(named),
            "forward": float(forward),
            "next_period": float(plans_next_period(title, stats.period)),
            "later_date": float(later),
            "dated": float((year is not None or month is not None) and not earlier),
            "earlier_date": float(earlier),
            "past": float(bool(past) and not mixed),
            "mixed": float(mixed),
            "future_body": future,
            "past_body": past_share,
            "enumerates": float(readable and stats.enumerates(c)),
            "position": c.heading.index / max(1, len(paragraphs) - 1),
            "runs_to_end": float(last_in_group.get((c.level, c.parent), -1) <= c.heading.index),
            "size": min(1.0, size),
            "sublevel": float(c.level > 0),
            "intro": float(c.kind is Kind.INTRO),
            "unnumbered": float(c.kind is Kind.UNNUMBERED),
            "after_review": float(first_review is not None and first_review < c.heading.index),
        })
    return out


def _date_orders(candidates: Sequence[Candidate], dates: Sequence[tuple[int | None, int | None]]) -> list[tuple[bool, bool]]:
    """(later, earlier) per candidate: how the date its heading names compares with earlier headings' dates
    (years first; months when the years agree or one is missing)."""
    seen: list[tuple[int | None, int | None]] = []  # distinct dates of earlier headings
    out = []
    for c, (year, month) in zip(candidates, dates):
        later = earlier = False
        if year is not None or month is not None:
            for oy, om in seen:
                if year is not None and oy is not None and year != oy:
                    later, earlier = later or year > oy, earlier or year < oy
                elif month is not None and om is not None:
                    later, earlier = later or month > om, earlier or month < om
        out.append((later and not earlier, earlier))
        if c.kind is not Kind.INTRO and (year is not None or month is not None) and (year, month) not in seen:
            seen.append((year, month))
    return out


def _mixed(title: str, after: int) -> bool:
    """A plan or time word after the review words, and no review word after it: `存在问题及下一步打算`."""
    plan = PLAN_STRONG.search(title, after) or FORWARD.search(title, after)
    return plan is not None and not PAST.search(title, plan.end())


