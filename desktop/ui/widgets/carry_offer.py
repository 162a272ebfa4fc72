"""In the import preview: the previous plan of the same office still has unfinished measures — bring them along?"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFrame, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from desktop.services.carry import CarryOffer

_LIST_HEIGHT = 120


class CarryOfferPanel(QFrame):
    """《上期计划》（同为*委组织部）还有 N 项未完成的措施 · [✓] 一并结转 · the measures, ticked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("carryOffer")
        self.setStyleSheet("#carryOffer { background: #eef4fd; border: 1px solid #b8cdee; border-radius: 4px; }")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.take = QCheckBox(self.tr("导入后把勾选的措施一并结转到这份计划(&B)"), self)
        self.take.setToolTip(self.tr("结转的措施保留内容、单位、责任人和进展，注明来源；原措施保持不变"))
        self.list = QListWidget(self)
        self.list.setObjectName("carryOfferList")
        self.list.setMaximumHeight(_LIST_HEIGHT)
        lay.addWidget(self.label)
        lay.addWidget(self.take)
        lay.addWidget(self.list)
        self.take.toggled.connect(self.list.setEnabled)
        self._offer: CarryOffer | None = None
        self.hide()

    def show_offer(self, offer: CarryOffer | None, chosen: set[int] | None, taking: bool) -> None:
        """Show one file's offer with the measures ticked as the clerk left them (None: hide)."""
        self._offer = offer
        self.setVisible(offer is not None)
        if offer is None:
            return
        self.label.setText(self.tr("同一单位（%1）的上一份计划《%2》还有 %3 项未完成的措施。")
                           .replace("%1", offer.office).replace("%2", offer.report.title)
                           .replace("%3", str(len(offer.measures))))
        self.list.blockSignals(True)
        self.list.clear()
        for m in offer.measures:
            text = (m.label + " " if m.label else "") + (m.text or m.title)
            if m.id in offer.repeated:
                text += self.tr("（新计划中似已列出）")
            it = QListWidgetItem(text, self.list)
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = m.id in chosen if chosen is not None else m.id not in offer.repeated
            it.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            it.setData(Qt.ItemDataRole.UserRole, m.id)
            it.setToolTip(m.text or m.title)
        self.list.blockSignals(False)
        self.take.setChecked(taking)
        self.list.setEnabled(taking)

    def chosen(self) -> set[int]:
        """The ticked measures' ids."""
        out = set()
        for n in range(self.list.count()):
            it = self.list.item(n)
            if it.checkState() == Qt.CheckState.Checked:
                out.add(int(it.data(Qt.ItemDataRole.UserRole)))
        return out
