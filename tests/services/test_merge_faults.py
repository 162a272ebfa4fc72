"""Filled-in ledgers that cannot be read as they look: formulas, impossible dates, another database's sheet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from db.store import open_store
from desktop.core.ledger import LedgerReadError
from desktop.services.export import export_ledger
from desktop.services.merge import apply_merge, preview_merge
from tests.db.plans import make_plan
from tests.services.test_merge import Sheet, measures


@pytest.fixture
def exported(ledger_store: Any, tmp_path: Path) -> Path:
    return export_ledger(ledger_store, tmp_path / "组织科-台账.xlsx", one_sheet=True).path


def test_a_formula_without_a_cached_value_never_erases_a_note(ledger_store: Any, exported: Path) -> None:
    m = measures(ledger_store)
    ledger_store.update_item(m[0].id, {"note": "已召开推进会"}, expected_version=m[0].version, who="")
    exported = export_ledger(ledger_store, exported, one_sheet=True).path
    sheet = Sheet(exported)
    # openpyxl (like many programs that are not Excel) saves a formula without the value it computes
    sheet.set(m[0].uuid, "进展情况", '=CONCATENATE("已召开","推进会")')
    sheet.set(m[0].uuid, "责任人", "王**")
    sheet.set(m[1].uuid, "进展情况", "正常写入")
    sheet.save()
    preview = preview_merge(ledger_store, exported)
    assert [(c.uuid, c.field) for c in preview.changes] == [(m[1].uuid, "note")]
    assert any("公式" in p and "进展情况" in p for p in preview.problems)
    apply_merge(ledger_store, preview, who=exported.name)
    row = ledger_store.get_item(m[0].id)
    assert (row.note, row.owner) == ("已召开推进会", "")


@pytest.mark.parametrize("serial", [-5, 0, 3_000_000, 1e12])
def test_impossible_date_serials_are_refused_quietly(ledger_store: Any, exported: Path, serial: float) -> None:
    # pytest turns warnings into errors here: an English warning from openpyxl would fail the test
    m = measures(ledger_store)
    sheet = Sheet(exported)
    sheet.set(m[0].uuid, "完成时限", serial)
    sheet.ws.cell(sheet.row_of[m[0].uuid], sheet.col["完成时限"]).number_format = "yyyy-mm-dd"
    sheet.save()
    preview = preview_merge(ledger_store, exported)
    assert preview.is_empty
    assert len(preview.problems) == 1 and "完成时限" in preview.problems[0] and "未导入" in preview.problems[0]
    assert ledger_store.get_item(m[0].id).due == m[0].due


def test_a_ledger_from_another_database_is_said_once(ledger_store: Any, exported: Path, tmp_path: Path) -> None:
    with open_store(str(tmp_path / "other.db")) as other:
        other.import_plan(make_plan(items=10, measures=5), sha256="d" * 64, original_text="")
        with pytest.raises(LedgerReadError) as info:
            preview_merge(other, exported)
    text = str(info.value)
    assert "另一个数据库" in text and len(text.splitlines()) == 1
