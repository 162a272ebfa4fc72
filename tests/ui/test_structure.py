"""Saved items change shape in the tree as in the preview: add, delete, move, merge and split, each one undo step."""

from __future__ import annotations

from desktop.ui.dialogs.row_title import RowTitleDialog
from desktop.ui.dialogs.split_dialog import SplitDialog
from tests.ui.helpers import idle


def _shape(window) -> list[tuple[int | None, str]]:  # noqa: ANN001
    """(parent id, title) of every row of the report shown, in tree order."""
    return [(r.parent_id, r.title) for r in window.tree_model.loaded_rows()]


def _items(window) -> list:  # noqa: ANN001
    return [r for r in window.tree_model.loaded_rows() if r.parent_id is None and r.child_count >= 2]


def _do(qtbot, window, action) -> None:  # noqa: ANN001
    with qtbot.waitSignal(window.tree_loaded, timeout=10000):
        action()
    idle(qtbot, window)


def _undo_redo_round_trip(qtbot, window, before, after) -> None:  # noqa: ANN001
    _do(qtbot, window, window.undo)
    assert _shape(window) == before
    _do(qtbot, window, window.redo)
    assert _shape(window) == after


def test_add_a_measure_and_an_item(qtbot, window, seeded, monkeypatch) -> None:  # noqa: ANN001
    item = _items(window)[0]
    kids = window.tree_model.children_ids(item.id)
    monkeypatch.setattr(RowTitleDialog, "ask", classmethod(lambda cls, parent, title, label: "新增的措施"))
    before = _shape(window)
    window.select_item(kids[0])
    _do(qtbot, window, window.structure.add_measure)
    after = _shape(window)
    assert [t for p, t in after if p == item.id][1] == "新增的措施"  # right after the measure selected
    assert window.current_row().title == "新增的措施"
    assert window.undo_stack.count() == 1
    _undo_redo_round_trip(qtbot, window, before, after)
    monkeypatch.setattr(RowTitleDialog, "ask", classmethod(lambda cls, parent, title, label: "新增的任务"))
    window.select_item(item.id)
    _do(qtbot, window, window.structure.add_item)
    tops = [t for p, t in _shape(window) if p is None]
    assert tops[tops.index(item.title) + 1] == "新增的任务"


def test_delete_rows_and_undo_puts_them_back(qtbot, window, seeded) -> None:  # noqa: ANN001
    item = _items(window)[0]
    kid = window.tree_model.children_ids(item.id)[0]
    history = seeded.history(kid)
    before = _shape(window)
    window.select_item(item.id)
    _do(qtbot, window, window.structure.delete_rows)
    assert all(r.id not in {item.id, kid} for r in window.tree_model.loaded_rows())
    _do(qtbot, window, window.undo)
    assert _shape(window) == before
    assert seeded.get_item(kid).parent_id == item.id and seeded.history(kid)[:len(history)] == history


def test_move_up_and_down(qtbot, window) -> None:  # noqa: ANN001
    item = _items(window)[0]
    first, second = window.tree_model.children_ids(item.id)[:2]
    before = _shape(window)
    window.select_item(second)
    _do(qtbot, window, lambda: window.structure.move(-1))
    assert window.tree_model.children_ids(item.id)[:2] == [second, first]
    assert window.current_row().id == second
    _undo_redo_round_trip(qtbot, window, before, _shape(window))


def test_merge_selected_siblings_and_undo(qtbot, window, seeded) -> None:  # noqa: ANN001
    from PySide6.QtCore import QItemSelectionModel

    item = _items(window)[0]
    a, b = window.tree_model.children_ids(item.id)[:2]
    titles = (seeded.get_item(a).title, seeded.get_item(b).title)
    before = _shape(window)
    window.select_item(a)
    window.tree.selectionModel().select(window.tree_model.index_of(b),
                                        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    _do(qtbot, window, window.structure.merge_rows)
    assert seeded.get_item(a).title == "；".join(titles)
    assert b not in window.tree_model.children_ids(item.id)
    _undo_redo_round_trip(qtbot, window, before, _shape(window))


def test_split_and_undo(qtbot, window, seeded, monkeypatch) -> None:  # noqa: ANN001
    item = _items(window)[0]
    kid = window.tree_model.children_ids(item.id)[0]
    old = seeded.get_item(kid)
    monkeypatch.setattr(SplitDialog, "ask", classmethod(lambda cls, parent, text: ["前半句。", "后半句。"]))
    before = _shape(window)
    window.select_item(kid)
    _do(qtbot, window, window.structure.split_row)
    assert [t for p, t in _shape(window) if p == item.id][:2] == ["前半句。", "后半句。"]
    _do(qtbot, window, window.undo)
    assert _shape(window) == before
    back = seeded.get_item(kid)
    assert (back.title, back.text) == (old.title, old.text)


def test_an_undo_after_someone_else_changed_the_row_is_refused(qtbot, window, seeded, db_url, messages,
                                                               monkeypatch) -> None:  # noqa: ANN001
    from db.store import open_store

    monkeypatch.setattr(RowTitleDialog, "ask", classmethod(lambda cls, parent, title, label: "新增的措施"))
    item = _items(window)[0]
    window.select_item(window.tree_model.children_ids(item.id)[0])
    _do(qtbot, window, window.structure.add_measure)
    added = window.current_row()
    with open_store(db_url) as other:
        other.update_item(added.id, {"owner": "同事"}, expected_version=added.version, who="同事")
    window.undo()
    idle(qtbot, window)
    assert messages and "其他人" in messages[0]
    messages.clear()
    assert seeded.get_item(added.id).owner == "同事"  # not deleted under the colleague's hands
    assert window.undo_stack.count() == 0


def test_the_list_of_all_reports_is_not_reshaped(qtbot, window) -> None:  # noqa: ANN001
    from desktop.ui.models.report_list import ALL_REPORTS
    from tests.ui.helpers import show_report

    assert window.window_actions.add_measure.isEnabled()
    show_report(qtbot, window, ALL_REPORTS)
    acts = window.window_actions
    assert not any(a.isEnabled() for a in (acts.add_measure, acts.delete_rows, acts.merge_rows, acts.split_row))
    assert acts.toggle.isEnabled()
