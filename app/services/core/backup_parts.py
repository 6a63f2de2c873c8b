"""Unfinished backups: a backup writes its copy as `<name>.sqlite3.part` and renames
it only when the copy is whole and checked (app/services/core/backups.py). A
process killed meanwhile leaves the .part, and SQLite's rollback journal of it
when the kill fell mid-step; this sweep removes them once stale (docs/architecture.md,
"Storage and the one backup path")."""

from __future__ import annotations

import logging
import time
from pathlib import Path

log = logging.getLogger(__name__)

# A .part file untouched this long was left by a backup that was killed (a running
# backup writes its copy in steps, touching the file all the time).
STALE_PART_SECONDS = 10 * 60
# The copy, and SQLite's journal files of it.
PART_SUFFIXES = (".sqlite3.part", ".sqlite3.part-journal", ".sqlite3.part-wal", ".sqlite3.part-shm")
# A restore's copy of the backup beside the database, renamed over it at the end
# (backups.restore): a kill meanwhile leaves it, as large as the database.
RESTORING_SUFFIXES = (".sqlite3.restoring", ".sqlite3.restoring-wal", ".sqlite3.restoring-shm")


def clean_stale_parts(folder: Path, *, now: float | None = None) -> list[Path]:
    """Remove the .part files a killed backup left behind, and the .restoring copy
    of a killed restore (at start-up, in the backup folder and the database's, and
    before every backup). One still being written (touched in the last ten minutes)
    stays: another window or command may be backing up or restoring right now."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    if not Path(folder).is_dir():
        return removed
    found = [*Path(folder).glob("*.sqlite3.part*"), *Path(folder).glob("*.sqlite3.restoring*")]
    for part in sorted(found):
        try:
            if not part.name.endswith(PART_SUFFIXES + RESTORING_SUFFIXES):
                continue
            if now - part.stat().st_mtime >= STALE_PART_SECONDS:
                part.unlink()
                removed.append(part)
        except OSError as exc:
            log.warning("could not remove %s: %s", part, exc)
    if removed:
        log.info("removed %d unfinished backup file(s) in %s", len(removed), folder)
    return removed
