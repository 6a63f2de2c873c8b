"""Evidence files on an office server: their contents in the database.

A SQLite office keeps its evidence in `<file>-附件` beside the file
(app/services/core/record_files.py). A PostgreSQL office is used from several PCs,
and a folder on one of them is not seen from the others, so the server keeps the
bytes in `stored_file` (app/models/stored_file.py), one row per distinct content
keyed by its SHA-256 (README.md, 办公室服务器). The row is written in the open unit
of work, with the record that names it: both are committed or neither is.

Programs open files, not rows: a PC that opens a server's evidence gets a copy in
its own folder for that server (`<stand-in>-附件/服务器副本/`), written from the
row and checked against the hash; the row stays the evidence.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from sqlalchemy import func, select

from app.models.db import Database
from app.owner_only import create_private_file, private_folder

log = logging.getLogger(__name__)

# Where this PC keeps the copies it opened (record_files.folder(db) / COPIES).
COPIES = "服务器副本"


def shared(db: Database) -> bool:
    """True when evidence lives in the database (an office server)."""
    return db.is_server


def put(db: Database, sha256: str, content: bytes) -> None:
    """Keep `content` under its hash in the open unit of work; content already
    there (the same scan attached twice, another coordinator's copy committed
    meanwhile) is kept once."""
    # PostgreSQL's INSERT … ON CONFLICT, imported here: the dialect package costs a
    # SQLite process about 40 ms at start (app/models/base.py, live_index).
    from sqlalchemy.dialects.postgresql import insert as pg_insert

    from app.models import StoredFile

    with db.session() as session:
        session.execute(
            pg_insert(StoredFile)
            .values(sha256=sha256, size=len(content), content=content)
            .on_conflict_do_nothing(index_elements=["sha256"])
        )


def present(db: Database, hashes: set[str], *, verify: bool) -> set[str]:
    """Which of `hashes` the server holds; with `verify`, only those whose stored
    bytes still hash to their key (computed on the server: nothing is downloaded)."""
    from app.models import StoredFile  # declared when first used: app/models/__init__.py

    if not hashes:
        return set()
    query = select(StoredFile.sha256).where(StoredFile.sha256.in_(sorted(hashes)))
    if verify:
        query = query.where(
            func.encode(func.sha256(StoredFile.content), "hex") == StoredFile.sha256
        )
    with db.session() as session:
        return set(session.execute(query).scalars())


def adopt(db: Database, sha256: str, earlier: Path | None) -> bool:
    """Evidence a server office added before 0017_shared_files was copied into the
    folder of the PC it was added on; that PC, when it meets the record, puts the
    file into the table (if its bytes still match the record's hash), and from
    then on every PC opens it. True when the server has the content now."""
    if earlier is None or not earlier.is_file() or present(db, {sha256}, verify=False):
        return False
    try:
        data = earlier.read_bytes()
    except OSError:
        return False
    if hashlib.sha256(data).hexdigest() != sha256:
        return False
    with db.session():  # its own unit of work, or the caller's
        put(db, sha256, data)
    log.info("kept %s from %s on the server", sha256[:12], earlier)
    return True


def state(db: Database, sha256: str, *, verify: bool = True, earlier: Path | None = None) -> str:
    """ok / missing / altered, as record_files.state_of says it for a file."""
    if sha256 in present(db, {sha256}, verify=verify) or adopt(db, sha256, earlier):
        return "ok"
    if verify and present(db, {sha256}, verify=False):
        return "altered"
    return "missing"


def content(db: Database, sha256: str) -> bytes | None:
    from app.models import StoredFile

    with db.session() as session:
        data = session.execute(
            select(StoredFile.content).where(StoredFile.sha256 == sha256)
        ).scalar()
    return bytes(data) if data is not None else None


def open_copy(db: Database, sha256: str, path: Path, *, earlier: Path | None = None) -> Path:
    """`path` (this PC's copy, record_files.local_path chooses it) with the server's
    content for `sha256`, written from the row unless a copy with that hash is
    already there; a path that does not exist when the server has no such content.
    `earlier`: where this PC kept the file before 0017_shared_files (adopt)."""
    if path.is_file() and hashlib.sha256(path.read_bytes()).hexdigest() == sha256:
        return path
    data = content(db, sha256)
    if data is None and adopt(db, sha256, earlier):
        data = content(db, sha256)
    if data is None:
        path.unlink(missing_ok=True)  # an old copy of content the server no longer has
        return path
    for folder in (path.parent.parent.parent, path.parent.parent, path.parent):
        private_folder(folder)  # evidence is personal data: owner-only
    part = path.with_name(path.name + ".part")
    part.unlink(missing_ok=True)
    create_private_file(part)
    part.write_bytes(data)
    os.replace(part, path)
    return path
