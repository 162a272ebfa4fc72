"""Command-line tools: `halfyear parse`, the store commands and the Excel commands."""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from collections.abc import Iterable
from typing import Any

from desktop import __version__

# Each module adds its subcommands with `register(subparsers)`; handlers return the exit status.
_COMMAND_MODULES = ("desktop.cli.parse_cmd", "desktop.cli.store_cmds", "desktop.cli.excel_cmds",
                    "desktop.cli.selftest_cmd", "desktop.cli.review_cmd")


# argparse speaks English; a clerk gets these usage errors in Chinese.
_ARGPARSE_ERRORS = (
    (re.compile(r"argument (\S+): invalid choice: '?([^']*)'? \(choose from (.*)\)"),
     lambda m: f"{m[1]} 不能是“{m[2]}”，可选：" + m[3].replace("'", "")),
    (re.compile(r"the following arguments are required: (.*)"), lambda m: f"缺少参数：{m[1]}"),
    (re.compile(r"unrecognized arguments: (.*)"), lambda m: f"无法识别的参数：{m[1]}"),
    (re.compile(r"argument (\S+): invalid (\w+) value: '?([^']*)'?"), lambda m: f"{m[1]} 的取值“{m[3]}”格式不对"),
    (re.compile(r"argument (\S+): expected one argument"), lambda m: f"{m[1]} 后面需要一个取值"),
    (re.compile(r"argument (\S+): (.*)"), lambda m: f"{m[1]}：{m[2]}"),
)


class _ChineseHelpFormatter(argparse.HelpFormatter):
    """argparse's layout with the usage line headed in Chinese (its default prefix is English)."""

    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                  groups: Iterable[argparse._MutuallyExclusiveGroup], prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class _ChineseArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser that writes its help in Chinese and its usage errors as one Chinese line (exit status 2).

    Every subcommand's parser is one too: argparse makes them with the class of the parser they belong to.
    """

    def __init__(self, *args: Any, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _ChineseHelpFormatter)
        kwargs["add_help"] = False  # our own -h below, in Chinese
        super().__init__(*args, **kwargs)
        # the two argument groups every parser starts with, titled by argparse in English
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        if add_help:  # argparse's own -h says "show this help message and exit"
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="显示本帮助并退出")

    def error(self, message: str) -> None:  # type: ignore[override]
        for pattern, say in _ARGPARSE_ERRORS:
            m = pattern.search(message)
            if m:
                message = say(m)
                break
        self.print_usage(sys.stderr)
        self.exit(2, f"错误：{message}。运行 {self.prog} --help 查看用法。\n")


def build_parser() -> argparse.ArgumentParser:
    """The `halfyear` argument parser with every subcommand registered."""
    parser = _ChineseArgumentParser(
        prog="halfyear",
        description="把工作总结里的“下一步工作打算”变成任务台账。不带参数运行时打开桌面程序。",
    )
    parser.add_argument("--version", action="version", version=f"halfyear {__version__}", help="显示版本号并退出")
    parser.add_argument("--db", metavar="URL", help="数据库地址（默认：用户数据目录下的 SQLite 文件；也可用环境变量 HALFYEAR_DB）")
    sub = parser.add_subparsers(dest="command", metavar="命令", title="命令",
                                description="每个命令的用法：halfyear 命令 --help")
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
    try:
        return int(args.func(args))
    except BrokenPipeError:  # `halfyear list | head`: the reader left, nothing is wrong
        sys.stderr.close()
        return 0
    except OSError as exc:  # a file error a command did not expect: still one line, never a traceback
        from desktop.core.os_words import os_words

        where = f"“{exc.filename}”" if exc.filename else "文件"
        return fail(f"读写{where}时出错：{os_words(exc)}。请检查路径、权限和磁盘空间后再试。")


def fail(message: str) -> int:
    """Print one error line for the user and return the error exit status."""
    print(f"错误：{message}", file=sys.stderr)
    return 2
