"""A second coordinator on the same database: another Database object on the same
file or server, as a colleague's PC would have on the office's server (or a second window
on one file). Writes through it are another coordinator's saves."""

from __future__ import annotations

from typing import Any

from app.models.db import Database, make_engine


def colleague(db: Any, operator: str = "李四") -> Database:
    """Another coordinator's connection to `db`'s database (no instance lock: the
    point is two writers at once). Close it at the end of the test."""
    return Database(db.location, make_engine(db.location), None, operator)
