"""The tree, report list, history and plan-edit models: structure checked by qtmodeltester, filters in Python."""

from __future__ import annotations

import sys
from datetime import date, datetime

from PySide6.QtCore import QModelIndex, QModelRoleData, QModelRoleDataSpan, Qt

from db.api import HistoryRow, ItemRow, ReportSummary, Status
from desktop.ui.models.history import HistoryModel
from desktop.ui.models.item_tree import Column, ItemTreeModel, RowRole
from desktop.ui.models.report_list import ALL_REPORTS, ProgressRole, ReportIdRole, ReportListModel
from desktop.ui.models.row_filter import RowFilter
from tests.ui.rows import row, tree


def _summary(id: int, year: int | None, **kw: object) -> ReportSummary:
    base = dict(title=f"报告{id}", source_name=f"r{id}.txt", year=year, heading="三、下一步工作打算", preamble="",
                sample=False, imported_at=datetime(2024, 7, 1), item_count=3, measure_count=9, done_count=3,
                progress=33, overdue_count=1)
    base.update(kw)
    return ReportSummary(id=id, **base)  # type: ignore[arg-type]


def test_item_tree_structure_and_display(qtmodeltester) -> None:
    model = ItemTreeModel()
    rows = tree(3, 4)
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    first = model.index(0, 0)
    assert model.rowCount(first) == 4
    assert model.data(first) == "（1）任务1 加强干部队伍建设"
    child = model.index(0, 0, first)
    assert model.data(child) == "1. 措施1-1 开展调研"
    assert model.parent(child) == first
    # item 1 has measures 1..4 with statuses NS, IP, DONE, EXT: one of four done → partial check
    assert model.data(first, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.PartiallyChecked
    done = model.index(2, 0, first)
    assert model.data(done, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.data(child.siblingAtColumn(Column.STATUS)) == "未启动"
    assert model.data(first.siblingAtColumn(Column.STATUS)) == "1/4 项完成"
    # the root (an invalid index) answers as the root, not as some row's last column
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags
    assert not model.parent(first).isValid()
    assert model.index(1, 0, QModelIndex()) == model.index(1, 0)


def test_painted_cells_get_the_same_values_through_multidata(qtbot) -> None:
    from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

    model = ItemTreeModel()
    model.set_rows(tree(3, 4))
    delegate = QStyledItemDelegate()
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.FontRole,
             Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.DecorationRole)
    item = model.index(0, 0)
    for idx in (item, model.index(2, 0, item), model.index(1, Column.PROGRESS, item), model.index(0, Column.DUE)):
        for role in roles:  # one role at a time: the answer is data()'s
            role_data = QModelRoleData(role)  # the span only points at it
            span = QModelRoleDataSpan(role_data)
            model.multiData(idx, span)
            want = model.data(idx, role)
            got = span[0].data()
            assert (got is None) == (want is None) and (want is None or type(got) is type(want)), (idx, role)
            if isinstance(want, (str, int, Qt.CheckState)):
                assert got == want
        option = QStyleOptionViewItem()  # seven roles in one call, as a painted cell asks for them
        delegate.initStyleOption(option, idx)
        assert option.text == model.data(idx)
        assert option.font.bold() == (model.data(idx, Qt.ItemDataRole.FontRole) is not None)
        if idx.column() == Column.TASK:
            assert option.checkState == model.data(idx, Qt.ItemDataRole.CheckStateRole)
            assert not option.icon.isNull()


def test_painted_cells_follow_updates_reloads_and_the_light_rule(qtbot) -> None:
    from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

    def painted(idx: QModelIndex) -> str:
        option = QStyleOptionViewItem()
        QStyledItemDelegate().initStyleOption(option, idx)  # multiData, as a paint asks
        return option.text

    model = ItemTreeModel()
    rows = tree(2, 2)
    model.set_rows(rows, flat=True)
    m = rows[1]
    idx = model.index_of(m.id, Column.STATUS)
    assert painted(idx) == "未启动"
    model.update_rows([m.replace(status=Status.DONE, version=2)])
    assert painted(idx) == "已完成"
    parent = rows[0]
    task = model.index_of(m.id, Column.TASK)
    before = painted(task)
    model.update_rows([parent.replace(label="（九）", version=2)])  # the flat list shows the item's label
    assert painted(task) != before and painted(task).startswith("（九）")
    model.set_rows([r.replace(owner="张三") for r in model.loaded_rows()], flat=True)  # same rows, new values
    assert painted(model.index_of(m.id, Column.OWNER)) == "张三"
    icon = QStyleOptionViewItem()
    QStyledItemDelegate().initStyleOption(icon, task)
    model.set_light_rule("schedule")
    again = QStyleOptionViewItem()
    QStyledItemDelegate().initStyleOption(again, task)
    assert model.data(task, Qt.ItemDataRole.DecorationRole).cacheKey() == again.icon.cacheKey()


def test_flat_mode_lists_measures_only(qtmodeltester) -> None:
    model = ItemTreeModel()
    model.set_rows(tree(5, 3) + tree(2, 2, report_id=2, start=100), flat=True)
    qtmodeltester.check(model)
    assert model.rowCount() == 5 * 3 + 2 * 2
    assert all(model.rowCount(model.index(r, 0)) == 0 for r in range(model.rowCount()))
    assert model.data(model.index(0, 0)) == "（1） 1. 措施1-1 开展调研"  # the item's number tells measures apart
    model.set_report_titles({1: "2024年工作打算"})
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole).startswith("2024年工作打算 › （1）任务1")


def test_a_searched_flat_list_finds_each_shown_measure_at_its_row(qtmodeltester) -> None:
    model = ItemTreeModel()
    rows = tree(5, 3) + tree(2, 2, report_id=2, start=100)
    model.set_rows(rows, flat=True)
    model.set_filter(RowFilter(statuses=frozenset({Status.DONE})))
    qtmodeltester.check(model)
    shown = [model.index(r, 0).internalId() for r in range(model.rowCount())]
    assert shown and all(model.row_for(i).status == Status.DONE for i in shown)
    for r, item_id in enumerate(shown):
        assert model.index_of(item_id).row() == r
    hidden = next(x for x in rows if x.is_measure and x.status != Status.DONE)
    assert not model.index_of(hidden.id).isValid()
    assert not model.index_of(rows[0].id).isValid()  # an item: never a row of the flat list
    changed: list[int] = []
    model.dataChanged.connect(lambda tl, br, roles=(): changed.append(tl.row()))
    model.update_rows([model.row_for(shown[-1]).replace(owner="李四")])
    assert changed == [len(shown) - 1]
    model.update_rows([hidden.replace(owner="李四")])
    assert changed == [len(shown) - 1]  # a hidden row signals nothing


def test_filters_text_status_unit_overdue_due(qtmodeltester) -> None:
    model = ItemTreeModel()
    model.set_rows(tree(4, 4))
    model.set_filter(RowFilter(text="措施2-3"))
    qtmodeltester.check(model)
    assert model.rowCount() == 1 and model.rowCount(model.index(0, 0)) == 1
    assert model.visible_count() == 1
    # the item's title matches every one of its measures
    model.set_filter(RowFilter(text="任务3"))
    assert model.visible_count() == 4
    model.set_filter(RowFilter(statuses=frozenset({Status.DONE})))
    qtmodeltester.check(model)
    shown = [model.data(model.index(r, 0, model.index(i, 0)), RowRole)
             for i in range(model.rowCount()) for r in range(model.rowCount(model.index(i, 0)))]
    assert shown and all(s.status == Status.DONE for s in shown)
    model.set_filter(RowFilter(unit="人才办"))
    assert model.visible_count() == 4
    model.set_filter(RowFilter(overdue_only=True))
    assert model.visible_count() == sum(1 for r in tree(4, 4) if r.overdue)
    model.set_filter(RowFilter(due_within_days=10, today=date(2024, 6, 20)))
    expected = sum(1 for r in tree(4, 4) if r.is_measure and r.due and r.due <= date(2024, 6, 30)
                   and r.status != Status.DONE)
    assert model.visible_count() == expected
    model.set_filter(RowFilter(text="没有这个词"))
    assert model.rowCount() == 0
    model.set_filter(RowFilter())
    assert model.visible_count() == 16


def test_a_filter_showing_the_same_measures_resets_nothing(qtmodeltester) -> None:
    model = ItemTreeModel()
    model.set_rows(tree(4, 4))
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    assert model.set_filter(RowFilter(text="措施2")) and len(resets) == 1
    assert not model.set_filter(RowFilter(text="措施2-"))  # the same four measures: the view keeps its layout
    assert len(resets) == 1 and model.visible_count() == 4
    qtmodeltester.check(model)
    assert model.set_filter(RowFilter(text="措施2-3")) and model.visible_count() == 1
    assert model.set_filter(RowFilter()) and model.visible_count() == 16
    # every measure matches, but a filter shows only items holding a match: not the same tree as no filter
    assert model.set_filter(RowFilter(text="措施")) and len(resets) == 4



def _shape(model: ItemTreeModel) -> list[tuple[int, list[int]]]:
    tops = [model.index(r, 0) for r in range(model.rowCount())]
    return [(t.internalId(), [model.index(r, 0, t).internalId() for r in range(model.rowCount(t))]) for t in tops]


def _item(id: int, parent: int | None, depth: int, pos: int) -> ItemRow:
    return row(id, parent_id=parent, depth=depth, position=pos, label=f"（{id}）", title=f"任务{id}", is_measure=False)


def _measure(id: int, parent: int | None, depth: int, pos: int, words: str) -> ItemRow:
    return row(id, parent_id=parent, depth=depth, position=pos, label=str(pos + 1), title=words, text=words)


def _nested(model: ItemTreeModel, parent: QModelIndex = QModelIndex()) -> list[object]:
    out: list[object] = []
    for r in range(model.rowCount(parent)):
        idx = model.index(r, 0, parent)
        out.append((idx.internalId(), _nested(model, idx)) if model.hasChildren(idx) else idx.internalId())
    return out


def test_a_search_keeps_sub_items_and_the_measures_after_them_in_tree_order(qtmodeltester) -> None:
    # item 1 holds a measure, a sub-item with two measures, then one more measure; item 7 holds one
    rows = [_item(1, None, 0, 0), _measure(2, 1, 1, 0, "甲"), _item(3, 1, 1, 1), _measure(4, 3, 2, 0, "乙"),
            _measure(5, 3, 2, 1, "甲"), _measure(6, 1, 1, 2, "甲乙"), _item(7, None, 0, 1), _measure(8, 7, 1, 0, "乙")]
    model = ItemTreeModel()
    model.set_rows(rows)
    model.set_filter(RowFilter(text="甲"))
    qtmodeltester.check(model)
    assert _nested(model) == [(1, [2, (3, [5]), 6])]
    model.set_filter(RowFilter(text="乙"))
    qtmodeltester.check(model)
    assert _nested(model) == [(1, [(3, [4]), 6]), (7, [8])]
    assert model.index_of(6).row() == 1 and model.index_of(6).parent().internalId() == 1
    assert not model.index_of(5).isValid()


def test_every_row_a_tree_shows_is_found_at_its_row_under_its_parent(qtmodeltester) -> None:
    # ids falling in load order, a sub-item, and a measure whose item is not loaded (shown at the top level)
    rows = [_item(90, None, 0, 0), _measure(80, 90, 1, 0, "甲"), _item(70, 90, 1, 1), _measure(60, 70, 2, 0, "乙"),
            _measure(50, 70, 2, 1, "甲"), _measure(40, 90, 1, 2, "甲乙"), _measure(35, 999, 1, 0, "甲"),
            _item(30, None, 0, 1), _measure(20, 30, 1, 0, "乙"), _measure(10, 30, 1, 1, "甲")]
    model = ItemTreeModel()
    model.set_rows(rows)
    for flt in (RowFilter(), RowFilter(text="甲"), RowFilter(text="乙"), RowFilter(text="没有")):
        model.set_filter(flt)
        qtmodeltester.check(model)
        shown = _found_where_shown(model)
        assert len(shown) == model.visible_count() + sum(1 for i in shown if not model.row_for(i).is_measure)
        for r in rows:
            if r.id not in shown:
                assert not model.index_of(r.id).isValid(), (flt, r.id)
    model.set_filter(RowFilter(text="甲"))
    assert _nested(model) == [(90, [80, (70, [50]), 40]), 35, (30, [10])]
    model.sort(Column.TASK, Qt.SortOrder.DescendingOrder)
    _found_where_shown(model)


def _found_where_shown(model: ItemTreeModel, parent: QModelIndex = QModelIndex()) -> set[int]:
    """Checks that index_of finds each row the model shows under `parent` at its row there; the ids seen."""
    seen: set[int] = set()
    for r in range(model.rowCount(parent)):
        idx = model.index(r, 0, parent)
        found = model.index_of(idx.internalId())
        assert (found.row(), found.internalId(), found.parent()) == (r, idx.internalId(), parent)
        seen.add(idx.internalId())
        seen |= _found_where_shown(model, idx)
    return seen


def test_an_empty_report_loaded_with_a_new_search_shows_no_rows(qtmodeltester) -> None:
    # The search changed while another view was showing, then a report with no rows was opened.
    model = ItemTreeModel()
    model.set_rows(tree(3, 2), flt=RowFilter(text="措施"))
    assert model.rowCount() == 3
    model.set_rows([], flt=RowFilter(text="任务"))
    qtmodeltester.check(model)
    assert model.rowCount() == 0 and model.visible_count() == 0


def test_a_cleared_search_shows_the_tree_loaded_last_in_its_order(qtmodeltester) -> None:
    model = ItemTreeModel()
    model.set_rows(tree(3, 2))
    model.set_filter(RowFilter(text="措施1"))
    model.set_filter(RowFilter())
    bigger = tree(4, 3, start=100)
    model.set_rows(bigger)
    expected = [(r.id, [c.id for c in bigger if c.parent_id == r.id]) for r in bigger if r.parent_id is None]
    assert _shape(model) == expected
    model.set_filter(RowFilter(text="措施2"))
    model.set_filter(RowFilter())  # the whole tree again, as loaded: not the first load's
    assert _shape(model) == expected
    qtmodeltester.check(model)
    model.sort(Column.DUE, Qt.SortOrder.DescendingOrder)
    model.set_filter(RowFilter(text="措施"))
    model.set_filter(RowFilter())  # and still sorted
    first = model.index(0, 0)
    dues = [model.data(model.index(r, 0, first), RowRole).due for r in range(3)]
    assert dues == sorted(dues, reverse=True) and dues != [c.due for c in bigger if c.parent_id == first.internalId()]

def test_a_big_tree_shows_its_first_rows_and_the_rest_when_asked(qtmodeltester) -> None:
    from desktop.ui.models.item_tree import HOLD_BACK_MIN_ROWS

    model = ItemTreeModel()
    rows = tree(HOLD_BACK_MIN_ROWS + 60, 2)
    items = [r for r in rows if r.parent_id is None]
    whole = [(i.id, [c.id for c in rows if c.parent_id == i.id]) for i in items]
    model.set_rows(rows)
    qtmodeltester.check(model)
    inserted: list[tuple[bool, int, int]] = []
    model.rowsInserted.connect(lambda parent, first, last: inserted.append((parent.isValid(), first, last)))
    clerks = next(r for r in rows if r.parent_id == items[40].id)
    assert model.set_filter(RowFilter(text="措施"), first_rows=10, keep=clerks.id)
    assert model.rowCount() == 51 and model.has_held_back  # down to the clerk's item and ten rows below it
    assert model.held_back(items[51].id) and model.held_back(rows[-1].id) and not model.held_back(clerks.id)
    assert model.index_of(clerks.id).isValid() and model.rowCount() == 51  # a shown row leaves the rest held
    assert model.index_of(items[-1].id).row() == len(items) - 1  # asking for a held-back row shows them all
    assert inserted == [(False, 51, len(items) - 1)] and not model.has_held_back
    assert _shape(model) == whole and not model.show_held_back()
    # without first_rows, or with fewer rows to hold back than pays, every top-level row is shown at once
    assert model.set_filter(RowFilter()) and model.rowCount() == len(items)
    assert model.set_filter(RowFilter(text="措施1"), first_rows=10) and not model.has_held_back
    # a load holds back too, and a sort first shows what was held back (a layout change only moves rows)
    model.set_rows(tree(HOLD_BACK_MIN_ROWS + 60, 2, start=5000), flt=RowFilter(), first_rows=5)
    assert model.rowCount() == 5 and model.has_held_back
    model.sort(Column.DUE)
    assert model.rowCount() == len(items) and not model.has_held_back
    qtmodeltester.check(model)


def test_sort_keeps_measures_under_their_item(qtmodeltester) -> None:
    model = ItemTreeModel()
    model.set_rows(tree(3, 4))
    model.sort(Column.DUE, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    first = model.index(0, 0)
    dues = [model.data(model.index(r, 0, first), RowRole).due for r in range(4)]
    assert dues == sorted(dues, reverse=True)


def test_update_rows_changes_in_place_and_signals() -> None:
    model = ItemTreeModel()
    rows = tree(2, 2)
    model.set_rows(rows)
    changed: list[QModelIndex] = []
    model.dataChanged.connect(lambda tl, br, roles=(): changed.append(tl))
    m = rows[1]
    model.update_rows([m.replace(status=Status.DONE, version=2)])
    assert model.row_for(m.id).status == Status.DONE
    assert changed and changed[0].internalId() == m.id
    # the same rows again keep the model (no reset)
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.set_rows([model.row_for(r.id) for r in rows])
    assert not resets


def test_edits_are_requests_not_writes() -> None:
    model = ItemTreeModel()
    rows = tree(1, 2)
    model.set_rows(rows)
    ticks: list[tuple[int, bool]] = []
    edits: list[tuple[int, str, object]] = []
    model.tick_requested.connect(lambda i, c: ticks.append((i, c)))
    model.edit_requested.connect(lambda i, f, v: edits.append((i, f, v)))
    m = model.index(0, 0, model.index(0, 0))
    assert model.setData(m, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert model.setData(m.siblingAtColumn(Column.OWNER), " 李四 ", Qt.ItemDataRole.EditRole)
    assert model.setData(m.siblingAtColumn(Column.STATUS), "推进中", Qt.ItemDataRole.EditRole)
    assert ticks == [(rows[1].id, True)]
    assert edits == [(rows[1].id, "owner", "李四"), (rows[1].id, "status", Status.IN_PROGRESS)]
    assert model.row_for(rows[1].id) == rows[1]  # unchanged until the window writes and refreshes


def test_report_list_groups_by_year(qtmodeltester) -> None:
    model = ReportListModel()
    model.set_reports([_summary(1, 2023), _summary(2, 2024), _summary(3, None), _summary(4, 2024)])
    qtmodeltester.check(model)
    assert model.rowCount() == 4  # all + 2024 + 2023 + no year
    assert model.data(model.index(0, 0), ReportIdRole) == ALL_REPORTS
    assert model.data(model.index(1, 0)) == "2024 年"
    y2024 = model.index(1, 0)
    assert [model.data(model.index(r, 0, y2024), ReportIdRole) for r in range(2)] == [2, 4]
    assert model.data(model.index(3, 0)) == "未注明年份"
    assert model.data(model.index_of_report(4), ProgressRole) == 33
    # same shape again: updated in place
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.set_reports([_summary(1, 2023), _summary(2, 2024, progress=80), _summary(3, None), _summary(4, 2024)])
    assert not resets and model.data(model.index_of_report(2), ProgressRole) == 80
    model.set_reports([])
    qtmodeltester.check(model)
    assert model.rowCount() == 1


def test_history_model(qtmodeltester) -> None:
    model = HistoryModel()
    model.set_history([HistoryRow(1, 5, datetime(2024, 7, 1, 9), "clerk", "status", "未启动", "已完成"),
                       HistoryRow(2, 5, datetime(2024, 7, 2, 9), "clerk", "note", None, "已召开会议")])
    qtmodeltester.check(model)
    assert model.data(model.index(0, 2)) == "进展情况"  # newest first
    assert model.data(model.index(1, 3)) == "未启动 → 已完成"


def test_empty_roles_do_not_drop_none_references() -> None:
    """PySide6 6.12.0 dropped a reference to None per empty QVariant and aborted (platform.md)."""
    model = ItemTreeModel()
    model.set_rows(tree(2, 2))
    idx = model.index(0, 0, model.index(0, 0))
    unset = Qt.ItemDataRole.UserRole + 99
    for _ in range(100):
        idx.data(unset)
    before = sys.getrefcount(None)
    for _ in range(10_000):
        assert idx.data(unset) is None
    assert sys.getrefcount(None) >= before - 100


def test_row_helper_defaults_are_measures() -> None:
    assert row(1).is_measure


def test_a_cell_painted_after_another_shows_none_of_its_roles(qtbot) -> None:
    from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

    model = ItemTreeModel()
    model.set_rows(tree(2, 2))
    delegate = QStyledItemDelegate()
    item = model.index(0, 0)
    for idx in (item, model.index(0, Column.STATUS, item)):  # a check box and a light, then neither
        option = QStyleOptionViewItem()
        delegate.initStyleOption(option, idx)
    assert not option.features & QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    assert option.icon.isNull() and not option.font.bold()


def test_parents_follow_the_rows_when_a_search_moves_them(qtbot) -> None:
    model = ItemTreeModel()
    rows = tree(3, 2)
    model.set_rows(rows)
    last = [r for r in rows if r.is_measure][-1]
    assert model.parent(model.index_of(last.id)).row() == 2  # asked once: the answer is kept
    model.set_filter(RowFilter(text=last.title))
    parent = model.parent(model.index_of(last.id))
    assert parent.row() == 0 and parent.internalId() == last.parent_id
    model.set_filter(RowFilter())
    assert model.parent(model.index_of(last.id)).row() == 2
