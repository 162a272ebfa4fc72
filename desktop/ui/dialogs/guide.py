"""帮助 ▸ 使用说明: the illustrated guide (resources/help/guide.html, shipped in the wheel and the bundle)."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from desktop.data_dirs import resources_dir


def guide_path() -> str:
    """Where the guide's HTML is."""
    return str(resources_dir() / "help" / "guide.html")


class GuideDialog(QDialog):
    """The guide in a browser pane, beside the window (not modal: one can follow it while working)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("使用说明"))
        self.setObjectName("guideDialog")
        self.setModal(False)
        self.resize(760, 700)
        lay = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setObjectName("guideText")
        self.browser.setOpenExternalLinks(False)
        self.browser.setSearchPaths([str(resources_dir() / "help")])
        self.browser.setSource(QUrl.fromLocalFile(guide_path()))
        lay.addWidget(self.browser, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.close)
        lay.addWidget(buttons)

    @classmethod
    def show_for(cls, parent: QWidget) -> GuideDialog:
        """Show the guide (one per window), centred over it."""
        dlg = parent.findChild(cls)
        if dlg is None:
            dlg = cls(parent)
            frame = parent.frameGeometry()
            dlg.move(frame.center().x() - dlg.width() // 2, max(frame.top() + 40, frame.center().y() - dlg.height() // 2))
        dlg.show()
        dlg.raise_()
        return dlg
