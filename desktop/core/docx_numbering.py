"""Render the labels of Word's automatic list numbering, which python-docx leaves out of the text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from desktop.core.numerals import CIRCLED, HEAVENLY_STEMS, to_chinese


@dataclass(frozen=True, slots=True)
class _Level:
    start: int
    fmt: str
    text: str  # lvlText such as "（%1）"


def _roman(n: int) -> str:
    out = []
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _format(n: int, fmt: str) -> str | None:
    if fmt in ("decimal", "decimalZero"):
        return str(n) if fmt == "decimal" or n >= 10 else f"0{n}"
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting",
               "taiwaneseCounting", "taiwaneseCountingThousand", "ideographDigital"):
        return to_chinese(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return CIRCLED[n - 1] if 0 < n <= len(CIRCLED) else str(n)
    if fmt in ("ideographTraditional",):
        return HEAVENLY_STEMS[(n - 1) % 10]
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
    return None


def _synthesised(level: int, n: int) -> str:
    """A label when Word's format is unknown: the usual Chinese outline order by depth."""
    return (f"（{to_chinese(n)}）", f"{n}.", f"（{n}）")[level] if level < 3 else CIRCLED[(n - 1) % 20]


class NumberingRenderer:
    """Counts list paragraphs in document order and renders each one's visible label."""

    def __init__(self, document: DocxDocument) -> None:
        self._abstract_of: dict[str, str] = {}
        self._levels: dict[tuple[str, int], _Level] = {}
        self._counters: dict[str, list[int]] = {}
        self._style_numpr: dict[str, tuple[str, int]] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for abstract in numbering.findall(qn("w:abstractNum")):
            abstract_id = abstract.get(qn("w:abstractNumId"))
            for lvl in abstract.findall(qn("w:lvl")):
                ilvl = int(lvl.get(qn("w:ilvl"), "0"))
                start = lvl.find(qn("w:start"))
                fmt = lvl.find(qn("w:numFmt"))
                text = lvl.find(qn("w:lvlText"))
                self._levels[(abstract_id, ilvl)] = _Level(
                    int(start.get(qn("w:val"), "1")) if start is not None else 1,
                    fmt.get(qn("w:val"), "") if fmt is not None else "",
                    text.get(qn("w:val"), "") if text is not None else "",
                )
        for num in numbering.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            if ref is not None:
                self._abstract_of[num.get(qn("w:numId"))] = ref.get(qn("w:val"))

    def label(self, paragraph: Paragraph) -> tuple[str, int] | None:
        """The rendered label and list level of `paragraph`, or None when it is not numbered."""
        found = self._numpr(paragraph)
        if found is None:
            return None
        num_id, ilvl = found
        abstract_id = self._abstract_of.get(num_id)
        if num_id == "0" or abstract_id is None:
            return None  # numId 0 means "numbering removed"
        counters = self._counters.setdefault(num_id, [0] * 9)
        ilvl = min(max(ilvl, 0), 8)
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        level = self._levels.get((abstract_id, ilvl))
        if level is None:
            return _synthesised(ilvl, counters[ilvl]), ilvl
        if level.fmt in ("bullet", "none"):
            return None
        rendered = level.text
        for k in range(ilvl, -1, -1):
            sub = self._levels.get((abstract_id, k))
            value = counters[k] + (sub.start - 1 if sub else 0)
            shown = _format(max(value, 1), sub.fmt if sub else "decimal")
            if shown is None:
                return _synthesised(ilvl, counters[ilvl]), ilvl
            rendered = rendered.replace(f"%{k + 1}", shown)
        return rendered, ilvl

    def numbered(self, paragraph: Paragraph) -> bool:
        """Whether `paragraph` shows a number (not a bullet), without counting it as label() does."""
        found = self._numpr(paragraph)
        if found is None or found[0] == "0" or self._abstract_of.get(found[0]) is None:
            return False
        level = self._levels.get((self._abstract_of[found[0]], min(max(found[1], 0), 8)))
        return level is None or level.fmt not in ("bullet", "none")

    def _numpr(self, paragraph: Paragraph) -> tuple[str, int] | None:
        return _read_numpr(paragraph._p.pPr) or self._from_style(paragraph)

    def _from_style(self, paragraph: Paragraph) -> tuple[str, int] | None:
        """Numbering can also come from the paragraph style (e.g. "List Number") or its base styles."""
        try:
            style = paragraph.style
        except (KeyError, ValueError):
            return None
        for _ in range(10):  # base-style chains are short; a cycle must not loop forever
            if style is None:
                return None
            found = _read_numpr(style.element.pPr)
            if found:
                return found
            style = style.base_style
        return None


def _read_numpr(ppr: Any) -> tuple[str, int] | None:
    """(numId, ilvl) from a w:pPr element, or None when it carries no numbering."""
    numpr: Any = ppr.find(qn("w:numPr")) if ppr is not None else None
    num_id = numpr.find(qn("w:numId")) if numpr is not None else None
    if num_id is None:
        return None
    ilvl = numpr.find(qn("w:ilvl"))
    return num_id.get(qn("w:val")), int(ilvl.get(qn("w:val"), "0")) if ilvl is not None else 0
