"""Finding enterprises by a fragment of their name or pinyin initials: the storage
side (each engine's own SQL), used by app/services/register/name_search.py.

A fragment of three characters or more is looked up in `enterprise_fts`, an
FTS5 trigram index of names and initials (migration 0014_search keeps it in
step with triggers): a million names answer in milliseconds where LIKE '%…%'
reads every row. Trigrams cannot find one or two characters; those fall back to
LIKE, which scans but stops as soon as a page is full.

On a PostgreSQL server the same condition is ILIKE, answered by the pg_trgm GIN
index of migration 0014_search for three characters or more. The condition is one
SQL construct compiled for the connection's engine (`NameFragment`), so the lists
and the picker build their queries the same way on both.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, literal_column, or_, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement as _Element
from sqlalchemy.types import NullType

from app.models.enterprise import Enterprise

TRIGRAM = 3
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


def fragment_matches(name_part: str, initials_part: str = "") -> ColumnElement[bool]:
    """Enterprises whose name contains `name_part` or whose pinyin initials
    contain `initials_part` (lower case; empty: not searched)."""
    return NameFragment(name_part, initials_part)


def _trigram_or_like(name_part: str, initials_part: str) -> ColumnElement[bool]:
    parts = [p for p in (name_part, initials_part) if p]
    if all(len(p) >= TRIGRAM for p in parts):
        query = " OR ".join(
            [_phrase("name", name_part)]
            + ([_phrase("name_initials", initials_part)] if initials_part else [])
        )
        found = text(
            "SELECT rowid FROM enterprise_fts WHERE enterprise_fts MATCH :fragment"
        ).bindparams(fragment=query)
        return literal_column("enterprise.rowid").in_(found)
    options = [Enterprise.name.like(f"%{like_escape(name_part)}%", escape="\\")]
    if initials_part:
        options.append(
            Enterprise.name_initials.like(f"%{like_escape(initials_part)}%", escape="\\")
        )
    return or_(*options)
