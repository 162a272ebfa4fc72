"""The floor of a keystroke's frame: a bare Qt view over a QStandardItemModel, holding the cells a halfyear
view shows (text, check box, light icon), at the same size. No Python runs while it paints, so a repaint of
it is what any keystroke that changes the screen costs at the least on this machine, measured in the same run.
"""

from __future__ import annotations

import statistics
import time
from typing import Any

_ROLES = ("DisplayRole", "CheckStateRole", "DecorationRole", "ForegroundRole", "TextAlignmentRole")


def bare_copy(view: Any, rows: int = 60) -> Any:  # noqa: ANN401  (Qt types load inside)
    """A shown bare view of the same kind, size and column widths as `view`, holding its first `rows` rows
    (a tree's first rows with their children, opened as in `view`)."""
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView, QTreeView

    model = view.model()
    roles = [getattr(Qt.ItemDataRole, r) for r in _ROLES]
    bare_model = QStandardItemModel(0, model.columnCount())
    left = [rows]

    def copy(parent: QModelIndex, into: QStandardItem) -> None:
        for r in range(model.rowCount(parent)):
            if left[0] <= 0:
                return
            left[0] -= 1
            cells = []
            for c in range(model.columnCount()):
                item = QStandardItem()
                for role in roles:
                    value = model.index(r, c, parent).data(role)
                    if value is not None:
                        item.setData(value, role)
                cells.append(item)
            into.appendRow(cells)
            child = model.index(r, 0, parent)
            if isinstance(view, QTreeView) and view.isExpanded(child):
                copy(child, cells[0])

    copy(QModelIndex(), bare_model.invisibleRootItem())
    bare = QTreeView() if isinstance(view, QTreeView) else QTableView()
    if isinstance(bare, QTreeView):
        bare.setUniformRowHeights(True)
    else:
        bare.verticalHeader().hide()
        bare.verticalHeader().setDefaultSectionSize(view.verticalHeader().defaultSectionSize())
        bare.setShowGrid(view.showGrid())
    bare.setAlternatingRowColors(view.alternatingRowColors())
    bare.setModel(bare_model)
    if isinstance(bare, QTreeView):
        bare.expandAll()
    bare.resize(view.size())
    header = view.header() if isinstance(view, QTreeView) else view.horizontalHeader()
    for c in range(model.columnCount()):
        bare.setColumnWidth(c, header.sectionSize(c))
        bare.setColumnHidden(c, header.isSectionHidden(c))
    bare.show()
    return bare


def repaint_ms(view: Any, times: int = 15) -> float:  # noqa: ANN401
    """The median of `times` repaints of the view's viewport, in ms."""
    viewport = view.viewport()
    ts = []
    for _ in range(times):
        t = time.perf_counter()
        viewport.repaint()
        ts.append((time.perf_counter() - t) * 1000)
    return statistics.median(ts)


def bare_floor_ms(view: Any) -> tuple[float, float]:  # noqa: ANN401
    """Repaints of `view` with nothing changed and of its bare copy: (ours, bare), medians in ms."""
    from PySide6.QtWidgets import QApplication

    ours = repaint_ms(view)
    bare = bare_copy(view)
    QApplication.processEvents()
    floor = repaint_ms(bare)
    bare.close()
    bare.deleteLater()
    return ours, floor
