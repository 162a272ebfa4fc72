"""Limits on what a .docx or .xlsx (both zip files) may unpack to, checked before any library reads it.

A few hundred kilobytes of zip can unpack to gigabytes ("decompression bombs"); python-docx and
openpyxl would read them whole. Python's zipfile never returns more than the size a member declares
in the central directory (it stops there and fails the CRC check), so checking the declared sizes
bounds what the libraries can be handed. The shared-strings table of a workbook is kept in memory as
a whole by openpyxl, so its entries are also counted, streaming, before it is loaded.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

_MB = 1024 * 1024
_CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class ZipLimits:
    """How big a document's parts may be once unpacked."""

    xml_bytes: int  # one XML part (parsed into memory by the libraries)
    member_bytes: int  # any other part (images and the like, kept as bytes)
    total_bytes: int  # all parts together
    members: int  # number of parts
    ratio: float = 100.0  # unpacked / packed for parts over `ratio_from` bytes: text XML packs 5-15x
    ratio_from: int = 4 * _MB
    big_xml: tuple[str, ...] = ()  # parts allowed `big_xml_bytes` (worksheets: streamed, not held whole)
    big_xml_bytes: int = 0
    strings: int = 0  # most entries in xl/sharedStrings.xml (0: not counted)


DOCX_LIMITS = ZipLimits(xml_bytes=32 * _MB, member_bytes=64 * _MB, total_bytes=256 * _MB, members=5000)
# A 50,000-measure ledger has a 52 MB worksheet; Excel's copy of it ~25 MB of strings in ~300,000 entries.
XLSX_LIMITS = ZipLimits(xml_bytes=64 * _MB, member_bytes=64 * _MB, total_bytes=512 * _MB, members=5000,
                        big_xml=("xl/worksheets/",), big_xml_bytes=256 * _MB, strings=1_000_000)


class ZipLimitError(Exception):
    """A part would unpack past a limit; `part` names it and `why` says which limit (Chinese)."""

    def __init__(self, part: str, why: str) -> None:
        super().__init__(f"{part}: {why}")
        self.part = part
        self.why = why


def check_zip(source: str | Path | IO[bytes], limits: ZipLimits) -> None:
    """Raise ZipLimitError when a part of the zip would unpack past `limits` (zipfile errors pass through)."""
    with zipfile.ZipFile(source) as archive:
        infos = archive.infolist()
        if len(infos) > limits.members:
            raise ZipLimitError("", f"包含 {len(infos)} 个部件，超过 {limits.members} 个")
        total = 0
        for info in infos:
            name, size = info.filename, info.file_size
            if size > _allowed(name, limits):
                raise ZipLimitError(name, f"解压后 {size // _MB} MB，超过 {_allowed(name, limits) // _MB} MB")
            total += size
            if total > limits.total_bytes:
                raise ZipLimitError(name, f"连同其他部件解压后超过 {limits.total_bytes // _MB} MB")
            if size > limits.ratio_from and size > limits.ratio * max(info.compress_size, 1):
                raise ZipLimitError(name, f"压缩比 {size // max(info.compress_size, 1)} 倍，不像正常文档")
        if limits.strings:
            for info in infos:
                if info.filename.lower().endswith("sharedstrings.xml"):
                    if count_entries(archive, info.filename, b"si", stop_after=limits.strings) > limits.strings:
                        raise ZipLimitError(info.filename, f"包含超过 {limits.strings} 个文字条目")


def _allowed(name: str, limits: ZipLimits) -> int:
    if name.endswith((".xml", ".rels")):
        if limits.big_xml and name.startswith(limits.big_xml):
            return limits.big_xml_bytes
        return limits.xml_bytes
    return limits.member_bytes


def count_entries(archive: zipfile.ZipFile, name: str, tag: bytes, *, stop_after: int = 10_000_000) -> int:
    """How many `<tag …>` elements (with any namespace prefix) a part holds, read in chunks."""
    pattern = re.compile(rb"<(?:[\w.-]+:)?" + re.escape(tag) + rb"[\s>/]")
    keep = 64  # a tag split across two chunks is found in the next one
    count = 0
    tail = b""
    with archive.open(name) as part:
        while count <= stop_after:
            data = part.read(_CHUNK)
            if not data:
                break
            block = tail + data
            limit = len(block) - keep
            count += sum(1 for m in pattern.finditer(block) if m.start() < limit)
            tail = block[max(limit, 0):]
        count += len(pattern.findall(tail))
    return count
