"""Picking demo enterprises at random without holding the register in memory.

The demo used to read every live enterprise into a list and sample from it: at a
million enterprises that list alone was hundreds of MB. Here the rows are counted,
positions drawn (rng.sample over range(n) draws exactly what rng.sample over an
n-long list did), and the chosen rows picked from one ordered, streamed read that
stops at the last position wanted.
"""

from __future__ import annotations

import random
from typing import Any

from sqlalchemy import ColumnElement, Row, false, func, select

from app.models import Enterprise
from app.models.db import Database


def _live(conds: tuple[ColumnElement[bool], ...]) -> list[ColumnElement[bool]]:
    return [Enterprise.deleted == false(), *conds]


def count_live(db: Database, *conds: ColumnElement[bool]) -> int:
    with db.reader() as conn:
        query = select(func.count()).select_from(Enterprise).where(*_live(conds))
        return int(conn.execute(query).scalar_one())


def sample_rows(
    db: Database,
    rng: random.Random,
    k: int,
    columns: tuple[Any, ...],
    *conds: ColumnElement[bool],
) -> list[tuple[Any, ...]]:
    """`k` live enterprises (fewer when there are fewer) at random, in the order
    drawn, from those matching `conds`, each as a tuple of `columns`."""
    n = count_live(db, *conds)
    positions = rng.sample(range(n), min(k, n))
    return rows_at(db, positions, columns, *conds)


def rows_at(
    db: Database, positions: list[int], columns: tuple[Any, ...], *conds: ColumnElement[bool]
) -> list[tuple[Any, ...]]:
    """The rows at `positions` in register order (pinyin, then id: the sort index).
    The walk reads ids alone, which the sort index holds (no table look-up for each
    of up to a million rows passed); the chosen rows are then read by id."""
    if not positions:
        return []
    wanted = set(positions)
    last = max(positions)
    ids: dict[int, str] = {}
    query = (
        select(Enterprise.id)
        .where(*_live(conds))
        .order_by(Enterprise.name_pinyin, Enterprise.id)
        .limit(last + 1)
    )
    with db.reader() as conn:
        for position, (enterprise_id,) in enumerate(conn.execute(query)):
            if position in wanted:
                ids[position] = enterprise_id
        rows: dict[str, Row[Any]] = {}
        chosen = sorted(set(ids.values()))
        for start in range(0, len(chosen), 500):
            part = chosen[start : start + 500]
            for row in conn.execute(select(Enterprise.id, *columns).where(Enterprise.id.in_(part))):
                rows[row[0]] = row
    return [_without_id(rows[ids[p]]) for p in positions]


def _without_id(row: Row[Any]) -> tuple[Any, ...]:
    return tuple(row)[1:]


def first_rows(
    db: Database, k: int, columns: tuple[Any, ...], *conds: ColumnElement[bool]
) -> list[Row[Any]]:
    """The first `k` live enterprises matching `conds` in register order."""
    query = select(*columns).where(*_live(conds)).order_by(Enterprise.name_pinyin, Enterprise.id)
    with db.reader() as conn:
        return list(conn.execute(query.limit(k)))


def by_credit_code(db: Database, k: int, *codes: ColumnElement[bool]) -> list[Row[Any]]:
    """(id, registration date) of the first `k` live enterprises in a range of credit
    codes, from the live credit-code index."""
    query = (
        select(Enterprise.id, Enterprise.registration_date)
        .where(*_live(codes))
        .order_by(Enterprise.credit_code)
        .limit(k)
    )
    with db.reader() as conn:
        return list(conn.execute(query))


def newest_rows(
    db: Database, k: int, columns: tuple[Any, ...], *conds: ColumnElement[bool]
) -> list[Row[Any]]:
    """The `k` most recently registered live enterprises matching `conds`."""
    order = (Enterprise.registration_date.desc(), Enterprise.id)
    query = select(*columns).where(*_live(conds)).order_by(*order).limit(k)
    with db.reader() as conn:
        return list(conn.execute(query))
