"""Finding enterprises by a fragment of their name or pinyin initials.

The condition is built in the storage layer (app/models/name_index.py), where each
engine's own SQL lives: SQLite's FTS5 trigram table and two-character piece index,
PostgreSQL's pg_trgm index.
"""

from app.models.name_index import (
    RARE,
    TRIGRAM,
    ascii_lower,
    dense,
    fewer_than_rare,
    fragment_matches,
    like_escape,
    like_fragment,
    piece_count,
    rare_short_rowids,
    trigram_rowids,
    walked_in,
)

__all__ = [
    "RARE",
    "TRIGRAM",
    "ascii_lower",
    "dense",
    "fewer_than_rare",
    "fragment_matches",
    "like_escape",
    "like_fragment",
    "piece_count",
    "rare_short_rowids",
    "trigram_rowids",
    "walked_in",
]
