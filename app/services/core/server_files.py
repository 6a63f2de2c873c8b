"""migrate-db's evidence files: from the folder beside the office's SQLite file
into the server's `stored_file` table (app/services/core/shared_files.py), in the
move's one transaction, counted and checked (README.md, 办公室服务器).

Every file a record names (evidence, scanned pages, the files of guidance
activities and typical cases) is read from the folder, checked against the hash
its record holds, and inserted once per content. After the inserts the server
is asked for the count of rows and each row's SHA-256 of its bytes: a
difference raises, and the whole move rolls back. A file the folder no longer
has (or that was altered on this PC) cannot be moved; it is listed in the
report, as `hexie check` would show it missing on the file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert

from app.models import Attachment, GuidanceActivity, ScannedPage, StoredFile, TypicalCase
from app.models.db import Database
from app.services.core import record_files

# The move's connection was told to stream rows (table_copy.rows sets yield_per on
# it); an INSERT cannot be a server-side cursor.
PLAIN = {"stream_results": False, "yield_per": None}


@dataclass
class FileMove:
    """What moved: distinct contents found in the folder and on the server, and
    the names of files the folder did not have intact."""

    found: int = 0
    stored: int = 0
    bytes: int = 0
    not_moved: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.found == self.stored


def descriptions(db: Database) -> Iterator[tuple[dict[str, Any], str]]:
    """(file description, owning office) of every file a live record names."""
    with db.session() as session:
        for a in session.execute(select(Attachment).where(Attachment.deleted.is_(False))).scalars():
            yield (
                {"stored_name": a.stored_name, "sha256": a.sha256, "file_name": a.file_name},
                a.origin_office,
            )
        for p in session.execute(select(ScannedPage)).scalars():
            yield {"stored_name": p.stored_name, "sha256": p.sha256, "file_name": p.file_name}, ""
        for model in (GuidanceActivity, TypicalCase):
            for files_json, owner in session.execute(select(model.files_json, model.origin_office)):
                try:
                    files = json.loads(files_json or "[]")
                except ValueError:
                    continue
                yield from ((f, owner) for f in files if isinstance(f, dict))


def move_files(office_file: Database, write: Connection) -> FileMove:
    """Insert the folder's files into `stored_file` through `write` (the move's
    transaction) and check them there."""
    result = FileMove()
    moved: set[str] = set()
    for description, owner in descriptions(office_file):
        sha = str(description.get("sha256", ""))
        if sha in moved:
            continue
        path = record_files.local_path(office_file, description, owner)
        if not path.is_file() or record_files.sha256_of(path) != sha:
            result.not_moved.append(str(description.get("file_name", "")))
            continue
        data = path.read_bytes()
        write.execute(
            pg_insert(StoredFile)
            .values(sha256=sha, size=len(data), content=data)
            .on_conflict_do_nothing(index_elements=["sha256"]),
            execution_options=PLAIN,
        )
        moved.add(sha)
        result.bytes += len(data)
    result.found = len(moved)
    checked = func.encode(func.sha256(StoredFile.content), "hex")
    on_server = set(
        write.execute(
            select(StoredFile.sha256).where(checked == StoredFile.sha256), execution_options=PLAIN
        ).scalars()
    )
    total = write.execute(
        select(func.count()).select_from(StoredFile), execution_options=PLAIN
    ).scalar_one()
    result.stored = len(on_server & moved) if total == len(moved) else -1
    return result
