"""LibreOffice opens the exported ledger without repair, prints it with Chinese text, and re-saves it readably.

Skipped where LibreOffice is not installed (CI does not install it; see docs/ledger-print.png for a render).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from desktop.core.ledger import read_ledger
from desktop.services.export import export_ledger

from tests.soffice import CALC, SOFFICE

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not CALC, reason="LibreOffice Calc is not installed")]


def convert(src: Path, fmt: str, out_dir: Path) -> Path:
    profile = out_dir / "lo-profile"  # a private profile, so a running LibreOffice does not interfere
    subprocess.run([str(SOFFICE), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt,
                    "--outdir", str(out_dir), str(src)], check=True, capture_output=True, timeout=300)
    result = out_dir / (src.stem + "." + fmt.split(":")[0])
    assert result.exists(), f"LibreOffice made no {fmt} from {src.name}"
    return result


def test_pdf_has_the_ledger_in_chinese(ledger_store: Any, tmp_path: Path) -> None:
    src = export_ledger(ledger_store, tmp_path / "ledger.xlsx", one_sheet=True).path
    pdf = convert(src, "pdf", tmp_path / "pdf")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    for word in ("工作任务推进台账", "具体措施", "完成状态", "存在问题/延期原因", "第 1 页", "完成情况统计"):
        assert word in text, word
    first = ledger_store.item_tree(ledger_store.list_reports()[0].id)[0]
    assert first.title[:8] in text.replace("\n", "").replace(" ", "")


def test_resaved_by_libreoffice_still_merges(ledger_store: Any, tmp_path: Path) -> None:
    src = export_ledger(ledger_store, tmp_path / "ledger.xlsx", one_sheet=True).path
    out_dir = tmp_path / "resaved"
    again = convert(src, "xlsx:Calc MS Excel 2007 XML", out_dir)
    result = read_ledger(again)
    assert result.problems == ()
    reports = sorted(ledger_store.list_reports(), key=lambda r: r.id)
    want = [i.uuid for r in reports for i in ledger_store.item_tree(r.id)]
    assert [r.uuid for r in result.rows] == want
