"""Extract the plan of a report: its section, preamble, items and the measures under each.

The text is reflowed (reflow.py), every heading-like unit becomes a candidate (candidates.py), the
candidates are ranked (ranking.py) and the best one is split into items and measures here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from desktop.core.candidates import Candidate, Kind, find_candidates
from desktop.core.choice import Choice, alternatives, choose, taken
from desktop.core.closing import (
    SENTENCE_MARKS,
    ends_the_text,
    is_address,
    is_trailing,
    trim_last_item,
)
from desktop.core.dates import detect_year, find_deadline, plan_period_end
from desktop.core.duty_lines import Said, read_duty_line, take_duty, trailing_duty
from desktop.core.errors import Cancelled, NoPlanSectionError, SpreadPlanError
from desktop.core.markers import (
    HEADING_ORDER,
    LAST,
    NUMBERED,
    Marker,
    Style,
    at_paragraph_start,
    inline_markers,
    match_at,
    may_list,
    without_bullet,
)
from desktop.core.numerals import to_chinese
from desktop.core.plan_documents import plan_title_line
from desktop.core.ranking import Ranked, rank
from desktop.core.reflow import reflow
from desktop.core.reports import read_report
from desktop.core.sections import (
    Heading,
    find_headings,
    find_named,
    section_end,
    top_headings,
)
from desktop.core.sentences import split_sentences
from desktop.core.types import (
    CancelFn,
    Duty,
    Plan,
    PlanItem,
    PlanSection,
    ProgressFn,
    ReportDocument,
    TaskRow,
    TaskTable,
)

_HAS_CJK = re.compile("[\u4e00-\u9fff]")
_NAMES_YEAR = re.compile(r"(?:19|20)\d\d\s*年")
_LEAD_PHRASE_MAX = 30
_TITLE_END = "。"
_STRIP_END = "。；;，,：: "
_TITLE_LINE_MAX = 30
_PHRASE_JOINS = ("，", ",")
_TITLE_PHRASES = 3
_REPORT_TITLE_MAX = 40  # characters: a longer first line is a paragraph, not the report's title
_REPORT_TITLE_TWO_LINES_MAX = 60  # … a title set over two lines may run to this
_ITEMS_BEFORE_TABLE = 2  # numbered items before a task table: the plan is theirs, the table their breakdown


@dataclass(slots=True)
class _Block:
    """One top-level item while it is being collected: its marker, head text and body paragraphs."""

    marker: Marker | None
    head: str
    body: list[str] = field(default_factory=list)
    source: list[str] = field(default_factory=list)


def parse_report(path: str | Path, *, year: int | None = None, section: str | Sequence[str] | None = None,
                 default_year: int | None = None) -> Plan:
    """Read a report file and extract its plan (raises ReportError subclasses with Chinese messages)."""
    return extract_plan(read_report(path), year=year, section=section, default_year=default_year)


def prepare(paragraphs: Sequence[str], leads: Sequence[str] = ()) -> tuple[list[str], list[Heading]]:
    """The paragraphs as written (wrapped lines joined, a flattened file split) and their headings."""
    text = reflow(paragraphs, leads)
    return text, find_headings(text)


def level1_headings(doc: ReportDocument) -> list[str]:
    """The report's level-1 headings, for the user to pick the plan section by hand."""
    return [h.text for h in top_headings(prepare(doc.paragraphs, doc.leads)[1])]


def extract_plan(doc: ReportDocument, *, year: int | None = None, section: str | Sequence[str] | None = None,
                 default_year: int | None = None, on_progress: ProgressFn | None = None,
                 is_cancelled: CancelFn | None = None) -> Plan:
    """Return the plan found in `doc`; `section` forces the heading (or several), `year` overrides the
    detected year, `default_year` is used when none can be read (the plan then says `year_guessed`).

    Raises NoPlanSectionError when nothing reads as a plan, SpreadPlanError when the plan is spread
    over several sections (then pass them all as `section`)."""
    paragraphs, headings = prepare(doc.paragraphs, doc.leads)
    candidates = find_candidates(paragraphs, headings)
    ranked = rank(paragraphs, candidates)
    top = [h.text for h in top_headings(headings)]
    if section:
        wanted = [section] if isinstance(section, str) else [s for s in section if s.strip()]
        chosen = [_named(paragraphs, headings, candidates, w) for w in wanted]
        missing = [w for w, c in zip(wanted, chosen) if c is None]
        if missing:
            raise NoPlanSectionError(doc.source, top, wanted="、".join(missing))
        picked = taken([c for c in chosen if c is not None], ranked, 1.0)
    else:
        picked = choose(paragraphs, ranked)
        if picked.spread:
            raise SpreadPlanError(doc.source, [c.text for c in picked.sections], alternatives(ranked, ()), headings=top)
        if not picked.sections:
            raise NoPlanSectionError(doc.source, top, alternatives=alternatives(ranked, ()))
    return _build_plan(doc, paragraphs, picked, ranked, top, year, default_year, on_progress, is_cancelled)


def _named(paragraphs: Sequence[str], headings: Sequence[Heading], candidates: Sequence[Candidate],
           wanted: str) -> Candidate | None:
    """The candidate the user named (by heading text), or a section made from the paragraph they named."""
    squeezed = re.sub(r"\s+", "", wanted).strip(" ：:。.")
    for c in candidates:
        if re.sub(r"\s+", "", c.text).strip(" ：:。.") == squeezed:
            return c
    heading = find_named(paragraphs, headings, wanted)
    if heading is None:
        return None
    for c in candidates:
        if c.heading.index == heading.index and c.kind is not Kind.INTRO:
            return c
    return Candidate(heading, Kind.NUMBERED if heading.style else Kind.UNNUMBERED, 0, heading.index + 1,
                     section_end(paragraphs, headings, heading))


def _build_plan(doc: ReportDocument, paragraphs: list[str], picked: Choice, ranked: Sequence[Ranked],
                top: list[str], year: int | None, default_year: int | None, on_progress: ProgressFn | None,
                is_cancelled: CancelFn | None) -> Plan:
    """Split the chosen section(s) into items and measures and date them."""
    first = picked.sections[0]
    heading_text = "；".join(c.text for c in picked.sections)
    plan_year = year if year is not None else detect_year(paragraphs, first.heading.index, first.text)
    guessed = plan_year is None and default_year is not None
    if guessed:
        plan_year = default_year
    default_due = plan_period_end(paragraphs, first.heading.index, first.text, plan_year)
    several = len(picked.sections) > 1
    preamble_parts: list[str] = []
    items: list[PlanItem] = []
    for c, part in zip(picked.sections, picked.parts):
        body = part.body(paragraphs)
        tables = _tables_in(body, doc.tables)
        if tables:  # the rows are the items; the text before the first table is the preamble unless numbered
            body = body[:tables[0][0]]
        blocks: list[_Block]
        if tables and _top_style(body) is None:
            preamble, blocks = "\n".join(body) or None, []
        else:
            preamble, blocks = _split_items(body, on_progress=on_progress, is_cancelled=is_cancelled)
        if preamble:
            preamble_parts.append(preamble)
        prefix = _section_number(c) if several else ""
        numbering: dict[Style, int] = {}  # a 工作要点's measures may number on from one item to the next
        items.extend(_build_item(block, plan_year, default_due, n, prefix, numbering)
                     for n, block in enumerate(blocks, 1))
        if len(blocks) >= _ITEMS_BEFORE_TABLE:
            continue  # a 任务分解表 after the numbered items breaks the same tasks down: they are not listed twice
        for _, table in tables:
            items.extend(_row_item(row, plan_year, default_due, prefix) for row in table.rows)
    return Plan(
        source=doc.source,
        title=_title(doc, first.text, plan_year),
        year=plan_year,
        section=PlanSection(heading=heading_text, preamble="\n".join(preamble_parts) or None),
        items=tuple(items),
        headings=tuple(top),
        taken=tuple(c.text for c in picked.sections),
        year_guessed=guessed,
        confidence=round(picked.confidence, 3),
        alternatives=alternatives(ranked, [*picked.sections, *picked.whole]),
    )


def _section_number(c: Candidate) -> str:
    """`三` for a section headed `三、…`: the prefix that keeps labels apart when sections are taken together."""
    marker = match_at(c.text, 0, HEADING_ORDER)
    return to_chinese(marker.number) if marker else ""


_HEAD_LINES = 12  # the lines a notice and a plan document's title take


def _title(doc: ReportDocument, heading: str, year: int | None) -> str:
    """The report's title line when it has one, else its file name; a file name without words
    (`000_e27235b1.txt`) gives way to the year and the plan heading, which a clerk recognises."""
    head = list(doc.paragraphs[:_HEAD_LINES])
    numbered = next((k for k, p in enumerate(head) if match_at(p.strip(), 0) is not None), len(head))
    issued = plan_title_line(head[:numbered])  # (above the first section: a plan heading below is no title)
    if issued is not None:  # a plan document, perhaps under the notice that issues it: its own title
        first = doc.paragraphs[issued].strip()
    else:
        first = _title_lines([p.strip() for p in head[:numbered]])
    if first and len(first) <= _REPORT_TITLE_MAX and not any(ch in first for ch in "。，：:") \
            and match_at(first, 0) is None:
        return first
    stem = Path(doc.source).stem
    if _HAS_CJK.search(stem):
        return stem
    marker = match_at(heading, 0)
    bare_heading = heading[marker.end:] if marker else heading
    if year and not _NAMES_YEAR.search(bare_heading):  # `2025年政府工作任务` keeps its own year
        bare_heading = f"{year}年{bare_heading}"
    return bare_heading or stem


# An official document's masthead (`**局文件`), file number (`**发〔2024〕32号`) and the marks beside them:
# above its title, not the title.
_MASTHEAD = re.compile(r"^(?:.{2,30}文件|.{0,20}[〔\[［(（]\s*(?:19|20)\d\d\s*[〕\]］)）]\s*\d{1,4}\s*号|"
                       r"(?:签发人|密级|紧急程度|特急|加急|份号)[：:\s].{0,20}|特急|加急|附件\s*\d{0,2})$")
# …and the words a title ends with, when it is set over two lines (`**局关于2024年上半年` / `工作总结及…计划的报告`)
_TITLE_ENDS = ("报告", "总结", "计划", "方案", "要点", "安排", "打算", "意见", "通知", "汇报", "讲话", "情况", "思路")
_TITLE_WORDS = (*_TITLE_ENDS, "周报", "月报", "简报", "小结")


def _title_lines(head: Sequence[str]) -> str:
    """The title among the lines above the first section: past a masthead and file number, and both of its
    lines when it is set over two."""
    lines = [p for p in head if p and not _MASTHEAD.match(p)]
    if not lines:
        return ""
    first = lines[0]
    if len(lines) > 1:
        second = lines[1]
        plain = not any(ch in first + second for ch in "。，：:；;！？")
        # (a first line that names a report already, `前端组周报（…）`, is the whole title: the next is a heading)
        if plain and len(first) + len(second) <= _REPORT_TITLE_TWO_LINES_MAX and not any(w in first for w in _TITLE_WORDS) \
                and second.endswith(_TITLE_ENDS) and match_at(second, 0) is None:
            return first + second
    return first


def _top_style(body: Sequence[str]) -> Style | None:
    """The style of the section's first item: the earliest marker numbered 1 at a paragraph start,
    else the earliest one inline after a sentence boundary.

    Sequence words count only at paragraph starts and only when `其次，` opens a later paragraph: a lone
    `首先，` is how a sentence of prose begins, and inline they order a paragraph's sentences, not items.
    """
    for k, paragraph in enumerate(body):
        marker = at_paragraph_start(paragraph)
        if marker and marker.number == 1:
            return marker.style
        if _opens_sequence(body, k):
            return Style.SEQUENCE
    for paragraph in body:
        for style in NUMBERED:
            found = inline_markers(paragraph, style)
            if found and found[0].number == 1 and len(found) >= 2:
                return style
    return None


def _opens_sequence(body: Sequence[str], k: int) -> bool:
    """Whether paragraph `k` opens a list numbered 首先，其次，… (one later paragraph opens with 其次，)."""
    first = match_at(body[k], 0, (Style.SEQUENCE,))
    if first is None or first.number != 1:
        return False
    for paragraph in body[k + 1:]:
        marker = match_at(paragraph, 0, (Style.SEQUENCE,))
        if marker is not None:
            return marker.number == 2
    return False


def _split_items(body: list[str], *, on_progress: ProgressFn | None,
                 is_cancelled: CancelFn | None) -> tuple[str | None, list[_Block]]:
    """Split the section into a preamble and item blocks, following the top style's numbering."""
    style = _top_style(body)
    if style is None:
        return _items_without_markers(body)
    body = _before_the_end(body, style)
    preamble: list[str] = []
    blocks: list[_Block] = []
    expected = 1
    total = len(body)
    for done, paragraph in enumerate(body):
        if is_cancelled is not None and done % 256 == 0 and is_cancelled():
            raise Cancelled()
        if on_progress is not None and done % 256 == 0:
            on_progress(done, total)
        found = inline_markers(paragraph, style)
        if style is Style.SEQUENCE:  # items in sequence words open paragraphs (_top_style)
            found = [m for m in found if m.start == 0]
        cuts = _sequence(found, expected)
        if not cuts:
            (blocks[-1].body if blocks else preamble).append(paragraph)
            if blocks:
                blocks[-1].source.append(paragraph)
            continue
        lead = paragraph[:cuts[0].start].strip()
        if lead:
            (blocks[-1].body if blocks else preamble).append(lead)
        for k, marker in enumerate(cuts):
            stop = cuts[k + 1].start if k + 1 < len(cuts) else len(paragraph)
            blocks.append(_Block(marker, paragraph[marker.end:stop].strip(), source=[paragraph]))
        expected = cuts[-1].number + 1
    if on_progress is not None:
        on_progress(total, total)
    for block in blocks:
        if not block.head.strip() and block.body:  # `（三）` alone on its line: the title is the line after it
            block.head = block.body.pop(0)
    if blocks:
        last = blocks[-1]
        single = len(blocks) >= 3 and all(not b.body for b in blocks[:-1])
        last.head, last.body = trim_last_item(last.head, last.body, single_paragraph_items=single)
        _end_at_duty_lines(blocks)
    return ("\n".join(preamble) or None), blocks


def _end_at_duty_lines(blocks: list[_Block]) -> None:
    """When every item ends with its 牵头单位/完成时限 line, the last item ends at its own: what follows
    (`各牵头单位要…每月28日前报送…`) is said to all of them, not a measure of the last."""
    if len(blocks) < 2 or not all(b.body and read_duty_line(b.body[-1]) for b in blocks[:-1]):
        return
    last = blocks[-1]
    ends = [k for k, paragraph in enumerate(last.body) if read_duty_line(paragraph)]
    if ends:
        del last.body[ends[-1] + 1:]


def _before_the_end(body: list[str], style: Style) -> list[str]:
    """The section up to a rule, a link line or a translation after its first item: an English copy
    numbered `5. …` must not continue the Chinese list."""
    started = False
    for k, paragraph in enumerate(body):
        if started and ends_the_text(paragraph):
            return body[:k]
        started = started or match_at(paragraph, 0, (style,)) is not None
    return body


def _sequence(markers: list[Marker], expected: int, text: str = "") -> list[Marker]:
    """Keep the markers that continue the numbering: the next number, allowing one skipped or one
    repeated at a paragraph start (typos) but not inline, where a stray `三是` is more likely ordinary text.

    `text` is what the markers were found in, when it holds several paragraphs (an item's body joined
    by newlines): a marker after a newline opens a paragraph too. `最后，` continues any list it ends.
    """
    kept: list[Marker] = []
    repeat_ok = False  # the last kept marker opened a paragraph too
    for marker in markers:
        newline = text.rfind("\n", 0, marker.start)  # (not a slice of all before it: items can be long)
        opens = marker.start == 0 or (newline >= 0 and not text[newline + 1:marker.start].strip(" \u3000"))
        allowed = (expected, expected + 1) if opens else (expected,)
        if opens and repeat_ok:  # `（3）…` then `（3）…` on the next line: a number typed twice
            allowed = (expected - 1, *allowed)
        if marker.number in allowed or (marker.number == LAST and expected > 1):
            kept.append(marker)
            expected = max(marker.number + 1, expected)
            repeat_ok = opens
    return kept


def _items_without_markers(body: list[str]) -> tuple[str | None, list[_Block]]:
    """A plan without numbering: each paragraph is an item (or each sentence, when there is one)."""
    preamble = None
    if len(body) > 1 and (body[0].endswith(("：", ":")) or re.match(r"^(?:下半年|下一步|今后|明年|(?:19|20)\d\d年)[，,]", body[0])):
        preamble, body = body[0], body[1:]
    if len(body) == 1:
        return preamble, [_Block(None, s, source=[body[0]]) for s in split_sentences(body[0])]
    kept: list[str] = []
    for paragraph in body:  # closing remarks and signatures end an unnumbered plan
        if kept and is_trailing(paragraph):
            break
        kept.append(paragraph)
    titled = _under_title_lines(kept)
    if titled is not None:
        return preamble, titled
    return preamble, [_Block(None, p, source=[p]) for p in kept]


def _under_title_lines(body: list[str]) -> list[_Block] | None:
    """Items whose titles stand on short lines of their own (bold in Word, unnumbered), each over its
    paragraphs; None unless the plan opens with such a line and has two or more, each over a body.

    A title line is short and has no sentence punctuation; a body paragraph is neither. Without the
    titles, every body paragraph would become an item of its own.
    """
    titles = [_is_title_line(p) for p in body]
    if not body or not titles[0] or sum(titles) < 2:
        return None
    blocks: list[_Block] = []
    for paragraph, title in zip(body, titles, strict=True):
        if title:
            if blocks and not blocks[-1].body:  # two title lines in a row: not this shape
                return None
            blocks.append(_Block(None, without_bullet(paragraph.strip()).strip(), source=[paragraph]))
        else:
            blocks[-1].body.append(paragraph)
            blocks[-1].source.append(paragraph)
    return blocks if blocks[-1].body else None


def _is_title_line(paragraph: str) -> bool:
    """Short, no sentence in it; two phrases joined by a comma (`坚持公正司法，提升审判质效`) are still a title."""
    text = paragraph.strip()
    if not 2 <= len(text) <= _TITLE_LINE_MAX or text.endswith(_PHRASE_JOINS):
        return False
    marks = [ch for ch in text if ch in SENTENCE_MARKS]
    return all(ch in _PHRASE_JOINS for ch in marks) and len(marks) <= _TITLE_PHRASES - 1


def _build_item(block: _Block, year: int | None, default_due: date | None, number: int, prefix: str = "",
                numbering: dict[Style, int] | None = None) -> PlanItem:
    """Turn a block into a PlanItem with its title, full text, measures and deadline (`numbering`: where the
    items before it left their measures' numbers, by style)."""
    title, rest = _head_and_rest(block.head)
    in_title, title = trailing_duty(title)
    said, body = take_duty(([rest] if rest else []) + block.body)
    duty = Duty.first_named([in_title.duty, said.duty])
    label = block.marker.label if block.marker else str(number)
    if prefix:  # sections taken together: `三（一）`, `三-1`
        label = prefix + label if block.marker else f"{prefix}-{label}"
    own_due, own_ongoing = find_deadline(title, year)
    inherited, said_ongoing = _said_deadline(in_title.due_text or said.due_text, year, own_due or default_due)
    children = list(_measures(body, year, inherited, exclude=block.marker.style if block.marker else None,
                              numbering=numbering))
    closing = _closing_duty(children)
    if closing is not None:  # `…。…（责任单位：…，9月15日前完成）。` closes the paragraph, not its last sentence
        duty = Duty.first_named([duty, closing.duty])
        if closing.due_text:
            before = inherited
            inherited, said_ongoing = _said_deadline(closing.due_text, year, inherited)
            children = [replace(c, due=inherited) if c.due == before else c for c in children]
    if said_ongoing:  # `完成时限：长期坚持` under the item: its measures without a date are ongoing too
        children = [replace(c, ongoing=True) if c.due is None else c for c in children]
    text = "\n".join([block.head, *block.body]).strip()
    said_due = inherited if (in_title.due_text or said.due_text or closing) and inherited != default_due else None
    if children:
        dues = [c.due for c in children if c.due is not None]
        # the deadline the item's own column line names is its deadline, whatever a measure's 年内 says
        due = said_due or (max(dues) if dues else None)
        ongoing = all(c.ongoing for c in children)
    else:
        due, ongoing = _deadline(text, year, inherited)
        ongoing = ongoing or (said_ongoing and due is None)
    return PlanItem(label=label, title=title, text=text, due=due, children=tuple(children),
                    ongoing=ongoing and due is None, source="\n".join(block.source), duty=duty)


def _closing_duty(children: list[PlanItem]) -> Said | None:
    """The duty bracket that closes a paragraph of several measures, when no other measure has one: it
    is the item's (taken off the last measure, which keeps its text)."""
    if len(children) < 2 or not children[-1].duty or any(c.duty for c in children[:-1]):
        return None
    if children[-1].source != children[-2].source:  # measures in paragraphs of their own: the last one's
        return None
    said, _ = trailing_duty(children[-1].text)
    children[-1] = replace(children[-1], duty=Duty())
    return said


def _tables_in(body: Sequence[str], tables: Sequence[TaskTable]) -> list[tuple[int, TaskTable]]:
    """The task tables whose lines stand in the section's body, with where each begins; a table after
    closing matter (特此报告, a signature, `附件：…`) is an attachment, not the plan."""
    found = []
    for table in tables:
        first = table.lines[0]
        for k, paragraph in enumerate(body):
            if paragraph == first and tuple(body[k:k + len(table.lines)]) == table.lines:
                if not any(is_trailing(p) for p in body[:k]):
                    found.append((k, table))
                break
    return sorted(found, key=lambda f: f[0])


def _row_item(row: TaskRow, year: int | None, default_due: date | None, prefix: str) -> PlanItem:
    """A task table's row as an item: its measures from the measures cell, who and when from their columns.

    A task merged over several rows has a row per measure (or group of measures), each with its own
    unit and deadline; then those go on the measures, else on the item."""
    label = f"{prefix}-{row.label}" if prefix else row.label
    parts = [(p, *_said_deadline(p.due_text, year, default_due)) for p in row.parts]
    if len(parts) == 1:
        part, due, ongoing = parts[0]
        block = _Block(None, row.task, list(part.measures), source=[row.source])
        built = _build_item(block, year, due, 1)
        if not ongoing:
            return replace(built, label=label, duty=part.duty, source=row.source)
        # 长期坚持 in the deadline column: every measure without a date of its own is ongoing too
        ongoing_children = tuple(replace(c, ongoing=True) if c.due is None else c for c in built.children)
        return replace(built, label=label, duty=part.duty, source=row.source, children=ongoing_children,
                       ongoing=built.due is None)
    children: list[PlanItem] = []
    for part, due, ongoing in parts:
        found = _measures(list(part.measures), year, due, exclude=None) if len(part.measures) > 1 else []
        if not found and part.measures:  # the row's one paragraph is its measure, however many sentences
            text = "\n".join(part.measures)
            said, bare = trailing_duty(text)
            found = [PlanItem(label="", title=_head_and_rest(bare)[0], text=text, due=due, ongoing=ongoing,
                              duty=said.duty)]
        children.extend(replace(child, duty=Duty.first_named([part.duty, child.duty]),
                                source=row.source) for child in found)
    children = [replace(child, label=str(n)) for n, child in enumerate(children, 1)]
    dues = [c.due for c in children if c.due is not None]
    return PlanItem(label=label, title=row.task, text="\n".join([row.task, *(c.text for c in children)]),
                    due=max(dues) if dues else default_due, children=tuple(children),
                    ongoing=bool(children) and all(c.ongoing for c in children), source=row.source,
                    duty=Duty.shared([p.duty for p, _, _ in parts]))


# What a 完成时限 column or line says of work that never ends: in a measure's text 持续推进 is a verb, here it is
# the deadline (`持续推进` beside `长期坚持` in the same table)
_ONGOING_SAID = re.compile(r"^(?:持续(?:推进|开展|进行|实施|抓好)?|常年(?:开展|坚持)?|长期|经常性|全年持续|贯穿全年)")


def _said_deadline(text: str, year: int | None, inherited: date | None) -> tuple[date | None, bool]:
    """`_deadline` for what a deadline column or 完成时限 line says."""
    found, ongoing = find_deadline(text, year)
    if found is None and not ongoing and _ONGOING_SAID.match(text.strip()):
        return None, True
    return _deadline(text, year, inherited)


def _deadline(text: str, year: int | None, inherited: date | None) -> tuple[date | None, bool]:
    """(due, ongoing): the date the text names, else none when ongoing (长期坚持), else the inherited one."""
    found, ongoing = find_deadline(text, year)
    if found is not None:
        return found, False
    return (None, True) if ongoing else (inherited, False)


def _head_and_rest(head: str) -> tuple[str, str]:
    """Split an item's first paragraph into its title and the body that follows inline.

    A heading stands alone on its line (body in later paragraphs) or ends at the first 。; it may also
    end with ： when inner markers follow. A short phrase before a colon with text after it
    (`健全长效机制：修订考核办法，年底前印发实施。`) is not cut there: the corpus's gold takes the title to
    the first 。, so the clause after the colon is the title's, not a measure."""
    stop = head.find(_TITLE_END)
    colon = min((i for i in (head.find("："), head.find(":")) if i >= 0), default=-1)
    if colon >= 0 and (stop < 0 or colon < stop) and colon <= _LEAD_PHRASE_MAX:
        after = head[colon + 1:].lstrip()
        if match_at(after, 0) is not None:
            return head[:colon].strip(_STRIP_END), after
    if stop < 0:
        return head.strip(_STRIP_END), ""
    return head[:stop].strip(_STRIP_END), head[stop + 1:].strip()


def _measures(body: list[str], year: int | None, inherited: date | None,
              exclude: Style | None, numbering: dict[Style, int] | None = None) -> list[PlanItem]:
    """An item's measures: explicit inner markers, else sentences."""
    if not body:
        return []
    joined = "\n".join(body)
    segments = _marked_segments(joined, exclude, {} if numbering is None else numbering)
    # Without inner markers each sentence is a measure, a short lead sentence (`加强干部教育培训。`) too: a
    # paragraph break is no marker, and the corpus's gold counts an item's 。-sentences, not its paragraphs.
    if segments is None:
        segments = [(str(i), s, p) for i, (s, p) in enumerate(_sentences(body), 1)]
    out: list[PlanItem] = []
    for label, marked, source in segments:
        text = without_bullet(marked)  # `——完成…；` `◆新增…`: the mark is no part of the measure
        said, bare = trailing_duty(text)  # `…（牵头单位：县发改局）`
        if not bare.strip() and out and said.duty:  # `…。（牵头单位：…）`: the bracket after the stop is no measure
            last = out[-1]
            due = _said_deadline(said.due_text, year, last.due)[0] if said.due_text else last.due
            out[-1] = replace(last, text=last.text + text, due=due, duty=Duty.first_named([last.duty, said.duty]))
            continue
        title, _ = _head_and_rest(bare)
        due, ongoing = _deadline(bare, year, inherited)
        if said.due_text:
            due, ongoing = _said_deadline(said.due_text, year, due)
        out.append(PlanItem(label=label, title=title, text=text, due=due, ongoing=ongoing, source=source,
                            duty=said.duty))
    return out


def _marked_segments(joined: str, exclude: Style | None, numbering: dict[Style, int]) -> list[tuple[str, str, str]] | None:
    """Segments cut at inner markers (一是… 二是…, 1. 2., （1）（2）) running from 1 in order, or from where the
    item before left its list (`二、…` then `3.…` `4.…`: numbered on through the plan, as 工作要点 are), which
    `numbering` keeps by style and which is updated here."""
    best: list[Marker] | None = None
    lone: Marker | None = None  # a `1.` opening the body with no `2.`: a list of one, if a deeper list follows
    for style in Style:
        if style is exclude or style in (Style.PART,):
            continue
        going_on = numbering.get(style)
        markers = inline_markers(joined, style) if going_on is not None or may_list(joined, style) else [
            m for m in [match_at(joined, 0, (style,))] if m is not None and m.number == 1]
        found = _sequence(markers, 1, joined)
        if len(found) == 1 and found[0].start == 0 and lone is None:
            lone = found[0]
        if len(found) < 2 and going_on is not None and markers and markers[0].start == 0:
            found = _sequence(markers, going_on, joined)  # one measure is enough: the list is known already
        elif len(found) < 2:
            continue
        if found and (best is None or found[0].start < best[0].start):
            best = found
    if best is not None and lone is not None and best[0].start > 0:
        best = [lone]  # `1.开展专项整治。（1）…（2）…`: the (1) (2) are the one measure's own
    if best is None:
        return None
    numbering[best[0].style] = best[-1].number + 1
    out = []
    for k, marker in enumerate(best):
        stop = best[k + 1].start if k + 1 < len(best) else len(joined)
        text = joined[marker.end:stop].strip()
        if text:
            out.append((marker.label, text, _paragraph_around(joined, marker.start)))
    return out or None


def _paragraph_around(joined: str, pos: int) -> str:
    start = joined.rfind("\n", 0, pos) + 1
    stop = joined.find("\n", pos)
    return joined[start:stop if stop >= 0 else len(joined)]


def _sentences(body: list[str]) -> list[tuple[str, str]]:
    return [(sentence, paragraph) for paragraph in body for sentence in split_sentences(paragraph)
            if not is_address(sentence)]
