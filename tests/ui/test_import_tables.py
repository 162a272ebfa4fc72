"""The preview of a plan typed as a Word table shows each task's unit and keeps it through the clerk's edits."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.services.parser_pool import parse_files
from desktop.ui.dialogs.import_preview import ImportPreviewDialog
from tests.core.test_task_tables import _plan_docx
from tests.ui.conftest import SEEDS


def test_the_unit_column_shows_for_a_task_table_and_survives_a_split(qtbot, tmp_path, qtmodeltester) -> None:
    parsed = parse_files([str(_plan_docx(tmp_path / "任务表.docx")), str(SEEDS[0])])
    dlg = ImportPreviewDialog(parsed)
    qtbot.addWidget(dlg)
    dlg.show_file(0)
    m = dlg.model
    qtmodeltester.check(m)
    assert not dlg.tree.isColumnHidden(3)
    assert m.headerData(3, Qt.Orientation.Horizontal) == "牵头单位"
    assert [m.index(r, 3).data() for r in range(m.rowCount())] == ["党政办", "", "应急办"]
    assert m.index(0, 3).data(Qt.ItemDataRole.ToolTipRole) == "党政办"
    environment = m.index(1, 0)
    assert [m.index(r, 3, environment).data() for r in range(m.rowCount(environment))] == ["农业办", "城建办"]
    m.split(m.index(0, 0), ["提升为民服务水平。", "推行延时服务。"])
    assert [m.index(r, 3).data() for r in range(m.rowCount())] == ["党政办", "党政办", "", "应急办"]
    plan = dlg.confirmed_plans()[0].plan
    assert [i.duty.lead_unit for i in plan.items] == ["党政办", "党政办", "", "应急办"]
    assert plan.items[0].duty.owner == "王**"
    dlg.show_file(1)  # a report in prose names no units: no empty column
    assert dlg.tree.isColumnHidden(3)
