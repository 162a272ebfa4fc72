"""Build step only (the metadata is in pyproject.toml): the wheel carries resources/ and seeds/.

They stay at the repository's top level, where people look for them, and are copied into the package as
`desktop/_data/` when a wheel is built; desktop/data_dirs.py finds them there. An editable install copies
nothing: it reads the repository's folders directly.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent

# What the running app reads; the translations' .ts sources and READMEs stay in the repository.
DATA_FILES = {
    "resources": ("icons/*.svg", "styles/*.qss", "translations/*.qm", "help/*.html", "help/*.png"),
    "seeds": ("*.txt", "*.docx"),
}


class BuildPyWithData(build_py):
    """build_py that also copies the app's data files into desktop/_data/."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib, "desktop", "_data")
        shutil.rmtree(target, ignore_errors=True)  # build/ outlives builds: a removed seed must not linger
        for folder, patterns in DATA_FILES.items():
            for pattern in patterns:
                for src in sorted((ROOT / folder).glob(pattern)):
                    dest = target / folder / src.relative_to(ROOT / folder)
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(src, dest)


setup(cmdclass={"build_py": BuildPyWithData})
