"""Start the desktop application."""

from __future__ import annotations

import sys


def run(argv: list[str]) -> int:
    """Open the main window (a placeholder until the desktop issue lands)."""
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication(sys.argv[:1] + argv)
    label = QLabel("halfyear：桌面界面正在开发中。可先用 `halfyear parse 文件` 查看报告里的计划。")
    label.setMargin(24)
    label.show()
    return app.exec()
