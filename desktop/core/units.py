"""Unit names as clerks write them: 配合单位 often lists several (宣传科、党校 / 宣传科，党校)."""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[、，,；;/\s]+")


def split_units(text: str) -> list[str]:
    """The unit names in a 牵头单位/配合单位 cell, in order, without separators or blanks."""
    return [u for u in _SEPARATORS.split(text.strip()) if u] if text else []
