"""Which LibreOffice the render tests can use: Debian splits it into packages (Calc and Writer apart), and the
`soffice` launcher comes with either, so a test must find the part it converts with, not just the launcher."""

from __future__ import annotations

import shutil
from pathlib import Path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def has_part(library: str) -> bool:
    """Whether LibreOffice's program folder holds `library` (Calc: "sclo", Writer: "swlo") on any platform."""
    if SOFFICE is None:
        return False
    program = Path(SOFFICE).resolve().parent
    return any((program / name).exists() for name in (f"lib{library}.so", f"{library}.dll", f"lib{library}.dylib"))


CALC = has_part("sclo")
WRITER = has_part("swlo")
