"""Help ▸ 关于: the version, where the data lives, and the backups folder."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QMessageBox, QWidget

from db.backup_files import DEFAULT_KEEP
from db.engine import shown_address
from desktop import __version__


def data_location(url: str) -> str:
    """The database file (SQLite) or the server address without the password, from the store's URL."""
    return shown_address(url) if url else ""


class AboutDialog:
    """The About box (a classmethod so tests can replace it)."""

    @classmethod
    def text(cls, parent: QWidget, url: str, keep: int = DEFAULT_KEEP) -> str:
        """The box's HTML; `keep`: how many daily backups are kept (设置)."""
        loc = html.escape(data_location(url))
        saving = (parent.tr("<p>每次修改都立即保存；每天首次打开时自动备份数据库（保留最近 %1 份）。</p>").replace("%1", str(keep))
                  if url.startswith("sqlite") else parent.tr("<p>每次修改都立即保存到数据库服务器；服务器的备份由其管理员负责。</p>"))
        return parent.tr(
            "<h3>半年工作台账 %1</h3>"
            "<p>把半年工作总结里的“下一步工作打算”变成可勾选、可跟踪的任务台账。</p>"
            "<p>数据位置：<br><code>%2</code></p>"
        ).replace("%1", __version__).replace("%2", loc) + saving

    @classmethod
    def show_for(cls, parent: QWidget, url: str, keep: int = DEFAULT_KEEP) -> None:
        """Show the box for the database at `url`."""
        QMessageBox.about(parent, parent.tr("关于半年工作台账"), cls.text(parent, url, keep))
