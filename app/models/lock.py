"""An OS-level lock beside the database file, so a second app instance never writes.

The OS drops the lock when the process dies, so a crash never leaves a stale
lock behind (unlike a plain "file exists" marker).
"""

from __future__ import annotations

import getpass
import json
import logging
import os
import platform
from datetime import datetime
from pathlib import Path
from typing import IO

from app.owner_only import private_file

log = logging.getLogger(__name__)


class DatabaseInUseError(RuntimeError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"数据库正被另一个和谐台账窗口或命令使用：{path}\n"
            "请先关闭另一个窗口（或等命令结束）再打开；本窗口不会写入该文件。"
        )
        self.path = path


class FileLock:
    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + ".lock")
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held until release()
        private_file(self.path)
        try:
            if os.name == "nt":
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            handle.close()
            raise DatabaseInUseError(self.path.with_name(self.path.name[: -len(".lock")])) from exc
        self._handle = handle
        self._write_holder(handle)

    @staticmethod
    def _write_holder(handle: IO[str]) -> None:
        """Who holds the lock, for the message another writer gets. Written after
        the first byte (the byte Windows locks), best effort: the lock itself is
        what protects the file."""
        try:
            user = getpass.getuser()
        except (OSError, KeyError, ImportError):
            user = ""
        holder = {
            "user": user,
            "host": platform.node(),
            "pid": os.getpid(),
            "since": datetime.now().strftime("%Y-%m-%d %H:%M"),
        }
        try:
            handle.truncate(0)  # "a+" appends: the text starts at byte 0 again
            handle.write(" " + json.dumps(holder, ensure_ascii=False) + "\n")
            handle.flush()
        except OSError as exc:
            # The lock itself is held; only the note naming its holder is missing,
            # so a second writer's message says less. Not a reason to refuse.
            log.warning("cannot write the lock holder to %s: %s", handle.name, exc)

    def release(self) -> None:
        if self._handle is None:
            return
        try:
            if os.name == "nt":
                import msvcrt

                self._handle.seek(0)
                msvcrt.locking(self._handle.fileno(), msvcrt.LK_UNLCK, 1)
            else:
                import fcntl

                fcntl.flock(self._handle.fileno(), fcntl.LOCK_UN)
        finally:
            self._handle.close()
            self._handle = None


def holder_of(db_path: Path) -> dict[str, object]:
    """Who holds the lock on `db_path` as its lock file says ({} when unknown)."""
    lock_path = db_path.with_name(db_path.name + ".lock")
    try:
        with open(lock_path, encoding="utf-8") as handle:
            handle.seek(1)
            data = json.loads(handle.read().strip() or "{}")
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
