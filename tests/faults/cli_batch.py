"""Child of the fault suite: run several `halfyear` commands in one process and print what each said.

Starting one interpreter per command would cost a second each; main() runs the same code. The output
is one JSON line per command: {"args", "code", "out", "err"}; anything written to the real stderr
outside a command (a destructor's complaint, a warning) is the test's to see as well.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys


def main(commands: list[list[str]]) -> None:
    from desktop.cli import main as cli_main

    for args in commands:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli_main(args)
            except BaseException as exc:  # noqa: BLE001 - the test reports any escape as a failure
                import traceback

                code = 99
                err.write("Traceback " + "".join(traceback.format_exception(exc)))
        print(json.dumps({"args": args, "code": code, "out": out.getvalue(), "err": err.getvalue()},
                         ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main(json.loads(sys.argv[1]))
