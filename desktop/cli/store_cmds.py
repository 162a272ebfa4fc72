"""Subcommands registered by a later issue."""

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # noqa: ARG001 - filled in by its issue
    """Add this module's subcommands (none yet)."""
