"""A TCP proxy on 127.0.0.1 that delays each direction and counts round trips (a database "far away").

`bench/ui.py` puts it between the window and the PostgreSQL test server: 20 ms each way is a server in
another building. A round trip is counted each time a client starts sending after it last heard from the
server (or first sends): statements the client pipelines without waiting count once.
"""

from __future__ import annotations

import heapq
import socket
import threading
import time
from dataclasses import dataclass, field


@dataclass
class _Link:
    """One client connection: the last direction seen, for counting round trips."""

    last_from_client: bool = False
    open: bool = True
    lock: threading.Lock = field(default_factory=threading.Lock)


class LatencyProxy:
    """Forward 127.0.0.1:`port` to `target`, each chunk held back `delay_s` in each direction."""

    def __init__(self, target_host: str, target_port: int, *, delay_s: float = 0.02) -> None:
        self.target = (target_host, target_port)
        self.delay_s = delay_s
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        self._count_lock = threading.Lock()
        self._round_trips = 0
        self._last_traffic = time.monotonic()
        self._closed = False
        self._sockets: list[socket.socket] = []
        threading.Thread(target=self._accept, name="latency-proxy", daemon=True).start()

    @property
    def round_trips(self) -> int:
        """Round trips counted so far, over every connection."""
        with self._count_lock:
            return self._round_trips

    @property
    def idle_seconds(self) -> float:
        """Seconds since the last byte passed in either direction."""
        with self._count_lock:
            return time.monotonic() - self._last_traffic

    def url(self, dbname: str) -> str:
        """A SQLAlchemy URL to `dbname` through the proxy."""
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{dbname}"

    def close(self) -> None:
        """Stop accepting and cut every connection (their clients see the server go away)."""
        self._closed = True
        self._listener.close()
        with self._count_lock:
            sockets, self._sockets = self._sockets, []
        for s in sockets:
            _shut(s)
            s.close()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _addr = self._listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.target)
            with self._count_lock:
                self._sockets += [client, server]
            for s in (client, server):
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            link = _Link()
            _Pump(self, link, client, server, from_client=True).start()
            _Pump(self, link, server, client, from_client=False).start()

    def _seen(self, link: _Link, from_client: bool) -> None:
        with self._count_lock:
            self._last_traffic = time.monotonic()
            if from_client and not link.last_from_client:
                self._round_trips += 1
            link.last_from_client = from_client


class _Pump:
    """Read one side, write to the other `delay_s` later (a reader thread and a timed writer thread)."""

    def __init__(self, proxy: LatencyProxy, link: _Link, src: socket.socket, dst: socket.socket, *,
                 from_client: bool) -> None:
        self._proxy, self._link, self._src, self._dst = proxy, link, src, dst
        self._from_client = from_client
        self._queue: list[tuple[float, int, bytes]] = []
        self._seq = 0
        self._ready = threading.Condition()
        self._eof = False

    def start(self) -> None:
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._write, daemon=True).start()

    def _read(self) -> None:
        while True:
            try:
                data = self._src.recv(65536)
            except OSError:
                data = b""
            if data:
                self._proxy._seen(self._link, self._from_client)
            with self._ready:
                if not data:
                    self._eof = True
                else:
                    self._seq += 1
                    heapq.heappush(self._queue, (time.monotonic() + self._proxy.delay_s, self._seq, data))
                self._ready.notify()
            if not data:
                return

    def _write(self) -> None:
        while True:
            with self._ready:
                while not self._queue and not self._eof:
                    self._ready.wait()
                if not self._queue:
                    break
                due, _seq, data = self._queue[0]
                wait = due - time.monotonic()
                if wait > 0:
                    self._ready.wait(wait)
                    continue
                heapq.heappop(self._queue)
            try:
                self._dst.sendall(data)
            except OSError:
                break
        for s in (self._dst, self._src):
            _shut(s)


def _shut(s: socket.socket) -> None:
    try:
        s.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
