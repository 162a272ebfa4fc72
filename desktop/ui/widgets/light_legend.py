"""What the coloured dots mean, in the status bar: the rule on show and its thresholds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from desktop.ui.icons import LIGHT_COLOURS

if TYPE_CHECKING:
    from db.api import LightSettings


def _dot(light: str) -> str:
    return f'<span style="color:{LIGHT_COLOURS[light]}; font-size:15px;">●</span>'


def legend_html(rule: str, lights: LightSettings) -> str:
    """`● 逾期未完成 ● 15 天内到期 ● 未到期或已完成` (or the 序时进度 rule's words), as rich text."""
    t = QCoreApplication.translate
    if rule == "schedule":
        parts = [("red", t("Legend", "落后序时进度超过 %1 点").replace("%1", str(lights.schedule_red_points))),
                 ("yellow", t("Legend", "落后 %1–%2 点").replace("%1", str(lights.schedule_yellow_points))
                  .replace("%2", str(lights.schedule_red_points))),
                 ("green", t("Legend", "达到序时进度"))]
        head = t("Legend", "按序时进度：")
    else:
        parts = [("red", t("Legend", "逾期未完成")),
                 ("yellow", t("Legend", "%1 天内到期").replace("%1", str(lights.deadline_yellow_days))),
                 ("green", t("Legend", "未到期或已完成"))]
        head = t("Legend", "按完成时限：")
    return head + "&nbsp;&nbsp;".join(f"{_dot(light)}&nbsp;{text}" for light, text in parts)
