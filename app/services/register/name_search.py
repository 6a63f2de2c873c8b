"""Finding enterprises by a fragment of their name or pinyin initials.

The condition is built in the storage layer (app/models/name_index.py), where each
engine's own SQL lives: SQLite's FTS5 trigram table, PostgreSQL's pg_trgm index.
"""

from app.models.name_index import TRIGRAM, fragment_matches, like_escape

__all__ = ["TRIGRAM", "fragment_matches", "like_escape"]
