"""Build .docx fixtures with python-docx, optionally moving item labels into Word list numbering."""

from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

_CN_ITEM = re.compile(r"^（([一二三四五六七八九十]+)）")
_NUM_ID = "77"


def write_docx(paragraphs: list[str], path: Path, *, auto_number: bool = False) -> Path:
    """Write `paragraphs` to `path`; with auto_number, `（一）…` labels become Word numbering.

    Each new run of numbered items gets its own list instance restarting at 一, as Word does
    when a clerk restarts numbering in a new section.
    """
    document = docx.Document()
    num_ids = _install_numbering(document) if auto_number else None
    current = None
    for text in paragraphs:
        m = _CN_ITEM.match(text) if auto_number else None
        if m is None:
            document.add_paragraph(text)
            continue
        if m.group(1) == "一":
            current = num_ids.pop(0)
        paragraph = document.add_paragraph(text[m.end():])
        ppr = paragraph._p.get_or_add_pPr()
        ppr.append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{current}"/></w:numPr>'))
    document.save(path)
    return path


def _install_numbering(document: docx.document.Document) -> list[str]:
    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{_NUM_ID}">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="（%1）"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%2."/></w:lvl></w:abstractNum>')
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    ids = []
    for k in range(10):
        num_id = str(100 + k)
        numbering.append(parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{_NUM_ID}"/></w:num>'))
        ids.append(num_id)
    return ids
