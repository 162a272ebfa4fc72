"""The one place errors reach the user: friendly Chinese text, details to copy, a log line."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger("halfyear.ui")


def tr(text: str) -> str:
    """Translate in the "errors" context."""
    return QCoreApplication.translate("errors", text)


def friendly(exc: BaseException) -> str:
    """A message a clerk can act on; our own exceptions already carry Chinese text."""
    from db.api import StoreError
    from desktop.core.errors import ReportError
    from desktop.core.ledger_model import LedgerError

    name = type(exc).__name__
    if isinstance(exc, (ReportError, StoreError, LedgerError)):  # our own errors carry Chinese text
        return str(exc)
    if isinstance(exc, OSError):
        return tr("读写文件时出错：%1。请检查文件是否存在、是否被其他程序占用。").replace("%1", str(exc))
    return tr("发生了意外错误（%1）。您的数据已保存；请把“详细信息”复制给技术人员。").replace("%1", name)


class Messages:
    """Message boxes behind classmethods, so tests can replace them instead of blocking in exec()."""

    @classmethod
    def warn(cls, parent: QWidget | None, title: str, text: str, details: str = "") -> None:
        """Show a warning; `details` goes behind a button and can be copied."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
        if details:
            box.setDetailedText(details)
            copy = box.addButton(tr("复制详情"), QMessageBox.ButtonRole.ActionRole)
            copy.clicked.disconnect()
            copy.clicked.connect(lambda: QApplication.clipboard().setText(text + "\n\n" + details))
        box.exec()

    @classmethod
    def confirm(cls, parent: QWidget | None, title: str, text: str) -> bool:
        """Ask yes/no; True for yes."""
        answer = QMessageBox.question(parent, title, text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    """Report an exception to the user and the log; never raises."""
    details = "".join(traceback.format_exception(exc))
    log.error("%s", details)
    Messages.warn(parent, title or tr("出错了"), friendly(exc), details)
