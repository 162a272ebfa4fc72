"""Command-line tools: `halfyear parse`, the store commands and the Excel commands."""

from __future__ import annotations

import argparse
import importlib
import sys

from desktop import __version__

# Each module adds its subcommands with `register(subparsers)`; handlers return the exit status.
_COMMAND_MODULES = ("desktop.cli.parse_cmd", "desktop.cli.store_cmds", "desktop.cli.excel_cmds")


def build_parser() -> argparse.ArgumentParser:
    """The `halfyear` argument parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="halfyear",
        description="把工作总结里的“下一步工作打算”变成任务台账。不带参数运行时打开桌面程序。",
    )
    parser.add_argument("--version", action="version", version=f"halfyear {__version__}")
    parser.add_argument("--db", metavar="URL", help="数据库地址（默认：用户数据目录下的 SQLite 文件；也可用环境变量 HALFYEAR_DB）")
    sub = parser.add_subparsers(dest="command", metavar="命令")
    for name in _COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one subcommand and return its exit status (2 for errors, with a Chinese line on stderr)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    return int(args.func(args))


def fail(message: str) -> int:
    """Print one error line for the user and return the error exit status."""
    print(f"错误：{message}", file=sys.stderr)
    return 2
