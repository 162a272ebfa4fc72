"""Domain exceptions; every message is Chinese text fit to show a clerk as it is."""

from collections.abc import Sequence


class ReportError(Exception):
    """A report could not be read or has no usable plan; `str(exc)` says what to do."""


class ReportReadError(ReportError):
    """The file is missing, unreadable, empty, binary or of an unsupported type."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(message)
        self.path = path


class NoPlanSectionError(ReportError):
    """No level-1 heading looks like a plan; `headings` lists the ones that were found."""

    def __init__(self, source: str, headings: Sequence[str], wanted: str | None = None) -> None:
        self.source = source
        self.headings = tuple(headings)
        self.wanted = wanted
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


class Cancelled(Exception):
    """The user cancelled a long-running operation; never shown as an error."""
