"""Start a throw-away PostgreSQL server for the tests (as the `postgres` user when running as root)."""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL binaries on this machine, or the server did not start."""


def find_bin() -> Path | None:
    """The newest PostgreSQL bin folder (Debian keeps them in /usr/lib/postgresql/N/bin), or $PATH's."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: [int(x) for x in p.split("/")[-2].split(".") if x.isdigit()])
    if found and (Path(found[-1]) / "initdb").exists():
        return Path(found[-1])
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PgServer:
    """A running server: `url(dbname)` gives a psycopg SQLAlchemy URL."""

    bin: Path
    data: Path
    port: int
    as_user: list[str]

    def url(self, dbname: str = "postgres") -> str:
        """SQLAlchemy URL of one database on this server."""
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{dbname}"

    def stop(self) -> None:
        """Stop the server and delete its data folder."""
        subprocess.run([*self.as_user, str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w",
                        "stop"], capture_output=True, check=False)
        shutil.rmtree(self.data.parent, ignore_errors=True)


_PREFIX = "halfyear-pg-"
_OWNER = "owner.pid"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def stop_orphans(pgbin: Path) -> None:
    """Stop servers left behind by test runs that died without teardown (their owner process is gone)."""
    for owner in Path(tempfile.gettempdir()).glob(f"{_PREFIX}*/{_OWNER}"):
        try:
            pid = int(owner.read_text().strip())
        except (OSError, ValueError):
            continue
        if _alive(pid):
            continue
        root = owner.parent
        as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run([*as_user, str(pgbin / "pg_ctl"), "-D", str(root / "data"), "-m", "immediate", "-w", "stop"],
                       capture_output=True, check=False)
        shutil.rmtree(root, ignore_errors=True)


def start() -> PgServer:
    """initdb into a temp folder and start the server on 127.0.0.1 (fsync off: test data is disposable)."""
    pgbin = find_bin()
    if pgbin is None:
        raise PostgresUnavailable("PostgreSQL is not installed (no initdb found)")
    stop_orphans(pgbin)
    root = Path(tempfile.mkdtemp(prefix=_PREFIX))
    (root / _OWNER).write_text(str(os.getpid()))  # lets a later run stop this server if we die uncleanly
    data = root / "data"
    as_user: list[str] = []
    if os.geteuid() == 0:  # the server refuses to run as root
        shutil.chown(root, "postgres", "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    os.chmod(root, 0o755)
    run = lambda *cmd: subprocess.run([*as_user, *cmd], capture_output=True, text=True, check=False)  # noqa: E731
    res = run(str(pgbin / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
              "--locale=C.UTF-8", "--no-sync")
    if res.returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        raise PostgresUnavailable(f"initdb failed: {res.stderr.strip()}")
    port = _free_port()
    opts = (f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off -c max_connections=50")
    res = run(str(pgbin / "pg_ctl"), "-D", str(data), "-l", str(root / "server.log"), "-o", opts, "-w", "start")
    if res.returncode != 0:
        log = (root / "server.log").read_text(errors="replace") if (root / "server.log").exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        raise PostgresUnavailable(f"pg_ctl start failed: {res.stderr.strip()} {log[-500:]}")
    return PgServer(bin=pgbin, data=data, port=port, as_user=as_user)
