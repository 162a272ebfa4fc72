"""Decompression bombs: small .docx and .xlsx files whose parts unpack to hundreds of megabytes.

Built the way an attacker would: valid zip files with honest sizes in the central directory, so
that a reader without limits unpacks everything.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

_MB = 1024 * 1024

_DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '</Types>'
)
_DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _repeat(head: bytes, unit: bytes, tail: bytes, size: int) -> Iterator[bytes]:
    """`head`, then `unit` repeated to about `size` bytes in 1 MB chunks, then `tail`."""
    yield head
    chunk = unit * max(1, _MB // len(unit))
    written = 0
    while written < size:
        yield chunk
        written += len(chunk)
    yield tail


def write_zip(path: Path, parts: Iterable[tuple[str, Iterable[bytes] | bytes]], *, level: int = 9) -> Path:
    """A zip file of the given parts, each streamed in (deflated, zip64 where needed)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        for name, data in parts:
            with archive.open(name, "w", force_zip64=True) as out:
                for chunk in ([data] if isinstance(data, bytes) else data):
                    out.write(chunk)
    return path


def docx_bomb(path: Path, unpacked_mb: int) -> Path:
    """A .docx whose document.xml unpacks to `unpacked_mb` MB of one repeated paragraph."""
    head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}"><w:body>'.encode()
    paragraph = "<w:p><w:r><w:t>一、下一步工作打算。</w:t></w:r></w:p>".encode()
    return write_zip(path, [
        ("[Content_Types].xml", _DOCX_TYPES.encode()),
        ("_rels/.rels", _DOCX_RELS.encode()),
        ("word/document.xml", _repeat(head, paragraph, b"</w:body></w:document>", unpacked_mb * _MB)),
    ])


def xlsx_with(path: Path, ledger: Path, replace: dict[str, Iterable[bytes] | bytes],
              extra_types: str = "") -> Path:
    """A copy of an exported ledger with some parts replaced or added (and content types extended)."""
    with zipfile.ZipFile(ledger) as src:
        parts: list[tuple[str, Iterable[bytes] | bytes]] = []
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "[Content_Types].xml" and extra_types:
                data = data.replace(b"</Types>", extra_types.encode() + b"</Types>")
            parts.append((info.filename, replace.pop(info.filename, data)))
        parts.extend(replace.items())
    return write_zip(path, parts)


def shared_strings_bomb(path: Path, ledger: Path, unpacked_mb: int) -> Path:
    """The issue's bomb: a ledger with a shared-strings table that unpacks to `unpacked_mb` MB."""
    head = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
    return xlsx_with(path, ledger, {"xl/sharedStrings.xml": _repeat(head, b"<si><t>x</t></si>", b"</sst>",
                                                                    unpacked_mb * _MB)},
                     extra_types='<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                 'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')


def sheet_bomb(path: Path, ledger: Path, unpacked_mb: int) -> Path:
    """A ledger whose first worksheet unpacks to `unpacked_mb` MB of identical rows."""
    head = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
    row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>'
    return xlsx_with(path, ledger, {"xl/worksheets/sheet1.xml": _repeat(head, row, b"</sheetData></worksheet>",
                                                                        unpacked_mb * _MB)})


def far_row_sheet(path: Path, ledger: Path) -> Path:
    """A tiny ledger whose sheet names row 999,999,999 and column XFD: a reader filling the gap never ends."""
    with zipfile.ZipFile(ledger) as src:
        sheet = src.read("xl/worksheets/sheet1.xml")
    far = b'<row r="999999999"><c r="XFD999999999" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    sheet = sheet.replace(b"</sheetData>", far, 1)
    sheet = re.sub(rb"<dimension [^>]*/>", b"", sheet)  # without it the reader cannot know where rows end
    return xlsx_with(path, ledger, {"xl/worksheets/sheet1.xml": sheet})
