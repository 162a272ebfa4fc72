"""A merge applied in the window is one undo step; the edits made before it stay undoable too."""

from __future__ import annotations

from pathlib import Path

from db.api import Status
from desktop.services.export import export_ledger
from desktop.ui.errors import Messages
from desktop.ui.dialogs.merge_preview import MergePreviewDialog
from desktop.ui.export_actions import merge_ledger
from tests.services.test_merge import Sheet
from tests.ui.helpers import idle


def _measures(window):  # noqa: ANN001, ANN202
    return [r for r in window.item_model.loaded_rows() if r.is_measure and r.parent_id is not None]


def _merge(qtbot, window, path: Path) -> object:  # noqa: ANN001
    with qtbot.waitSignal(window.merge_finished, timeout=20000) as blocker:
        merge_ledger(window, str(path))
    return blocker.args[0]


def _step(qtbot, window, how: str) -> object:  # noqa: ANN001
    with qtbot.waitSignal(window.merge_finished, timeout=20000) as blocker:
        getattr(window, how)()
    return blocker.args[0]


def _filled_ledger(store, tmp_path: Path, m: list) -> Path:  # noqa: ANN001
    path = export_ledger(store, tmp_path / "组织科回报.xlsx", report_ids=[m[0].report_id]).path
    sheet = Sheet(path)
    sheet.set(m[0].uuid, "进展情况", "单位：已召开推进会")
    sheet.set(m[1].uuid, "完成状态", "已完成")
    sheet.set(m[2].uuid, "责任人", "王**")
    sheet.save()
    return path


def test_a_merge_is_one_undo_step_and_earlier_edits_stay(qtbot, window, seeded, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(MergePreviewDialog, "ask", classmethod(lambda cls, parent, preview: list(preview.changes)))
    m = _measures(window)
    assert window.request_changes(m[3].id, {"note": "本窗口先改的"}, "修改进展情况")
    idle(qtbot, window)
    path = _filled_ledger(seeded, tmp_path, m)
    assert _merge(qtbot, window, path) == 3
    assert window.undo_stack.count() == 2 and "组织科回报.xlsx" in window.undo_stack.undoText()
    assert seeded.get_item(m[1].id).status is Status.DONE

    assert _step(qtbot, window, "undo") == 3
    rows = [seeded.get_item(r.id) for r in m[:4]]
    assert (rows[0].note, rows[1].status, rows[1].completed_at, rows[2].owner) == (m[0].note, m[1].status, None, m[2].owner)
    assert rows[3].note == "本窗口先改的"
    window.undo()  # the clerk's own edit before the merge is still on the stack
    idle(qtbot, window)
    assert seeded.get_item(m[3].id).note == m[3].note

    window.redo()
    idle(qtbot, window)
    assert _step(qtbot, window, "redo") == 3
    rows = [seeded.get_item(r.id) for r in m[:4]]
    assert (rows[0].note, rows[1].status, rows[2].owner, rows[3].note) == (
        "单位：已召开推进会", Status.DONE, "王**", "本窗口先改的")


def test_undoing_a_merge_leaves_rows_someone_changed_since(qtbot, window, seeded, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    from db.store import open_store

    monkeypatch.setattr(MergePreviewDialog, "ask", classmethod(lambda cls, parent, preview: list(preview.changes)))
    warned: list[str] = []
    monkeypatch.setattr(Messages, "warn", classmethod(lambda cls, parent, title, text, details="": warned.append(text)))
    m = _measures(window)
    _merge(qtbot, window, _filled_ledger(seeded, tmp_path, m))
    with open_store(seeded.url) as other:  # another clerk edits one merged row afterwards
        row = other.get_item(m[0].id)
        other.update_item(m[0].id, {"note": "别人后来写的"}, expected_version=row.version, who="别人")
    assert _step(qtbot, window, "undo") == 2
    assert seeded.get_item(m[0].id).note == "别人后来写的"  # never overwritten by the undo
    assert seeded.get_item(m[1].id).status is m[1].status
    assert warned and "1 条" in warned[-1]


def test_a_merge_refused_in_part_can_still_be_undone(qtbot, window, seeded, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    from db.store import open_store
    from desktop.services.merge import MergeApplyError

    m = _measures(window)

    def ask_while_someone_edits(cls, parent, preview):  # noqa: ANN001, ANN202
        with open_store(seeded.url) as other:  # between preview and apply
            row = other.get_item(m[2].id)
            other.update_item(m[2].id, {"owner": "李四"}, expected_version=row.version, who="别人")
        return list(preview.changes)

    monkeypatch.setattr(MergePreviewDialog, "ask", classmethod(ask_while_someone_edits))
    monkeypatch.setattr(Messages, "warn", classmethod(lambda cls, *a, **k: None))
    result = _merge(qtbot, window, _filled_ledger(seeded, tmp_path, m))
    assert isinstance(result, MergeApplyError) and result.applied == 2
    assert window.undo_stack.count() == 1
    assert _step(qtbot, window, "undo") == 2
    assert seeded.get_item(m[0].id).note == m[0].note and seeded.get_item(m[2].id).owner == "李四"
