"""The import preview's choice of plan section: the ranked candidates, one or several ticked."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from desktop.core.types import Alternative

LOW_CONFIDENCE = 0.7  # below this the preview says it is unsure and opens the picker
_HEADING = Qt.ItemDataRole.UserRole + 1


def confidence_text(confidence: float) -> str:
    """`把握 87%` as shown beside a section."""
    return f"{round(confidence * 100)}%"


class SectionPicker(QWidget):
    """A list of candidate sections, best first, with ticks; `chosen` carries the ticked headings."""

    chosen = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectionPicker")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setObjectName("hintBar")
        lay.addWidget(self.note)
        self.list = QListWidget()
        self.list.setObjectName("sectionList")
        self.list.setMaximumHeight(150)
        self.list.itemChanged.connect(self._update_button)
        self.list.itemDoubleClicked.connect(self._take_only)
        lay.addWidget(self.list)
        row = QHBoxLayout()
        hint = QLabel(self.tr("勾选计划所在的部分（计划分散在几个部分时可勾选多个），然后重新提取。"))
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        row.addWidget(hint, 1)
        self.apply_button = QPushButton(self.tr("按所选部分重新提取"))
        self.apply_button.clicked.connect(self._apply)
        row.addWidget(self.apply_button)
        lay.addLayout(row)
        self._current: tuple[str, ...] = ()

    def set_choices(self, alternatives: Sequence[Alternative], headings: Sequence[str],
                    current: Sequence[str], note: str) -> None:
        """Fill the list: the current sections ticked first, then the ranked alternatives, then the
        remaining level-1 headings (no score)."""
        self.list.blockSignals(True)
        self.list.clear()
        seen: set[str] = set()
        scored = {a.heading: a.confidence for a in alternatives}
        for heading in [*current, *(a.heading for a in alternatives), *headings]:
            if heading in seen:
                continue
            seen.add(heading)
            text = heading if heading not in scored else f"{heading}　（{confidence_text(scored[heading])}）"
            item = QListWidgetItem(text)
            item.setData(_HEADING, heading)
            item.setToolTip(heading)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if heading in current else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._current = tuple(current)
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self._update_button()

    def headings(self) -> list[str]:
        """Every heading offered, in list order."""
        return [self.list.item(r).data(_HEADING) for r in range(self.list.count())]

    def ticked(self) -> list[str]:
        """The ticked headings, in list order."""
        return [self.list.item(r).data(_HEADING) for r in range(self.list.count())
                if self.list.item(r).checkState() == Qt.CheckState.Checked]

    def tick(self, headings: Sequence[str]) -> None:
        """Tick exactly these headings (as a clerk's clicks would)."""
        for r in range(self.list.count()):
            item = self.list.item(r)
            item.setCheckState(Qt.CheckState.Checked if item.data(_HEADING) in headings else Qt.CheckState.Unchecked)

    def _update_button(self, *_args: object) -> None:
        ticked = tuple(self.ticked())
        self.apply_button.setEnabled(bool(ticked) and ticked != self._current)

    def _take_only(self, item: QListWidgetItem) -> None:
        self.chosen.emit([item.data(_HEADING)])

    def _apply(self) -> None:
        ticked = self.ticked()
        if ticked:
            self.chosen.emit(ticked)
