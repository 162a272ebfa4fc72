"""`halfyear --help` and every subcommand's help are Chinese: none of argparse's English headings or texts."""

from __future__ import annotations

import argparse

import pytest

from desktop.cli import build_parser, main

_ENGLISH = ("usage:", "options", "positional arguments", "optional arguments", "show this help message and exit",
            "show program's version number and exit")


def _subcommands() -> list[str]:
    parser = build_parser()
    (sub,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))  # noqa: SLF001
    return sorted(sub.choices)


def test_there_are_subcommands_to_check() -> None:
    assert {"parse", "import", "show", "export", "merge", "selftest"} <= set(_subcommands())


@pytest.mark.parametrize("args", [[], *([name] for name in _subcommands())], ids=lambda a: " ".join(a) or "halfyear")
def test_help_is_chinese(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([*args, "--help"])
    assert exit_.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith("用法：halfyear") and "显示本帮助并退出" in text
    assert not [word for word in _ENGLISH if word in text.lower()], text


def test_usage_errors_start_the_usage_line_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["parse"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("用法：halfyear parse") and "usage" not in err
