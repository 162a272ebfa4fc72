"""Read a report file (.txt in any common encoding, or .docx) into normalised paragraphs."""

from __future__ import annotations

import codecs
import hashlib
import re
import zipfile
from pathlib import Path

from desktop.core.errors import ReportReadError
from desktop.core.os_words import os_words
from desktop.core.task_tables import Cell, read_task_table, tab_separated
from desktop.core.types import ReportDocument, TaskTable

TEXT_SUFFIXES = (".txt", ".text")
DOCX_SUFFIXES = (".docx",)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + DOCX_SUFFIXES
MAX_BYTES = 64 * 1024 * 1024

_BOMS = (  # UTF-32 first: its little-endian BOM begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# NBSP, full-width and other odd spaces become plain spaces; zero-width marks disappear.
_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t]+")
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")
# Control characters other than line breaks and tabs, and the replacement character: a file with many is binary.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffd]")
_TAB_ROW = re.compile(r"\S\t+\S|\S\t+$")  # a tab between cells (an indent is not one)
_LINE_BREAKS = re.compile("\r\n|[\r\n\u2028\u2029\x0b\x0c\x85]")


def read_report(path: str | Path) -> ReportDocument:
    """Read a .txt or .docx report; raise ReportReadError with a Chinese message when it cannot."""
    path = Path(path)
    name = path.name
    suffix = path.suffix.lower()
    if suffix in (".doc", ".wps", ".pdf", ".rtf"):
        raise ReportReadError(str(path), f"{name}：暂不支持 {suffix} 文件。请在 Word 或 WPS 中“另存为” .docx 或 .txt 后再导入。")
    if suffix not in SUPPORTED_SUFFIXES:
        raise ReportReadError(str(path), f"{name}：不支持的文件类型“{suffix or '无扩展名'}”。请导入 .docx 或 .txt 文件。")
    try:
        if not path.exists() and not path.is_symlink():  # a symlink loop is there, but unreadable
            raise ReportReadError(str(path), f"找不到文件：{path}。请检查路径是否正确。")
        if path.is_dir():
            raise ReportReadError(str(path), f"{path} 是文件夹，不是文件。请选择一份报告文件。")
        if path.stat().st_size > MAX_BYTES:
            raise ReportReadError(str(path), f"{name}：文件超过 64 MB，不像是一份工作报告。请检查是否选错了文件。")
        data = path.read_bytes()
    except OSError as exc:
        raise ReportReadError(str(path), f"{name}：无法读取文件（{os_words(exc)}）。请检查文件路径和权限，或关闭正在使用它的程序后重试。") from exc
    return read_report_bytes(data, name)


def read_report_bytes(data: bytes, name: str) -> ReportDocument:
    """Decode report bytes whose type is given by `name`'s extension."""
    if not data.strip():
        raise ReportReadError(name, f"{name}：文件是空的。请确认选择了正确的报告文件。")
    digest = hashlib.sha256(data).hexdigest()
    if name.lower().endswith(DOCX_SUFFIXES):
        paragraphs, tables = _docx_paragraphs(data, name)
        leads: list[str] = []
        encoding = "docx"
    else:
        text, encoding = decode_text(data, name)
        paragraphs, leads, tables = _lines_and_tables(text)
    if not paragraphs:
        raise ReportReadError(name, f"{name}：文件里没有文字。请确认选择了正确的报告文件。")
    return ReportDocument(source=name, paragraphs=tuple(paragraphs), sha256=digest, encoding=encoding,
                          leads=tuple(leads), tables=tuple(tables))


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode text bytes: BOM, then strict UTF-8, UTF-16 by its zero bytes, GB18030, then detection."""
    encoding: str | None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_try_decode(data, encoding), encoding, name)
    text = _try_decode(data, "utf-8")
    if text is not None:
        return _checked(text, "utf-8", name)
    if b"\x00" in data:
        encoding = _utf16_by_zeros(data)
        if encoding:
            return _checked(_try_decode(data, encoding), encoding, name)
        raise _binary(name)
    text = _try_decode(data, "gb18030")
    if text is not None:
        return _checked(text, "gb18030", name)
    from charset_normalizer import from_bytes  # only for the rare files none of the above fit

    best = from_bytes(data).best()
    if best is None:
        raise ReportReadError(name, f"{name}：无法识别文件的文字编码。请在记事本或 WPS 中另存为 UTF-8 编码后再导入。")
    return _checked(str(best), best.encoding, name)


def split_paragraphs(text: str) -> list[str]:
    """Split into non-empty paragraphs with odd spaces and invisible marks normalised."""
    return split_lines(text)[0]


def split_lines(text: str) -> tuple[list[str], list[str]]:
    """Non-empty normalised paragraphs, and the blanks each one was indented with."""
    out, leads = [], []
    for line in _LINE_BREAKS.split(text):
        cleaned = normalise(line)
        if cleaned:
            out.append(cleaned)
            leads.append(line[:len(line) - len(line.lstrip())])
    return out, leads

def _lines_and_tables(text: str) -> tuple[list[str], list[str], list[TaskTable]]:
    """`split_lines`, with a task table pasted from Word (tab-separated rows) read as one line per task."""
    if "\t" not in text:
        return (*split_lines(text), [])
    raw = _LINE_BREAKS.split(text)
    out: list[str] = []
    leads: list[str] = []
    tables: list[TaskTable] = []
    k = 0
    while k < len(raw):
        stop, quotes = k, 0
        while stop < len(raw) and _TAB_ROW.search(raw[stop]):
            quotes += raw[stop].count('"')
            stop += 1
            # a quoted cell of several paragraphs runs over lines without tabs: take them while a quote is open
            while quotes % 2 and stop < len(raw) and not _TAB_ROW.search(raw[stop]):
                quotes += raw[stop].count('"')
                stop += 1
        table = tab_separated("\n".join(raw[k:stop]), normalise) if stop - k >= 2 else None
        if table is not None:
            tables.append(table)
            out.extend(table.lines)
            leads.extend("" for _ in table.lines)
        else:
            for line in raw[k:max(stop, k + 1)]:
                lines, blanks = split_lines(line)
                out.extend(lines)
                leads.extend(blanks)
        k = max(stop, k + 1)
    return out, leads, tables


def normalise(line: str) -> str:
    """One paragraph with NBSP/U+3000/tabs as single spaces and no leading or trailing blanks."""
    line = _INVISIBLE.sub("", line)
    return _SPACES.sub(" ", line).strip(" ")


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _utf16_by_zeros(data: bytes) -> str | None:
    """UTF-16 without a BOM: the byte order whose decoding reads as Chinese text wins."""
    best, best_share = None, 0.0
    for encoding in ("utf-16-le", "utf-16-be"):
        text = _try_decode(data[: len(data) - len(data) % 2], encoding)
        if text:
            share = sum(1 for ch in text if _plausible(ch)) / len(text)
            if share > best_share:
                best, best_share = encoding, share
    return best if best_share >= 0.9 else None


def _plausible(ch: str) -> bool:
    code = ord(ch)
    return (0x4E00 <= code <= 0x9FFF or 0x20 <= code < 0x7F or ch in "\r\n\t"
            or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF or 0x2000 <= code <= 0x206F
            or code in (0xA0, 0xB7))


def _checked(text: str | None, encoding: str, name: str) -> tuple[str, str]:
    if text is None:
        raise ReportReadError(name, f"{name}：文件开头标明是 {encoding} 编码，但内容无法按此解码，文件可能已损坏。")
    controls = len(_CONTROLS.findall(text))
    if controls > max(2, len(text) // 200):
        raise _binary(name)
    return text, encoding


def _binary(name: str) -> ReportReadError:
    return ReportReadError(name, f"{name}：这不是文本文件（内容像是二进制数据）。请导入 .docx 或 .txt 格式的报告。")


def _docx_paragraphs(data: bytes, name: str) -> tuple[list[str], list[TaskTable]]:
    import io

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    from desktop.core.docx_numbering import NumberingRenderer

    from desktop.core.zip_limits import DOCX_LIMITS, ZipLimitError, check_zip

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ReportReadError(name, f"{name}：文件扩展名是 .docx，但内容不是 Word 文档（可能已损坏，或是改了扩展名的 .doc 文件）。请用 Word 或 WPS 打开后另存为 .docx。")
    try:
        check_zip(io.BytesIO(data), DOCX_LIMITS)  # before python-docx unpacks and parses every part
    except ZipLimitError as exc:
        raise ReportReadError(name, f"{name}：文档中的“{exc.part or '部件'}”{exc.why}，不像是一份工作报告"
                                    "（可能是损坏或恶意构造的文件），没有读取。请用 Word 或 WPS 打开确认后另存再试。") from exc
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ReportReadError(name, f"{name}：这是一个压缩包，但不是 Word 文档。请确认选择了 .docx 格式的报告。") from exc
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, OSError) as exc:
        raise ReportReadError(name, f"{name}：这是一个压缩包，但不是 Word 文档。请确认选择了 .docx 格式的报告。") from exc
    except Exception as exc:  # lxml and python-docx raise many kinds on damaged parts
        raise ReportReadError(name, f"{name}：Word 文档已损坏，无法读取（{type(exc).__name__}）。请用 Word 或 WPS 打开并另存后再试。") from exc
    numbering = NumberingRenderer(document)
    try:
        return _docx_blocks(document, numbering)
    except Exception as exc:  # a malformed part deep in the XML
        raise ReportReadError(name, f"{name}：Word 文档内容有损坏，无法读取（{type(exc).__name__}）。请用 Word 或 WPS 打开并另存后再试。") from exc


def _docx_blocks(document, numbering) -> tuple[list[str], list[TaskTable]]:  # type: ignore[no-untyped-def]
    """The body's paragraphs in reading order, including those inside tables (each merged cell once);
    a table that is a plan's task list reads as one paragraph per task and is kept whole as well."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    from desktop.core.docx_text import list_titles, paragraph_text, text_box_paragraphs

    def lines(paragraph: Paragraph) -> list[str]:
        label = numbering.label(paragraph)
        found = split_paragraphs(paragraph_text(paragraph._p))
        if label and found:
            found[0] = label[0] + found[0]
        return found

    def boxed(paragraph: Paragraph) -> list[str]:  # what the text boxes anchored in it hold, after its own text
        return [line for inner in text_box_paragraphs(paragraph._p) for line in lines(Paragraph(inner, paragraph._parent))]

    body = list(document.iter_inner_content())
    titled = list_titles(body, numbering)
    out: list[str] = []
    tables: list[TaskTable] = []
    for block in body:
        if isinstance(block, Paragraph):
            found = lines(block)
            if found and id(block) in titled:
                found[0] = titled[id(block)] + found[0]
            out.extend(found)
            out.extend(boxed(block))
        elif isinstance(block, Table):
            # The cell elements themselves, not their id(): a merged cell is the same element in every row
            # it spans, while the id of a proxy lxml has freed is soon given to the next cell's
            grid = [[Cell(cell._tc, tuple(line for p in cell.paragraphs for line in lines(p))) for cell in row.cells]
                    for row in block.rows]
            table = read_task_table(grid)
            if table is not None:
                tables.append(table)
                out.extend(table.lines)
                continue
            seen = set()
            for row in grid:
                for cell in row:
                    if cell.key not in seen:
                        seen.add(cell.key)
                        out.extend(cell.paragraphs)
    return out, tables
