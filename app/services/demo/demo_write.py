"""Writing the demo's made-up enterprises a chunk a statement (`hexie demo`).

SQLite's FTS5 index behind the register's name search (enterprise_fts, migration
0014_search) writes its pending terms out at the end of every statement, and an
executemany is one statement a row: at 50,000 enterprises that flush was 40 % of
the demo's time. Here each chunk goes into a TEMP copy of the table by
executemany (no index, no trigger) and reaches the table in one INSERT … SELECT,
inside the same unit of work, so Cancel still rolls it all back
(docs/architecture.md, "Storage" and "Long work"). A server has no such index:
there the rows go straight in by executemany, as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Column, Connection, MetaData, Table, select

from app.models.bulk import fast_insert

Writer = Callable[[Connection, Table, Sequence[dict[str, Any]]], None]


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

    def write(conn: Connection, target: Table, rows: Sequence[dict[str, Any]]) -> None:
        if target is not table or not rows:
            fast_insert(conn, target, rows)
            return
        keys = tuple(rows[0])
        if keys not in moves:
            moves[keys] = table.insert().from_select(keys, select(*(stage.c[k] for k in keys)))
        fast_insert(conn, stage, rows)
        conn.execute(moves[keys])
        conn.execute(stage.delete())

    yield write
    stage.drop(connection)
