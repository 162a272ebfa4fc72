"""Entry point: no arguments opens the window, subcommands run the command-line tools."""

import sys


def main(argv: list[str] | None = None) -> int:
    """Run `halfyear`: the desktop app without arguments, a CLI subcommand otherwise."""
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0].startswith("--db") and len(args) <= 2:
        from desktop.ui.app import run  # Qt is imported only when the window is wanted

        return run(args)
    if args == ["selftest"]:  # the window's own start-up path, without the CLI's imports (SQLAlchemy & co.)
        from desktop.ui.selftest import run_selftest

        return run_selftest()
    from desktop.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
