"""The command line says what the window says: `show`'s figures and `export --status 未完成`'s statuses."""

from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex

from db.enums import OPEN_STATUSES, Status
from desktop.cli import main
from desktop.ui.models.item_tree import Column, ItemIdRole


def _window_texts(model, parent=QModelIndex()) -> dict[int, str]:  # noqa: ANN001, B008
    """Item id -> what the tree shows in 状态 (and, for an item, 进度 after it)."""
    texts = {}
    for row in range(model.rowCount(parent)):
        index = model.index(row, Column.TASK, parent)
        status = model.index(row, Column.STATUS, parent).data()
        if model.rowCount(index):
            status += " " + model.index(row, Column.PROGRESS, parent).data()
            texts.update(_window_texts(model, index))
        texts[index.data(ItemIdRole)] = status
    return texts


def test_show_prints_the_windows_status_and_progress(qtbot, window, seeded, db_url, capsys) -> None:
    rid = window.report_model.reports()[0].id
    tree = seeded.item_tree(rid)
    item = next(r for r in tree if not r.is_measure)
    for row in seeded.subtree(item.id):  # every measure ticked: the item's own status stays 未启动
        if row.is_measure:
            seeded.set_status(row.id, Status.DONE, expected_version=row.version, who="t")
    assert seeded.get_item(item.id).status is Status.NOT_STARTED
    with qtbot.waitSignal(window.tree_loaded, timeout=10000):
        window.refresh()
    shown = _window_texts(window.tree_model)
    assert main(["--db", db_url, "show", str(rid)]) == 0
    printed = {}
    for line in capsys.readouterr().out.splitlines()[1:]:
        m = re.match(r"\s*\[(\d+)\] .* —— (.+?)(?: 时限 \S+)?(?: 逾期)?$", line)
        assert m, line
        printed[int(m[1])] = m[2]
    assert printed == shown
    n = item.child_count
    assert printed[item.id] == f"{n}/{n} 项完成 100%"  # not “未启动 100%”


def test_the_windows_open_filter_is_the_clis(window) -> None:
    combo = window.filter_bar.status
    assert combo.itemData(combo.findText("未完成")) == frozenset(OPEN_STATUSES)
