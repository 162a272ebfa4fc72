"""Give copied text its paragraphs back: hard-wrapped lines joined, a flattened one-line file split.

PDF and e-mail copies break every line at a fixed width, mid-sentence and even inside a heading;
web copies sometimes arrive as a single line with every heading glued to what follows. Both are
recognised by their shape, not their words, and repaired before any heading is looked for.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from desktop.core.closing import is_signature
from desktop.core.markers import Style, match_at
from desktop.core.page_furniture import (
    PARAGRAPH_END,
    SENTENCE_END,
    before_quoted_mail,
    broken_at_furniture,
    not_contents,
    not_page_furniture,
)

_MIN_LINES = 12  # fewer lines than this cannot show a wrap width
_FULL_SHARE = 0.15  # a wrapped text has at least this share of its lines at the wrap width (short
# lines of headings, lists and signatures make up the rest) …
_MIN_FULL = 8
_MID_SHARE = 0.5  # … and most of those stop mid-sentence
_INDENTED_MIN, _INDENTED_MAX = 0.05, 0.5  # share of indented lines in a copy whose paragraphs open indented
# … up to this share when its paragraphs are a line or two long (each first line is indented)
_INDENTED_OPEN_MAX = 0.8
_FEW_LINES = 6  # fewer lines than this are too few to tell a copy's breaks from its paragraphs
_OVER_SHARE = 0.03  # ... and hardly any line longer than it
_HANGING = "，。、；：！？,.;:!?”’）》」』"
_MAX_WIDTH = 160  # display columns; a "width" beyond this is ordinary long paragraphs
_TAIL_MAX = 6  # characters before the full stop of a sentence's tail carried to the next line
_HEADING_STYLES = (Style.PART, Style.DUN, Style.PAREN_CN, Style.ORDINAL, Style.DIGIT)
_FLAT_MIN = 400  # characters: a shorter file is too small to have lost its paragraphs
# Marker styles that may open a paragraph in a flattened file (`一是` stays inline: it is often
# written mid-paragraph in the original as well).
_FLAT_SPLIT_STYLES = (Style.PART, Style.DUN, Style.PAREN_CN, Style.ORDINAL, Style.DIGIT, Style.PAREN_DIGIT,
                      Style.CIRCLED)


# Markdown heading marks (`## 2017年工作计划`, `### 一、…`): a team's report written as a .md file.
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
def reflow(paragraphs: Sequence[str], leads: Sequence[str] = ()) -> list[str]:
    """The paragraphs as written: a mail's quoted earlier message, page numbers, running headers, a table
    of contents and Markdown heading marks dropped, wrapped lines joined (across a page break too), then
    a flattened text split again. `leads` are the blanks each line was indented with, when known (text files)."""
    lines = list(paragraphs)
    indents = list(leads) if len(leads) == len(lines) else [""] * len(lines)
    quoted = before_quoted_mail(lines)
    lines, indents = lines[:quoted], indents[:quoted]
    keep = [a and b for a, b in zip(not_page_furniture(lines), not_contents(lines))]
    broken = broken_at_furniture(lines, keep)
    lines = [_undecorated(_MARKDOWN_HEADING.sub("", line)) for line, k in zip(lines, keep) if k]
    indents = [lead for lead, k in zip(indents, keep) if k]
    lines, indents = _numbers_over_lines(lines, indents)
    wrap = wrap_width(lines, indents)
    if wrap is not None:
        lines = join_wrapped(lines, *wrap, indents=indents)
    elif (runs_on := _runs_on_without_a_width(lines, indents)) is not None:
        lines = _joined_without_a_width(lines, indents, runs_on, broken)
    elif broken:
        lines = _rejoined(lines, broken)
    lines = _closing_marks_run_on(lines)
    if is_flat(lines):
        lines = [part for paragraph in lines for part in split_flat(paragraph)]
    return lines


_BIG_NUMBER = re.compile(r"^\d{2}$")  # `01` set large on a line of its own above the point it numbers


def _numbers_over_lines(lines: list[str], indents: list[str]) -> tuple[list[str], list[str]]:
    """An article's points numbered `01` `02` … each on a line above its text become `01 …` lines: a list
    running from 01 in order, each number followed by a line of text that opens with no number of its own."""
    at = [k for k, line in enumerate(lines) if _BIG_NUMBER.match(line) and k + 1 < len(lines)
          and not _BIG_NUMBER.match(lines[k + 1]) and match_at(lines[k + 1], 0) is None]
    run = [k for n, k in enumerate(at) if int(lines[k]) == n + 1]
    if len(run) < 2 or run != at[:len(run)]:
        return lines, indents
    joined = set(run)
    out: list[str] = []
    leads: list[str] = []
    for k, (line, lead) in enumerate(zip(lines, indents)):
        if k - 1 in joined:
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
            leads.append(lead)
    return out, leads


# Marks an article puts before a numbered line for show (`▶ 1. 聚焦…`, `📌（一）…`): symbols and emoji.
_DECORATION = re.compile("^[\u2190-\u21ff\u2500-\u27bf\u2b00-\u2bff\U0001f300-\U0001faff\ufe0f]+\\s*")


def _undecorated(line: str) -> str:
    """The line without the marks before an item's number. A section's heading keeps them (`📌 二、…` is
    found as it stands, and named so), and so does a line whose marks stand before no number (a bullet
    before an unnumbered title is read where titles are)."""
    m = _DECORATION.match(line)
    if m is None:
        return line
    marker = match_at(line, m.end())
    return line if marker is None or marker.style in (Style.PART, Style.DUN) else line[m.end():]


def _runs_on_without_a_width(lines: Sequence[str], indents: Sequence[str]) -> Callable[[int], bool] | None:
    """For a copy whose lines break at no one width (or too few to show one), which lines run on into
    the next unindented one; None when its lines are paragraphs as they are.

    Most lines stop mid-sentence in such a copy. When a minority are indented (a PDF set in a
    proportional font, its paragraphs opening indented), every line that stops so runs on. Otherwise
    (a short text, paragraphs a line or two long, or a copy that lost its indents) only a line that
    reaches near the longest line's width does, as lines at a page's edge do, and there must be two
    such breaks at least."""
    if len(lines) < _FEW_LINES:
        return None
    indented = sum(1 for lead in indents if lead) / len(lines)
    mid = sum(1 for line in lines[:-1] if line[-1] not in PARAGRAPH_END) / (len(lines) - 1)
    if indented > _INDENTED_OPEN_MAX or mid < _MID_SHARE:
        return None
    if len(lines) >= _MIN_LINES and _INDENTED_MIN <= indented <= _INDENTED_MAX:
        return lambda k: True
    widths = [_width(lead + line) for line, lead in zip(lines, indents)]
    edge = max(widths)
    if edge > _MAX_WIDTH:
        return None

    def long_line(k: int) -> bool:
        return widths[k] >= edge - 2 * _SHORT_OF_EDGE - 2

    runs = sum(1 for k in range(1, len(lines)) if _runs_on_unindented(lines, indents, k, long_line))
    return long_line if runs >= 2 else None


def _runs_on_unindented(lines: Sequence[str], indents: Sequence[str], k: int, runs_on: Callable[[int], bool]) -> bool:
    """Line k continues the line before: unindented, after a line that stops mid-sentence (and runs on)."""
    line, previous = lines[k], lines[k - 1]
    return (not indents[k] and previous[-1] not in PARAGRAPH_END and match_at(line, 0) is None
            and not is_signature(line) and runs_on(k - 1))


def _joined_without_a_width(lines: Sequence[str], indents: Sequence[str], runs_on: Callable[[int], bool],
                            broken: set[int]) -> list[str]:
    """Each unindented line that follows one stopping mid-sentence (that may run on) continues it, and so
    does one after a page break inside a paragraph (`broken`); a numbered line or a signature never does."""
    out: list[str] = []
    for k, line in enumerate(lines):
        if out and (k in broken or _runs_on_unindented(lines, indents, k, runs_on)):
            out[-1] = _glue(out[-1], line, lost_space=False)
        else:
            out.append(line)
    return out


def _closing_marks_run_on(lines: list[str]) -> list[str]:
    """A line that opens with a closing mark (`，`, `。`, `”`) continues the one before: no line of Chinese
    text may begin with one, so the copy broke the line there."""
    out: list[str] = []
    for line in lines:
        if out and line and line[0] in _HANGING:
            out[-1] = _glue(out[-1], line, lost_space=False)
        else:
            out.append(line)
    return out


def _rejoined(lines: list[str], broken: set[int]) -> list[str]:
    out: list[str] = []
    for k, line in enumerate(lines):
        if k in broken and out:
            out[-1] = _glue(out[-1], line.strip(), lost_space=False)
        else:
            out.append(line)
    return out


# East Asian wide and full-width ranges (CJK, kana, hangul, full-width forms), as unicodedata's W/F, and
# the ambiguous-width marks a Chinese font sets a full column wide (“”‘’ — …).
_WIDE = re.compile("[\u2014\u2018\u2019\u201c\u201d\u2026\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
                   "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]")


def _width(text: str) -> int:
    """Display columns: a wide (Chinese) character takes two, a Latin letter or digit one."""
    return len(text) + len(_WIDE.findall(text))


# (measure, tolerance): a copy wrapped by character count breaks at exactly one length; one wrapped
# by the page's width stops a column or two short when a wide character no longer fits.
_MEASURES: tuple[tuple[Callable[[str], int], int], ...] = ((len, 0), (_width, 2))


def wrap_width(lines: Sequence[str], leads: Sequence[str] = ()) -> tuple[Callable[[str], int], int, int] | None:
    """(measure, width, tolerance) when most lines stop at one width, as a wrapped copy's do; else None.

    Lines are measured both in characters and in display columns (a PDF wraps by the page's width,
    where a Latin letter takes half a Chinese one), with their indent; whichever gives the sharper
    edge wins."""
    indents = list(leads) if len(leads) == len(lines) else [""] * len(lines)
    body = [lead + line for line, lead in zip(lines, indents) if len(line) >= 8]
    if len(body) < _MIN_LINES or any(len(line) > _MAX_WIDTH for line in body):
        return None  # too few lines to tell, or a line longer than any page is wide
    best: tuple[float, Callable[[str], int], int, int] | None = None
    for measure, tolerance in _MEASURES:
        sizes = [measure(line) for line in body]
        counts = Counter(sizes)
        # the edge is the most common size among the longer lines
        edge = max((size for size in counts if size >= 16), key=lambda s: (sum(counts[s - k] for k in range(tolerance + 1)), s),
                   default=None)
        if edge is None or edge > _MAX_WIDTH:
            continue
        full = [line for line, size in zip(body, sizes) if edge - tolerance <= size <= edge]
        # a line one character over the edge that ends in punctuation hangs it there (避头尾: no line may
        # open with ，。), as word processors and PDF makers do; it is a full line, not a longer one
        # (and one with a run of digits or Latin letters may pass it by a column or two: a PDF sets them
        # proportionally, narrower than the half a character they are counted as here)
        hang = 1 if tolerance == 0 else 2
        over = sum(1 for line, size in zip(body, sizes)
                   if size > edge and not (size <= edge + hang and line[-1] in _HANGING)
                   and not (size <= edge + 2 and _narrow_count(line) >= _NARROW_RUN))
        share = len(full) / len(sizes)
        # a wrapped line stops mid-sentence; a line that ends a paragraph ends with punctuation, and a heading
        # (`（二）强化安全监管`) stops without any: in a plan of short lines they may all be of one length
        mid = sum(1 for line in full if line[-1] not in PARAGRAPH_END and not _heading_line(line)) / max(1, len(full))
        if (len(full) >= _MIN_FULL and share >= _FULL_SHARE and mid >= _MID_SHARE
                and over <= _OVER_SHARE * len(sizes) and (best is None or share > best[0])):
            best = (share, measure, edge, tolerance)
    return None if best is None else best[1:]


def join_wrapped(lines: Sequence[str], measure: Callable[[str], int], width: int, tolerance: int, *,
                 indents: Sequence[str] = ()) -> list[str]:
    """Join every line that reaches the wrap width with the one after it (a line that stops short
    ends its paragraph); a full line ending a sentence before a numbered heading stays apart (an
    inline `二是` after `。` more often continues the paragraph), and so does an indented line when
    most lines are not indented (it opens a paragraph)."""
    leads = list(indents) if len(indents) == len(lines) else [""] * len(lines)
    opens = sum(1 for lead in leads if lead) < len(leads) / 2
    out: list[str] = []
    current = ""
    for k, line in enumerate(lines):
        if current:
            if (current[-1] in SENTENCE_END and match_at(line, 0, _HEADING_STYLES) is not None) \
                    or (opens and leads[k]):
                out.append(current)
                current = line
            else:
                current = _glue(current, line, lost_space=measure(leads[k - 1] + lines[k - 1]) < width)
        else:
            current = line
        following = lines[k + 1] if k + 1 < len(lines) else ""
        size = measure(leads[k] + line)
        # a line broken after a space lost that space when it was read: one column short, between words
        if size < width - tolerance and not (size == width - 1 and _latin_edge(line, following)) \
                and not _runs_on(line, current, width - size if measure is len else (width - size) / 2, following):
            out.append(current)
            current = ""
        elif current == line and _heading_line(line) and following and not _sentence_tail(following) \
                and measure(leads[k + 1] + following) >= width - tolerance:
            # a heading that happens to fill the line: its tail would be a short line, not a full one
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return out


_SHORT_OF_EDGE = 3  # characters a wrapped line may stop short of the edge (see _runs_on)
_INNER_MARKS = "，、；：。“”"


def _runs_on(line: str, current: str, short: float, following: str) -> bool:
    """A line up to a few characters short of the wrap edge that still goes on into the next one.

    Digits and Latin letters set in a proportional font, a paragraph's first line whose indent was lost
    in the copy, and a line that would have opened with a mark the typesetter may not put there all
    leave a wrapped line short. It stops mid-sentence, is text (it continues a paragraph or holds a
    sentence's inner marks, where a title or heading seldom does), and the next line opens with no
    number and is no signature. A next line that opens with a closing mark (`，`, `。`, `”`) always
    continues: no line of Chinese text may begin with one."""
    if not following or line[-1] in PARAGRAPH_END:
        return False
    if following[0] in _HANGING:
        return True
    return (short <= _SHORT_OF_EDGE and match_at(following, 0) is None and not is_signature(following)
            and (current != line or any(ch in line for ch in _INNER_MARKS)))


def _heading_line(line: str) -> bool:
    """A line that opens with a heading's number and has no sentence in it (`一、…的信心和决心`)."""
    return match_at(line, 0, _HEADING_STYLES) is not None and not any(ch in line for ch in "。！？!?；;")


def _sentence_tail(line: str) -> bool:
    """A line that opens with the last few characters of a sentence (`稳定。加强…`): the heading above
    runs on into it; no paragraph opens with a sentence that short."""
    ends = [k for k in (line.find(ch) for ch in "。！？!?；;") if k >= 0]
    return bool(ends) and min(ends) <= _TAIL_MAX


_NARROW_RUN = 4


def _narrow_count(line: str) -> int:
    return sum(1 for ch in line if _latin(ch))


def _latin_edge(left: str, right: str) -> bool:
    return bool(left and right) and _latin(left[-1]) and _latin(right[0])


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _glue(left: str, right: str, *, lost_space: bool) -> str:
    """Join two pieces of one paragraph; a space only where the break ate one between two Latin words
    (a line that reaches the edge was cut mid-word). Between two digits it cut a number (`24` `8名`)."""
    words = lost_space and _latin_edge(left, right) and not (left[-1].isdigit() and right[0].isdigit())
    return left + " " + right if words else left + right


def is_flat(paragraphs: Sequence[str]) -> bool:
    """True when nearly all the text sits in one line that holds several numbered headings."""
    total = sum(len(p) for p in paragraphs)
    if total < _FLAT_MIN:
        return False
    longest = max(paragraphs, key=len)
    if len(longest) < 0.8 * total:
        return False
    return len(_flat_cuts(longest)) >= 3


def _flat_cuts(text: str) -> list[int]:
    """Positions after a sentence end where a numbered marker opens what was once a paragraph."""
    cuts = []
    for pos in range(1, len(text)):
        if text[pos] == " " or match_at(text, pos, _FLAT_SPLIT_STYLES) is None:
            continue
        before = pos - 1
        while before > 0 and text[before] == " ":  # the indent the line had is still there
            before -= 1
        if text[before] in SENTENCE_END:
            cuts.append(pos)
    return cuts


def split_flat(paragraph: str) -> list[str]:
    """One flattened paragraph cut before each numbered marker that follows a sentence end and before
    a rule line (=====, the start of a translation or a footer), and a level-1 heading cut from the
    text glued to it."""
    cuts = sorted({*_flat_cuts(paragraph), *(m.start() for m in _RULE_RUN.finditer(paragraph) if m.start())})
    bounds = [0, *cuts, len(paragraph)]
    out = []
    for a, b in zip(bounds, bounds[1:]):
        part = paragraph[a:b].strip()
        if part:
            out.extend(_unglue(part))
    return out


# A level-1 heading names its section with one of these words; in a flattened copy the heading is
# the text up to the last of them before the first comma (`二、2023年组织工作安排2023年，是…`).
_SECTION_WORD = re.compile(r"(?:回顾|情况|成效|成绩|成果|进展|问题|不足|打算|计划|安排|思路|设想|展望|重点|任务|部署|"
                           r"措施|举措|建议|工作|做法|经验|目标|要求|总结)")
_QUOTE = re.compile(r"《[^《》]*》|“[^“”]*”")
_RULE_RUN = re.compile(r"[=＝]{5,}|[-－_]{8,}")
_GLUED_MAX = 40
_GAP = re.compile(r"(?<=[\u4e00-\u9fff”）)])\s+(?=[\u4e00-\u9fff“（(*])")
_LOWER_STYLES = (Style.PAREN_CN, Style.SHI, Style.ORDINAL, Style.DIGIT, Style.PAREN_DIGIT, Style.CIRCLED)


def _unglue(part: str) -> list[str]:
    """`二、下半年工作思路（一）抓好…` → the heading and its first item; `三、2011年的工作2011年，是…` →
    the heading and its first paragraph (level-1 headings only: an item's title glued to its body
    has no sign of where it ends, unless its own first sub-item follows: `（一）存在问题 1.…`)."""
    marker = match_at(part, 0, (Style.PART, Style.DUN, Style.PAREN_CN))
    if marker is None:
        return [part]
    head_end = min((i for i in (part.find(ch, marker.end) for ch in "。！？") if i >= 0), default=len(part))
    lower = _LOWER_STYLES[_LOWER_STYLES.index(marker.style) + 1:] if marker.style in _LOWER_STYLES else _LOWER_STYLES
    for pos in range(marker.end + 2, min(head_end, marker.end + _GLUED_MAX)):
        inner = match_at(part, pos, lower)
        if inner is not None and inner.number == 1:
            return [part[:pos].rstrip(), *_unglue(part[pos:])]
    if head_end - marker.end <= _GLUED_MAX:
        return [part]
    # the blanks a line was indented with survive a flattening: `（二）下步打算 下半年，…`
    gap = _GAP.search(part, marker.end + 2, marker.end + _GLUED_MAX)
    if gap is not None:
        return [part[:gap.start()], part[gap.end():]]
    if marker.style is Style.PAREN_CN:
        return [part]
    comma = min((i for i in (part.find(ch, marker.end) for ch in "，,。") if i >= 0), default=len(part))
    title = _QUOTE.sub(lambda m: "\0" * len(m.group()), part[:min(comma, marker.end + _GLUED_MAX)])
    ends = [m.end() for m in _SECTION_WORD.finditer(title, marker.end)]
    if not ends or ends[-1] >= len(title):
        return [part]
    return [part[:ends[-1]], part[ends[-1]:]]
