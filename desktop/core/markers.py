"""Numbering markers of Chinese reports: （一） 一是 一、 1. （1） ① 第一， 其一， 第一部分, and 首先，其次，…最后，."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from desktop.core.numerals import CIRCLED, from_chinese

_CN = "[一二三四五六七八九十]{1,3}"
# Sequence words number a list without numerals; `最后，` ends one (a closing `最后，同志们…` is not an item).
_SEQUENCE_WORDS = {"首先": 1, "其次": 2, "再次": 3, "最后": 0}
_NOT_AN_ITEM = r"同志们|各位|让我们|我(?:再)?(?:强调|讲|说)|希望|祝|谢谢"
LAST = 99  # the number of `最后，`: whatever number the list has reached, it continues it and closes it


class Style(Enum):
    """A numbering style; the pattern matches the marker at the start of the searched text."""

    PART = rf"第({_CN})部分[：:、，,.．]?\s*"  # 第三部分
    DUN = rf"({_CN})\s*[、．]\s*"  # 一、
    PAREN_CN = rf"[（(]\s*({_CN})\s*[）)]\s*[、，,.．]?\s*"  # （一） (一)
    SHI = rf"({_CN})(?:是|要)(?![一二三四五六七八九十])"  # 一是 一要
    ORDINAL = rf"[第其]({_CN})[，,、：:]\s*"  # 第一， 其一，
    # 1. 1、 1． 1） (`1.5` is a number; `1、11月` and `2.9月底前` are markers: a month is no decimal's unit)
    DIGIT = r"(\d{1,2})\s*(?:[.．](?:(?!\d)|(?=\d{1,2}\s*月))|、|[）)]|\s(?!\d))\s*"
    PAREN_DIGIT = r"[（(]\s*(\d{1,2})\s*[）)]\s*[、，,.．]?\s*"  # （1）
    CIRCLED = rf"([{CIRCLED}])\s*[、，,.．]?\s*"  # ①
    SEQUENCE = rf"({'|'.join(_SEQUENCE_WORDS)})[，,、：:]\s*(?!\s*(?:{_NOT_AN_ITEM}))"  # 首先， 其次， 再次， 最后，


# Outline order: a style earlier in this list sits higher in a document's hierarchy.
HEADING_ORDER = (Style.PART, Style.DUN, Style.PAREN_CN, Style.DIGIT)
# Each style carries its compiled pattern and the token of its second marker as attributes: looking
# them up in a dict keyed by the enum hashed it in Python on every call (a tenth of parsing time).
for _style in Style:
    _style.regex = re.compile(_style.value)  # type: ignore[attr-defined]
# A marker may stand inline after one of these (`…。二是…`, `…；2.…`, `…：一是…`).
_BOUNDARY_RE = re.compile(r"[。；;！!？?：:\n] *")


@dataclass(frozen=True, slots=True)
class Marker:
    """A marker found in text: its style, number, the label as written and where it ends."""

    style: Style
    number: int
    label: str
    start: int
    end: int


def number_of(style: Style, token: str) -> int | None:
    """The value of a marker's number token in `style`."""
    if style in (Style.DIGIT, Style.PAREN_DIGIT):
        return int(token)
    if style is Style.CIRCLED:
        return CIRCLED.index(token) + 1
    if style is Style.SEQUENCE:
        return _SEQUENCE_WORDS[token] or LAST
    return from_chinese(token)


# Full-width digits too (`１．`, typed with a Chinese input method): the patterns' \d matches them, and int() reads them.
_FIRST_CHARS = frozenset("第一二三四五六七八九十（(0123456789０１２３４５６７８９首其再最" + CIRCLED)
# Sequence words are markers only where a caller asks for them: `首先，` or `最后，` opening a review's
# paragraph, a closing remark or a signature line is prose, not a numbered heading.
NUMBERED = tuple(s for s in Style if s is not Style.SEQUENCE)


def match_at(text: str, pos: int = 0, styles: tuple[Style, ...] = NUMBERED) -> Marker | None:
    """The marker that starts exactly at `pos`, trying `styles` in order (sequence words only when asked)."""
    if pos >= len(text) or text[pos] not in _FIRST_CHARS:
        return None
    for style in styles:
        m = style.regex.match(text, pos)  # type: ignore[attr-defined]
        if m:
            number = number_of(style, m.group(1))
            if number:
                if style is Style.DIGIT and _looks_like_quantity(text, m.end()):
                    continue
                return Marker(style, number, text[m.start():m.end()].strip(), m.start(), m.end())
    return None


def _looks_like_quantity(text: str, end: int) -> bool:
    """`2 名干部` or `5 年` after a digit and a space is a quantity, not a `2 ` marker."""
    return end < len(text) and end > 0 and text[end - 1] == " " and text[end] in "年月日个名人次项家批期天%％万千百"


def at_paragraph_start(paragraph: str) -> Marker | None:
    """The marker that opens `paragraph`, if any."""
    return match_at(paragraph, 0)


# The tokens a style's second marker may contain: a text with none of them cannot hold a list of two.
for _style, _seconds in ((Style.PART, ("第二",)), (Style.DUN, ("二",)), (Style.PAREN_CN, ("二",)), (Style.SHI, ("二",)),
                         (Style.ORDINAL, ("第二", "其二")), (Style.DIGIT, ("2",)), (Style.PAREN_DIGIT, ("2",)),
                         (Style.CIRCLED, ("②",)), (Style.SEQUENCE, ("其次",))):
    _style.seconds = _seconds  # type: ignore[attr-defined]


def may_list(text: str, style: Style) -> bool:
    """A quick test before `inline_markers`: False when `text` cannot hold two markers of `style`."""
    for token in style.seconds:  # type: ignore[attr-defined]  # (a loop, not any(): this runs per paragraph and style)
        if token in text:
            return True
    return False


def inline_markers(text: str, style: Style) -> list[Marker]:
    """Markers of `style` at the start of `text` or right after a sentence boundary, in order."""
    found: list[Marker] = []
    for pos in [0, *(m.end() for m in _BOUNDARY_RE.finditer(text))]:
        if found and pos < found[-1].end:
            continue
        marker = match_at(text, pos, (style,))
        if marker:
            found.append(marker)
    return found


_BULLETS = "◆◇●○■□▲△▶►★☆•·◎"  # what a pasted article puts before its unnumbered titles
# A bullet before a list entry: those marks, `※`, a dash (`——`, `—`), or a lone `-` before a blank.
_BULLET_LEAD = re.compile(rf"^\s*(?:[{_BULLETS}※]|—{{1,2}}|－{{1,2}}|-(?=\s))\s*")


def opens_with_bullet(text: str) -> bool:
    """Whether `text` opens with a bullet: an entry of an unnumbered list."""
    return _BULLET_LEAD.match(text) is not None


def without_bullet(text: str) -> str:
    """`text` without the bullet it opens with."""
    return _BULLET_LEAD.sub("", text, count=1)
