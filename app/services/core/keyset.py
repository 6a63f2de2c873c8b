"""Keyset paging for every list: a page starts after the sort key of the row
before it, never at an OFFSET into the full rows.

A list's order is a tuple of keys ending in the record's id (unique), so every
row has one key and "the rows after this key" is one condition. With one sort
column and the id in the same direction the condition is a row value,
`(sort, id) > (?, ?)`, which SQLite answers by seeking in an index on
(deleted, sort, id) — a page deep in 100,000 rows costs what the first one does.
NULLs sort first ascending and last descending (SQLite's order); the rows of a
nullable sort column are read in two segments (NULL / not NULL) so that each
stays a plain index range.

A far jump (the scroll bar dragged to row 99,800) names the nearest key the
caller knows and how many rows lie between: `Seek(after, skip)`. The skip is
walked on the key columns alone (a covering index when the list has one), then
the page is read from the key found.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, false, func, or_, true, tuple_
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Select

KeyValues = tuple[Any, ...]


@dataclass(frozen=True)
class Seek:
    """Where a page starts: after the row whose key is `after` (None: before the
    first row), stepping over `skip` more rows."""

    after: KeyValues | None = None
    skip: int = 0


@dataclass(frozen=True)
class Key:
    """One sort key of a list's order. `nullable=False` for a column that can
    hold no NULL (saves reading an empty NULL segment without an index)."""

    expr: Any
    descending: bool = False
    nullable: bool = True


class Rows(list[Any]):
    """A page of rows, and the key of its last row (where the next page starts)."""

    last_key: KeyValues | None = None


def may_be_null(expr: Any) -> bool:
    """False for a table column declared NOT NULL; True for anything else."""
    column = getattr(expr, "expression", expr)
    return bool(getattr(column, "nullable", True))


def carried(source: Any, rows: list[Any]) -> Rows:
    """`rows` (a page turned into cells) keeping `source`'s key for the next page."""
    out = Rows(rows)
    out.last_key = getattr(source, "last_key", None)
    return out


def start_of(offset: int | Seek) -> Seek:
    return offset if isinstance(offset, Seek) else Seek(None, max(0, offset))


def _direction(key: Key, *, place_nulls: bool = False) -> Any:
    """`place_nulls`: say where NULLs go (SQLite's places: first ascending, last
    descending), for an order whose rows may hold NULLs — PostgreSQL's default is
    the other way round. Where a segment holds no NULL, the plain order keeps
    SQLite's use of the sort index."""
    if not place_nulls or not key.nullable:
        return key.expr.desc() if key.descending else key.expr.asc()
    return key.expr.desc().nulls_last() if key.descending else key.expr.asc().nulls_first()


def _after_one(key: Key, value: Any) -> ColumnElement[bool]:
    """Rows whose `key` comes strictly after `value`, in the key's direction."""
    if value is None:  # NULLs first ascending, last descending
        return key.expr.is_not(None) if not key.descending else false()
    if key.descending:
        return or_(key.expr < value, key.expr.is_(None)) if key.nullable else key.expr < value
    return key.expr > value


def _after_general(keys: Sequence[Key], values: KeyValues) -> ColumnElement[bool]:
    """(k1, k2, …) after (v1, v2, …), any directions, NULLs in SQLite's places."""
    options = []
    for i, key in enumerate(keys):
        same = [
            k.expr.is_(v) if v is None else k.expr == v
            for k, v in zip(keys[:i], values[:i], strict=True)
        ]
        options.append(and_(*same, _after_one(key, values[i])))
    return or_(*options)


def _segments(
    keys: Sequence[Key], after: KeyValues | None
) -> list[tuple[ColumnElement[bool], list[Any]]]:
    """(condition, order) for each index range the rows after `after` lie in."""
    order = [_direction(k) for k in keys]
    simple = len(keys) == 2 and keys[0].descending == keys[1].descending
    if not simple:
        cond = true() if after is None else _after_general(keys, after)
        return [(cond, [_direction(k, place_nulls=True) for k in keys])]
    sort, ident = keys
    later = (lambda a, b: a < b) if sort.descending else (lambda a, b: a > b)
    if not sort.nullable:
        cond = true() if after is None else later(tuple_(sort.expr, ident.expr), tuple_(*after))
        return [(cond, order)]
    null_part = (sort.expr.is_(None), [_direction(ident)])
    value_part = (sort.expr.is_not(None), order)
    parts = [value_part, null_part] if sort.descending else [null_part, value_part]
    if after is None:
        return parts
    if after[0] is None:
        index = parts.index(null_part)
        first = (and_(sort.expr.is_(None), later(ident.expr, after[1])), null_part[1])
    else:
        index = parts.index(value_part)
        first = (later(tuple_(sort.expr, ident.expr), tuple_(*after)), order)
    return [first, *parts[index + 1 :]]


def _keyed(stmt: Select[Any], keys: Sequence[Key]) -> Select[Any]:
    return stmt.add_columns(*(k.expr.label(f"_key{n}") for n, k in enumerate(keys)))


def fetch(
    conn: Connection,
    stmt: Select[Any],
    keys: Sequence[Key],
    start: int | Seek,
    limit: int,
    *,
    as_dict: bool = False,
) -> Rows:
    """Up to `limit` rows of `stmt` (a select with its joins and filters, no
    order) in the order of `keys`, from `start`. Rows come back as tuples of
    stmt's columns, or dicts when `as_dict`."""
    seek = start_of(start)
    width = len(stmt.selected_columns)
    segments = _segments(keys, seek.after)
    skip = seek.skip
    out = Rows()
    while segments and skip:
        cond, order = segments[0]
        narrow = stmt.with_only_columns(*(k.expr for k in keys)).where(cond).order_by(*order)
        found = conn.execute(narrow.offset(skip - 1).limit(1)).first()
        if found is not None:
            segments = _segments(keys, tuple(found))
            skip = 0
            break
        counted = stmt.with_only_columns(func.count()).where(cond).order_by(None)
        skip -= int(conn.execute(counted).scalar_one())
        segments = segments[1:]
        skip = max(skip, 0)
    keyed = _keyed(stmt, keys)
    names = [c.key for c in stmt.selected_columns]
    last: Any = None
    for cond, order in segments:
        if len(out) >= limit:
            break
        for row in conn.execute(keyed.where(cond).order_by(*order).limit(limit - len(out))):
            if as_dict:
                out.append(dict(zip(names, row[:width], strict=True)))
            else:
                out.append(tuple(row[:width]))
            last = row
    out.last_key = tuple(last[width:]) if last is not None else None
    return out


def pages(read: Callable[[Seek, int], Sequence[Any]], limit: int) -> Iterator[Sequence[Any]]:
    """Every page of a list, each read after the last key of the one before: an
    export of a million rows reads each row once, where OFFSET pages walked
    every row before the page again (quadratic). A page without a key (a
    list read some other way) is followed by its row number."""
    seek, done = Seek(), 0
    while True:
        rows = read(seek, limit)
        yield rows
        done += len(rows)
        if len(rows) < limit:
            return
        last = getattr(rows, "last_key", None)
        seek = Seek(last) if last is not None else Seek(None, done)
