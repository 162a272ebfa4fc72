"""Store operations: the only way the window reaches the database (every call runs off the UI thread).

Modelled on Anki's CollectionOp and QueryOp (qt/aqt/operations/): `StoreOp(parent, fn).success(cb).failure(cb)
.run()` runs `fn(store)` on the window's serial database lane (JobRunner.db) and calls back on the UI thread.
One lane means one writer: on SQLite the window is never a second writer beside its own background work, so
a tick during an import waits in the lane instead of on the database's busy timeout, and nothing is reordered.
While a write is in flight the host says so (`busy_changed`): undo and redo wait for it. A failure goes to
`errors.show_error` unless the op says otherwise. tests/ui/test_ops_only.py checks that desktop/ui/ calls the
store nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from db.store import Store
    from desktop.ui.jobs import Job, JobRunner

T = TypeVar("T")


class OpHost(QObject):
    """The window's store and database lane, and how many writes are in flight."""

    busy_changed = Signal(bool)  # True while at least one write op has not reported back

    def __init__(self, jobs: JobRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.jobs = jobs
        self._store: Store | None = None
        self._writes = 0
        self._waiting: list[Callable[[], object]] = []

    @property
    def store(self) -> Store | None:
        """The open store (None until it is opened on the database lane)."""
        return self._store

    def attach(self, store: Store | None) -> None:
        """Use this store from now on (the window shows before the database is open); ops asked for meanwhile run now."""
        self._store = store
        waiting, self._waiting = self._waiting, []
        if store is not None:
            for run in waiting:
                run()

    def when_open(self, run: Callable[[], object]) -> None:
        """Call `run` once the store is attached (in the order asked)."""
        self._waiting.append(run)

    @property
    def busy(self) -> bool:
        """True while a write op is in flight."""
        return self._writes > 0

    def _write_started(self) -> None:
        self._writes += 1
        if self._writes == 1:
            self.busy_changed.emit(True)

    def _write_ended(self) -> None:
        self._writes -= 1
        if self._writes == 0:
            self.busy_changed.emit(False)

    def close_store(self, msecs: int = 10000) -> None:
        """At exit: let queued ops finish, then close the store on its own lane."""
        store, self._store = self._store, None
        if store is not None:
            self.jobs.db(store.close)
        self.jobs.wait(msecs)


def host_of(widget: QObject) -> OpHost:
    """The OpHost of the window a widget belongs to (its `ops` attribute, found up the parent chain)."""
    obj: QObject | None = widget
    while obj is not None:
        host = getattr(obj, "ops", None)
        if isinstance(host, OpHost):
            return host
        obj = obj.parent()
    raise LookupError(f"{widget!r} is not inside a window with a store")


class StoreOp(Generic[T]):
    """A write: `fn(store)` on the database lane; success and failure are called on the UI thread.

    `fn` may take `on_progress(done, total)` and `is_cancelled()` keyword arguments (as any job may);
    `.with_progress(label)` shows a cancellable progress dialog when the op takes over half a second.
    """

    writes = True

    def __init__(self, parent: QWidget, fn: Callable[..., T]) -> None:
        self._parent = parent
        self._fn = fn
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[Exception], None] | None = None
        self._cancelled: Callable[[], None] | None = None
        self._progress: tuple[str, bool] | None = None

    def success(self, cb: Callable[[T], None]) -> StoreOp[T]:
        """Call `cb(result)` when `fn` returned."""
        self._success = cb
        return self

    def failure(self, cb: Callable[[Exception], None]) -> StoreOp[T]:
        """Call `cb(exc)` instead of showing the error."""
        self._failure = cb
        return self

    def cancelled(self, cb: Callable[[], None]) -> StoreOp[T]:
        """Call `cb()` when the clerk cancelled (fn raised Cancelled)."""
        self._cancelled = cb
        return self

    def with_progress(self, label: str, *, cancellable: bool = True) -> StoreOp[T]:
        """Show a progress dialog with `label` if the op runs longer than half a second."""
        self._progress = (label, cancellable)
        return self

    def run(self) -> Job | None:
        """Queue the op on the database lane (None: it waits for the store, which is still opening)."""
        host = host_of(self._parent)
        store = host.store
        if store is None:
            # The first report shows before the store is open (db.first_look): a tick or a row's history
            # asked for in that moment goes on the lane once the store is there, in the order asked.
            host.when_open(self.run)
            return None
        if self.writes:
            host._write_started()
        ended = host._write_ended if self.writes else _nothing
        job = host.jobs.db(self._fn, store, on_done=lambda r: _then(self._done, r, ended),
                           on_error=lambda e: _then(self._failed, e, ended))
        job.signals.cancelled.connect(lambda: _then(self._on_cancel, None, ended))
        if self._progress is not None:
            from desktop.ui.progress import DelayedProgress  # its dialog classes load when an op first needs one

            DelayedProgress(self._parent, job, self._progress[0], cancellable=self._progress[1])
        return job

    def _done(self, result: Any) -> None:
        if self._success is not None:
            self._success(result)

    def _failed(self, exc: Exception) -> None:
        if self._failure is not None:
            self._failure(exc)
        else:
            from desktop.ui.errors import show_error  # message boxes load when the first one is shown

            show_error(self._parent, exc)

    def _on_cancel(self, _none: None) -> None:
        if self._cancelled is not None:
            self._cancelled()


class StoreQuery(StoreOp[T]):
    """A read: the same as StoreOp, but undo and redo need not wait for it."""

    writes = False


def _then(cb: Callable[[Any], None], value: Any, ended: Callable[[], None]) -> None:
    try:
        cb(value)
    finally:
        ended()


def _nothing() -> None:
    pass
