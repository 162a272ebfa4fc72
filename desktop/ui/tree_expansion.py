"""Which items of each report the clerk has open, and opening them again without freezing the window."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

if TYPE_CHECKING:
    from db.item_row import ItemRow
    from desktop.ui.models.item_tree import ItemTreeModel
    from desktop.ui.turns import Turns

# Expanding everything is instant for a normal report; a huge one opens collapsed.
EXPAND_ALL_LIMIT = 3000
# While searching, matches are shown expanded up to this many (each shown row costs Python calls in
# the tree's layout); beyond it the items stay closed with their counts until the search narrows.
EXPAND_MATCHES_LIMIT = 1000
# Rows the tree may lay out in one go when expansion is restored: each costs the
# layout a few Python calls (~10 µs here), and with the paint the keystroke must fit a frame; 400 rows
# are a dozen screens. The rest is expanded item by item in event-loop turns of at most
# EXPAND_STEP_SECONDS. An expand in a laid-out tree costs 0.15 ms idle but several times that while a
# job's thread competes for the interpreter lock, so the turns are bounded by time, not by a count
# (bench/ui.py: import right after clearing a search; clearing a search in a 10,000-measure tree).
LAYOUT_AT_ONCE_ROWS = 400
EXPAND_STEP_SECONDS = 0.008
# Also the wait before the first later turn: run at once, it came before the paint of the keystroke or load
# that asked for the restore, and a cleared search then took two frames (bench/ui_keystroke.py).
EXPAND_WAIT_MS = 30


class TreeExpansion(QObject):
    """Remembers the open items per report and restores them after a load or a cleared search."""

    def __init__(self, tree: QTreeView, model: ItemTreeModel, *, report_id: Callable[[], int | None],
                 busy: Callable[[], bool], turns: Turns) -> None:
        super().__init__(tree)
        self._tree, self._model = tree, model
        self._report_id, self._busy, self._turns = report_id, busy, turns
        self._step = 0
        self._expanded: dict[int, set[int]] = {}
        self._first_load: set[int] = set()
        self._viewport: QWidget | None = None  # taken in a turn of its own (_take_viewport)
        tree.expanded.connect(self._opened)
        tree.collapsed.connect(self._closed)

    def _opened(self, idx: QModelIndex) -> None:
        self._expanded.setdefault(self._report_id() or 0, set()).add(idx.internalId())

    def _closed(self, idx: QModelIndex) -> None:
        self._expanded.setdefault(self._report_id() or 0, set()).discard(idx.internalId())

    def stop(self) -> None:
        """A restore still under way stops (the rows changed under it, or a search expands the matches)."""
        self._step += 1

    def restore(self, report_id: int, rows: Sequence[ItemRow], keep: int | None = None,
                frame_rows: int | None = None) -> None:
        """Expand what the clerk had expanded in this report (everything on a first, small load).

        Expanding before the view lays out is cheap, but the layout then asks the model about every shown
        row (~10 µs each here, in Python), so a huge restore is split: the top of the tree and the item holding
        `keep` now, the rest a few items per event-loop turn. `frame_rows` bounds the measures opened now to
        what the tree's first screens can show (see _expand_in_turns).
        """
        self.stop()
        model = self._model
        if model.is_flat:
            return
        if self._viewport is None:
            self._turns.after(0, self._take_viewport)  # ahead of the later steps, which need it
        if report_id not in self._first_load:
            self._first_load.add(report_id)
            if len(rows) <= EXPAND_ALL_LIMIT:
                self._expanded[report_id] = {r.id for r in rows if not r.is_measure}
        wanted = self._expanded.get(report_id, set())
        expandable = model.parent_ids()
        self._expand_in_turns([k for k in expandable if k in wanted], len(expandable), keep, frame_rows)

    def show_matches(self, keep: int | None = None, frame_rows: int | None = None) -> None:
        """A search is on: its matches are shown expanded when there are not too many.

        As for a restore, the keystroke's own frame lays out only the top of the tree and the item holding
        `keep`: expanding 500 matches' items at once took the layout ~10 ms more than the rest of the keystroke
        (bench/ui.py). The items below follow in the next event-loop turn.
        """
        self.stop()  # a restore still under way would expand the matches' items
        model = self._model
        parents = model.parent_ids() if model.visible_count() <= EXPAND_MATCHES_LIMIT else []
        self._expand_in_turns(parents, len(parents), keep, frame_rows, rest_at_once=True)

    def _expand_in_turns(self, parents: list[int], expandable: int, keep: int | None, frame_rows: int | None,
                         *, rest_at_once: bool = False) -> None:
        """Expand `parents` (of `expandable` rows that could be): what fits a frame now, the rest later.

        Now means at most LAYOUT_AT_ONCE_ROWS laid out in all, and no more measures than `frame_rows`, the rows
        from the top of the tree to two screens below where it is scrolled: the items are taken top down, so
        their measures then fill what the frame shows. Bounded by LAYOUT_AT_ONCE_ROWS alone, a search matching
        347 items opened ~130 of them in the keystroke's frame, most far below the screen; with both bounds (and
        a search's frame_rows counted in real rows, see browsing._first_rows) that keystroke's filter step
        went from ~10 to ~5.5 ms (10,000-measure tree, typing 干部队).

        `rest_at_once` (a bounded number of rows): the rest in one later turn, otherwise a few items per turn.
        Top-level rows the model holds back (ItemTreeModel.set_filter) are shown in the first later turn.
        """
        model = self._model
        held = model.has_held_back
        budget = LAYOUT_AT_ONCE_ROWS - model.rowCount()
        if frame_rows is not None:
            budget = min(budget, frame_rows)
        if not held and sum(model.child_count(p) for p in parents) <= budget:
            if parents and len(parents) == expandable:
                self._tree.expandAll()  # one call instead of thousands of setExpanded
                return
            self._expand(parents)
            return
        keep_top = model.top_level_id(keep)
        first = [keep_top] if keep_top is not None and keep_top in parents else []
        budget -= sum(model.child_count(p) for p in first)
        later: list[int] = []
        for p in parents:
            if p == keep_top:
                continue
            if budget >= 0 and not (held and model.held_back(p)):
                budget -= model.child_count(p)
                if budget >= 0:
                    first.append(p)
                    continue
            later.append(p)
        self._expand(first)
        if later or held:
            self._turns.after(EXPAND_WAIT_MS, partial(self._expand_later, self._step, later, rest_at_once))

    def _take_viewport(self) -> None:
        # The first call from Python that returns a plain QWidget has shiboken work out its type: ~25 ms here,
        # once per process, which in a restore step came on top of the first load's biggest layout.
        self._viewport = self._tree.viewport()

    def _viewport_now(self) -> QWidget:
        if self._viewport is None:
            self._take_viewport()
        assert self._viewport is not None
        return self._viewport

    def _expand(self, item_ids: Sequence[int]) -> None:
        for item_id in item_ids:
            idx = self._model.index_of(item_id)
            if idx.isValid():
                self._tree.setExpanded(idx, True)

    def _expand_later(self, step: int, item_ids: list[int], at_once: bool = False) -> None:
        if step != self._step or self._model.is_flat:
            return
        if self._busy():  # a job's thread competing for the interpreter lock makes each turn several times slower
            if self._model.has_held_back:  # but rows are not kept from the clerk for as long as a job runs
                with _repainted_if_seen(self._tree, self._viewport_now()):
                    self._model.show_held_back()
                    self._tree.executeDelayedItemsLayout()  # here, not in the paint, which then asked for another
            self._turns.after(EXPAND_WAIT_MS, partial(self._expand_later, step, item_ids, at_once))
            return
        deadline = time.perf_counter() + EXPAND_STEP_SECONDS
        done = 0
        tree = self._tree
        # Lay out what is expanded so far now: an expand while a layout is pending only records the
        # index, and the next paint would then lay out every expanded row at once (~60 ms at 8,000).
        tree.executeDelayedItemsLayout()
        top = tree.indexAt(QPoint(0, 0))  # items opening above it must not push the clerk's rows away
        with _repainted_if_seen(tree, self._viewport_now()):
            if at_once or self._model.has_held_back:
                # Item by item in a laid-out tree, 500 matches' items were still opening at the next keystroke
                # 150 ms later; rows appended and items expanded while a layout is pending are only recorded,
                # and one pass lays them all out.
                tree.scheduleDelayedItemsLayout()
                self._model.show_held_back()
                if at_once:
                    self._expand(item_ids)
                    done = len(item_ids)
                tree.executeDelayedItemsLayout()
            while done < len(item_ids):  # at least one item a turn, however slow
                self._expand(item_ids[done:done + 1])
                done += 1
                if time.perf_counter() >= deadline:
                    break
            if top.isValid():
                tree.scrollTo(top, QAbstractItemView.ScrollHint.PositionAtTop)
        if done < len(item_ids):
            self._turns.after(0, partial(self._expand_later, step, item_ids[done:]))


@contextmanager
def _repainted_if_seen(tree: QTreeView, viewport: QWidget) -> Iterator[None]:
    """Make a change with the tree's viewport not repainting for it, then repaint it only if what it shows changed.

    Rows shown below the screen (held back, or items opened there) change nothing the clerk sees, but the tree's
    layout repaints its whole viewport, in the same event-loop pass: on a slow day here 25–35 ms on top of the
    layout's 45 ms (the first load of a 10,000-measure report). The scroll bar repaints itself as before.
    """
    if not viewport.updatesEnabled():  # already held by the caller, who repaints once it lets go
        yield
        return
    before = _on_screen(tree, viewport)
    viewport.setAttribute(Qt.WidgetAttribute.WA_UpdatesDisabled, True)  # not setUpdatesEnabled: it repaints
    try:
        yield
    finally:
        viewport.setAttribute(Qt.WidgetAttribute.WA_UpdatesDisabled, False)
        if _on_screen(tree, viewport) != before:
            viewport.update()


def _on_screen(tree: QTreeView, viewport: QWidget) -> tuple[object, ...]:
    """The viewport's size (a scroll bar appearing narrows it and the stretched column), the scroll offsets and, top
    to bottom, each row the viewport shows: its id and whether it is open."""
    width, height = viewport.width(), viewport.height()
    rows = []
    idx = tree.indexAt(QPoint(0, 0))
    while idx.isValid() and tree.visualRect(idx).top() < height:
        rows.append((idx.internalId(), tree.isExpanded(idx)))
        idx = tree.indexBelow(idx)
    return width, height, tree.verticalScrollBar().value(), tree.horizontalScrollBar().value(), tuple(rows)
