"""The file moves of a restore (backups.restore): the replaced file and its WAL
kept under a second name before the restored copy is renamed over it in one step
(README.md, 备份与恢复: the replaced file is kept, never deleted)."""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path


def fold_wal(path: Path) -> None:
    """Write a sound file's WAL into the file, so the file alone holds every commit."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    conn.close()  # the last connection closing removes the WAL


def kept_name(target: Path, now: datetime) -> Path:
    kept = target.with_name(f"{target.name}.before-restore-{now:%Y%m%d-%H%M%S}")
    n = 1
    while kept.exists() or Path(f"{kept}-wal").exists():
        kept = target.with_name(f"{target.name}.before-restore-{now:%Y%m%d-%H%M%S}-{n}")
        n += 1
    return kept


def keep(source: Path, kept: Path) -> None:
    try:
        os.link(source, kept)
    except OSError:  # a file system without hard links (FAT on a USB stick)
        shutil.copy2(source, kept)
