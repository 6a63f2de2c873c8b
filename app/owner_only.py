"""Files only their owner can read: the office's records are personal data
(names, ID numbers, wages), so on POSIX the database, its WAL and SHM files,
backups, key files, attachments and logs are 0600 and the folders the program
makes for them 0700 (README: 存储 / Storage). Windows keeps its own ACLs: the
files live in the user's profile, which other users cannot read.

Neutral ground: the models, the services and the window all use it.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def private_file(path: str | Path) -> None:
    """Make an existing file owner-only; a file we cannot change (someone else's,
    a read-only medium) is left as it is."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):  # not ours to change: leave it as it is
        os.chmod(path, FILE_MODE)


def private_folder(path: str | Path) -> Path:
    """Create (if needed) a folder the program owns, owner-only."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    if os.name == "posix":
        with contextlib.suppress(OSError):  # an existing folder that is not ours
            os.chmod(path, FOLDER_MODE)
    return path


def create_private_file(path: str | Path) -> None:
    """Create an empty file that is owner-only from its first byte (never 0644 for
    a moment); an existing file is left alone."""
    fd = os.open(path, os.O_CREAT | os.O_WRONLY | os.O_EXCL, FILE_MODE)
    os.close(fd)
