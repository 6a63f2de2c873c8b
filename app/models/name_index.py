"""Finding enterprises by a fragment of their name or pinyin initials: the storage
side (each engine's own SQL), used by app/services/register/name_search.py.

A fragment of three characters or more is looked up in `enterprise_fts`, an
FTS5 trigram index of names and initials (migration 0014_search keeps it in
step with triggers): a million names answer in milliseconds where LIKE '%…%'
reads every row. Trigrams cannot find one or two characters: those are looked up
in `enterprise_gram` (migration 0016_scale), the two-character pieces of every
name and initials, when they are rare; a fragment found in thousands of names
instead walks the register's sort index with LIKE, which fills a page after a
few hundred rows. Which of the two is decided by counting at most RARE pieces.
A common fragment of three characters or more is the trigram table's list, tested
along the sort index (`walked_in`): no row is read from the table until it matches.

On a PostgreSQL server the same condition is ILIKE, answered by the pg_trgm GIN
index of migration 0014_search for three characters or more (there is no piece
index on a server: 0016_scale is SQLite's). The condition is one SQL construct
compiled for the connection's engine (`NameFragment`), so the lists and the picker
build their queries the same way on both.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    case,
    column,
    false,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
    text,
    union,
)
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement as _Element
from sqlalchemy.types import NullType

from app.models.enterprise import Enterprise

TRIGRAM = 3
# A fragment in fewer names than this is looked up in enterprise_gram (reading
# its matches and sorting them: ~0.1 s for 20,000 at 100,000 enterprises); in more
# — one name in fifty at a million — LIKE along the sort index fills a 200-row
# page within about 10,000 rows. Deciding reads at most RARE piece keys.
RARE = 20_000
# The greatest code point: "X" + MAX_CHAR is above every two-character piece "X?".
MAX_CHAR = "\U0010ffff"
# A fragment in at least this share of the register (DENSE of a SAMPLE of rows) is
# walked with LIKE rather than listed first (`dense`): a 200-row page then reads
# about 800 rows.
DENSE = 0.25
SAMPLE = 1024
REBUILD_SQL = "INSERT INTO enterprise_fts(enterprise_fts) VALUES ('rebuild')"


def like_escape(fragment: str) -> str:
    return fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _phrase(column: str, fragment: str) -> str:
    return f'{column} : "{fragment.replace(chr(34), chr(34) * 2)}"'


class NameFragment(_Element[bool]):
    """`fragment_matches` as one SQL construct, compiled per engine below."""

    # No Boolean type: SQLite would compare a Boolean expression with 1 (`… = 1`),
    # which keeps its planner off the trigram table.
    type = NullType()
    inherit_cache = False

    def __init__(self, name_part: str, initials_part: str) -> None:
        self.name_part = name_part
        self.initials_part = initials_part


@compiles(NameFragment)
def _sqlite_fragment(element: NameFragment, compiler: Any, **kw: Any) -> str:
    return compiler.process(_trigram_or_like(element.name_part, element.initials_part), **kw)


@compiles(NameFragment, "postgresql")
def _server_fragment(element: NameFragment, compiler: Any, **kw: Any) -> str:
    options = [Enterprise.name.ilike(f"%{like_escape(element.name_part)}%", escape="\\")]
    if element.initials_part:
        options.append(
            Enterprise.name_initials.ilike(f"%{like_escape(element.initials_part)}%", escape="\\")
        )
    return compiler.process(or_(*options), **kw)


def ascii_lower(text_: str) -> str:
    """SQLite's lower() and LIKE fold ASCII letters only; so does the piece index."""
    return "".join(c.lower() if c.isascii() else c for c in text_)


def _piece_range(fragment: str) -> tuple[str, str]:
    piece = ascii_lower(fragment)
    return (piece, piece) if len(piece) == 2 else (piece, piece + MAX_CHAR)


# The piece index (0016_scale): SQL-only, so a plain table clause, not a model.
GRAMS = table("enterprise_gram", column("gram"), column("enterprise_rowid"))


def _pieces_in(low: str, high: str) -> Select[Any]:
    gram = GRAMS.c.gram
    where = gram == low if low == high else and_(gram >= low, gram < high)
    return select(GRAMS.c.enterprise_rowid).where(where)


def rare_short_rowids(
    conn: Connection | None, *parts: str, common_too: bool = False
) -> Select[Any] | None:
    """The rowids of the enterprises whose name or initials hold any of `parts`, as
    one query on the piece index — or None when a part is three characters or
    more, or common (then LIKE along the sort index fills a page sooner).
    `common_too`: a count, which reads every match either way — through the piece
    index it reads only the matches, where LIKE read the whole register."""
    parts = tuple(dict.fromkeys(p for p in parts if p))
    if conn is None or conn.dialect.name != "sqlite":
        return None  # the piece index is SQLite's (0016_scale)
    if not parts or any(len(p) >= TRIGRAM for p in parts):
        return None
    counts = [piece_count(conn, p) for p in parts]
    if any(c is None for c in counts):
        return None  # no piece index in this file: LIKE
    if not common_too and any(c is not None and c >= RARE for c in counts):
        return None
    queries = [_pieces_in(*_piece_range(p)) for p in parts]
    return queries[0] if len(queries) == 1 else union(*queries)  # type: ignore[return-value]


def piece_count(conn: Connection, fragment: str) -> int | None:
    """How many pieces hold `fragment` (1–2 characters), counted up to RARE (at most
    RARE keys read). None when the file has no piece index: one of an older
    revision opened read-only, which is never migrated."""
    low, high = _piece_range(fragment)
    op = "gram = :low" if low == high else "gram >= :low AND gram < :high"
    try:
        found = conn.execute(
            text(f"SELECT count(*) FROM (SELECT 1 FROM enterprise_gram WHERE {op} LIMIT {RARE})"),
            {"low": low, "high": high},
        ).scalar_one()
    except OperationalError:
        return None
    return int(found)


def fragment_matches(
    name_part: str,
    initials_part: str = "",
    conn: Connection | None = None,
    *,
    common_too: bool = False,
) -> ColumnElement[bool]:
    """Enterprises whose name contains `name_part` or whose pinyin initials
    contain `initials_part` (lower case; empty: not searched). With a SQLite `conn`,
    a rare one- or two-character fragment is looked up in the piece index;
    `common_too` (a count) uses the piece index however common the fragment; a
    common fragment of three characters or more is tested along the sort index
    (`walked_in`)."""
    parts = [p for p in (name_part, initials_part) if p]
    rare = rare_short_rowids(conn, *parts, common_too=common_too)
    if rare is not None:
        return literal_column("enterprise.rowid").in_(rare)
    if not common_too:
        common = trigram_rowids(conn, name_part, initials_part, common_too=True)
        if common is not None and not fewer_than_rare(conn, common):  # type: ignore[arg-type]
            if dense(conn, name_part, initials_part):  # type: ignore[arg-type]
                return like_fragment(name_part, initials_part)
            return walked_in(common)
    return NameFragment(name_part, initials_part)


def walked_in(rowids: Select[Any]) -> ColumnElement[bool]:
    """Membership in `rowids` (a common fragment's: thousands of names) tested row
    by row along the list's sort index, which then stops at the page's last row. The
    unary + keeps SQLite from reading the list's rows one by one and sorting them
    all (0.36 s for "有限公" in 800,000 names at a million), and the test needs only
    the index's rowid, where LIKE or a credit-code OR read every walked row from the
    table (0.8 s for "pds", whose 167,000 matches sit together under p in pinyin
    order; 0.2 s now)."""
    return literal_column("+enterprise.rowid").in_(rowids)


def _fts_rowids(name_part: str, initials_part: str) -> Select[Any]:
    """The trigram table's rowids for a fragment of three characters or more."""
    query = " OR ".join(
        [_phrase("name", name_part)]
        + ([_phrase("name_initials", initials_part)] if initials_part else [])
    )
    return (
        select(literal_column("rowid"))
        .select_from(table("enterprise_fts"))
        .where(text("enterprise_fts MATCH :fragment").bindparams(fragment=query))
    )


def fewer_than_rare(conn: Connection, rowids: Select[Any]) -> bool:
    """Whether `rowids` holds fewer than RARE rows (at most RARE read)."""
    limited = rowids.limit(RARE).subquery()
    return conn.execute(select(func.count()).select_from(limited)).scalar_one() < RARE


def trigram_rowids(
    conn: Connection | None, name_part: str, initials_part: str = "", *, common_too: bool = False
) -> Select[Any] | None:
    """The rowids of the enterprises whose name holds `name_part` or whose initials
    hold `initials_part`, both three characters or more, from the trigram table —
    for a caller that unions them with other rowids (credit codes) rather than OR
    two conditions, which made SQLite walk the whole sort index (a fragment whose
    matches sit together in pinyin order, "pdsm" for 平顶山市…, read 0.8 s at a
    million). None on PostgreSQL, for a shorter part, or, for a page
    (`common_too` False), when the fragment is common: the sort index then fills
    a page sooner than sorting every match."""
    parts = [p for p in (name_part, initials_part) if p]
    if conn is None or conn.dialect.name != "sqlite" or not parts:
        return None
    if any(len(p) < TRIGRAM for p in parts):
        return None
    found = _fts_rowids(name_part, initials_part)
    if not common_too and not fewer_than_rare(conn, found):
        return None
    return found


def _trigram_or_like(name_part: str, initials_part: str) -> ColumnElement[bool]:
    parts = [p for p in (name_part, initials_part) if p]
    if all(len(p) >= TRIGRAM for p in parts):
        found = _fts_rowids(name_part, initials_part)
        return literal_column("enterprise.rowid").in_(found)
    return like_fragment(name_part, initials_part)


def like_fragment(name_part: str, initials_part: str = "") -> ColumnElement[bool]:
    """The fragment tested by LIKE on the row itself: what a walk along the sort index
    tests when the fragment is dense (`dense`) or short and common."""
    options = [Enterprise.name.like(f"%{like_escape(name_part)}%", escape="\\")]
    if initials_part:
        options.append(
            Enterprise.name_initials.like(f"%{like_escape(initials_part)}%", escape="\\")
        )
    return or_(*options)


def dense(conn: Connection, name_part: str, initials_part: str = "") -> bool:
    """Whether the fragment is in at least DENSE of SAMPLE rows spread evenly over
    the register's rowids (its order of entry, not of pinyin): then LIKE along the
    sort index fills a page within about PAGE / DENSE rows read, where the trigram
    table's list must first hold every match ("yxgs", "有限公司": 800,000 names at a
    million, 0.27 s to list). At most SAMPLE rows are read, by rowid."""
    top = conn.execute(text("SELECT max(rowid) FROM enterprise")).scalar()
    if not top:
        return False
    step = max(1, int(top) // SAMPLE)
    probe = select(literal(step).label("r")).cte("probe", recursive=True)
    probe = probe.union_all(select(probe.c.r + step).where(probe.c.r + step <= top))
    hit = case((like_fragment(name_part, initials_part), 1), else_=0)
    read, found = conn.execute(
        select(func.count(), func.coalesce(func.sum(hit), 0))
        .select_from(probe.join(Enterprise, literal_column("enterprise.rowid") == probe.c.r))
        .where(Enterprise.deleted == false())
    ).one()
    return read > 0 and found >= DENSE * read
