"""Colleagues' saves appear: the main window polls the database's change counter.

Every saved record takes the next number of one counter (app/models/db.py
next_change_seq), so "did anything change?" is one indexed row read every few
seconds — cheap on a PostgreSQL server and on a SQLite file two processes share
(a WAL reader never waits for a writer). When it moved, the lists already shown
are read again, each keeping its selection and scroll position, and the status
bar says how many records other coordinators saved (from the audit log). The
user's own saves move the counter too; they refresh their lists already, so they
are not announced: "own" is this window's opened database (its session id in the
audit log, app/services/core/edit_lock.py), not its operator name, which two PCs
may share. Errors (a server that went away for a moment) are logged and
the next tick tries again: a timer never raises into the window.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QMainWindow

from app.services.core import edit_lock

log = logging.getLogger(__name__)

POLL_MS = 4000
NEARBY_ROWS = 200  # how far from its old row a selected record is looked for
STATUS_MS = 15000


class ChangeWatch(QObject):
    """Polls window.db's change counter on a QTimer; `poll` is the slot."""

    def __init__(self, window: QMainWindow, interval_ms: int = POLL_MS) -> None:
        super().__init__(window)
        self.window: Any = window
        self.last_seq: int | None = None
        self.last_audit = 0
        self._start_from_now()
        self.timer = QTimer(self)
        self.timer.setObjectName("change_watch")
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def _start_from_now(self) -> None:
        try:
            self.last_seq = edit_lock.current_seq(self.window.db)
            self.last_audit = edit_lock.last_audit_id(self.window.db)
        except Exception:  # noqa: BLE001 - logged; the next tick starts again
            log.warning("could not read the change counter", exc_info=True)
            self.last_seq = None

    def poll(self) -> int:
        """Read the counter; when it moved, refresh the shown lists. Returns how many
        records other coordinators saved since the last poll (0: nothing to tell)."""
        db = self.window.db
        try:
            seq = edit_lock.current_seq(db)
            if self.last_seq is None or seq < self.last_seq:  # a new or restored file
                self._start_from_now()
                return 0
            if seq == self.last_seq:
                return 0
            others, self.last_audit = edit_lock.changed_by_others(db, self.last_audit)
        except Exception:  # noqa: BLE001 - a server away for a moment: try again next tick
            log.warning("could not read the change counter", exc_info=True)
            return 0
        self.last_seq = seq
        if not others:
            return 0
        for tab in self.window.built_tabs():
            keep_place(tab)
        self.window.update_status()
        self.window.statusBar().showMessage(
            self.tr("其他同事刚更新了 %n 条记录", "", others), STATUS_MS
        )
        return others


def keep_place(tab: Any) -> None:
    """tab.refresh(), keeping the rows the user had selected (found by record id near
    where they were) and where the list was scrolled to."""
    table: QAbstractItemView | None = getattr(tab, "table", None)
    model: Any = table.model() if table is not None else None
    if table is None or not hasattr(model, "row_id"):
        tab.refresh()
        return
    rows = sorted({i.row() for i in table.selectionModel().selectedRows()})
    chosen = {model.row_id(r): r for r in rows}
    current = table.currentIndex()
    current_id = model.row_id(current.row()) if current.isValid() else None
    scroll = table.verticalScrollBar().value(), table.horizontalScrollBar().value()
    tab.refresh()
    model = table.model()
    wanted = [*rows, current.row()]
    if getattr(model, "counting", False) and max(wanted) + NEARBY_ROWS >= model.rowCount():
        model.count_now()  # the user was further down than the first page shown so far
    found = _rows_of(model, {**chosen, **({current_id: current.row()} if current_id else {})})
    selection = table.selectionModel()
    selection.clearSelection()
    flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
    for record_id, row in found.items():
        if record_id in chosen:
            selection.select(model.index(row, 0), flags)
    if current_id in found:
        column = max(current.column(), 0)
        selection.setCurrentIndex(
            model.index(found[current_id], column), selection.SelectionFlag.NoUpdate
        )
    table.verticalScrollBar().setValue(scroll[0])
    table.horizontalScrollBar().setValue(scroll[1])


def _rows_of(model: Any, wanted: dict[Any, int]) -> dict[Any, int]:
    """{record id: its row now}, looking at and around each record's old row."""
    found: dict[Any, int] = {}
    total = model.rowCount()
    for record_id, old in wanted.items():
        if record_id is None:
            continue
        for row in sorted(
            range(max(old - NEARBY_ROWS, 0), min(old + NEARBY_ROWS, total)),
            key=lambda r, o=old: abs(r - o),  # type: ignore[misc]
        ):
            if model.row_id(row) == record_id:
                found[record_id] = row
                break
    return found
