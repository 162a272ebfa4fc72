"""Help ▸ 关于: the version, where the data lives, and the backups folder."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop import __version__


def data_location(url: str) -> str:
    """The database file (SQLite) or the server address without the password, from the store's URL."""
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        return str(Path(path))
    if "@" in url:
        scheme, _, rest = url.partition("://")
        user_host = rest.split("@", 1)
        return f"{scheme}://{user_host[0].split(':')[0]}@{user_host[1]}"
    return url


class AboutDialog:
    """The About box (a classmethod so tests can replace it)."""

    @classmethod
    def text(cls, parent: QWidget, url: str) -> str:
        """The box's HTML."""
        loc = html.escape(data_location(url))
        return parent.tr(
            "<h3>半年工作台账 %1</h3>"
            "<p>把半年工作总结里的“下一步工作打算”变成可勾选、可跟踪的任务台账。</p>"
            "<p>数据位置：<br><code>%2</code></p>"
            "<p>每次修改都立即保存；每天首次打开时自动备份数据库（保留最近 10 份）。</p>"
        ).replace("%1", __version__).replace("%2", loc)

    @classmethod
    def show_for(cls, parent: QWidget, url: str) -> None:
        """Show the box for the database at `url`."""
        QMessageBox.about(parent, parent.tr("关于半年工作台账"), cls.text(parent, url))
