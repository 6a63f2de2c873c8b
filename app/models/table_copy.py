"""Every table's rows as engine-neutral values: read, checksummed and written the
same way on a SQLite file and on a PostgreSQL server.

Used to move an office from its file to the server (`hexie migrate-db`) and by the
server's own logical backup (app/services/core/server_backup.py). A table's
checksum is the SHA-256 of its rows in primary-key order, each row as canonical
JSON of its typed values (dates and times in ISO form, booleans as JSON booleans),
so the same records give the same checksum on either engine.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Table, delete, func, select, text
from sqlalchemy.types import Date, DateTime, LargeBinary

from app.models import Base, declare_all

BATCH = 2_000


@dataclass(frozen=True)
class TableSum:
    """One table's row count and checksum."""

    table: str
    rows: int
    checksum: str


def tables() -> list[Table]:
    """Every table of the models, parents before children (foreign keys)."""
    declare_all()
    return list(Base.metadata.sorted_tables)


def plain(value: Any) -> Any:
    """A typed value as JSON: ISO dates and times, base64 bytes, the rest as is."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def typed(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """plain()'s inverse for `table`'s columns."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        kind = table.c[key].type
        if value is not None and isinstance(value, str):
            if isinstance(kind, DateTime):
                value = datetime.fromisoformat(value)
            elif isinstance(kind, Date):
                value = date.fromisoformat(value)
            elif isinstance(kind, LargeBinary):
                value = base64.b64decode(value)
        out[key] = value
    return out


def rows(conn: Connection, table: Table) -> Iterator[dict[str, Any]]:
    """The table's rows in primary-key order, as plain values."""
    order = list(table.primary_key.columns) or list(table.c)
    result = conn.execution_options(yield_per=BATCH).execute(select(table).order_by(*order))
    for row in result:
        yield {key: plain(value) for key, value in row._mapping.items()}


def line(row: dict[str, Any]) -> bytes:
    return json.dumps(row, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def table_sum(conn: Connection, table: Table) -> TableSum:
    digest = hashlib.sha256()
    count = 0
    for row in rows(conn, table):
        digest.update(line(row))
        digest.update(b"\n")
        count += 1
    return TableSum(table.name, count, digest.hexdigest())


def sums(conn: Connection) -> list[TableSum]:
    return [table_sum(conn, t) for t in tables()]


def row_counts(conn: Connection) -> dict[str, int]:
    return {
        t.name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
        for t in tables()
    }


def clear(conn: Connection) -> None:
    """Empty every table, children first (one transaction: the caller's)."""
    for table in reversed(tables()):
        conn.execute(delete(table))


def insert(conn: Connection, table: Table, batch: list[dict[str, Any]]) -> None:
    if batch:
        conn.execute(table.insert(), [typed(table, r) for r in batch])


def insert_all(conn: Connection, table: Table, source: Iterable[dict[str, Any]]) -> None:
    """Every row of `source` into `table`, BATCH rows an INSERT, so a large table is
    never held in memory whole."""
    batch: list[dict[str, Any]] = []
    for row in source:
        batch.append(row)
        if len(batch) >= BATCH:
            insert(conn, table, batch)
            batch = []
    insert(conn, table, batch)


def after_copy(conn: Connection) -> None:
    """What a copy with explicit keys leaves to settle: on a server, each serial
    column's sequence moves past the highest copied key (else the next audit entry
    would collide with a copied one); SQLite's INTEGER PRIMARY KEY needs nothing."""
    if conn.dialect.name != "postgresql":
        return
    for table in tables():
        for column in table.primary_key.columns:
            sequence = conn.execute(
                text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": column.name}
            ).scalar()
            if sequence:
                conn.execute(
                    text(
                        f"SELECT setval(:s, COALESCE((SELECT max({column.name}) FROM {table.name}), 0) + 1, false)"  # noqa: S608 - names from the models
                    ),
                    {"s": sequence},
                )
