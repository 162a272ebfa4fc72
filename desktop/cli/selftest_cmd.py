"""`halfyear selftest`: check an installation by starting the window on a throw-away database."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Add the `selftest` subcommand."""
    p = sub.add_parser("selftest", help="检查安装是否完整（打开窗口，载入示例，检查图标、样式、中文按钮和字体后退出）",
                       description="在临时数据库上打开窗口并载入示例报告，检查图标、样式表、Qt 的中文按钮和中文字体，"
                                   "然后自动退出。不读写您自己的数据库和设置。全部通过时退出码为 0。")
    p.add_argument("--timeout", type=float, default=60.0, metavar="秒", help="等待示例载入的最长时间（默认 60 秒）")
    p.set_defaults(func=_selftest)


def _selftest(args: argparse.Namespace) -> int:
    from desktop.ui.selftest import run_selftest  # Qt only now: the other commands never load it

    return run_selftest(timeout_s=args.timeout)
