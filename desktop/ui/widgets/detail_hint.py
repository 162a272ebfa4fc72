"""The detail pane's empty state, cheap enough for the window's first paint (the pane is built later)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


def hint_label(parent: QWidget | None = None) -> QLabel:
    """The line shown while no row is selected."""
    label = QLabel(QCoreApplication.translate("DetailPane", "在左侧选择报告，在中间选择一项任务或措施，这里显示它的全部内容。"),
                   parent)
    label.setWordWrap(True)
    label.setObjectName("hint")
    return label


def placeholder(parent: QWidget) -> QWidget:
    """Stands in for the DetailPane until it is built: the same margins, the same hint."""
    frame = QWidget(parent)
    frame.setObjectName("detailBody")  # the pane's white body in the style sheet
    lay = QVBoxLayout(frame)
    lay.setContentsMargins(12, 10, 12, 10)
    lay.addWidget(hint_label(frame))  # fills the height and centres its text, as in the pane itself
    return frame
