"""What the store could not do when it opened (today's backup on a full disk) is said in the window."""

from __future__ import annotations


def test_the_stores_warnings_are_shown_once_the_store_is_attached(qtbot, store, settings, monkeypatch) -> None:  # noqa: ANN001
    from desktop.ui.errors import Messages
    from desktop.ui.main_window import MainWindow

    said: list[tuple[str, str]] = []
    monkeypatch.setattr(Messages, "warn", classmethod(lambda cls, parent, title, text, details="": said.append((title, text))))
    store.warnings.append("今天的自动备份没有完成：磁盘空间不足。")
    w = MainWindow(None, settings=settings)
    qtbot.addWidget(w)
    w.set_store(store)
    qtbot.waitUntil(lambda: not w.jobs.busy, timeout=10000)  # the loads it started end before the window does
    assert said == [("自动备份没有完成", "今天的自动备份没有完成：磁盘空间不足。")]
