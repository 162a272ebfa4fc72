"""A Word paragraph's text as the clerk sees it (tracked changes accepted, the text boxes anchored in it), and
the headings that title numbered lists.

python-docx's `Paragraph.text` reads the paragraph's direct runs and links only. A report passed round for
comments keeps its edits as tracked changes: the inserted words (`w:ins`, often a whole new item) are not
direct runs, so they were lost, and the deleted ones must stay out. A report laid out in a text box keeps
all its paragraphs inside a run (`w:txbxContent`), where `Paragraph.text` never looks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

from desktop.core.markers import match_at
from desktop.core.numerals import to_chinese

_T, _TAB, _BR, _CR, _HYPHEN = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:noBreakHyphen")
# Not read as this paragraph's text: deleted or moved-away runs, and a text box's own paragraphs.
_SKIPPED = frozenset((qn("w:del"), qn("w:moveFrom"), qn("w:txbxContent")))
_BOX = qn("w:txbxContent")
_P = qn("w:p")
# A shape is written twice, as DrawingML and as a VML fallback for old readers: its text is read once.
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def paragraph_text(p: etree._Element) -> str:
    """The paragraph's text with tracked changes accepted (tabs and line breaks as \\t and \\n)."""
    parts: list[str] = []
    _collect(p, parts)
    return "".join(parts)


def _collect(element: etree._Element, parts: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag in _SKIPPED or tag == _FALLBACK:
            continue
        if tag == _T:
            parts.append(child.text or "")
        elif tag == _TAB:
            parts.append("\t")
        elif tag in (_BR, _CR):
            parts.append("\n")
        elif tag == _HYPHEN:
            parts.append("-")
        elif tag != _P:
            _collect(child, parts)


def text_box_paragraphs(p: etree._Element) -> Iterator[etree._Element]:
    """The paragraphs of the text boxes anchored in `p`, in order (each box once), boxes within them too."""
    for box in _boxes(p):
        for inner in box:
            if inner.tag == _P:
                yield inner
                yield from text_box_paragraphs(inner)


def _boxes(element: etree._Element) -> Iterator[etree._Element]:
    for child in element:
        if child.tag == _FALLBACK or child.tag == _P:
            continue
        if child.tag == _BOX:
            yield child
        else:
            yield from _boxes(child)


def list_titles(body: list, numbering) -> dict[int, str]:  # type: ignore[type-arg,no-untyped-def]
    """Labels for Word headings that title the numbered lists under them, by the paragraph's id().

    A plan written with Word's styles may give its items as headings with no number typed or set
    (`标题 2`: 打造文旅消费新场景) and their measures as a numbered list under each, numbered on through
    the section (1. 2. | 3. 4. 5.). Read as they stand, the list would outrank the headings. Two headings
    of one level or more, each followed by a numbered paragraph, are labelled （一）（二）… , counted afresh
    under each higher heading; a heading that is not over a list, or one with a number, is left as it is.
    """
    texts = [(b, paragraph_text(b._p).strip()) for b in body if isinstance(b, Paragraph)]
    paragraphs = [b for b, text in texts if text]
    heads = [text for _, text in texts if text]
    levels = [heading_level(p) for p in paragraphs]
    over_list = [k for k, level in enumerate(levels)
                 if level is not None and k + 1 < len(paragraphs) and levels[k + 1] is None
                 and numbering.numbered(paragraphs[k + 1]) and not numbering.numbered(paragraphs[k])
                 and match_at(heads[k]) is None]
    out: dict[int, str] = {}
    for level in {lv for k in over_list if (lv := levels[k]) is not None}:
        mine = {k for k in over_list if levels[k] == level}
        if len(mine) < 2:
            continue
        n = 0
        for k, other in enumerate(levels):
            if other is not None and other < level:
                n = 0  # a higher heading starts a new count
            elif k in mine:
                n += 1
                out[id(paragraphs[k])] = f"（{to_chinese(n)}）"
    return out


_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)


def heading_level(paragraph) -> int | None:  # type: ignore[no-untyped-def]
    """A Word heading's level (1 for 标题 1), from its style or its base styles; None for body text."""
    style = paragraph.style
    for _ in range(10):  # base-style chains are short; a cycle must not loop forever
        if style is None:
            return None
        m = _HEADING_STYLE.match(style.name or "")
        if m:
            return int(m.group(1))
        style = style.base_style
    return None
