"""撤销历史 jumps back (and forward) step by step, each step written as an op before the next starts."""

from __future__ import annotations

from tests.ui.helpers import first_measure, idle


def test_clicking_a_step_in_the_history_goes_back_to_it(qtbot, window, seeded) -> None:  # noqa: ANN001
    m = first_measure(window, done=False)
    for owner in ("甲", "乙", "丙"):
        assert window.request_changes(m.id, {"owner": owner}, "修改责任人")
        idle(qtbot, window)
    window.show_undo_history()
    view = window._undo_view_window  # noqa: SLF001
    model = view.model()
    assert model.rowCount() == 4 and model.index(0, 0).data() == "（打开时的状态）"
    assert view.currentIndex().row() == 3
    view.clicked.emit(model.index(1, 0))  # back to just after the first edit
    idle(qtbot, window)
    assert window.undo_stack.index() == 1 and seeded.get_item(m.id).owner == "甲"
    assert view.currentIndex().row() == 1
    view.clicked.emit(model.index(3, 0))  # and forward again
    idle(qtbot, window)
    assert window.undo_stack.index() == 3 and seeded.get_item(m.id).owner == "丙"
