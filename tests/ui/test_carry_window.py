"""结转 from the window: selected measures or a whole report's unfinished ones, into a new plan or another report;
the copies, their links and the origins' history; one undo step (undo, redo)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel

from db.api import ItemFilter
from db.carry import is_unfinished
from desktop.ui.dialogs.carry_dialog import CarryDialog, CarryTarget
from tests.ui.helpers import first_measure, idle, show_report


def _answer(monkeypatch: pytest.MonkeyPatch, pick: Any, seen: list[Any]) -> None:
    """The real chooser, set as a clerk would, then accepted."""
    def ask(cls: Any, parent: Any, what: str, new: Any, targets: Any) -> CarryTarget:
        d = cls(what, new, targets, parent=parent)
        seen.append((what, new, list(targets)))
        pick(d)
        return d.target()

    monkeypatch.setattr(CarryDialog, "ask", classmethod(ask))


def _carry(qtbot: Any, window: Any, act: Any) -> Any:
    with qtbot.waitSignal(window.carry.carried, timeout=10000) as blocker:
        act.trigger()
    idle(qtbot, window)
    return blocker.args[0]


def test_selected_measures_into_a_new_plan_undo_and_redo(qtbot: Any, window: Any, seeded: Any,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    measures = [r for r in window.item_model.loaded_rows() if r.is_measure and r.parent_id is not None][:3]
    window.tick(measures[0].id, True)  # done: not carried
    idle(qtbot, window)
    sel = window.tree.selectionModel()
    for m in measures:
        sel.select(window.tree_model.index_of(m.id), QItemSelectionModel.SelectionFlag.Select
                   | QItemSelectionModel.SelectionFlag.Rows)
    seen: list[Any] = []
    _answer(monkeypatch, lambda d: d.title_edit.setText("明年计划（结转）"), seen)
    result = _carry(qtbot, window, window.window_actions.carry)
    [(what, new, _targets)] = seen
    assert what == "把选中的 2 项未完成的条目结转到：" and new.title.endswith("（结转）")
    assert result.report_created and sorted(result.carried) == sorted(m.id for m in measures[1:])
    copies = seeded.items(ItemFilter(report_ids=(result.target_report_id,), measures_only=True))
    assert sorted(c.text for c in copies) == sorted(m.text for m in measures[1:])
    origins = seeded.origins(report_ids=[result.target_report_id])
    assert {origins[c.id].item_id for c in copies} == {m.id for m in measures[1:]}  # (their item is linked too)
    assert any(h.field == "carried_to" for h in seeded.history(measures[1].id))
    assert seeded.get_item(measures[1].id).status == measures[1].status  # the origin stays as it was
    assert "已结转 2 项措施到《明年计划（结转）》" in window.statusBar().currentMessage()
    assert window.undo_stack.undoText() == "结转到《明年计划（结转）》（2 项）"
    qtbot.waitUntil(lambda: any(r.id == result.target_report_id for r in window.report_model.reports()), timeout=5000)

    window.undo()
    idle(qtbot, window)
    assert result.target_report_id not in {r.id for r in seeded.list_reports()}  # the plan made for it goes too
    assert seeded.origins(item_ids=[c.id for c in copies]) == {}
    window.redo()
    idle(qtbot, window)
    again = [r for r in seeded.list_reports() if r.title == "明年计划（结转）"]
    assert len(again) == 1
    assert len(seeded.items(ItemFilter(report_ids=(again[0].id,), measures_only=True))) == 2


def test_all_unfinished_of_a_report_into_an_existing_one(qtbot: Any, window: Any, seeded: Any,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    source = window.report_id
    other = next(r for r in window.report_model.reports() if r.id != source and r.id > 0)
    open_ids = {r.id for r in window.tree_model.loaded_rows() if r.is_measure and is_unfinished(r)}
    seen: list[Any] = []

    def pick(d: CarryDialog) -> None:
        d.existing_choice.setChecked(True)
        d.target_combo.setCurrentIndex(d.target_combo.findData(other.id))

    _answer(monkeypatch, pick, seen)
    assert window.window_actions.carry_all.isEnabled()
    result = _carry(qtbot, window, window.window_actions.carry_all)
    assert [t[0] for t in seen[0][2]] == [r.id for r in window.report_model.reports() if r.id not in (source,)
                                          and r.id > 0]  # any report but the source
    assert not result.report_created and result.target_report_id == other.id
    assert set(result.carried) == open_ids - {r.id for r in window.tree_model.loaded_rows() if r.child_count}
    show_report(qtbot, window, other.id)
    copy = next(r for r in window.tree_model.loaded_rows() if r.id == result.copies[0].id)
    with qtbot.waitSignal(window.detail_side.dated_shown, timeout=10000):
        window.select_item(copy.id)
    assert window.detail.origin_button.text().startswith("结转自 《")
    # carried again into the same report: refused with the reason, nothing written
    show_report(qtbot, window, source)
    from desktop.ui.errors import Messages

    shown: list[str] = []
    monkeypatch.setattr(Messages, "warn", classmethod(lambda cls, p, title, text, details="": shown.append(text)))
    window.window_actions.carry_all.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "已结转到" in shown[0]
    window.undo()
    idle(qtbot, window)
    assert seeded.items(ItemFilter(report_ids=(other.id,), measures_only=True)) == [
        r for r in seeded.items(ItemFilter(report_ids=(other.id,), measures_only=True)) if r.id not in
        {c.id for c in result.created}]
    assert not seeded.origins(report_ids=[other.id])


def test_undo_refused_after_a_copy_was_edited(qtbot: Any, window: Any, seeded: Any, messages: list[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    m = first_measure(window, done=False)
    window.select_item(m.id)
    _answer(monkeypatch, lambda d: None, [])
    result = _carry(qtbot, window, window.window_actions.carry)
    [copy] = result.copies
    seeded.update_item(copy.id, {"owner": "别人"}, expected_version=copy.version, who="别人")
    window.undo()
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    assert "撤销结转失败" in messages[0] and "已被修改" in messages[0]
    messages.clear()
    idle(qtbot, window)
    assert seeded.get_item(copy.id).owner == "别人" and not window.undo_stack.canRedo()


def test_undo_after_undoing_an_edit_of_a_copy(qtbot: Any, window: Any, seeded: Any,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    m = first_measure(window, done=False)
    window.select_item(m.id)
    _answer(monkeypatch, lambda d: None, [])
    result = _carry(qtbot, window, window.window_actions.carry)
    [copy] = result.copies
    show_report(qtbot, window, result.target_report_id)
    window.request_changes(copy.id, {"owner": "李四"}, "修改责任人")
    idle(qtbot, window)
    assert seeded.get_item(copy.id).owner == "李四"
    window.undo()  # the edit of the copy
    idle(qtbot, window)
    window.undo()  # the carry: the copy's version moved with our own edit and its undo
    idle(qtbot, window)
    assert result.target_report_id not in {r.id for r in seeded.list_reports()}
