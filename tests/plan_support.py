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


def large_register(db: Any, n: int = 100_000) -> None:
    """Statistics as ANALYZE leaves them on a register of `n` enterprises (the records'
    tables unanalysed), read again by the database's next connections: the plans a
    province's file gets, which a test's few rows would not."""
    con = sqlite3.connect(db.path)
    con.execute("ANALYZE enterprise")
    con.execute("DELETE FROM sqlite_stat1 WHERE tbl = 'enterprise'")
    con.executemany(
        "INSERT INTO sqlite_stat1 VALUES ('enterprise', ?, ?)",
        [
            ("ix_enterprise_sort", f"{n} {n} 1 1"),
            ("ix_enterprise_live_credit_code", f"{n} 1"),
            ("ix_enterprise_county", f"{n} {n // 12}"),
            ("ix_enterprise_live_county", f"{n} {n} {n // 12}"),
            ("sqlite_autoindex_enterprise_1", f"{n} 1"),
        ],
    )
    con.commit()
    con.close()
    db.engine.dispose()
