"""Background jobs: core and store calls on a QThreadPool, results delivered as Qt signals."""

from __future__ import annotations

import inspect
import threading
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.core.errors import Cancelled
from desktop.core.gc_pause import cyclic_gc_paused


class JobSignals(QObject):
    """What a job reports; connected in the UI thread, emitted from the worker thread."""

    progress_changed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class Job(QRunnable):
    """Run `fn(*args, **kwargs)` off the UI thread; passes on_progress/is_cancelled when `fn` accepts them."""

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        # The runnable is owned by Python (we keep a reference until it ends), never auto-deleted by Qt.
        self.setAutoDelete(False)
        self.signals = JobSignals()
        self._fn, self._args, self._kwargs = fn, args, kwargs
        self._cancel = threading.Event()
        self._last_percent = -1
        params: Mapping[str, inspect.Parameter]
        try:
            params = inspect.signature(fn).parameters
        except (TypeError, ValueError):
            params = {}
        if "on_progress" in params:
            self._kwargs.setdefault("on_progress", self._progress)
        if "is_cancelled" in params:
            self._kwargs.setdefault("is_cancelled", self._cancel.is_set)

    def cancel(self) -> None:
        """Ask the job to stop at its next check; it then emits `cancelled` instead of `finished`."""
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        """True once cancel() was called."""
        return self._cancel.is_set()

    def _progress(self, done: int, total: int) -> None:
        # Throttle to whole-percent steps so a fast loop does not flood the UI thread's event queue.
        percent = done * 100 // total if total else 0
        if percent != self._last_percent or done == total:
            self._last_percent = percent
            self.signals.progress_changed.emit(done, total)

    def run(self) -> None:
        """Qt entry point in the worker thread."""
        try:
            # A job that builds 55,000 row snapshots would otherwise stall the UI thread in full
            # collections; freezing keeps the long-lived rows out of later ones (bench/ui.py).
            with cyclic_gc_paused(freeze=True):
                result = self._fn(*self._args, **self._kwargs)
        except Cancelled:
            self._emit(self.signals.cancelled)
        except Exception as exc:  # noqa: BLE001 — every failure is reported to the UI, never swallowed
            self._emit(self.signals.failed, exc)
        else:
            if self._cancel.is_set():
                self._emit(self.signals.cancelled)
            else:
                self._emit(self.signals.finished, result)

    @staticmethod
    def _emit(signal: object, *args: object) -> None:
        try:
            signal.emit(*args)  # type: ignore[attr-defined]
        except RuntimeError:
            pass  # the window closed while the job ran (only at exit): nobody is left to tell


class JobRunner(QObject):
    """Two pools: one serial pool for every store call (SQLite allows one writer), one for parsing."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db_pool = QThreadPool(self)
        self._db_pool.setMaxThreadCount(1)
        self._work_pool = QThreadPool(self)
        self._work_pool.setMaxThreadCount(max(1, min(4, QThreadPool.globalInstance().maxThreadCount())))
        self._running: set[Job] = set()

    def _start(self, pool: QThreadPool, job: Job,
               on_done: Callable[[Any], None] | None,
               on_error: Callable[[Exception], None] | None) -> Job:
        self._running.add(job)
        if on_done is not None:
            job.signals.finished.connect(on_done)
        if on_error is not None:
            job.signals.failed.connect(on_error)
        for sig in (job.signals.finished, job.signals.failed, job.signals.cancelled):
            sig.connect(lambda *_a, j=job: self._running.discard(j))
        pool.start(job)
        return job

    def db(self, fn: Callable[..., Any], *args: Any,
           on_done: Callable[[Any], None] | None = None,
           on_error: Callable[[Exception], None] | None = None, **kwargs: Any) -> Job:
        """Queue a store call on the serial database pool."""
        return self._start(self._db_pool, Job(fn, *args, **kwargs), on_done, on_error)

    def work(self, fn: Callable[..., Any], *args: Any,
             on_done: Callable[[Any], None] | None = None,
             on_error: Callable[[Exception], None] | None = None, **kwargs: Any) -> Job:
        """Queue CPU or file work (parsing) on the parallel pool."""
        return self._start(self._work_pool, Job(fn, *args, **kwargs), on_done, on_error)

    @property
    def busy(self) -> bool:
        """True while any job has not reported back yet."""
        return bool(self._running)

    def wait(self, msecs: int = 30000) -> bool:
        """Block until both pools are idle (used at shutdown and in tests)."""
        return self._db_pool.waitForDone(msecs) and self._work_pool.waitForDone(msecs)
