"""The core, the services and the store never import Qt, so they run without a display."""

import subprocess
import sys

from tests.conftest import ROOT


def test_core_services_and_db_do_not_import_qt():
    code = (
        "import importlib, pkgutil, sys\n"
        "import desktop.core, desktop.services, db, desktop.cli\n"
        "for pkg in (desktop.core, desktop.services, db):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        if '.migrations' not in m.name:\n"
        "            importlib.import_module(m.name)\n"
        "from desktop.cli import build_parser\n"
        "build_parser()\n"
        "print(sorted(n for n in sys.modules if n.startswith('PySide6')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
