"""Pause Python's cyclic garbage collector around bulk work that builds many long-lived objects."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_holders = 0
_was_enabled = True
_freeze = False


@contextmanager
def cyclic_gc_paused(*, freeze: bool = False) -> Iterator[None]:
    """Keep the cyclic collector off inside the block; nestable and shared between threads.

    Building 55,000 row snapshots triggers full collections that each walk every live object
    (90–200 ms, holding the interpreter lock, so a UI thread freezes for that long). Refcounting still
    frees everything that has no reference cycles, which covers rows and result lists.
    `freeze=True` moves what survives into the permanent generation when the last holder leaves, so
    later collections stop walking the long-lived rows.
    """
    global _holders, _was_enabled, _freeze
    with _lock:
        if _holders == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _holders += 1
        _freeze = _freeze or freeze
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0:
                if _freeze:
                    gc.freeze()
                    _freeze = False
                if _was_enabled:
                    gc.enable()
