"""The 督查通报 draft as a Word document, laid out after GB/T 9704-2012 (党政机关公文格式).

A4; margins top 37 mm, bottom 35, left 28, right 26; 22 lines of 3号 text a page (fixed 29 pt line
pitch); title 2号 方正小标宋简体, body 3号 仿宋_GB2312, level-1 headings 黑体, level-2 楷体_GB2312; page
numbers `— 1 —` in 4号 宋体, odd pages right, even pages left, one character in. The 附件 table goes
on landscape pages (its header rows repeat). Everything is editable text in styles the clerk can
change, and real Word tables.

Offices without the 方正/GB2312 fonts still get sensible faces: the font table names a substitute for
each (w:altName: 宋体, 仿宋, SimHei, KaiTi), which Word and WPS use when the named font is missing, and
every run names its east-Asian font separately (w:eastAsia) so Latin digits stay in Times New Roman.

The bulk (the problem lists and the 附件 table, one row per measure) is built as WordprocessingML text and
parsed once: building 50,000 table rows through python-docx's objects takes minutes, this ~1 s.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml import parse_xml
from docx.shared import Mm
from lxml import etree

from desktop.core import review_model as rm
from desktop.core import review_text as rt
from desktop.core.file_save import SaveError, check_target, save_beside, sweep_stale_temp_files
from desktop.core.review_model import MeasureLine, Review
from desktop.core.shares import percent_text, rate_percent

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# Fonts: (the font named, the substitute Word/WPS use when it is missing, font-table family, pitch)
TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING1_FONT = "黑体"
HEADING2_FONT = "楷体_GB2312"
PAGE_NUMBER_FONT = "宋体"
LATIN_FONT = "Times New Roman"
FALLBACKS: dict[str, str] = {TITLE_FONT: "宋体", BODY_FONT: "仿宋", HEADING1_FONT: "SimHei", HEADING2_FONT: "KaiTi",
                             "宋体": "SimSun", "仿宋": "FangSong"}
_FONT_TABLE = {  # w:family and w:pitch of each, as Windows' own Chinese fonts declare them
    TITLE_FONT: ("script", "variable"), BODY_FONT: ("modern", "fixed"), HEADING1_FONT: ("modern", "fixed"),
    HEADING2_FONT: ("modern", "fixed"), "宋体": ("auto", "variable"), "仿宋": ("modern", "fixed"),
}

# Sizes in half-points (w:sz): 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt, 五号 10.5 pt.
SIZE_2, SIZE_3, SIZE_4, SIZE_S4, SIZE_5 = 44, 32, 28, 24, 21
LINE_PITCH = 580  # twips: 22 lines in the 225 mm text height (29 pt)
CHAR = 320  # one 3号 character in twips (16 pt), for indents

# GB/T 9704-2012 5.2.1 and 7.5: margins and where the page number sits (7 mm below the text block)
MARGINS = {"top": 37, "bottom": 35, "left": 28, "right": 26}
FOOTER_DISTANCE = 28
# The landscape 附件 pages turned so the table's head faces the binding edge (GB/T 9704-2012 10.1).
LANDSCAPE_MARGINS = {"top": 28, "bottom": 26, "left": 35, "right": 37}

UNIT_WIDTHS_MM = (12, 48, 18, 18, 22, 18, 20)  # 156 mm: the portrait text width
ANNEX_HEADER = ("序号", "工作任务", "具体措施", "牵头单位", "责任人", "完成时限", "完成情况", "进展情况")
ANNEX_WIDTHS_MM = (12, 36, 60, 22, 14, 21, 18, 42)  # 225 mm: the landscape text width
_TWIPS_PER_MM = 56.7

_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML 1.0
_NEEDS_CARE = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # most texts have none: one search
_OPENED_IN = "Word 或 WPS"  # where a clerk has the draft open when it cannot be overwritten


class NoticeWriteError(Exception):
    """The draft could not be written; `str(exc)` says why in Chinese and what to do."""


def write_notice(path: str | os.PathLike[str], review: Review, *, issuer: str = "") -> Path:
    """Write the 督查通报 draft of `review` to `path` (.docx), atomically; raise NoticeWriteError."""
    target = Path(path)
    if target.suffix.lower() != ".docx":
        raise NoticeWriteError(f"“{target.name}”的扩展名不是 .docx，请以 .docx 结尾命名通报文件。")
    folder = target.parent if str(target.parent) else Path(".")
    try:
        mode = check_target(target, folder, opened_in=_OPENED_IN)
        sweep_stale_temp_files(folder)
        data = build_notice(review, issuer=issuer)
        save_beside(data, target, folder, mode, opened_in=_OPENED_IN)
    except SaveError as exc:
        raise NoticeWriteError(str(exc)) from exc
    return target


def build_notice(review: Review, *, issuer: str = "") -> bytes:
    """The draft as the bytes of a .docx file."""
    doc = Document()
    _fonts_and_styles(doc)
    section = doc.sections[0]
    _page(section, MARGINS, landscape=False)
    _page_numbers(doc, section)
    annex = doc.add_section(WD_SECTION.NEW_PAGE)
    _page(annex, LANDSCAPE_MARGINS, landscape=True)
    _drop_thumbnail(doc)
    doc.core_properties.title = rt.title(review)
    doc.core_properties.subject = "督查通报（草稿）"
    doc.core_properties.comments = "halfyear 生成的草稿：【】内为待填写内容"
    skeleton = io.BytesIO()
    doc.save(skeleton)
    return _with_body(skeleton.getvalue(), doc, _main_text(review, issuer), _annex(review))


def _with_body(skeleton: bytes, doc: WordDocument, main: str, annex: Sequence[str]) -> bytes:
    """The skeleton .docx with its body replaced: the main text, the break to the landscape pages, the 附件.

    The body is spliced into word/document.xml as text. Parsing it into python-docx's tree and saving
    that would cost minutes for a 50,000-row 附件 (lxml re-homes every moved element); the text is built
    from escaped pieces only, and the tests read every file back with python-docx. The 附件's pieces are
    encoded and compressed as they are written: joined first, they made one string of ~40 million
    characters and its copies. Deflate level 3 instead of 6: half the time for a quarter more bytes.
    """
    body = doc.element.body
    first = etree.tostring(body.xpath("w:p/w:pPr/w:sectPr")[0], encoding="unicode")  # made by add_section
    last = etree.tostring(body.xpath("w:sectPr")[0], encoding="unicode")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(skeleton)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=_DEFLATE_LEVEL) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename != "word/document.xml":
                dst.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=_DEFLATE_LEVEL)
                continue
            xml = data.decode("utf-8")
            start = xml.index(">", xml.index("<w:body")) + 1
            end = xml.rindex("</w:body>")
            entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            with dst.open(entry, "w") as f:
                f.write(f"{xml[:start]}{main}<w:p><w:pPr>{first}</w:pPr></w:p>".encode())
                for k in range(0, len(annex), _PIECES_PER_WRITE):
                    f.write("".join(annex[k:k + _PIECES_PER_WRITE]).encode())
                f.write(f"{last}{xml[end:]}".encode())
    return out.getvalue()


_DEFLATE_LEVEL = 3
_PIECES_PER_WRITE = 2000


# ----------------------------------------------------------------------------- text of the notice
def _main_text(review: Review, issuer: str) -> str:
    out = [_p(rt.title(review), "NoticeTitle"), _p(_PLACEHOLDER_ADDRESSEE, "NoticeAddressee", mark=True),
           _p(rt.opening(review)), _p("一、总体情况", "NoticeH1")]
    out += [_p(text) for text in rt.overview(review)]
    out.append(_p("二、各单位推进情况", "NoticeH1"))
    out.append(_p(rt.units_sentence(review)))
    if any(u.unit != rm.NO_UNIT for u in review.units):
        out.append(_unit_table(review))
    out.append(_p("三、存在的问题", "NoticeH1"))
    groups = rt.problem_groups(review)
    if not groups:
        out.append(_p(rt.no_problems(review)))
    for heading, lead, lines in groups:
        out.append(_p(heading, "NoticeH2"))
        out.append(_p(lead))
        out += [_p(rt.problem_line(n, m, review)) for n, m in enumerate(lines, 1)]
    out.append(_p("四、下一步工作要求", "NoticeH1"))
    out.append(_p(rt.NEXT_STEPS_PLACEHOLDER, mark=True))
    out.append(_p(""))
    out.append(_p(f"附件：{rt.attachment_title(review)}", "NoticeAnnexNote"))
    out.append(_p(""))
    out.append(_p(issuer or "【发文单位】", "NoticeSign", mark=not issuer))
    out.append(_p("【成文日期：　　年　　月　　日】", "NoticeSign", mark=True))
    return "".join(out)


_PLACEHOLDER_ADDRESSEE = "【主送单位】："


def _unit_table(review: Review) -> str:
    widths = _twips(UNIT_WIDTHS_MM)
    rows = [_row(rt.UNIT_HEADER, widths, "Head", header=True)]
    for u in review.units:
        rows.append(_row(rt.unit_cells(u), widths, "Cell", left=frozenset({1})))
    total = sum(u.tasks for u in review.units)
    done = sum(u.done for u in review.units)
    cancelled = sum(u.cancelled for u in review.units)
    rows.append(_row(["", "合计", str(total), str(done), percent_text(rate_percent(done, total - cancelled)),
                      str(sum(u.behind for u in review.units)), str(sum(u.overdue for u in review.units))],
                     widths, "Head"))
    return _table(widths, rows)


def _annex(review: Review) -> list[str]:
    """The 附件 as pieces of WordprocessingML, one per table row (joined only as they are written)."""
    out = [_p("附件", "NoticeAnnexMark"), _p(rt.attachment_title(review), "NoticeAnnexTitle"),
           _p(f"（截至{rt.day_words(review.as_of, year=True)}）", "NoticeAnnexDate")]
    widths = _twips(ANNEX_WIDTHS_MM)
    rows = [_row(ANNEX_HEADER[:-1] + (f"进展情况（截至{rt.day_words(review.as_of)}）",), widths, "HeadS",
                 header=True)]
    several = len(review.reports) > 1
    cell = _repeated_cells()
    report = None
    item_key: tuple[int, str] | None = None
    for m in review.lines:
        if several and m.report_id != report:
            report = m.report_id
            rows.append(_span_row(f"《{m.report_title}》", sum(widths)))
        key = (m.report_id, m.number.split(".")[0])
        first = key != item_key
        item_key = key
        rows.append(_annex_row(m, first, cell))
    if not review.lines:
        rows.append(_span_row("（截至该日尚无具体措施）", sum(widths)))
    return out + _table_parts(widths, rows)


def _repeated_cells() -> Callable[[str], str]:
    """A centred 附件 cell for a value many rows share (unit, person, deadline, state), built once each."""
    made: dict[str, str] = {}

    def cell(text: str) -> str:
        found = made.get(text)
        if found is None:
            found = made[text] = _annex_cell(text, "CellS")
        return found

    return cell


def _annex_row(m: MeasureLine, first_of_item: bool, cell: Callable[[str], str]) -> str:
    state = m.category + ("（逾期）" if m.overdue else "")
    # 工作任务: one cell down the rows of its measures (a vertical merge)
    task = (_annex_cell(m.item_title, "CellS", '<w:vMerge w:val="restart"/>') if first_of_item
            else _CONTINUED_TASK)
    return ("<w:tr>" + _annex_cell(m.number, "CellS") + task + _annex_cell(m.text, "CellSL")
            + cell(m.unit) + cell(m.owner) + cell(m.due.isoformat() if m.due else "") + cell(state)
            + _annex_cell(m.latest, "CellSL") + "</w:tr>")


# ----------------------------------------------------------------------------- WordprocessingML pieces
def _x(text: str) -> str:
    if _NEEDS_CARE.search(text) is None:
        return text
    return escape(_BAD_XML.sub("", text))


def _runs(text: str, mark: bool = False) -> str:
    rpr = '<w:rPr><w:highlight w:val="yellow"/></w:rPr>' if mark else ""
    pieces = text.split("\n")
    out = []
    for n, piece in enumerate(pieces):
        if n:
            out.append(f"<w:r>{rpr}<w:br/></w:r>")
        if piece:
            out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{_x(piece)}</w:t></w:r>')
    return "".join(out)


def _p(text: str, style: str | None = None, *, mark: bool = False) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}{_runs(text, mark)}</w:p>"


def _cell(text: str, width: int, style: str, extra: str = "") -> str:
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{extra}<w:vAlign w:val="center"/></w:tcPr>'
            f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{_runs(text)}</w:p></w:tc>')


def _annex_cell(text: str, style: str, merge: str = "") -> str:
    """A cell of the 附件 (tens of thousands of rows): the grid gives the widths, so no cell properties."""
    props = f"<w:tcPr>{merge}</w:tcPr>" if merge else ""
    run = f"<w:r><w:t>{_x(text)}</w:t></w:r>" if text and "\n" not in text and text.strip() == text else _runs(text)
    return f'<w:tc>{props}<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{run}</w:p></w:tc>'


_CONTINUED_TASK = _annex_cell("", "CellS", "<w:vMerge/>")


def _row(cells: Iterable[str], widths: Sequence[int], style: str, *, header: bool = False,
         left: frozenset[int] = frozenset()) -> str:
    trpr = "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if header else "<w:trPr><w:cantSplit/></w:trPr>"
    body = "".join(_cell(text, w, style + ("L" if n in left else ""))
                   for n, (text, w) in enumerate(zip(cells, widths)))
    return f"<w:tr>{trpr}{body}</w:tr>"


def _span_row(text: str, width: int) -> str:
    count = len(ANNEX_WIDTHS_MM)
    return (f'<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>'
            f'<w:gridSpan w:val="{count}"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="HeadSL"/></w:pPr>'
            f"{_runs(text)}</w:p></w:tc></w:tr>")


def _table(widths: Sequence[int], rows: Sequence[str]) -> str:
    return "".join(_table_parts(widths, rows))


def _table_parts(widths: Sequence[int], rows: Sequence[str]) -> list[str]:
    """A table as its opening, its rows and its close (with the paragraph Word needs after it)."""
    border = 'w:val="single" w:sz="4" w:space="0" w:color="000000"'
    borders = "".join(f"<w:{side} {border}/>" for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    opening = (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
               f"<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
               '<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
               '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
               'w:noHBand="0" w:noVBand="1"/></w:tblPr>'
               f"<w:tblGrid>{grid}</w:tblGrid>")
    # Word needs a paragraph after a table that ends a section
    return [opening, *rows, '</w:tbl><w:p><w:pPr><w:pStyle w:val="NoticeAfterTable"/></w:pPr></w:p>']


def _twips(mm: Sequence[float]) -> list[int]:
    return [round(v * _TWIPS_PER_MM) for v in mm]


def _drop_thumbnail(doc: WordDocument) -> None:
    """The template carries a picture of some other document as its preview; a file browser would show it."""
    rels = doc.part.package.rels
    for rid, rel in list(rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            rels.pop(rid)


# ----------------------------------------------------------------------------- page, fonts, styles
def _page(section: object, margins: dict[str, int], *, landscape: bool) -> None:
    s = section
    s.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT  # type: ignore[attr-defined]
    s.page_width, s.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))  # type: ignore[attr-defined]
    s.top_margin, s.bottom_margin = Mm(margins["top"]), Mm(margins["bottom"])  # type: ignore[attr-defined]
    s.left_margin, s.right_margin = Mm(margins["left"]), Mm(margins["right"])  # type: ignore[attr-defined]
    s.header_distance = Mm(15)  # type: ignore[attr-defined]
    s.footer_distance = Mm(FOOTER_DISTANCE if not landscape else 12)  # type: ignore[attr-defined]
    sect = s._sectPr  # type: ignore[attr-defined]
    for grid in sect.xpath("w:docGrid"):
        sect.remove(grid)
    sect.append(parse_xml(f'<w:docGrid xmlns:w="{W_NS}" w:type="lines" w:linePitch="{LINE_PITCH}"/>'))


def _page_numbers(doc: WordDocument, section: object) -> None:
    """— 1 — in 4号 宋体: odd pages at the right, even pages at the left, one character in (GB/T 9704 7.5)."""
    doc.settings.odd_and_even_pages_header_footer = True
    for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):  # type: ignore[attr-defined]
        p = footer.paragraphs[0]._p
        p.getparent().replace(p, parse_xml(_page_number_paragraph(side)))


def _page_number_paragraph(side: str) -> str:
    field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText>'
             '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
             '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    indent = f'w:{side}="{CHAR}"'
    return (f'<w:p xmlns:w="{W_NS}"><w:pPr><w:pStyle w:val="NoticePageNumber"/><w:jc w:val="{side}"/>'
            f'<w:ind {indent}/></w:pPr><w:r><w:t xml:space="preserve">— </w:t></w:r>{field}'
            '<w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p>')


def _rfonts(east: str, latin: str = LATIN_FONT) -> str:
    return f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east}" w:cs="{latin}" w:hint="eastAsia"/>'


def _style(style_id: str, name: str, *, font: str, size: int, based: str = "Normal", jc: str | None = None,
           first_line: int | None = None, line: int | None = LINE_PITCH, outline: int | None = None,
           bold: bool = False, before: int = 0, after: int = 0, latin: str = LATIN_FONT, keep_next: bool = False,
           right: int | None = None) -> str:
    ppr = []
    if keep_next:
        ppr.append("<w:keepNext/>")
    if not line:  # tables and the page number: single spacing, not the body's 29 pt line grid
        ppr.append('<w:snapToGrid w:val="0"/>')
    spacing = f'w:before="{before}" w:after="{after}"'
    spacing += f' w:line="{line}" w:lineRule="exact"' if line else ' w:line="240" w:lineRule="auto"'
    ppr.append(f"<w:spacing {spacing}/>")
    ind = []
    if first_line is not None:
        ind.append(f'w:firstLine="{first_line}"' if first_line else 'w:firstLine="0"')
    if right is not None:
        ind.append(f'w:right="{right}"')
    if ind:
        ppr.append(f"<w:ind {' '.join(ind)}/>")
    if jc:
        ppr.append(f'<w:jc w:val="{jc}"/>')
    if outline is not None:
        ppr.append(f'<w:outlineLvl w:val="{outline}"/>')
    rpr = _rfonts(font, latin) + ("<w:b/><w:bCs/>" if bold else "") + f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    return (f'<w:style xmlns:w="{W_NS}" w:type="paragraph" w:customStyle="1" w:styleId="{style_id}">'
            f'<w:name w:val="{name}"/><w:basedOn w:val="{based}"/><w:qFormat/>'
            f"<w:pPr>{''.join(ppr)}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>")


_STYLES = (
    _style("NoticeTitle", "通报标题", font=TITLE_FONT, size=SIZE_2, jc="center", first_line=0, line=700,
           after=LINE_PITCH, latin=TITLE_FONT),
    _style("NoticeAddressee", "主送机关", font=BODY_FONT, size=SIZE_3, first_line=0),
    _style("NoticeH1", "一级标题", font=HEADING1_FONT, size=SIZE_3, outline=0, keep_next=True),
    _style("NoticeH2", "二级标题", font=HEADING2_FONT, size=SIZE_3, outline=1, keep_next=True),
    _style("NoticeAnnexNote", "附件说明", font=BODY_FONT, size=SIZE_3),
    _style("NoticeSign", "落款", font=BODY_FONT, size=SIZE_3, jc="right", first_line=0, right=4 * CHAR),
    _style("Cell", "表格文字", font=BODY_FONT, size=SIZE_S4, jc="center", first_line=0, line=None, before=30, after=30),
    _style("CellL", "表格文字（左）", font=BODY_FONT, size=SIZE_S4, jc="left", first_line=0, line=None, before=30, after=30,
           based="Cell"),
    _style("Head", "表头", font=HEADING1_FONT, size=SIZE_S4, jc="center", first_line=0, line=None, before=30, after=30),
    _style("HeadL", "表头（左）", font=HEADING1_FONT, size=SIZE_S4, jc="left", first_line=0, line=None, before=30, after=30),
    _style("CellS", "附表文字", font=BODY_FONT, size=SIZE_5, jc="center", first_line=0, line=None, before=30, after=30),
    _style("CellSL", "附表文字（左）", font=BODY_FONT, size=SIZE_5, jc="both", first_line=0, line=None, before=30, after=30),
    _style("HeadS", "附表表头", font=HEADING1_FONT, size=SIZE_5, jc="center", first_line=0, line=None, before=30, after=30),
    _style("HeadSL", "附表表头（左）", font=HEADING1_FONT, size=SIZE_5, jc="left", first_line=0, line=None, before=30, after=30),
    _style("NoticeAfterTable", "表后空行", font=BODY_FONT, size=SIZE_5, first_line=0, line=None),
    _style("NoticeAnnexMark", "附件标识", font=HEADING1_FONT, size=SIZE_3, first_line=0),
    _style("NoticeAnnexTitle", "附件标题", font=TITLE_FONT, size=SIZE_2, jc="center", first_line=0, line=700,
           latin=TITLE_FONT),
    _style("NoticeAnnexDate", "附件日期", font=HEADING2_FONT, size=SIZE_3, jc="center", first_line=0,
           after=200),
    _style("NoticePageNumber", "页码", font=PAGE_NUMBER_FONT, size=SIZE_4, first_line=0, line=None,
           latin=PAGE_NUMBER_FONT),
)


def _fonts_and_styles(doc: WordDocument) -> None:
    """Body defaults (3号 仿宋, 29 pt lines, two-character first-line indent), the styles above, fallbacks."""
    styles = doc.styles.element
    defaults = styles.find(f"{{{W_NS}}}docDefaults")
    if defaults is not None:
        styles.remove(defaults)
    styles.insert(0, parse_xml(
        f'<w:docDefaults xmlns:w="{W_NS}"><w:rPrDefault><w:rPr>{_rfonts(BODY_FONT)}'
        f'<w:sz w:val="{SIZE_3}"/><w:szCs w:val="{SIZE_3}"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
        '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr>'
        "</w:pPrDefault></w:docDefaults>"))
    normal = styles.xpath('w:style[@w:styleId="Normal"]')[0]
    for child in list(normal):
        if child.tag in (f"{{{W_NS}}}pPr", f"{{{W_NS}}}rPr"):
            normal.remove(child)
    normal.append(parse_xml(
        f'<w:pPr xmlns:w="{W_NS}"><w:spacing w:before="0" w:after="0" w:line="{LINE_PITCH}" w:lineRule="exact"/>'
        f'<w:ind w:firstLineChars="200" w:firstLine="{2 * CHAR}"/><w:jc w:val="both"/></w:pPr>'))
    normal.append(parse_xml(f'<w:rPr xmlns:w="{W_NS}">{_rfonts(BODY_FONT)}<w:sz w:val="{SIZE_3}"/>'
                            f'<w:szCs w:val="{SIZE_3}"/></w:rPr>'))
    for xml in _STYLES:
        styles.append(parse_xml(xml))
    _font_table(doc)
    _east_asian_theme(doc)


def _font_table(doc: WordDocument) -> None:
    """Name a substitute for each Chinese font in word/fontTable.xml (w:altName), with the GB2312 charset."""
    part = next(p for p in doc.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml")
    fonts = parse_xml(part.blob)
    for name, alt in FALLBACKS.items():
        family, pitch = _FONT_TABLE[name]
        fonts.append(parse_xml(
            f'<w:font xmlns:w="{W_NS}" w:name="{name}"><w:altName w:val="{alt}"/><w:charset w:val="86"/>'
            f'<w:family w:val="{family}"/><w:pitch w:val="{pitch}"/></w:font>'))
    part._blob = etree.tostring(fonts, xml_declaration=True, encoding="UTF-8", standalone=True)


def _east_asian_theme(doc: WordDocument) -> None:
    """The template says its east-Asian language is Japanese; Word then picks Japanese glyph forms."""
    for lang in doc.settings.element.xpath("w:themeFontLang"):
        lang.set(f"{{{W_NS}}}eastAsia", "zh-CN")
