"""The parser's worker process: started on first use, reused, replaced when it dies (Qt-free).

Parsing is pure Python; in a thread of the app it holds the interpreter lock the UI thread needs for every
paint, and a 400-item report made the window stall for 60–150 ms (bench/ui.py). A worker process has its
own interpreter: the app's thread only waits for the answer. Where no process can be started, parsing
falls back to the calling thread.

Kept apart from parsing.py because multiprocessing and concurrent.futures take ~25 ms to import: the
window imports parsing.py for its data types on the UI thread, and only jobs import this module.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from threading import Lock
from typing import TypeVar

from desktop.core.errors import Cancelled
from desktop.core.types import CancelFn, ProgressFn
from desktop.services.parsing import ParsedFile, extract_again_safely, parse_safely

T = TypeVar("T")
_pool: ProcessPoolExecutor | None = None
_pool_lock = Lock()


def parse_elsewhere(path: str, is_cancelled: CancelFn | None = None) -> ParsedFile:
    """Parse one file in the worker process, or in this thread when no process can run."""
    return _elsewhere(parse_safely, path, is_cancelled=is_cancelled)


def parse_files(paths: Sequence[str], *, on_progress: ProgressFn | None = None,
                is_cancelled: CancelFn | None = None) -> list[ParsedFile]:
    """Parse several files in the worker process, in order; a bad file never stops the others."""
    out: list[ParsedFile] = []
    for n, path in enumerate(paths):
        if is_cancelled is not None and is_cancelled():
            raise Cancelled()
        out.append(parse_elsewhere(path, is_cancelled))
        if on_progress is not None:
            on_progress(n + 1, len(paths))
    return out


def extract_elsewhere(parsed: ParsedFile, sections: Sequence[str], year: int | None, *,
                      is_cancelled: CancelFn | None = None) -> ParsedFile:
    """Take a parsed file's plan from other sections, in the worker process (the preview's re-pick)."""
    return _elsewhere(extract_again_safely, parsed, list(sections), year, is_cancelled=is_cancelled)


def _elsewhere(fn: Callable[..., T], *args: object, is_cancelled: CancelFn | None) -> T:
    future = _submit_call(fn, *args)
    try:
        if future is None:
            return fn(*args)
        while True:  # wake up now and then to notice a cancel
            try:
                return future.result(timeout=0.1)
            except TimeoutError:
                if is_cancelled is not None and is_cancelled():
                    future.cancel()
                    raise Cancelled() from None
    except BrokenProcessPool:
        _forget_pool()
        return fn(*args)


def _submit_call(fn: Callable[..., T], *args: object) -> Future[T] | None:
    global _pool
    with _pool_lock:
        try:
            if _pool is None:
                # spawn: a fresh interpreter that imports only the parser and the core, never Qt.
                _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                            initializer=_follow_parent, initargs=(os.getpid(),))
            return _pool.submit(fn, *args)
        except (OSError, RuntimeError, BrokenProcessPool):
            _pool = None
            return None


def _follow_parent(parent: int) -> None:
    """In the worker: end with the app. A killed app cannot tell its worker to stop, and the worker
    would wait for work for ever (its parent id changes when the app is gone)."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_WATCH_SECONDS)
        os._exit(0)

    threading.Thread(target=watch, name="follow-parent", daemon=True).start()


_WATCH_SECONDS = 0.5


def warm_up() -> None:
    """Start the worker process now (while the clerk picks or drags files), so the first parse need not wait.

    Run it as a job: starting a process and importing this module are work the UI thread must not do.
    """
    _submit_call(_ready)


def _ready() -> bool:
    return True


def _forget_pool() -> None:
    global _pool
    with _pool_lock:
        _pool = None
