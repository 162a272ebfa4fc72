"""Child of the concurrency checks: run `halfyear done/status ID --note …` many times, log acknowledged ones.

Each write carries a note unique to this process and step; a line `ack NOTE` is printed only after the
command returned 0, so the parent can check that every acknowledged note reached the database.
Modes: `loop` runs the CLI's main() in this process (no interpreter start per command, the same code
path); `spawn` starts a real `python -m desktop` per command, as a shell loop would.
"""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys


def _command(item_id: int, step: int, note: str) -> list[str]:
    if step % 2:
        return ["done", str(item_id), "--note", note]
    return ["status", str(item_id), "推进中", "--note", note]


def main(url: str, worker: int, writes: int, ids: list[int], mode: str) -> None:
    from desktop.cli import main as cli_main

    for step in range(writes):
        item_id = ids[(step + worker) % len(ids)]
        note = f"[w{worker}-n{step}]"
        args = ["--db", url, *_command(item_id, step, note)]
        if mode == "spawn":
            res = subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True)
            code, err = res.returncode, res.stderr
        else:
            out, errs = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(errs):
                code = cli_main(args)
            err = errs.getvalue()
        if code == 0:
            print(f"ack {note}", flush=True)
        else:
            print(f"refused {note} {code} {err.strip()!r}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), [int(x) for x in sys.argv[4].split(",")], sys.argv[5])
