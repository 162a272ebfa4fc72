"""Shared fixtures. Qt must be told to run offscreen before anything imports it."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(params=SEEDS, ids=lambda p: p.name[:3])
def seed_path(request: pytest.FixtureRequest) -> Path:
    """Each sample report in seeds/ in turn."""
    return request.param
