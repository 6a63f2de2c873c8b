"""Writing the demo's made-up enterprises a chunk a statement (`hexie demo`).

SQLite's FTS5 index behind the register's name search (enterprise_fts, migration
0014_search) writes its pending terms out at the end of every statement, and an
executemany is one statement a row: at 50,000 enterprises that flush was 40 % of
the demo's time. Here each chunk goes into a TEMP copy of the table by
executemany (no index, no trigger) and reaches the table in one INSERT … SELECT,
inside the same unit of work, so Cancel still rolls it all back
(docs/architecture.md, "Storage" and "Long work"). A server has no such index:
there the rows go straight in by executemany, as before.

The two-character piece index (enterprise_gram, migration 0016_scale) is kept by
a trigger a row at a time, each row's 25 or so pieces landing at random places in
a table 25 times the register's size: at a million enterprises that was most of
the writing. While the demo writes, that one trigger is dropped and each chunk's
pieces go in by one INSERT … SELECT in piece order (the migration's own backfill,
limited to the chunk's rows); the trigger is created again from its stored SQL
before the unit of work commits. Both are schema changes inside the transaction:
a rollback puts the trigger back, and no other connection ever sees it missing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Column, Connection, MetaData, Table, select, text

from app.models.bulk import fast_insert

Writer = Callable[[Connection, Table, Sequence[dict[str, Any]]], None]

GRAM_TRIGGER = "enterprise_gram_insert"
# What the trigger inserts for one new row, for every row after `after` (0016_scale).
GRAM_ROWS = text(
    "INSERT OR IGNORE INTO enterprise_gram(gram, enterprise_rowid)"
    " SELECT substr(lower(e.name), p.k, 2), e.rowid FROM enterprise e"
    " JOIN search_position p ON p.k <= length(e.name) WHERE e.rowid > :after"
    " UNION SELECT substr(e.name_initials, p.k, 2), e.rowid FROM enterprise e"
    " JOIN search_position p ON p.k <= length(e.name_initials) WHERE e.rowid > :after"
)


@contextmanager
def chunk_writer(connection: Connection, table: Table) -> Iterator[Writer]:
    """A writer of `table`'s rows a chunk a statement (SQLite), else fast_insert.
    Other tables handed to the writer go by fast_insert."""
    if connection.dialect.name != "sqlite":
        yield fast_insert
        return
    stage = Table(
        f"demo_stage_{table.name}",
        MetaData(),
        *(Column(c.name, c.type) for c in table.columns),
        prefixes=["TEMPORARY"],
    )
    # Created inside the unit of work: a rollback (an error, Cancel) drops it too.
    stage.create(connection)
    moves: dict[tuple[str, ...], Any] = {}
    pieces = table.name == "enterprise" and _drop_trigger(connection, GRAM_TRIGGER)

    def write(conn: Connection, target: Table, rows: Sequence[dict[str, Any]]) -> None:
        if target is not table or not rows:
            fast_insert(conn, target, rows)
            return
        keys = tuple(rows[0])
        if keys not in moves:
            moves[keys] = table.insert().from_select(keys, select(*(stage.c[k] for k in keys)))
        fast_insert(conn, stage, rows)
        after = conn.execute(text(f"SELECT coalesce(max(rowid), 0) FROM {table.name}")).scalar()
        conn.execute(moves[keys])
        conn.execute(stage.delete())
        if pieces:
            conn.execute(GRAM_ROWS, {"after": after})

    yield write
    if pieces:
        connection.exec_driver_sql(pieces)
    stage.drop(connection)


def _drop_trigger(connection: Connection, name: str) -> str:
    """Drop trigger `name`; returns its SQL to create it again ("" when there is none)."""
    found = connection.execute(
        text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = :name"),
        {"name": name},
    ).scalar()
    if not found:
        return ""
    connection.exec_driver_sql(f"DROP TRIGGER {name}")
    return str(found)
