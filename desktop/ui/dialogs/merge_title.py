"""Ask which title a merged row keeps: each row's own, both joined, or one typed."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QWidget


def joined(titles: list[str]) -> str:
    """The titles one after another, as a merged row may be named."""
    return "；".join(t.rstrip("。；;，, ") for t in titles)


class MergeTitleDialog:
    """The question behind a classmethod, so tests can answer it."""

    @classmethod
    def ask(cls, parent: QWidget, titles: list[str]) -> str | None:
        """The merged row's title (the first offered, editable), or None when cancelled."""
        if len(set(titles)) <= 1:
            return titles[0] if titles else None
        choices = [*dict.fromkeys(titles), joined(titles)]
        text, ok = QInputDialog.getItem(parent, parent.tr("合并后的标题"),
                                        parent.tr("合并后这一行用哪个标题？（可选一个，也可直接修改）"),
                                        choices, 0, True)
        text = text.strip()
        return text if ok and text else None
