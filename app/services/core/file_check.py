"""Looking at a database file before anything opens it for writing: is it ours,
is it sound enough to open, can this PC write it.

Every look is through a read-only connection (mode=ro, or immutable in a folder
nobody can write, where SQLite could not create the WAL index), so a 0-byte,
foreign or damaged file is refused exactly as it was — never initialised,
never given a WAL file.
"""

from __future__ import annotations

import os
import re
import sqlite3
import stat
from pathlib import Path

from app.services.core import storage_errors
from app.services.core.messages import N_

SQLITE_HEADER = b"SQLite format 3\x00"
# Our Alembic revisions are "0001_register", "0013_scans", …: another program's
# alembic_version table holds something else.
_OUR_REVISION = re.compile(r"^\d{4}_\w+$")


def _writable(path: Path) -> bool:
    """Whether this user may write `path`. A file or folder with no write bit at
    all counts as read-only even for an administrator (who could write anyway):
    the owner marked it so, and the program respects that."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    if os.name == "posix" and not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        return False
    return os.access(path, os.W_OK)


def is_read_only(path: Path) -> bool:
    """The file (when it exists) or its folder cannot be written: SQLite needs both
    (the WAL and the lock file live beside the database)."""
    if path.exists() and not _writable(path):
        return True
    return not _writable(path.parent)


def needs_immutable(path: Path) -> bool:
    """A reader in a folder nobody can write, with no WAL index yet: SQLite can only
    read the file as immutable (nothing can change it while the folder is read-only)."""
    shm = Path(str(path) + "-shm")
    return not _writable(path.parent) and not shm.exists()


def connect_read_only(path: Path) -> sqlite3.Connection:
    uri = path.resolve().as_uri() + "?mode=ro"
    if needs_immutable(path):
        uri += "&immutable=1"
    return sqlite3.connect(uri, uri=True)


def _page_size_problem(first: bytes, size: int) -> str:
    """The cheap look at the header (sqlite.org/fileformat.html §1.3): a page size
    that is a power of two from 512 to 65536, and a file made of whole pages. A
    file cut short or overwritten at its start fails here, before any page is read.
    The detail is SQLite's kind of wording, as the other damage details are."""
    if len(first) < 100:
        return "header: fewer than 100 bytes"
    page_size = int.from_bytes(first[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return f"header: page size {page_size}"
    if size % page_size:
        return f"{size} bytes, not whole pages of {page_size}"
    return ""


def inspect(path: Path, *, quick_check: bool = False) -> str | None:
    """Refuse a file that is not a usable office database; return its revision
    (None for an empty SQLite file, which a first open initialises).

    Raises storage_errors' NotOfficeDatabaseError (0 bytes, not SQLite, another
    program's SQLite) or DamagedDatabaseError (a bad page size, a file of broken
    pages, an unreadable schema; with `quick_check`, also SQLite's quick_check of
    every page — the window runs that one in the background, app/startup.py)."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            first = handle.read(100)
        header = first[:16]
    except OSError as exc:
        raise storage_errors.foreign_file(
            path, N_("无法读取：{reason}", reason=exc.strerror or str(exc))
        ) from exc
    if size == 0:
        raise storage_errors.empty_file(path)
    if header != SQLITE_HEADER:
        raise storage_errors.foreign_file(path, N_("不是 SQLite 数据库文件"))
    page_problem = _page_size_problem(first, size)
    if page_problem:
        raise storage_errors.damaged(path, page_problem)
    try:
        conn = connect_read_only(path)
        try:
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = str(row[0]) if row else None
            problems: list[str] = []
            if quick_check:
                problems = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
                problems = [p for p in problems if p != "ok"]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise storage_errors.damaged(path, str(exc)) from exc
    if problems:
        raise storage_errors.damaged(path, "；".join(problems[:3]))
    if tables and "alembic_version" not in tables:
        raise storage_errors.foreign_file(path, N_("SQLite 数据库，但不是和谐台账的"))
    if revision is not None and not _OUR_REVISION.match(revision):
        raise storage_errors.foreign_file(path, N_("SQLite 数据库，但不是和谐台账的"))
    return revision
