"""Icons from resources/icons (SVG, sharp at any DPI) and the coloured light marks."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from desktop.data_dirs import resources_dir

LIGHT_COLOURS = {"green": "#2e9d57", "yellow": "#e6a700", "red": "#d93025"}


@cache
def icon(name: str) -> QIcon:
    """resources/icons/<name>.svg as a QIcon (empty icon when missing, never an error)."""
    path = resources_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


@cache
def light_icon(light: str) -> QIcon:
    """A filled circle in the light's colour, drawn at 1× and 2× so it stays crisp on high-DPI screens."""
    # Imported here: the painting classes are first needed for a row, after the window's first paint.
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QPainter, QPixmap

    result = QIcon()
    for scale in (1, 2):
        size = 16 * scale
        pm = QPixmap(size, size)
        pm.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pm)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(LIGHT_COLOURS.get(light, "#00000000")))  # unknown/none: transparent
        margin = 4 * scale
        painter.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin))
        painter.end()
        pm.setDevicePixelRatio(scale)
        result.addPixmap(pm)
    return result
