"""Where the app's data files are: icons, style sheet, translations and the sample reports (Qt-free).

An installed wheel or a PyInstaller bundle carries them inside the package, in `desktop/_data/`
(setup.py copies the repository's `resources/` and `seeds/` there at build time). A source checkout
or an editable install has no `_data`: there the repository's own folders are used, so a developer's
edit to an icon or the style sheet shows at the next start without reinstalling.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_PACKAGED = _PACKAGE / "_data"


@cache
def data_root() -> Path:
    """The folder holding `resources/` and `seeds/`: the package's own copy when there is one."""
    if _PACKAGED.is_dir():
        return _PACKAGED
    checkout = _PACKAGE.parent  # desktop/ sits at the repository's top level
    if (checkout / "resources").is_dir() and (checkout / "pyproject.toml").is_file():
        return checkout
    return _PACKAGED  # neither: lookups find nothing, and callers fall back (no icons, no samples)


def resources_dir() -> Path:
    """icons/, styles/ and translations/ (compiled .qm files)."""
    return data_root() / "resources"


def seeds_dir() -> Path:
    """The sample reports loaded on a new database's first start."""
    return data_root() / "seeds"
