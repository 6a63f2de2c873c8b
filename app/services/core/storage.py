"""The office's database file as the doors (the window, the CLI) open, restore and
reopen it: the storage rules of app/models/db.py plus this PC's backup folder.

The models only open and migrate; a migration's safety copy, like every other
backup, goes through app/services/core/backups.py into the folder the user chose.
Restoring replaces the open file: every connection is released first, and the
file is opened again (and migrated, backed up first, when the backup is older)
whatever happens, so the window never holds a closed database.

Before anything opens a file for writing it is inspected read-only
(file_check): a 0-byte, foreign or damaged file is refused as it is. Readers
(the reading commands, and the window on a read-only file or folder) take no
lock and open SQLite read-only, so a writer never blocks them (WAL); writers
hold the lock beside the file, and a second writer is told who holds it.
A migration leaves a marker beside the file until it has finished: a start
that finds one restores the pre-migration copy first and says so.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime
from pathlib import Path
from typing import Literal

from app.models import migrate
from app.models.db import (
    BeforeUpgrade,
    Database,
    DatabaseError,
    NewerDatabaseError,
    open_database,
)
from app.models.location import Location, LocationError
from app.models.lock import DatabaseInUseError, FileLock
from app.owner_only import create_private_file, private_file
from app.services.core import backups, file_check, pending_files, storage_errors
from app.services.core.messages import N_
from app.services.core.storage_errors import (
    DamagedDatabaseError,
    DatabaseLockedError,
    DiskFullError,
    NotOfficeDatabaseError,
    ReadOnlyDatabaseError,
    StorageError,
)

log = logging.getLogger(__name__)

# The doors and the views know the open file by these names, never app.models.
__all__ = [
    "DamagedDatabaseError",
    "Database",
    "DatabaseError",
    "DatabaseInUseError",
    "DatabaseLockedError",
    "DiskFullError",
    "Location",
    "LocationError",
    "NotOfficeDatabaseError",
    "ReadOnlyDatabaseError",
    "StorageError",
    "open_office_database",
    "reconnect",
    "restore",
    "restore_file",
    "use_backup_folder",
]

Access = Literal["write", "read", "auto"]


def _marker(path: Path) -> Path:
    return path.with_name(path.name + ".migrating")


def migration_backup(folder: Path) -> BeforeUpgrade:
    """The copy taken before a migration changes an existing file, and the marker
    that names it until the migration has finished (removed by _migrated)."""

    def backup(path: Path) -> Path:
        made = backups.make_backup(path, folder, "migration")
        marker = _marker(path)
        marker.write_text(
            json.dumps({"backup": str(made), "started": f"{datetime.now():%Y-%m-%d %H:%M}"}),
            "utf-8",
        )
        private_file(marker)
        return made

    return backup


def _migrated(path: Path) -> None:
    _marker(path).unlink(missing_ok=True)


def recover_interrupted_migration(path: Path) -> list[str]:
    """A marker left beside the file means a migration did not finish (the program
    was killed or failed in the middle): put the pre-migration copy back, keeping
    the interrupted file beside it. Returns what to tell the user."""
    marker = _marker(path)
    if not marker.exists():
        return []
    try:
        data = json.loads(marker.read_text("utf-8"))
        copy = Path(str(data["backup"]))
        started = str(data.get("started", ""))
    except (OSError, ValueError, KeyError, TypeError):
        copy, started = Path(""), ""
    if copy.name and copy.is_file() and not backups.integrity_problems(copy):
        kept = backups.restore(copy, path)
        marker.unlink(missing_ok=True)
        log.warning("interrupted migration of %s: restored %s, kept %s", path, copy, kept)
        return [
            N_(
                "上次升级数据库时程序中断（{started}）。已自动用升级前的备份恢复（{copy}），"
                "中断时的文件另存为 {kept}。数据停留在升级前，程序接着重新升级。",
                started=started,
                copy=str(copy),
                kept=str(kept or ""),
            )
        ]
    # No usable copy: the upgrade runs in one transaction, so a sound file is still
    # the old one; a damaged one is refused with the way out.
    file_check.inspect(path, quick_check=True)
    marker.unlink(missing_ok=True)
    return [
        N_(
            "上次升级数据库时程序中断，升级前的备份（{copy}）找不到或已损坏；数据库完整性检查通过，程序接着升级。",
            copy=str(copy),
        )
    ]


def open_office_database(
    path: str | Path | Location,
    *,
    operator: str = "",
    create: bool = True,
    backup_folder: Path | None = None,
    access: Access = "write",
) -> Database:
    """Open (create, or back up and upgrade) an office's database file.

    `backup_folder` is this PC's backup folder (AppSettings.backup_dir()); the
    default folder in the data folder when not given. The database keeps it: the
    import actions back up into it (backups.before_import_work).

    `access`: "write" (the lock, refused on a read-only file), "read" (no lock,
    SQLite read-only: works beside a writer), "auto" (the window: write when the
    file can be written, else read-only — db.read_only says which).
    Raises a StorageError (or NewerDatabaseError) whose message says what to do.

    A server URL (postgresql://…) opens the office server's database: no lock
    (several PCs write at once; the server keeps each unit of work whole), no file
    checks; "read" opens it in read-only transactions.
    """
    location = Location.of(path)
    folder = Path(backup_folder) if backup_folder else backups.default_folder()
    if location.is_server:
        return _open_server(location, operator, folder, read_only=access == "read")
    path = location.file()
    if not path.exists():
        if access == "read" or not create:
            raise DatabaseError(
                N_(
                    "找不到数据库文件：{path}\n请检查路径，或先运行 hexie init 创建。",
                    path=str(path),
                )
            )
        if not path.parent.exists():
            path.parent.mkdir(parents=True, mode=0o700)
        if file_check.is_read_only(path):
            raise storage_errors.read_only(path)
        create_private_file(path)
        revision = None
    else:
        revision = file_check.inspect(path)
    read_only = file_check.is_read_only(path)
    if read_only and access == "write":
        raise storage_errors.read_only(path)
    if access == "read" or read_only:
        return _open_reader(path, revision, operator, folder, can_migrate=not read_only)
    return _open_writer(path, operator, folder)


def _open_server(location: Location, operator: str, folder: Path, *, read_only: bool) -> Database:
    db = open_database(location, operator=operator, backup_folder=folder, read_only=read_only)
    if not read_only:
        try:
            pending_files.sweep(db)
        except Exception:
            log.exception("could not settle the attachments folder's 待提交")
    return db


def _writer_lock(path: Path) -> FileLock:
    """The file's writer lock, taken; held by another window or command: the
    message that names who (storage_errors.locked)."""
    lock = FileLock(path)
    try:
        lock.acquire()
    except DatabaseInUseError as exc:
        raise storage_errors.locked(path) from exc
    return lock


def _open_writer(path: Path, operator: str, folder: Path) -> Database:
    lock = _writer_lock(path)
    try:
        notices = recover_interrupted_migration(path)
        for suffix in ("", "-wal", "-shm"):
            if Path(str(path) + suffix).exists():
                private_file(Path(str(path) + suffix))
        db = open_database(
            path,
            operator=operator,
            lock=False,
            backup_folder=folder,
            before_upgrade=migration_backup(folder),
        )
    except BaseException:
        lock.release()
        raise
    _migrated(path)
    db.hold_lock(lock)
    db.notices.extend(notices)
    try:
        pending_files.sweep(db)  # copies work killed before its commit left behind
    except Exception:
        log.exception("could not settle the attachments folder's 待提交")
    return db


def _open_reader(
    path: Path, revision: str | None, operator: str, folder: Path, *, can_migrate: bool
) -> Database:
    if revision is not None and revision not in migrate.known_revisions():
        raise NewerDatabaseError(
            N_(
                "此数据库由更新版本的和谐台账写入（结构版本 {revision}），当前程序无法识别。\n"
                "请安装最新版本后再打开。文件未被修改。",
                revision=revision,
            )
        )
    notices: list[str] = []
    if revision != migrate.head_revision() or _marker(path).exists():
        # An older file (or an interrupted upgrade) must be brought up to date once,
        # by a writer; a reader then reads it like any other.
        if not can_migrate:
            raise storage_errors.read_only(path)
        with _open_writer(path, operator, folder) as writer:
            notices = writer.notices
    db = open_database(
        path,
        operator=operator,
        read_only=True,
        immutable=file_check.needs_immutable(path),
        backup_folder=folder,
    )
    db.notices.extend(notices)
    return db


def use_backup_folder(db: Database, folder: Path) -> None:
    """The user chose another backup folder: the next backups go there."""
    db.backup_folder = Path(folder)


def reconnect(db: Database) -> None:
    """Open the file again after it was released (migrating, backed up first, if older)."""
    db.reconnect(migration_backup(db.backup_folder or backups.default_folder()))
    _migrated(db.path)


def restore(db: Database, backup: Path) -> Path | None:
    """Replace the open database with `backup` (backups.restore: the backup checked,
    the replaced file kept as <name>.before-restore-<time>), then open the file
    again. Raises BackupError, with the current file unchanged and open again,
    when the backup cannot be used. Returns the kept file."""
    if db.read_only:
        raise storage_errors.read_only(db.path)
    if db.is_server:
        raise DatabaseError(
            N_(
                "服务器上的数据库用 hexie restore 备份文件 --db {address} 恢复（服务器备份）。",
                address=db.address,
            )
        )
    db.release_file()
    try:
        return backups.restore(backup, db.path, db.backup_folder or backups.default_folder())
    finally:
        reconnect(db)


def restore_file(backup: Path, path: Path, folder: Path | None = None) -> Path | None:
    """Restore `backup` over a file nobody here has open (the CLI, the window's
    start-up when the file is damaged): the writer's lock is taken first, so an
    open window or a running import is never pulled from under. Returns the kept
    file (<name>.before-restore-<time>), None when there was no file."""
    path = Path(path).expanduser().resolve()
    if path.exists() and file_check.is_read_only(path):
        raise storage_errors.read_only(path)
    lock = _writer_lock(path)
    try:
        kept = backups.restore(backup, path, folder)
        _migrated(path)  # a restored copy ends any interrupted upgrade
        return kept
    finally:
        lock.release()
