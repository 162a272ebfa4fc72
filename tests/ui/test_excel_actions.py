"""Export (Ctrl+E) and merge-back run as jobs from the window and reach the file and the store."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel

from desktop.ui.dialogs.export_dialog import ExportDialog
from desktop.ui.dialogs.merge_preview import MergePreviewDialog
from desktop.ui.export_actions import LedgerFiles, merge_ledger
from tests.ui.helpers import first_measure


def test_export_then_merge_back_a_units_note(qtbot, window, seeded, tmp_path, monkeypatch) -> None:
    out = tmp_path / "台账.xlsx"
    monkeypatch.setattr(LedgerFiles, "save_path", classmethod(lambda cls, parent, suggested: str(out)))
    monkeypatch.setattr(ExportDialog, "ask", classmethod(lambda cls, parent, choices, **kw: choices))  # the defaults
    assert window.act_export.shortcut().toString() == "Ctrl+E"
    with qtbot.waitSignal(window.export_finished, timeout=20000) as blocker:
        window.act_export.trigger()
    assert out.exists() and blocker.args[0].rows > 0

    import openpyxl

    m = first_measure(window)
    wb = openpyxl.load_workbook(out)
    done = False
    for ws in wb.worksheets:
        header_row = next((r for r in ws.iter_rows(min_row=1, max_row=6) if any(c.value == "进展情况" for c in r)), None)
        if header_row is None:
            continue
        note_col = next(c.column for c in header_row if c.value == "进展情况")
        for row in ws.iter_rows(min_row=header_row[0].row + 1):
            text = " ".join(str(c.value) for c in row if c.value)
            if m.title[:12] in text:
                ws.cell(row=row[0].row, column=note_col, value="单位填报：已完成调研")
                done = True
                break
        if done:
            break
    assert done, "the measure was not found in the exported ledger"
    filled = tmp_path / "回收.xlsx"
    wb.save(filled)
    seen: list[object] = []
    monkeypatch.setattr(MergePreviewDialog, "ask", classmethod(lambda cls, parent, preview: seen.append(preview) or list(preview.changes)))
    with qtbot.waitSignal(window.merge_finished, timeout=20000) as blocker:
        merge_ledger(window, str(filled))
    assert blocker.args[0] == 1
    assert seen and len(seen[0].changes) == 1
    assert seeded.get_item(m.id).note == "单位填报：已完成调研"
    assert Path(filled).exists()


def test_merge_preview_warns_before_a_closed_measure_is_set_back(qtbot, window, seeded, tmp_path,
                                                                 monkeypatch) -> None:
    import openpyxl

    from desktop.services.export import export_ledger
    from desktop.ui.dialogs.merge_preview import merge_warnings_label

    m = first_measure(window)
    version = seeded.set_status(m.id, "已完成", expected_version=m.version, who="t").after.version
    seeded.set_status(m.id, "已办结", expected_version=version, who="t")
    out = export_ledger(seeded, tmp_path / "台账.xlsx", one_sheet=True).path
    wb = openpyxl.load_workbook(out)
    ws = wb["工作台账"]
    head = [c.value for c in ws[3]]
    row = next(r for r in range(4, ws.max_row + 1) if ws.cell(r, head.index("标识（请勿修改）") + 1).value == m.uuid)
    ws.cell(row, head.index("完成状态") + 1).value = "推进中"
    wb.save(out)

    seen: list[object] = []
    monkeypatch.setattr(MergePreviewDialog, "ask", classmethod(lambda cls, parent, preview: seen.append(preview)))
    with qtbot.waitSignal(window.merge_finished, timeout=20000) as blocker:
        merge_ledger(window, str(out))  # the clerk looks at the preview and cancels
    assert blocker.args[0] is None
    assert seeded.get_item(m.id).status.value == "已办结"
    preview = seen[0]
    assert len(preview.warnings) == 1  # type: ignore[attr-defined]

    label = merge_warnings_label(preview)
    assert label is not None
    qtbot.addWidget(label)
    assert label.text().startswith("请核实：以下 1 处完成状态倒退")
    assert "已办结（督办部门已核实）的事项将被改为“推进中”" in label.text()
    dialog = MergePreviewDialog(preview, window)  # what the clerk sees before deciding
    qtbot.addWidget(dialog)
    shown = dialog.findChild(QLabel, "mergeWarnings")
    assert shown is not None and shown.text() == label.text()
    assert dialog.model.index(0, 0).data() == "！"  # the row the label lists is marked in the table
    assert dialog.model.index(0, 1).data() == preview.changes[0].number  # type: ignore[attr-defined]


def test_merge_warnings_label_only_when_needed_and_not_endless(qtbot) -> None:
    from types import SimpleNamespace

    from desktop.ui.dialogs.merge_preview import merge_warnings_label

    assert merge_warnings_label(SimpleNamespace(warnings=[])) is None
    label = merge_warnings_label(SimpleNamespace(warnings=[f"序号 {n}（<b>措施</b>）：…" for n in range(25)]))
    assert label is not None
    qtbot.addWidget(label)
    lines = label.text().splitlines()
    assert len(lines) == 22 and "另有 5 处" in lines[-1] and "<b>措施</b>" in lines[1]  # shown as typed
