"""What can be wrong with the office's file, said once for every door.

Each error is a DatabaseError (so every existing `except DatabaseError` still
catches it) carrying a service message (N_, Chinese with English in
resources/i18n/hexie_en.ts) that says what to do, and a `kind` the CLI turns
into its documented exit code and `--json` error object (README: 命令行).
classify() turns what SQLite, the OS and the lock raise while a command runs
into one of them, so no raw traceback reaches the user; an office server's
problems (stopped, read-only, disk full, …) are said by server_errors.py.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path
from typing import TypeVar

from app.models.db import DatabaseError
from app.models.lock import DatabaseInUseError, holder_of
from app.services.core import error_chain, server_errors
from app.services.core.messages import N_, Message


def _restore_hint(path: Path | str) -> Message:
    return N_(
        "请用最新的完好备份恢复：hexie restore 备份文件 --db {path}（或在窗口中“文件 → 备份与恢复”）。",
        path=str(path),
    )


class StorageError(DatabaseError):
    """A file that cannot be used as it is; the message says what to do."""

    kind = "storage"

    def __init__(self, message: Message, path: Path | str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path else None


S = TypeVar("S", bound=StorageError)


class DamagedDatabaseError(StorageError):
    """SQLite reports the file damaged (malformed pages, failed integrity check)."""

    kind = "damaged"


class NotOfficeDatabaseError(StorageError):
    """A 0-byte file, a file that is not SQLite, or a SQLite file of another program."""

    kind = "not_a_database"


class DatabaseLockedError(StorageError):
    """Another window or command is writing the file (it holds the lock)."""

    kind = "in_use"


class ReadOnlyDatabaseError(StorageError):
    """The file or its folder is read-only, and the command writes."""

    kind = "read_only"


class DiskFullError(StorageError):
    """The disk (or the folder's quota) filled up while writing."""

    kind = "disk_full"


def _unusable(error: type[S], path: Path | str, message: Message, **values: object) -> S:
    """A file the program left as it was: `message` (N_) with its path, `values` and
    the hint to restore the newest good backup."""
    return error(message.filled(path=str(path), hint=_restore_hint(path), **values), path)


def damaged(path: Path | str, detail: str) -> DamagedDatabaseError:
    return _unusable(
        DamagedDatabaseError,
        path,
        N_("数据库文件“{path}”已损坏（{detail}），无法使用。程序没有改动它。{hint}"),
        detail=detail,
    )


def empty_file(path: Path | str) -> NotOfficeDatabaseError:
    return _unusable(
        NotOfficeDatabaseError,
        path,
        N_(
            "文件“{path}”是空的（0 字节），不是和谐台账的数据库，程序没有改动它。"
            "如果这是本单位的数据库，它已丢失内容：{hint}"
            "要新建数据库，请换一个文件名（hexie init --db 新文件）。"
        ),
    )


def foreign_file(path: Path | str, what: Message) -> NotOfficeDatabaseError:
    return _unusable(
        NotOfficeDatabaseError,
        path,
        N_(
            "文件“{path}”不是和谐台账的数据库（{what}），程序没有改动它。"
            "请检查打开的是不是本单位的数据库文件；如果本单位的数据库被覆盖了：{hint}"
        ),
        what=what,
    )


def read_only(path: Path | str) -> ReadOnlyDatabaseError:
    return ReadOnlyDatabaseError(
        N_(
            "数据库“{path}”是只读的（文件或所在文件夹不可写），只能查看，不能修改。"
            "要修改，请取消文件的只读属性或把它复制到可写的文件夹后再试；"
            "查看类命令（stats、ledger-export、print-form、check、backup）可以照常使用。",
            path=str(path),
        ),
        path,
    )


def disk_full(path: Path | str | None) -> DiskFullError:
    return DiskFullError(
        N_(
            "磁盘空间不足，写入没有完成，已全部撤销，数据库没有改动。"
            "请删除不需要的文件或换到空间更大的磁盘后重试。"
        ),
        path,
    )


def locked(path: Path | str) -> DatabaseLockedError:
    holder = holder_of(Path(path))
    who = (
        N_(
            "（{user}，电脑 {host}，进程 {pid}，{since} 起）",
            user=holder.get("user", "?"),
            host=holder.get("host", "?"),
            pid=holder.get("pid", "?"),
            since=holder.get("since", "?"),
        )
        if holder
        else ""
    )
    return DatabaseLockedError(
        N_(
            "数据库“{path}”正被另一个和谐台账窗口或命令写入{who}，同一时间只能有一个窗口或命令修改它。"
            "请等对方关闭窗口或命令结束后再试；查看类命令（stats、ledger-export、print-form、check、backup）"
            "不受影响，可以照常使用。",
            path=str(path),
            who=who,
        ),
        path,
    )


def classify(
    exc: BaseException,
    path: Path | str | None,
    *,
    server: str | None = None,
    command: bool = False,
) -> StorageError | server_errors.ServerProblem | None:
    """The storage problem behind `exc`, or None when it is not one. `server`: the
    server's address when it is not `path` (migrate-db's --to); `command`: said
    to a command line (server_errors.classify)."""
    if isinstance(exc, StorageError):
        return exc
    if isinstance(exc, DatabaseInUseError):
        return locked(exc.path)
    on_server = server_errors.classify(exc, server or path, command=command)
    if on_server is not None:
        return on_server
    error = error_chain.behind(exc, sqlite3.Error)
    if error is not None:
        name = getattr(error, "sqlite_errorname", "") or ""
        text = str(error).lower()
        where = path or ""
        if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in text:
            return damaged(where, str(error))
        if "file is not a database" in text:
            return damaged(where, str(error))
        if name.startswith("SQLITE_FULL") or "disk is full" in text:
            return disk_full(where)
        if name.startswith("SQLITE_READONLY") or "readonly database" in text:
            return read_only(where)
        if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
            return locked(where) if where else None
    os_error = error_chain.behind(exc, OSError)
    if os_error is not None and os_error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return disk_full(path)
    if os_error is not None and os_error.errno == errno.EROFS:
        return read_only(path or os_error.filename or "")
    return None
