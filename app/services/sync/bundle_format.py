"""What a sync bundle is made of: the format number, the record tables that
travel, and turning column values to JSON and back (docs/architecture.md, "Sync bundles")."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Table

from app.models import Base, declare_all
from app.models.base import sync_record_types

FORMAT = 1
PART_MAGIC = b"HEXIE-PART/1\n"
MAX_MEMBER_BYTES = 512 * 1024 * 1024  # a member read whole (evidence) beyond this is refused
# A records member is read a block at a time (bundle_read.member_lines), so its size
# costs time, not memory: a full bundle of a province's million enterprises holds a
# 700 MB enterprise.jsonl. Bounded all the same, and by MAX_RATIO.
MAX_RECORDS_MEMBER_BYTES = 16 * 1024 * 1024 * 1024
MAX_RATIO = 200  # compression ratio beyond which a member is treated as a zip bomb


class BundleError(ValueError):
    """A bundle refused, with the reason and what to do."""


def manifest_head(
    kind: str, seed: str, sender: Any, recipient: str, created: str
) -> dict[str, Any]:
    """What every bundle's manifest opens with: the format, the kind (data or receipt),
    the schema and program that wrote it, its id (made from `seed`), the sending
    office (code and name), the recipient's code and when it was made."""
    from app import __version__
    from app.models.migrate import head_revision

    return {
        "format": FORMAT,
        "kind": kind,
        "schema": head_revision(),
        "app_version": __version__,
        "bundle_id": hashlib.sha256(seed.encode()).hexdigest()[:32],
        "sender": sender.code,
        "sender_name": sender.name,
        "recipient": recipient,
        "created": created,
    }


def record_tables() -> dict[str, Table]:
    declare_all()
    order = {t.name: n for n, t in enumerate(Base.metadata.sorted_tables)}
    found = {cls.__tablename__: cls.__table__ for cls in sync_record_types()}  # type: ignore[attr-defined]
    return dict(sorted(found.items(), key=lambda kv: order[kv[0]]))


def jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def json_default(value: Any) -> Any:
    """The JSON encoder's fallback: dates and times as ISO text, nothing else."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} cannot travel in a bundle")


def _kind(column: Any) -> str:
    """datetime / date / bool for the column types that need converting; "" for the
    rest (text and numbers travel in JSON as they are stored)."""
    if isinstance(column.type, DateTime):
        return "datetime"
    if isinstance(column.type, Date):
        return "date"
    if isinstance(column.type, Boolean):
        return "bool"
    return ""


def parsers(table: Table) -> dict[str, Any]:
    """Per column: how JSON text becomes the stored value (dates and times), worked out once."""
    out: dict[str, Any] = {}
    for column in table.c:
        kind = _kind(column)
        if kind == "datetime":
            out[column.name] = datetime.fromisoformat
        elif kind == "date":
            out[column.name] = date.fromisoformat
    return out


def _sqlite_datetime(text: str) -> str:
    """ISO text → SQLite's stored form of a DateTime ("YYYY-MM-DD HH:MM:SS.ffffff")."""
    if len(text) >= 19 and text[10] == "T":
        text = f"{text[:10]} {text[11:]}"
    if len(text) == 19:
        text += ".000000"
    if len(text) != 26:  # an offset or other precision: let Python read it
        return datetime.fromisoformat(text).strftime("%Y-%m-%d %H:%M:%S.%f")
    return text


def _store_datetime(value: Any) -> Any:
    if isinstance(value, str):
        return _sqlite_datetime(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    return value


def _store_date(value: Any) -> Any:
    if isinstance(value, str):
        return date.fromisoformat(value[:10]).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def sqlite_storage(table: Table) -> dict[str, Any]:
    """Per column: JSON value → the value SQLite stores, without making Python
    dates on the way (a new record is written as it arrives; 200,000 records
    spent two seconds turning text into dates and back). Dates are stored as
    their ISO text already; times need the space and six decimals; booleans 0/1."""
    out: dict[str, Any] = {}
    for column in table.c:
        kind = _kind(column)
        if kind == "datetime":
            out[column.name] = _store_datetime
        elif kind == "date":
            out[column.name] = _store_date
        elif kind == "bool":
            out[column.name] = lambda v: int(v) if isinstance(v, bool) else v
    return out


def defaults(table: Table) -> dict[str, Any]:
    """Column defaults, for bundles from an older version that lack newer columns."""
    out = {}
    for column in table.c:
        if column.name != "change_seq" and column.default is not None:
            arg = column.default.arg  # type: ignore[attr-defined]
            out[column.name] = arg if not callable(arg) else None
            if callable(arg):
                out[column.name] = arg(None)
    return out


def from_json(table: Table, name: str, value: Any) -> Any:
    if value is None:
        return None
    parse = parsers(table).get(name)
    return parse(value) if parse else value


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
