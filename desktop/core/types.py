"""Plain data that flows from the parser to the store, the UI and the Excel code."""

from __future__ import annotations

from collections.abc import Callable, Sequence
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
    # plans typed as Word tables (序号 | 重点任务 | 具体措施 | 责任单位 | 完成时限), each also among `paragraphs`
    tables: tuple[TaskTable, ...] = ()

    @property
    def text(self) -> str:
        """The whole report, one paragraph per line."""
        return "\n".join(self.paragraphs)


@dataclass(frozen=True, slots=True)
class Duty:
    """Who answers for an item, when the report says so (a task table's 责任单位 and 责任人 columns)."""

    lead_leader: str = ""  # 牵头领导 / 责任领导
    lead_unit: str = ""  # 牵头单位 / 责任单位
    co_units: str = ""  # 配合单位
    owner: str = ""  # 责任人

    def __bool__(self) -> bool:
        return bool(self.lead_leader or self.lead_unit or self.co_units or self.owner)

    @staticmethod
    def first_named(duties: Sequence[Duty]) -> Duty:
        """Each name from the first of `duties` that gives one."""
        return Duty(*(next((getattr(d, f) for d in duties if getattr(d, f)), "") for f in Duty.__slots__))

    @staticmethod
    def shared(duties: Sequence[Duty]) -> Duty:
        """The names every one of `duties` gives alike (the unit of a task merged over its rows, say)."""
        return Duty(*(getattr(duties[0], f) if len({getattr(d, f) for d in duties}) == 1 else ""
                      for f in Duty.__slots__))


@dataclass(frozen=True, slots=True)
class TaskPart:
    """One row of a task table: its 具体措施 cell's paragraphs, who answers for them and by when."""

    measures: tuple[str, ...]
    duty: Duty = Duty()
    due_text: str = ""


@dataclass(frozen=True, slots=True)
class TaskRow:
    """One task of a task table; a task cell merged over several rows has one part per row."""

    label: str
    task: str
    parts: tuple[TaskPart, ...]
    source: str = ""  # the row as `列名：内容` lines, for the detail pane


@dataclass(frozen=True, slots=True)
class TaskTable:
    """A plan typed as a table; `lines` are the paragraphs it reads as in the text, one per task."""

    rows: tuple[TaskRow, ...]
    lines: tuple[str, ...]


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
    duty: Duty = Duty()


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
