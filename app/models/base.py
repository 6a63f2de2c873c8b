"""Declarative base and the sync mixin every travelling record carries.

The sync fields (docs/architecture.md, "Storage" and "Sync bundles"): a UUID primary key, created/updated time in
UTC, a version counter, the origin office, the author, a tombstone instead of a
hard delete, and the local change sequence number that incremental bundles
start from. They are stamped in one place (`app.models.db` before_flush hook),
so no service has to remember them; bulk Core inserts use `sync_values()`.
"""

import os
import time
from datetime import UTC, datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, MetaData, String, text
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

# Stable constraint names keep Alembic batch migrations on SQLite predictable.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def new_id() -> str:
    """A UUIDv7 (RFC 9562) as 32 hex digits: unique across offices like any UUID,
    but time-ordered, so bulk inserts append to the primary-key index instead
    of scattering writes across it."""
    ms = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")
    value = (
        (ms & 0xFFFF_FFFF_FFFF) << 80
        | 0x7 << 76
        | (rand >> 62 & 0xFFF) << 64
        | 0b10 << 62
        | rand & (1 << 62) - 1
    )
    return f"{value:032x}"


def parent_key(table: str) -> Mapped[str]:
    """The indexed, required reference of a row to the record it belongs to (an
    offer's session to the offer, an item's attachment to the item)."""
    return mapped_column(ForeignKey(f"{table}.id"), nullable=False, index=True)


# Partial indexes whose PostgreSQL predicate is still to be given (postgresql_predicates),
# and whether it has been given (then a new one gets its predicate at once).
_PG_WHERE: list[tuple[Index, str]] = []
_PG_GIVEN = [False]


def live_index(name: str, *columns: str, unique: bool = False, where: str = "") -> Index:
    """An index over the live rows only (tombstones left out), or over the rows
    meeting `where` (the same SQL on both engines); partial on SQLite and PostgreSQL.

    The PostgreSQL predicate (`postgresql_where`) is given when the first server
    engine is made (app/models/engines.py), not here: naming a `postgresql_` option
    makes SQLAlchemy import its whole PostgreSQL dialect package (asyncio with it),
    about 40 ms of every process on a SQLite file, each command's and the window's
    (issue 17). The index ends up as `Index(..., postgresql_where=...)` made it."""
    sqlite, postgresql = (where, where) if where else ("deleted = 0", "deleted = false")
    index = Index(name, *columns, unique=unique, sqlite_where=text(sqlite))
    _PG_WHERE.append((index, postgresql))
    if _PG_GIVEN[0]:
        postgresql_predicates()
    return index


def postgresql_predicates() -> None:
    """Give every partial index its PostgreSQL predicate, as the constructor's
    `postgresql_where` would have (SQLAlchemy's dialect options of the index)."""
    _PG_GIVEN[0] = True
    while _PG_WHERE:
        index, predicate = _PG_WHERE.pop(0)
        index.dialect_options["postgresql"]["where"] = text(predicate)


def utcnow() -> datetime:
    # Stored naive, always UTC: SQLite has no time zones and PostgreSQL's
    # "timestamp without time zone" then matches.
    return datetime.now(UTC).replace(tzinfo=None)


class SyncMixin:
    """Columns that let a record travel in a sync bundle and merge safely."""

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    version: Mapped[int] = mapped_column(Integer, default=1, nullable=False)
    origin_office: Mapped[str] = mapped_column(String(12), default="", nullable=False)
    author: Mapped[str] = mapped_column(String(64), default="", nullable=False)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    change_seq: Mapped[int] = mapped_column(Integer, default=0, nullable=False, index=True)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, object]:
        # Optimistic locking (docs/architecture.md, "Several coordinators"): every ORM
        # UPDATE and DELETE of a record says `WHERE id = :id AND version = :loaded`, so
        # a coordinator who saved in between makes it match no row (StaleDataError,
        # turned into an EditConflict by app/services/core/edit_lock.py) instead of
        # being overwritten. The counter itself is still raised in one place, the
        # before_flush hook in app/models/db.py: no generator here.
        return {"version_id_col": cls.version, "version_id_generator": False}


SYNC_COLUMNS = (
    "id",
    "created_at",
    "updated_at",
    "version",
    "origin_office",
    "author",
    "deleted",
    "change_seq",
)


def sync_values(*, office: str, author: str, change_seq: int, now: datetime) -> dict[str, object]:
    """Sync column values for one new row written through SQLAlchemy Core."""
    return {
        "id": new_id(),
        "created_at": now,
        "updated_at": now,
        "version": 1,
        "origin_office": office,
        "author": author,
        "deleted": False,
        "change_seq": change_seq,
    }


def sync_record_types() -> list[type[SyncMixin]]:
    """Every mapped class that travels; the bundle reads its list from here."""
    from app.models import declare_all

    declare_all()
    return sorted(
        (m.class_ for m in Base.registry.mappers if issubclass(m.class_, SyncMixin)),
        key=lambda cls: cls.__tablename__,  # type: ignore[attr-defined]
    )
