"""Export (Ctrl+E) and merge-back actions, wired only when the Excel services are installed."""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def available(module: str) -> bool:
    """True when `desktop.services.<module>` exists (without importing openpyxl at start-up)."""
    try:
        return importlib.util.find_spec(f"desktop.services.{module}") is not None
    except ModuleNotFoundError:
        return False


def install(window: MainWindow) -> None:
    """Add the actions to the File menu and toolbar when their services exist; otherwise add nothing."""
    if available("export") and importlib.util.find_spec("desktop.ui.export_actions") is not None:
        from desktop.ui import export_actions

        export_actions.install(window)
