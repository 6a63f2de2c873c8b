"""Finding enterprises by a fragment of their name or pinyin initials.

A fragment of three characters or more is looked up in `enterprise_fts`, an
FTS5 trigram index of names and initials (migration 0014_search keeps it in
step with triggers): a million names answer in milliseconds where LIKE '%…%'
reads every row. Trigrams cannot find one or two characters; those fall back to
LIKE, which scans but stops as soon as a page is full.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, literal_column, or_, text

from app.models import Enterprise

TRIGRAM = 3
REBUILD_SQL = "INSERT INTO enterprise_fts(enterprise_fts) VALUES ('rebuild')"


def like_escape(fragment: str) -> str:
    return fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _phrase(column: str, fragment: str) -> str:
    return f'{column} : "{fragment.replace(chr(34), chr(34) * 2)}"'


def fragment_matches(name_part: str, initials_part: str = "") -> ColumnElement[bool]:
    """Enterprises whose name contains `name_part` or whose pinyin initials
    contain `initials_part` (lower case; empty: not searched)."""
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
