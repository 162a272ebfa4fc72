"""Merge preview (issue 16 item 7): each conflict is taken or kept row by row, and the result line counts what
the preview counted."""

from __future__ import annotations

from desktop.services.export import export_ledger
from desktop.ui.dialogs.merge_preview import MergePreviewDialog
from desktop.ui.export_actions import merge_ledger
from tests.services.test_merge import Sheet


def _measures(window):  # noqa: ANN001, ANN202
    return [r for r in window.item_model.loaded_rows() if r.is_measure and r.parent_id is not None]


def test_conflicts_are_chosen_per_row_and_the_result_counts_as_the_preview(qtbot, window, seeded, tmp_path,
                                                                           monkeypatch) -> None:  # noqa: ANN001
    m = _measures(window)
    path = export_ledger(seeded, tmp_path / "组织科回报.xlsx", report_ids=[m[0].report_id]).path
    for row, note in ((m[0], "程序中甲"), (m[1], "程序中乙")):  # edited in the app after the export
        seeded.update_item(row.id, {"note": note}, expected_version=row.version, who="clerk")
    sheet = Sheet(path)
    sheet.set(m[0].uuid, "进展情况", "单位甲")  # conflict, the clerk takes the file's
    sheet.set(m[1].uuid, "进展情况", "单位乙")  # conflict, the clerk keeps the app's
    sheet.set(m[2].uuid, "完成状态", "已完成")  # two changes of one row
    sheet.set(m[2].uuid, "责任人", "王**")
    sheet.set(m[3].uuid, "进展情况", "单位：已召开推进会")
    sheet.save()

    seen: dict[str, str] = {}

    def ask(cls, parent, preview):  # noqa: ANN001, ANN202
        dlg = MergePreviewDialog(preview, parent)
        qtbot.addWidget(dlg)
        model = dlg.model
        conflicts = [r for r in range(model.rowCount()) if model.is_conflict(r)]
        assert len(conflicts) == 2 and all(c not in preview.conflicts for c in model.chosen())  # conflicts start unticked
        seen["before"] = dlg.count_label.text()
        first = next(r for r in conflicts if model.index(r, 5).data() == "单位甲")
        model.take(first, True)
        seen["after"] = dlg.count_label.text()
        dlg.take_all.click()
        assert len(model.chosen()) == 5
        dlg.keep_all.click()
        model.take(first, True)
        return dlg.chosen()

    monkeypatch.setattr(MergePreviewDialog, "ask", classmethod(ask))
    with qtbot.waitSignal(window.merge_finished, timeout=20000) as blocker:
        merge_ledger(window, str(path))
    assert blocker.args[0] == 3  # rows written
    assert seen["before"] == "将写入 3 处修改（2 条任务或措施）"
    assert seen["after"] == "将写入 4 处修改（3 条任务或措施）"
    assert window.statusBar().currentMessage() == "已合并 4 处修改（3 条任务或措施）"
    assert seeded.get_item(m[0].id).note == "单位甲"
    assert seeded.get_item(m[1].id).note == "程序中乙"
    assert seeded.get_item(m[2].id).owner == "王**" and seeded.get_item(m[3].id).note == "单位：已召开推进会"


def test_nothing_ticked_cannot_be_merged(qtbot, window, seeded, tmp_path) -> None:  # noqa: ANN001
    from desktop.services.merge import preview_merge

    m = _measures(window)
    path = export_ledger(seeded, tmp_path / "台账.xlsx", report_ids=[m[0].report_id]).path
    sheet = Sheet(path)
    sheet.set(m[0].uuid, "进展情况", "单位甲")
    sheet.save()
    dlg = MergePreviewDialog(preview_merge(seeded, path), window)
    qtbot.addWidget(dlg)
    assert dlg.ok.isEnabled()
    dlg.model.take(0, False)
    assert not dlg.ok.isEnabled() and "0 处修改" in dlg.count_label.text()
