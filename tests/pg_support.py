"""The suite on PostgreSQL: when HEXIE_TEST_PG names a server (`.ci/run` starts a
scratch cluster on loopback and exports it), the database fixtures of the storage,
services and CLI tests run once on a SQLite file and once on a fresh database on
that server. Each fresh database is `CREATE DATABASE … TEMPLATE` of one migrated
template per worker (a file copy on the server: milliseconds), dropped after."""

from __future__ import annotations

import itertools
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.engine import make_url

PG_URL = os.environ.get("HEXIE_TEST_PG", "")
ENGINES = ("sqlite", "postgresql") if PG_URL else ("sqlite",)
# Test folders whose database fixtures run on both engines: the storage, the
# services and the commands. The views run on SQLite: the widgets do not see
# the engine, and the suite must stay fast.
BOTH_ENGINES_UNDER = ("tests/models/", "tests/services/", "tests/cli/")

_counter = itertools.count()
_run = uuid.uuid4().hex[:6]


def server_url(database: str) -> str:
    url = make_url(PG_URL).set(drivername="postgresql+psycopg", database=database)
    return url.render_as_string(hide_password=False)


@contextmanager
def admin() -> Iterator[object]:
    """An autocommit connection to the server's maintenance database."""
    import psycopg

    url = make_url(PG_URL)
    with psycopg.connect(
        host=url.host,
        port=url.port or 5432,
        user=url.username,
        password=url.password,
        dbname=url.database or "postgres",
        autocommit=True,
    ) as conn:
        yield conn


def _worker() -> str:
    return os.environ.get("PYTEST_XDIST_WORKER", "main")


def new_name(prefix: str) -> str:
    return f"hx_{prefix}_{_run}_{_worker()}_{next(_counter)}"


def create(name: str, template: str | None = None) -> str:
    with admin() as conn:
        clause = f" TEMPLATE {template}" if template else ""
        conn.execute(f'CREATE DATABASE "{name}"{clause}')  # type: ignore[attr-defined]
    return server_url(name)


def drop(name: str) -> None:
    with admin() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[attr-defined]


def make_template() -> str:
    """A database with every migration run and nothing in it; returns its name."""
    from app.models.db import open_database

    name = new_name("template")
    create(name)
    open_database(server_url(name), operator="template").close()
    return name


def read(where: str, sql: str, **params: object) -> list[tuple[object, ...]]:
    """Rows of `sql` (named :params) read straight from the database at `where` (a file
    path or a server URL), not through the services: what a test counts by hand."""
    from sqlalchemy import create_engine, text

    from app.models.location import Location

    engine = create_engine(Location.of(where).sqlalchemy_url())
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql), params)]
    finally:
        engine.dispose()
