"""The register's names in its own order: a second trigram index whose rowids
follow the register's sort (pinyin, then id), so a fragment's first page is its
first matches in that index — read in order, stopped at the page's end.

Why (issue 17; README, "Search"): the trigram table `enterprise_fts` lists a
fragment's matches by the enterprise's rowid, its order of entry. A common
fragment whose matches sit together late in pinyin order ("平顶山": 166,828 names
of a million, all under p) then cost 130–170 ms for its first page either way:
walking the sort index until the matches begin (~650,000 entries), or reading every
match to sort it. Here each name is indexed under the rowid
`rank << 32 | enterprise rowid`, where rank is its place in the register's order
when the index was built: FTS5 returns a MATCH in rowid order, so the first 200
rows it gives are the first 200 in pinyin order, and the enterprise's rowid is
the rowid's low 32 bits (no table to join).

The index is a snapshot, not kept by triggers: rebuilt (`refresh`) at the end of
a bulk write — an import, the demo, a bundle — once the register is large enough
to need it (RANKED_FROM) and more than STALE_LIMIT enterprises changed since it
was built. Every change raises an enterprise's `change_seq` (app/models/db.py),
so "changed since" is one index range: those rows are left out of the snapshot's
answer and tested directly (`stale_rows`), so a page is right however old the
snapshot is. When more than STALE_LIMIT rows changed, or the index was never
built, a search does what it did before (app/models/name_index.py).

SQLite only (migration 0019_name_order): a server searches with pg_trgm.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    false,
    literal_column,
    select,
    table,
    text,
    tuple_,
)
from sqlalchemy.exc import OperationalError

from app.models.enterprise import Enterprise

# Below this many live enterprises a walk of the whole sort index costs ~20 ms:
# the snapshot is not worth its rebuild (~6 s a 100,000 names).
RANKED_FROM = 200_000
# Rows changed since the snapshot are tested one by one (LIKE): ~10 ms for these.
STALE_LIMIT = 10_000
SHIFT = 32
LOW_BITS = (1 << SHIFT) - 1

FTS = "name_order_fts"
REBUILD_CHUNK = 100_000  # names indexed between two chances to Cancel (~2 s)
_NUMBER = (
    "DELETE FROM name_order",
    f"INSERT INTO {FTS}({FTS}) VALUES ('delete-all')",
    "INSERT INTO name_order (rank, enterprise_rowid)"
    " SELECT row_number() OVER (ORDER BY name_pinyin, id), rowid"
    " FROM enterprise WHERE deleted = 0",
)
_INDEX = (
    f"INSERT INTO {FTS}(rowid, name, name_initials)"
    f" SELECT (o.rank << {SHIFT}) | o.enterprise_rowid, e.name, e.name_initials"
    " FROM name_order o JOIN enterprise e ON e.rowid = o.enterprise_rowid"
    " WHERE o.rank > :low AND o.rank <= :high"
)
_FINISH = (
    f"INSERT INTO {FTS}({FTS}) VALUES ('optimize')",
    "UPDATE name_order_state SET built_seq = (SELECT coalesce(max(change_seq), 0) FROM enterprise)",
)


@dataclass(frozen=True)
class Window:
    """Where a page of the register starts and how long it is: after the row whose
    (name_pinyin, id) is `after` (None: from the first), `limit` rows, in the
    given direction."""

    after: tuple[Any, ...] | None
    limit: int
    descending: bool = False


def built_seq(conn: Connection) -> int | None:
    """The change_seq the snapshot was built at; None when it never was (or the
    file has no such index: an older revision opened read-only)."""
    if conn.dialect.name != "sqlite":
        return None
    try:
        found = conn.execute(text("SELECT built_seq FROM name_order_state")).scalar()
    except OperationalError:
        return None
    return None if found is None else int(found)


def stale_count(conn: Connection, seq: int, limit: int = STALE_LIMIT) -> int:
    """Enterprises changed after `seq`, counted up to limit + 1 (index only)."""
    return int(
        conn.execute(
            text(
                "SELECT count(*) FROM (SELECT 1 FROM enterprise"
                f" WHERE change_seq > :seq LIMIT {int(limit) + 1})"
            ),
            {"seq": seq},
        ).scalar_one()
    )


def usable(conn: Connection) -> int | None:
    """The snapshot's change_seq when a page may be read through it, else None."""
    seq = built_seq(conn)
    if seq is None or stale_count(conn, seq) > STALE_LIMIT:
        return None
    return seq


def rebuild_steps(conn: Connection) -> Iterator[tuple[int, int]]:
    """Number the live register in its order and index every name under its rank,
    in the caller's transaction, yielding (names indexed, names) after each
    REBUILD_CHUNK of them: the caller shows progress and may stop (its rollback then
    undoes it all)."""
    for statement in _NUMBER:
        conn.execute(text(statement))
    # In rank order, so the trigram index's rowids arrive ascending (half the time
    # of the same rows in rowid order).
    total = int(conn.execute(text("SELECT coalesce(max(rank), 0) FROM name_order")).scalar_one())
    yield 0, total
    for low in range(0, total, REBUILD_CHUNK):
        conn.execute(text(_INDEX), {"low": low, "high": low + REBUILD_CHUNK})
        yield min(low + REBUILD_CHUNK, total), total
    for statement in _FINISH:
        conn.execute(text(statement))


def due(conn: Connection) -> bool:
    """Whether `refresh` would rebuild: the register needs the snapshot (RANKED_FROM
    live enterprises) and it is missing or more than STALE_LIMIT rows behind."""
    if conn.dialect.name != "sqlite":
        return False
    try:
        seq = conn.execute(text("SELECT built_seq FROM name_order_state")).scalar()
    except OperationalError:
        return False  # no such index in this file
    if seq is not None and stale_count(conn, int(seq)) <= STALE_LIMIT:
        return False
    return _live_at_least(conn, RANKED_FROM)


def _live_at_least(conn: Connection, n: int) -> bool:
    live = conn.execute(
        text(f"SELECT count(*) FROM (SELECT 1 FROM enterprise WHERE deleted = 0 LIMIT {int(n)})")
    ).scalar_one()
    return int(live) >= n


def refresh(conn: Connection) -> bool:
    """Rebuild when `due`; returns whether it did."""
    if not due(conn):
        return False
    deque(rebuild_steps(conn), maxlen=0)  # no one to tell of progress: run it through
    return True


def _match(name_part: str, initials_part: str) -> str:
    def phrase(col: str, fragment: str) -> str:
        return f'{col} : "{fragment.replace(chr(34), chr(34) * 2)}"'

    return " OR ".join(
        [phrase("name", name_part)]
        + ([phrase("name_initials", initials_part)] if initials_part else [])
    )


def _rank_of(conn: Connection, seq: int, after: tuple[Any, ...]) -> int | None:
    """The snapshot's rank of the row whose key is `after`, if it is unchanged since."""
    found = conn.execute(
        text(
            "SELECT o.rank FROM enterprise e JOIN name_order o ON o.enterprise_rowid = e.rowid"
            " WHERE e.id = :id AND e.change_seq <= :seq"
        ),
        {"id": after[-1], "seq": seq},
    ).scalar()
    return None if found is None else int(found)


def first_matches(
    conn: Connection,
    seq: int,
    name_part: str,
    initials_part: str,
    filters: Sequence[ColumnElement[bool]],
    window: Window,
) -> list[Select[Any]]:
    """The rowids of at most `window.limit` enterprises that pass `filters` and hold
    the fragment, the first after `window.after` in the register's order among those
    unchanged since the snapshot — plus every changed one that matches. The page's
    rows are among them: the caller's query sorts these few and takes the page.
    Two selects, for the caller to union with its own (SQLite takes no nested
    compound select)."""
    key = literal_column(f"{FTS}.rowid")
    enterprise_rowid = key.op("&")(LOW_BITS)
    order_key = tuple_(Enterprise.name_pinyin, Enterprise.id)
    bounds: list[ColumnElement[bool]] = []
    if window.after is not None:
        rank = _rank_of(conn, seq, window.after)
        if rank is not None:
            bounds.append(
                key < (rank << SHIFT) if window.descending else key > (rank << SHIFT) | LOW_BITS
            )
        else:  # that row changed since: its neighbours are found by their key
            after = tuple_(*window.after)
            bounds.append(order_key < after if window.descending else order_key > after)
    ranked = (
        select(enterprise_rowid.label("r"))
        .select_from(table(FTS))
        .join(Enterprise, literal_column("enterprise.rowid") == enterprise_rowid)
        .where(
            text(f"{FTS} MATCH :order_fragment").bindparams(
                order_fragment=_match(name_part, initials_part)
            ),
            Enterprise.change_seq <= seq,
            *filters,
            *bounds,
        )
        .order_by(key.desc() if window.descending else key)
        .limit(window.limit)
        .correlate(None)
        .subquery("ranked")
    )
    return [
        select(ranked.c.r),
        stale_rows(seq, name_part, initials_part, filters).correlate(None),
    ]


def stale_rows(
    seq: int, name_part: str, initials_part: str, filters: Sequence[ColumnElement[bool]]
) -> Select[Any]:
    """Enterprises changed since the snapshot that hold the fragment (at most
    STALE_LIMIT of them: `usable`), tested on the row itself."""
    from app.models.name_index import like_fragment

    return select(literal_column("enterprise.rowid")).where(
        Enterprise.change_seq > seq,
        Enterprise.deleted == false(),
        like_fragment(name_part, initials_part),
        *filters,
    )


def ranked_names(conn: Connection) -> int:
    """How many names the snapshot holds (for `hexie check` and tests)."""
    return int(conn.execute(select(text("count(*)")).select_from(table("name_order"))).scalar_one())
