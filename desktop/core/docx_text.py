"""A Word paragraph's text as the clerk sees it: tracked changes accepted, and the text boxes anchored in it.

python-docx's `Paragraph.text` reads the paragraph's direct runs and links only. A report passed round for
comments keeps its edits as tracked changes: the inserted words (`w:ins`, often a whole new item) are not
direct runs, so they were lost, and the deleted ones must stay out. A report laid out in a text box keeps
all its paragraphs inside a run (`w:txbxContent`), where `Paragraph.text` never looks.
"""

from __future__ import annotations

from collections.abc import Iterator

from docx.oxml.ns import qn
from lxml import etree

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
