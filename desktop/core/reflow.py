"""Give copied text its paragraphs back: hard-wrapped lines joined, a flattened one-line file split.

PDF and e-mail copies break every line at a fixed width, mid-sentence and even inside a heading;
web copies sometimes arrive as a single line with every heading glued to what follows. Both are
recognised by their shape, not their words, and repaired before any heading is looked for.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from desktop.core.markers import Style, match_at

_MIN_LINES = 12  # fewer lines than this cannot show a wrap width
_FULL_SHARE = 0.15  # a wrapped text has at least this share of its lines at the wrap width (short
# lines of headings, lists and signatures make up the rest) …
_MIN_FULL = 8
_MID_SHARE = 0.5  # … and most of those stop mid-sentence
_PARAGRAPH_END = "。！？!?；;：:”’）)》」』"
_OVER_SHARE = 0.03  # ... and hardly any line longer than it
_MAX_WIDTH = 160  # display columns; a "width" beyond this is ordinary long paragraphs
_SENTENCE_END = "。！？!?；;：:"
_HEADING_STYLES = (Style.PART, Style.DUN, Style.PAREN_CN, Style.ORDINAL, Style.DIGIT)
_FLAT_MIN = 400  # characters: a shorter file is too small to have lost its paragraphs
# Marker styles that may open a paragraph in a flattened file (`一是` stays inline: it is often
# written mid-paragraph in the original as well).
_FLAT_SPLIT_STYLES = (Style.PART, Style.DUN, Style.PAREN_CN, Style.ORDINAL, Style.DIGIT, Style.PAREN_DIGIT,
                      Style.CIRCLED)


# Markdown heading marks (`## 2017年工作计划`, `### 一、…`): a team's report written as a .md file.
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
# A PDF copy's page numbers between its lines (`— 2 —`, `- 3 -`, `第2页 共5页`, `Page 2 of 5`).
_PAGE_NUMBER = re.compile(r"^(?:[—\-－–]\s*\d{1,3}\s*[—\-－–]|第\s*\d{1,3}\s*页(?:\s*[，,/／]?\s*共\s*\d{1,3}\s*页)?"
                          r"|(?:page|Page|PAGE)\s*\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?|\d{1,3}\s*/\s*\d{1,3})$")


def reflow(paragraphs: Sequence[str]) -> list[str]:
    """The paragraphs as written: page numbers and Markdown heading marks dropped, wrapped lines
    joined (across a page break too), then a flattened text split again."""
    out = [_MARKDOWN_HEADING.sub("", p) for p in paragraphs if not _PAGE_NUMBER.match(p)]
    wrap = wrap_width(out)
    if wrap is not None:
        out = join_wrapped(out, *wrap)
    if is_flat(out):
        out = [part for paragraph in out for part in split_flat(paragraph)]
    return out


# East Asian wide and full-width ranges (CJK, kana, hangul, full-width forms), as unicodedata's W/F.
_WIDE = re.compile("[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
                   "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]")


def _width(text: str) -> int:
    """Display columns: a wide (Chinese) character takes two, a Latin letter or digit one."""
    return len(text) + len(_WIDE.findall(text))


# (measure, tolerance): a copy wrapped by character count breaks at exactly one length; one wrapped
# by the page's width stops a column or two short when a wide character no longer fits.
_MEASURES: tuple[tuple[Callable[[str], int], int], ...] = ((len, 0), (_width, 2))


def wrap_width(lines: Sequence[str]) -> tuple[Callable[[str], int], int, int] | None:
    """(measure, width, tolerance) when most lines stop at one width, as a wrapped copy's do; else None.

    Lines are measured both in characters and in display columns (a PDF wraps by the page's width,
    where a Latin letter takes half a Chinese one); whichever gives the sharper edge wins."""
    body = [line for line in lines if len(line) >= 8]
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
        over = sum(1 for size in sizes if size > edge)
        share = len(full) / len(sizes)
        # a wrapped line stops mid-sentence; a line that ends a paragraph ends with punctuation
        mid = sum(1 for line in full if line[-1] not in _PARAGRAPH_END) / max(1, len(full))
        if (len(full) >= _MIN_FULL and share >= _FULL_SHARE and mid >= _MID_SHARE
                and over <= _OVER_SHARE * len(sizes) and (best is None or share > best[0])):
            best = (share, measure, edge, tolerance)
    return None if best is None else best[1:]


def join_wrapped(lines: Sequence[str], measure: Callable[[str], int], width: int, tolerance: int) -> list[str]:
    """Join every line that reaches the wrap width with the one after it (a line that stops short
    ends its paragraph); a full line ending a sentence before a numbered heading stays apart (an
    inline `二是` after `。` more often continues the paragraph)."""
    out: list[str] = []
    current = ""
    for k, line in enumerate(lines):
        if current:
            if current[-1] in _SENTENCE_END and match_at(line, 0, _HEADING_STYLES) is not None:
                out.append(current)
                current = line
            else:
                current = _glue(current, line, lost_space=measure(lines[k - 1]) < width)
        else:
            current = line
        following = lines[k + 1] if k + 1 < len(lines) else ""
        size = measure(line)
        # a line broken after a space lost that space when it was read: one column short, between words
        if size < width - tolerance and not (size == width - 1 and _latin_edge(line, following)):
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return out


def _latin_edge(left: str, right: str) -> bool:
    return bool(left and right) and _latin(left[-1]) and _latin(right[0])


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _glue(left: str, right: str, *, lost_space: bool) -> str:
    """Join two pieces of one paragraph; a space only where the break ate one between two Latin words
    (a line that reaches the edge was cut mid-word)."""
    return left + " " + right if lost_space and _latin_edge(left, right) else left + right


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
        if text[pos - 1] in _SENTENCE_END or (text[pos - 1] == " " and pos >= 2 and text[pos - 2] in _SENTENCE_END):
            if match_at(text, pos, _FLAT_SPLIT_STYLES) is not None:
                cuts.append(pos)
    return cuts


def split_flat(paragraph: str) -> list[str]:
    """One flattened paragraph cut before each numbered marker that follows a sentence end, and a
    level-1 heading cut from the text glued to it."""
    cuts = _flat_cuts(paragraph)
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
_GLUED_MAX = 40
_LOWER_STYLES = (Style.PAREN_CN, Style.SHI, Style.ORDINAL, Style.DIGIT, Style.PAREN_DIGIT, Style.CIRCLED)


def _unglue(part: str) -> list[str]:
    """`二、下半年工作思路（一）抓好…` → the heading and its first item; `三、2011年的工作2011年，是…` →
    the heading and its first paragraph. Only level-1 headings: an item's title glued to its body
    has no sign of where it ends."""
    marker = match_at(part, 0, (Style.PART, Style.DUN))
    if marker is None:
        return [part]
    head_end = min((i for i in (part.find(ch, marker.end) for ch in "。！？") if i >= 0), default=len(part))
    for pos in range(marker.end + 2, min(head_end, marker.end + _GLUED_MAX)):
        inner = match_at(part, pos, _LOWER_STYLES)
        if inner is not None and inner.number == 1:
            return [part[:pos], part[pos:]]
    if head_end - marker.end <= _GLUED_MAX:
        return [part]
    comma = min((i for i in (part.find(ch, marker.end) for ch in "，,。") if i >= 0), default=len(part))
    title = _QUOTE.sub(lambda m: "\0" * len(m.group()), part[:min(comma, marker.end + _GLUED_MAX)])
    ends = [m.end() for m in _SECTION_WORD.finditer(title, marker.end)]
    if not ends or ends[-1] >= len(title):
        return [part]
    return [part[:ends[-1]], part[ends[-1]:]]
