"""Zip limits: what a .docx or .xlsx may unpack to before python-docx or openpyxl is handed it."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pytest

from desktop.core.zip_limits import DOCX_LIMITS, XLSX_LIMITS, ZipLimitError, ZipLimits, check_zip, count_entries
from tests.faults.bombs import docx_bomb, write_zip


def test_entries_are_counted_exactly_across_chunk_boundaries(tmp_path: Path) -> None:
    rng = random.Random(7)
    units = [b"<si><t>%d</t></si>" % rng.randrange(10**6) if n % 3 else b'<x:si xml:space="p"><x:t>a</x:t></x:si>'
             for n in range(200_000)]
    path = write_zip(tmp_path / "s.zip", [("xl/sharedStrings.xml", [b"<sst>", *units, b"</sst>"])])
    with zipfile.ZipFile(path) as archive:
        assert count_entries(archive, "xl/sharedStrings.xml", b"si") == 200_000
        assert count_entries(archive, "xl/sharedStrings.xml", b"sst") == 1


def test_a_shared_strings_table_with_too_many_entries_is_refused(tmp_path: Path) -> None:
    # random numbers pack about 3x: neither the size nor the ratio gives this one away, the count does
    rng = random.Random(1)
    strings = [b"<si><t>%d</t></si>" % rng.randrange(10**9) for _ in range(XLSX_LIMITS.strings + 10)]
    path = write_zip(tmp_path / "b.xlsx", [("xl/sharedStrings.xml", [b"<sst>", b"".join(strings), b"</sst>"])],
                     level=1)
    with pytest.raises(ZipLimitError) as info:
        check_zip(path, XLSX_LIMITS)
    assert info.value.part == "xl/sharedStrings.xml" and "文字条目" in info.value.why


def test_sizes_ratios_and_counts(tmp_path: Path) -> None:
    limits = ZipLimits(xml_bytes=1000, member_bytes=5000, total_bytes=8000, members=3, ratio=10, ratio_from=100)
    cases = {
        "xml": [("a.xml", b"x" * 1001)],
        "member": [("a.png", bytes(range(256)) * 20)],
        "total": [("a.png", bytes(range(256)) * 19), ("b.png", bytes(range(256)) * 19)],
        "members": [(f"{n}.png", b"") for n in range(4)],
        "ratio": [("a.png", b"\0" * 4000)],
    }
    for what, parts in cases.items():
        with pytest.raises(ZipLimitError):
            check_zip(write_zip(tmp_path / f"{what}.zip", parts), limits)
    check_zip(write_zip(tmp_path / "ok.zip", [("a.xml", bytes(range(256)) * 3)]), limits)


def test_a_docx_bomb_is_refused_by_its_declared_size(tmp_path: Path) -> None:
    with pytest.raises(ZipLimitError) as info:
        check_zip(docx_bomb(tmp_path / "b.docx", unpacked_mb=40), DOCX_LIMITS)
    assert info.value.part == "word/document.xml"


def test_a_real_ledger_of_fifty_thousand_rows_fits(tmp_path: Path) -> None:
    # the exporter's own biggest case must pass: 52 MB of worksheet at about 12x
    row = "".join(f'<c r="{c}1" t="inlineStr"><is><t>分层分类举办培训班{c}</t></is></c>' for c in "ABCDEFGHIJKLMNO")
    rng = random.Random(3)
    rows = [f'<row r="{n}">{row}<c r="P{n}"><v>{rng.random()}</v></c></row>'.encode() for n in range(60_000)]
    path = write_zip(tmp_path / "ok.xlsx", [("xl/worksheets/sheet1.xml", [b"<worksheet><sheetData>", *rows,
                                                                           b"</sheetData></worksheet>"])], level=6)
    check_zip(path, XLSX_LIMITS)
