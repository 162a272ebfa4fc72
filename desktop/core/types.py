"""Plain data that flows from the parser to the store, the UI and the Excel code."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

ProgressFn = Callable[[int, int], None]
CancelFn = Callable[[], bool]


@dataclass(frozen=True, slots=True)
class ReportDocument:
    """A report's text as paragraphs, after decoding and whitespace normalisation."""

    source: str  # file name shown to the user
    paragraphs: tuple[str, ...]
    sha256: str  # of the source bytes, to recognise a file imported twice
    encoding: str = "utf-8"
    # each paragraph's leading blanks as written in a text file (a PDF copy indents the first line of
    # a paragraph, the one sign of where it starts); empty for .docx
    leads: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The whole report, one paragraph per line."""
        return "\n".join(self.paragraphs)


@dataclass(frozen=True, slots=True)
class PlanItem:
    """One top-level item of a plan, or one measure under it (then `children` is empty)."""

    label: str  # as written: "（一）", "一是", "1." … or "1", "2" for sentence measures
    title: str  # heading without label and final 。
    text: str  # the full text, label excluded
    due: date | None = None
    children: tuple[PlanItem, ...] = ()
    ongoing: bool = False  # 长期坚持 / 常态化: tracked, but never overdue
    source: str = ""  # the paragraph(s) it was cut from, for the detail pane


@dataclass(frozen=True, slots=True)
class PlanSection:
    """The plan part of a report: its level-1 heading and the context before the items."""

    heading: str
    preamble: str | None = None


@dataclass(frozen=True, slots=True)
class Alternative:
    """Another section the plan could be in: its heading, ranking score and share of the confidence."""

    heading: str
    score: float
    confidence: float


@dataclass(frozen=True, slots=True)
class Plan:
    """What one report plans: the section and its items, with the year they run in."""

    source: str
    title: str
    year: int | None
    section: PlanSection
    items: tuple[PlanItem, ...]
    headings: tuple[str, ...] = field(default=())  # every level-1 heading, to re-pick the section
    taken: tuple[str, ...] = field(default=())  # the heading of each section taken (several for a spread plan)
    year_guessed: bool = False  # no year in the text: `year` is the default the caller gave (this year)
    confidence: float = 1.0  # how sure the section choice is (1.0 when the user named it)
    alternatives: tuple[Alternative, ...] = field(default=())  # the runner-up sections, best first

    @property
    def measure_count(self) -> int:
        """Measures are what a clerk ticks: an item's children, or the item itself when it has none."""
        return sum(len(item.children) or 1 for item in self.items)
