"""The office's database file as the doors (the window, the CLI) open, restore and
reopen it: the storage rules of app/models/db.py plus this PC's backup folder.

The models only open and migrate; a migration's safety copy, like every other
backup, goes through app/services/core/backups.py into the folder the user chose.
Restoring replaces the open file: every connection is released first, and the
file is opened again (and migrated, backed up first, when the backup is older)
whatever happens, so the window never holds a closed database.
"""

from __future__ import annotations

from pathlib import Path

from app.models.db import (
    BeforeUpgrade,
    Database,
    DatabaseError,
    DatabaseInUseError,
    open_database,
)
from app.services.core import backups

# The doors and the views know the open file by these names, never app.models.
__all__ = [
    "Database",
    "DatabaseError",
    "DatabaseInUseError",
    "open_office_database",
    "reconnect",
    "restore",
    "use_backup_folder",
]


def migration_backup(folder: Path) -> BeforeUpgrade:
    """The copy taken before a migration changes an existing file."""

    def backup(path: Path) -> Path:
        return backups.make_backup(path, folder, "migration")

    return backup


def open_office_database(
    path: str | Path,
    *,
    operator: str = "",
    create: bool = True,
    backup_folder: Path | None = None,
) -> Database:
    """Open (create, or back up and upgrade) an office's database file.

    `backup_folder` is this PC's backup folder (AppSettings.backup_dir()); the
    default folder in the data folder when not given. The database keeps it: the
    import actions back up into it (backups.before_import_work).
    """
    folder = Path(backup_folder) if backup_folder else backups.default_folder()
    return open_database(
        path,
        operator=operator,
        create=create,
        backup_folder=folder,
        before_upgrade=migration_backup(folder),
    )


def use_backup_folder(db: Database, folder: Path) -> None:
    """The user chose another backup folder: the next backups go there."""
    db.backup_folder = Path(folder)


def reconnect(db: Database) -> None:
    """Open the file again after it was released (migrating, backed up first, if older)."""
    db.reconnect(migration_backup(db.backup_folder or backups.default_folder()))


def restore(db: Database, backup: Path) -> Path | None:
    """Replace the open database with `backup`: the backup is checked and the current
    file backed up first (backups.restore), then the file is opened again. Raises
    BackupError, with the current file unchanged and open again, when the backup
    cannot be used. Returns the copy of the replaced file."""
    folder = db.backup_folder or backups.default_folder()
    db.release_file()
    try:
        return backups.restore(backup, db.path, folder)
    finally:
        reconnect(db)
