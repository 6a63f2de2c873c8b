"""The merge's reads and writes, made for 300,000 records: which incoming ids
exist here, their exchanged versions, and inserting new records as the bundle
carries them (SQLite's stored form, no Python dates on the way).

Statements are compiled once per table and chunk size for the connection's
dialect and run as plain DBAPI executemany (as fast_insert does): SQLAlchemy's
per-element expansion of `IN (…)` lists and building a dict per row had cost a
third of the import. Only records that already exist here are read back as
typed rows (to compare, or to keep as the local side of a conflict).
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, String, Table, bindparam, select

from app.models import RecordSyncBase
from app.models.bulk import fast_insert
from app.services.sync.bundle_format import defaults, sqlite_storage

_BASES_INSERT: dict[str, tuple[str, tuple[str, ...] | None]] = {}


def _store_datetime(value: Any) -> Any:
    """ISO text (checked already) → SQLite's stored form of a DateTime."""
    if type(value) is str and value[10:11] == "T":
        if len(value) == 26:
            return f"{value[:10]} {value[11:]}"
        if len(value) == 19:
            return f"{value[:10]} {value[11:]}.000000"
    return _general_datetime(value)


def _general_datetime(value: Any) -> Any:
    from app.services.sync.bundle_format import _store_datetime as store

    return store(value)


def _storage(table: Table) -> dict[str, Any]:
    """Per column, JSON value → stored value, for the columns that need it: only
    times. Dates are stored as the ISO text they arrive as (the line check read
    them), and the SQLite driver stores true/false as 1/0 itself."""
    return {
        name: _store_datetime
        for name, convert in sqlite_storage(table).items()
        if convert.__name__ == "_store_datetime"
    }


_compiled: dict[tuple[str, str, int, str], tuple[str, tuple[str, ...] | None]] = {}


def _run(
    connection: Connection, key: tuple[str, str, int], build: Any, values: dict[str, Any]
) -> Any:
    """Execute a statement compiled once per key for this dialect."""
    dialect = connection.dialect
    cache_key = (*key, dialect.name)
    if cache_key not in _compiled:
        compiled = build().compile(dialect=dialect)
        _compiled[cache_key] = (
            str(compiled),
            tuple(compiled.positiontup or ()) if compiled.positional else None,
        )
    sql, order = _compiled[cache_key]
    params: Any = tuple(values[k] for k in order) if order is not None else values
    return connection.exec_driver_sql(sql, params)


def _marks(count: int) -> list[Any]:
    """i0, i1, … bind parameters for an IN list (made only when compiling)."""
    return [bindparam(f"i{n}") for n in range(count)]


def _in_values(ids: Sequence[str]) -> dict[str, str]:
    return {f"i{n}": value for n, value in enumerate(ids)}


class TableWriter:
    """Reads and writes of one record table during a merge."""

    def __init__(self, connection: Connection, table: Table) -> None:
        self.connection = connection
        self.table = table
        self.sqlite = connection.dialect.name == "sqlite"
        self.missing = {k: v for k, v in defaults(table).items() if k != "id"}
        self.storage = _storage(table) if self.sqlite else {}
        fields = [c.name for c in table.c if c.name != "change_seq"]
        self.fields = frozenset(fields)
        self.field_count = len(fields)
        compiled = table.insert().compile(
            dialect=connection.dialect, column_keys=[*fields, "change_seq"]
        )
        self.positional = bool(compiled.positional) and self.sqlite
        if self.positional:
            self.insert_sql = str(compiled)
            self.pick = itemgetter(*(compiled.positiontup or ()))
            self.times = [k for k in fields if k in self.storage]

    def existing(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """The incoming ids that exist here, as typed rows."""
        table = self.table
        found = [
            r[0]
            for r in _run(
                self.connection,
                (table.name, "ids", len(ids)),
                lambda: select(table.c.id).where(table.c.id.in_(_marks(len(ids)))),
                _in_values(ids),
            )
        ]
        if not found:
            return {}
        return {
            r.id: dict(r._mapping)
            for r in self.connection.execute(select(table).where(table.c.id.in_(found)))
        }

    def bases(self, peer: str, ids: Sequence[str]) -> dict[str, int]:
        """The versions last exchanged with `peer` of these records."""
        base = RecordSyncBase.__table__
        values = {**_in_values(ids), "t": self.table.name, "p": peer}
        return dict(
            _run(
                self.connection,
                (self.table.name, "bases", len(ids)),
                lambda: select(base.c.record_id, base.c.base_version).where(
                    base.c.table_name == bindparam("t"),
                    base.c.peer == bindparam("p"),
                    base.c.record_id.in_(_marks(len(ids))),
                ),
                values,
            ).all()
        )

    def bases_of_inserted(self, peer: str, first_seq: int, end_seq: int) -> None:
        """The exchanged version of every record just inserted (change numbers
        first_seq … end_seq − 1) is the version it arrived with: copied in one
        INSERT … SELECT, not sent row by row from Python."""
        if end_seq <= first_seq:
            return
        table, base = self.table, RecordSyncBase.__table__
        _run(
            self.connection,
            (table.name, "bases-of-inserted", 0),
            lambda: base.insert().from_select(
                ["table_name", "record_id", "peer", "base_version"],
                select(
                    bindparam("t", type_=String),
                    table.c.id,
                    bindparam("p", type_=String),
                    table.c.version,
                ).where(table.c.change_seq >= bindparam("a"), table.c.change_seq < bindparam("b")),
            ),
            {"t": str(table.name), "p": peer, "a": first_seq, "b": end_seq},
        )

    def insert(self, rows: list[dict[str, Any]], first_seq: int) -> None:
        """New records as the bundle carries them (checked already), numbered from
        `first_seq` in this office's change sequence."""
        if not rows:
            return
        if not self.positional:
            self._insert_dicts(rows, first_seq)
            return
        params = []
        append, pick, times, count = params.append, self.pick, self.times, self.field_count
        seq = first_seq
        for row in rows:
            # Checked lines hold only known fields: fewer means an older version's
            # bundle, whose gaps the column defaults fill.
            if len(row) != count:
                row = {**self.missing, **row}
                row = {k: row.get(k) for k in self.fields}
            for name in times:  # the row is ours to change: it is written, then dropped
                value = row[name]
                if value.__class__ is str and len(value) == 26 and value[10] == "T":
                    row[name] = f"{value[:10]} {value[11:]}"
                elif value is not None:
                    row[name] = _store_datetime(value)
            row["change_seq"] = seq
            seq += 1
            append(pick(row))
        self.connection.exec_driver_sql(self.insert_sql, params)

    def _insert_dicts(self, rows: list[dict[str, Any]], first_seq: int) -> None:
        from app.services.sync.bundle_format import parsers

        convert = parsers(self.table)
        out = []
        for n, row in enumerate(rows):
            values = {**self.missing, **row, "change_seq": first_seq + n}
            for column, parse in convert.items():
                if isinstance(values.get(column), str):
                    values[column] = parse(values[column])
            out.append({k: values.get(k) for k in [*self.fields, "change_seq"]})
        fast_insert(self.connection, self.table, out)


def insert_bases(connection: Connection, rows: list[tuple[str, str, str, int]]) -> None:
    """(table, record id, peer, version) rows of versions exchanged for the first time."""
    if not rows:
        return
    names = ("table_name", "record_id", "peer", "base_version")
    dialect = connection.dialect
    if dialect.name not in _BASES_INSERT:
        compiled = RecordSyncBase.__table__.insert().compile(
            dialect=dialect, column_keys=list(names)
        )
        _BASES_INSERT[dialect.name] = (
            str(compiled),
            tuple(compiled.positiontup or ()) if compiled.positional else None,
        )
    sql, order = _BASES_INSERT[dialect.name]
    if order is None:
        connection.exec_driver_sql(sql, [dict(zip(names, r, strict=True)) for r in rows])
    elif order == names:
        connection.exec_driver_sql(sql, rows)
    else:
        where = [names.index(k) for k in order]
        connection.exec_driver_sql(sql, [tuple(r[i] for i in where) for r in rows])
