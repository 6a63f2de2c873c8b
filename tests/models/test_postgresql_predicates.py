"""The partial indexes' PostgreSQL predicates are given when a server engine is made,
not when the models are declared (app/models/base.py, live_index): a process on a
SQLite file does not import SQLAlchemy's PostgreSQL dialect package (issue 17)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import Index, text
from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateIndex

ROOT = Path(__file__).resolve().parents[2]


def test_declaring_the_models_does_not_import_the_postgresql_dialect() -> None:
    code = (
        "import sys\n"
        "import app.models, app.models.db\n"
        "app.models.declare_all()\n"
        "loaded = [m for m in sys.modules if m.startswith('sqlalchemy.dialects.postgresql')]\n"
        "assert not loaded, loaded\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_given_predicates_are_what_postgresql_where_gives() -> None:
    """Each live index, once the predicates are given, has the dialect options and the
    PostgreSQL DDL of the same index made with `postgresql_where` in its constructor."""
    from app.models import Base, declare_all
    from app.models.base import _PG_WHERE, postgresql_predicates

    declare_all()  # every model, whichever the tests before have named
    postgresql_predicates()  # what making a server engine does (app/models/engines.py)
    assert _PG_WHERE == []
    partial = [
        index
        for table in Base.metadata.sorted_tables
        for index in table.indexes
        if index.dialect_options["sqlite"]["where"] is not None
    ]
    assert partial
    for index in partial:
        sqlite_where = index.dialect_options["sqlite"]["where"]
        predicate = str(index.dialect_options["postgresql"]["where"])
        assert predicate in ("deleted = false", str(sqlite_where))
        twin = Index(
            index.name,
            *index.expressions,
            unique=index.unique,
            sqlite_where=text(str(sqlite_where)),
            postgresql_where=text(predicate),
        )
        try:
            assert {k: str(v) for k, v in twin.dialect_kwargs.items()} == {
                k: str(v) for k, v in index.dialect_kwargs.items()
            }
            ddl = str(CreateIndex(index).compile(dialect=postgresql.dialect()))
            assert ddl == str(CreateIndex(twin).compile(dialect=postgresql.dialect()))
            assert f"WHERE {predicate}" in ddl
        finally:
            index.table.indexes.discard(twin)  # the twin joined its columns' table
