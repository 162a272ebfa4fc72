"""The window's size, splitter, column widths and view choices, kept in QSettings between sessions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from desktop.ui.views import WindowViews


def restore_size(window: QMainWindow, settings: QSettings) -> None:
    """The window's size and place from the last session (before it is first shown), else 1280×780."""
    geometry = settings.value("window/geometry")
    if not (isinstance(geometry, QByteArray) and not geometry.isEmpty() and window.restoreGeometry(geometry)):
        window.resize(1280, 780)


def restore_window(window: QMainWindow, views: WindowViews, settings: QSettings) -> str:
    """Toolbars, splitters and column widths from the last session (restore_size() did the size); returns the
    light rule to use."""
    from PySide6.QtCore import Qt  # here, not at the top: the window's frame paints before the namespace is built

    state = settings.value("window/state")
    if isinstance(state, QByteArray):
        window.restoreState(state)
    splitter = settings.value("window/splitter")
    if isinstance(splitter, QByteArray):
        views.splitter.restoreState(splitter)
    header = settings.value("tree/header")
    if isinstance(header, QByteArray):
        views.tree.header().restoreState(header)
        views.tree.setColumnHidden(views.tree.header().count() - 1, True)  # 报告: for the all-reports list only
        views.tree.header().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    return str(settings.value("view/light_rule", "deadline"))


def save_window(window: QMainWindow, views: WindowViews, settings: QSettings) -> None:
    """Remember the window for next time."""
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())
    settings.setValue("window/splitter", views.splitter.saveState())
    settings.setValue("tree/header", views.tree.header().saveState())
    if views.table_built:  # never shown: what was saved before still holds
        settings.setValue("table/header", views.table.horizontalHeader().saveState())
    settings.sync()
