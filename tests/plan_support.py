"""SQLite's query plans of what a piece of code runs: for tests that a list or a
search reads through an index, not the whole table."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from sqlalchemy import event


def plans(db: Any, run: Callable[[], object], *tables: str) -> list[str]:
    """The plan (EXPLAIN QUERY PLAN, steps joined by " | ") of each statement `run`
    sends to `db`'s file that names one of `tables`."""
    seen: list[tuple[str, object]] = []

    def keep(_c: Any, _cur: Any, statement: str, params: Any, _ctx: Any, _many: Any) -> None:
        seen.append((statement, params))

    event.listen(db.engine, "before_cursor_execute", keep)
    try:
        run()
    finally:
        event.remove(db.engine, "before_cursor_execute", keep)
    con = sqlite3.connect(db.path)
    out = [" | ".join(r[3] for r in con.execute("EXPLAIN QUERY PLAN " + s, p)) for s, p in seen]  # type: ignore[arg-type]
    con.close()
    return [p for p in out if any(t in p for t in tables)]
