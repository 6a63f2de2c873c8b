"""Helpers for sync tests with many offices: whole-database snapshots, the
canonical dump of every synced table, and hand-made (hostile) bundles."""

from __future__ import annotations

import base64
import io
import json
import sqlite3
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import MetaData, Table, inspect, select, text

from app.models.db import Database
from app.models.migrate import head_revision
from app.services.sync import bundle, keys
from app.services.sync.bundle_format import record_tables

# The passphrase every test office's keys are sealed with.
SYNC_PASSPHRASE = "correct horse 42"

# The ten counties of Pingdingshan whose offices send to the city (GB/T 2260).
COUNTIES = (
    "410402",
    "410403",
    "410404",
    "410411",
    "410421",
    "410422",
    "410423",
    "410425",
    "410481",
    "410482",
)
CITY = "410400"


def snapshot(db: Database) -> str:
    """Every row of every table, as text: two equal snapshots mean the database did
    not change at all (bookkeeping and counters included). Read through SQLAlchemy,
    so it works the same on a SQLite file and on a server."""
    lines: list[str] = []
    with db.engine.connect() as conn:
        for table in _reflected(conn):
            order = [c for c in table.c]
            for row in conn.execute(select(table).order_by(*order)):
                lines.append(f"{table.name} {tuple(row)!r}")
    return "\n".join(lines)


# Reflecting ~40 tables costs one to three seconds (more on a server), and a fuzz test
# snapshots a database twice an example. Every test database is made by the same
# migrations, so the reflected tables are kept for each engine and schema: the
# schema's key is each table's column names (one catalogue query on a server), and a
# database with another schema is reflected anew.
_REFLECTED: dict[tuple[str, tuple[tuple[str, tuple[str, ...]], ...]], list[Table]] = {}


def _reflected(conn: Any) -> list[Table]:
    columns = inspect(conn).get_multi_columns()
    key = (
        conn.dialect.name,
        tuple(
            sorted((name, tuple(c["name"] for c in cols)) for (_s, name), cols in columns.items())
        ),
    )
    if key not in _REFLECTED:
        meta = MetaData()
        _REFLECTED[key] = [Table(name, meta, autoload_with=conn) for name, _cols in key[1]]
    return _REFLECTED[key]


def canonical(db: Database) -> dict[str, Any]:
    """Every synced table's rows (without the local change number) sorted by id,
    and the open conflicts: what must be equal after bundles in any order."""
    out: dict[str, Any] = {}
    with db.engine.connect() as conn:
        for name, table in record_tables().items():
            columns = [c for c in table.c if c.name != "change_seq"]
            out[name] = [tuple(r) for r in conn.execute(select(*columns).order_by(table.c.id))]
        out["open conflicts"] = [
            tuple(r)
            for r in conn.execute(
                text(
                    "SELECT table_name, record_id, peer, incoming_json, local_json FROM sync_conflict"
                    " WHERE status = 'open' ORDER BY table_name, record_id"
                )
            )
        ]
    return out


def copy_database(db: Database, target: Path) -> Path:
    """An online copy of the file (SQLite backup), WAL included."""
    src = sqlite3.connect(db.path)
    dst = sqlite3.connect(target)
    try:
        with dst:
            src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def record_row(sender: str, **fields: Any) -> dict[str, Any]:
    """An enterprise record as a bundle carries it (the columns an older version
    lacks are filled from defaults)."""
    from app.models.base import new_id
    from harness.fuzz_bundles import carried_row
    from tests.builders import code

    row = {
        **carried_row(sender, new_id()),
        "name": "外县某公司",
        "credit_code": code(900, sender),
        "county_code": sender,
    }
    row.update(fields)
    return row


def jsonl(*rows: Any) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode()


def manifest_for(
    sender: str, recipient: str, members: dict[str, bytes], **fields: Any
) -> dict[str, Any]:
    from app.models.base import new_id

    manifest = {
        "format": 1,
        "kind": "data",
        "schema": head_revision(),
        "bundle_id": new_id(),
        "sender": sender,
        "recipient": recipient,
        "created": datetime.utcnow().isoformat(timespec="seconds"),
        "sequence": 1,
        "upto_seq": 1,
        "members": {k: {"sha256": bundle.sha(v), "size": len(v)} for k, v in members.items()},
    }
    manifest.update(fields)
    return manifest


def seal(path: Path, zipped: bytes, recipient: Database) -> Path:
    """Encrypt a zip to `recipient` as a bundle file."""
    import pyrage
    from pyrage import x25519

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(
        pyrage.encrypt(
            zipped, [x25519.Recipient.from_str(keys.own_public(recipient).age_recipient)]
        )
    )
    return path


def craft(
    path: Path,
    sender: str,
    private: Any,
    recipient: Database,
    members: dict[str, bytes],
    **fields: Any,
) -> Path:
    """A correctly signed and encrypted bundle with whatever members it is given."""
    manifest = manifest_for(sender, recipient.office_code, members, **fields)
    return seal(path, bundle.zip_bundle(manifest, members, private), recipient)


def raw_zip(
    manifest_bytes: bytes,
    private: Any,
    members: dict[str, bytes],
    *,
    signature: bytes | None = None,
    method: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """A zip with exactly these manifest bytes (signed unless a signature is given)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        archive.writestr("manifest.json", manifest_bytes)
        archive.writestr(
            "manifest.sig",
            signature
            if signature is not None
            else base64.b64encode(private.signing.sign(manifest_bytes)),
        )
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def first_difference(left: dict[str, Any], right: dict[str, Any]) -> str:
    """The first row two canonical dumps disagree on, in full (for assertion messages)."""
    for key in left:
        a, b = left[key], right.get(key)
        if a != b:
            for x, y in zip(a, b or [], strict=False):
                if x != y:
                    return f"{key}:\n  {x}\n  {y}"
            return f"{key}: {len(a)} rows against {len(b or [])}"
    return ""


def trust_each_other(folder: Path, *databases: Database) -> None:
    """Every office trusts every other one (as after exchanging .pub files and
    checking fingerprints by phone)."""
    for database in databases:
        keys.export_public(database, folder / f"{database.office_code}.pub")
    for database in databases:
        for other in databases:
            if other is not database:
                keys.trust(database, keys.read_public(folder / f"{other.office_code}.pub"))
