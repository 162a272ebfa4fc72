"""Domain exceptions; every message is Chinese text fit to show a clerk as it is."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the window's job runner imports this module before its first paint; the types' ~20 classes wait
    from desktop.core.types import Alternative


class ReportError(Exception):
    """A report could not be read or has no usable plan; `str(exc)` says what to do."""


class ReportReadError(ReportError):
    """The file is missing, unreadable, empty, binary or of an unsupported type."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(message)
        self.path = path


class NoPlanSectionError(ReportError):
    """No section reads as a plan; `headings` lists the level-1 ones, `alternatives` the ranked candidates."""

    def __init__(self, source: str, headings: Sequence[str], wanted: str | None = None,
                 alternatives: Sequence[Alternative] = ()) -> None:
        self.source = source
        self.headings = tuple(headings)
        self.wanted = wanted
        self.alternatives = tuple(alternatives)
        super().__init__(self.explain())

    def explain(self, how_to_pick: str = "请用 --section 指定其中一个。") -> str:
        """The message, ending in `how_to_pick` (the command line's option, or where the app offers the list)."""
        if self.wanted:
            first = f"{self.source}：没有找到标题为“{self.wanted}”的部分。"
        else:
            first = f"{self.source}：没有找到“下一步工作打算”一类的计划部分。"
        if self.headings:
            return first + "找到的一级标题有：" + "；".join(self.headings) + "。" + how_to_pick
        return first + "文中没有“一、二、三、”式的一级标题，请确认这是一份工作总结或计划。"


class SpreadPlanError(NoPlanSectionError):
    """The plan is spread over several sections (`sections`); the user takes the ones they want together."""

    def __init__(self, source: str, sections: Sequence[str], alternatives: Sequence[Alternative] = (),
                 headings: Sequence[str] | None = None) -> None:
        self.sections = tuple(sections)
        # `headings`: the level-1 headings, as for NoPlanSectionError (the sections when not given)
        super().__init__(source, sections if headings is None else headings, alternatives=alternatives)

    def explain(self, how_to_pick: str = "") -> str:
        """The message: the sections the plan is spread over, and how to take them together."""
        how = how_to_pick or ("请用 --section 逐个指定要导入的部分（可多次使用，例如 --section "
                              f"\"{self.sections[0]}\" --section \"{self.sections[-1]}\"）。")
        return (f"{self.source}：计划分散在 {len(self.sections)} 个部分中，没有单独的“工作打算”部分："
                + "；".join(self.sections) + "。" + how)


class Cancelled(Exception):
    """The user cancelled a long-running operation; never shown as an error."""
