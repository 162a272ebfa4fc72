"""A cheaper answer to the question PySide6 asks about every module imported after it (PYSIDE-2029).

To support `from __feature__ import ...`, PySide's import hook asks whether each newly imported module
"uses PySide6", by calling `inspect.getsource()` on it and searching the text. That goes through
`linecache`, which keeps every source it read for the life of the process. Measured here: opening the
store imports ~400 modules (SQLAlchemy, Alembic) after Qt; the check took 45-130 ms of it and left
10.7 MB of source text in memory; the window's own start-up modules cost ~5 ms of the cold start.

The replacement answers from a plain read of the file and keeps nothing. For any source Python can
decode the answer is PySide's; an undecodable file that holds the bytes "PySide6" counts as using
PySide, which only stops PySide from skipping the module when it switches features (this app uses
none). Anything that is not a readable .py file on disk (built-in, extension, source-less, zipped)
goes to PySide's own check. When PySide no longer has the hook (another version), nothing is changed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

_FEATURE_MODULE = "shibokensupport.feature"
_HOOK = "_mod_uses_pyside"


def install() -> bool:
    """Put the plain-read check in place of PySide's (once); False when PySide has no such hook."""
    feature = sys.modules.get(_FEATURE_MODULE)
    original = getattr(feature, _HOOK, None)
    if original is None:
        return False
    if getattr(original, "is_plain_read", False):
        return True
    setattr(feature, _HOOK, plain_read_check(original))
    return True


def plain_read_check(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    """PySide's test, "does the module's source contain PySide6", answered without inspect/linecache."""

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)  # built-in, extension or source-less module: PySide knows those cases
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    uses_pyside.is_plain_read = True  # type: ignore[attr-defined]
    uses_pyside.original = original  # type: ignore[attr-defined]
    return uses_pyside
