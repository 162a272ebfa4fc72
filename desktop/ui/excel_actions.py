"""Export (Ctrl+E) and merge-back actions, wired only when the Excel services are installed."""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

_WARNINGS_SHOWN = 20  # lines in the label; the rest are counted


def _tr(text: str) -> str:
    return QCoreApplication.translate("excel_actions", text)


def available(module: str) -> bool:
    """True when `desktop.services.<module>` exists (without importing openpyxl at start-up)."""
    try:
        return importlib.util.find_spec(f"desktop.services.{module}") is not None
    except ModuleNotFoundError:
        return False


def install(window: MainWindow) -> None:
    """Add the actions to the File menu and toolbar when their services exist; otherwise add nothing."""
    if available("export") and importlib.util.find_spec("desktop.ui.export_actions") is not None:
        from desktop.ui import export_actions

        export_actions.install(window)


def merge_warnings_label(preview: object, parent: QWidget | None = None) -> QLabel | None:
    """The merge preview's warnings (a done or closed item set back to 推进中 …) as a label for the merge
    preview dialog, to sit under its summary line; None when the preview has none."""
    lines = list(getattr(preview, "warnings", ()))
    if not lines:
        return None
    shown = lines[:_WARNINGS_SHOWN]
    if len(lines) > len(shown):
        shown.append(_tr("……另有 %1 处，见下方修改列表。").replace("%1", str(len(lines) - len(shown))))
    head = _tr("请核实：以下 %1 处完成状态倒退（已完成或已办结的事项被改回）。合并前请与填报单位确认；"
               "不合并请按“取消”。").replace("%1", str(len(lines)))
    label = QLabel(head + "\n" + "\n".join(shown), parent)
    label.setObjectName("mergeWarnings")
    label.setTextFormat(Qt.TextFormat.PlainText)  # titles may hold < and &
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet("QLabel#mergeWarnings { color: #B00020; }")
    return label
