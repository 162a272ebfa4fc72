"""What the import and Excel flows see of the main window: a narrow interface instead of its fields."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QWidget

    from db.api import ImportResult, ReportSummary
    from desktop.services.export import ExportResult
    from desktop.ui.commands import StepCommand


class FlowHost(Protocol):
    """The window as a flow uses it; the flows' dialogs and store ops are parented to `widget`."""

    @property
    def widget(self) -> QWidget:
        """The window itself (parent of dialogs; its store runs the flows' ops)."""

    @property
    def settings(self) -> QSettings:
        """Where the flows remember their folders."""

    @property
    def who(self) -> str:
        """Who the history records for this session's writes."""

    def say(self, text: str, msecs: int = 0) -> None:
        """A line in the status bar (0: until replaced; an empty text clears it)."""

    def known_units(self) -> list[str]:
        """The units named in the rows loaded (offered by the export's unit filter)."""

    def current_report(self) -> ReportSummary | None:
        """The report shown, or None for the list of all reports."""

    def open_imported(self, report_id: int) -> None:
        """Show this newly imported report once the list has been read again."""

    def refresh(self) -> None:
        """Read everything again (after a merge)."""

    def push_step(self, step: StepCommand) -> None:
        """Put a step whose writes have settled on the undo stack."""

    def seen_version(self, item_id: int) -> int | None:
        """The newest version of a row this window saw or wrote."""

    def import_done(self, results: list[tuple[str, ImportResult | Exception]]) -> None:
        """An import ended (each file's ImportResult or error; empty when nothing was imported)."""

    def export_done(self, result: ExportResult) -> None:
        """An export ended (its ExportResult)."""

    def merge_done(self, result: int | Exception | None) -> None:
        """A merge, or its undo or redo, ended: rows written, None when cancelled, or the error."""
