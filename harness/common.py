"""What both harnesses share: running the real CLI in a child process, the state of
a database file (revision and the rows of every table), SQLite's own checks, and
the temporary files a killed process may leave behind."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OPERATOR = "压力测试员"

# Files a killed process may leave that are part of the design, not debris
# (README.md, "Crash and fuzz harnesses"):
#   <db>-wal, <db>-shm   SQLite's write-ahead log; replayed or discarded at the next open
#   <db>.lock            the instance lock (an advisory lock, released by the kernel)
#   *.sqlite3 backups    finished backups (renamed from .part only when complete)
#   <db>.before-restore-<time>[-wal]  the file a restore replaced, with its WAL (never deleted;
#                        also what the next open keeps of a migration cut off: <db>.migrating)
#   *.hexie, *.eml       finished bundles and receipts (written whole, then renamed)
#   <db>-附件/待提交/…    evidence copied by work killed before its commit (or between its
#                        commit and the rename): settled at the next open (pending())
#   备份/*.sqlite3.part[-journal]  a backup killed while copying (e.g. the one before an upgrade),
#                        with SQLite's rollback journal of the copy if cut off mid-step:
#                        removed once ten minutes old by the next backup or the window's
#                        start-up (app/services/core/backup_parts.py)
DOCUMENTED = (
    re.compile(r".*\.sqlite3-(wal|shm)$"),
    re.compile(r".*\.sqlite3\.lock$"),
    re.compile(r".*-\d{8}-\d{6}-[a-z]+(-\d+)?\.sqlite3$"),
    re.compile(r".*\.sqlite3\.before-restore-\d{8}-\d{6}(-\d+)?(-wal)?$"),
    re.compile(r".*\.hexie$"),
    re.compile(r".*\.eml$"),
    re.compile(r"^settings\.json$"),
)


def child_env(data_dir: Path) -> dict[str, str]:
    """The environment of a `hexie` child: this worktree's code first, its own data
    folder (settings, default backup folder), an operator, no window."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["HEXIE_DATA_DIR"] = str(data_dir)
    env["HEXIE_OPERATOR"] = OPERATOR
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("HEXIE_DB", None)
    env.pop("HEXIE_PASSPHRASE", None)
    return env


def cli(*args: str | Path) -> list[str]:
    """`python3 -m app.cli …`, as an office runs the `hexie` command."""
    return [sys.executable, "-m", "app.cli", *map(str, args)]


def run_cli(
    args: list[str], data_dir: Path, *, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args,
        cwd=ROOT,
        env=child_env(data_dir),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@dataclass(frozen=True)
class State:
    """What a database holds, as far as all-or-nothing is concerned: its schema
    revision and the number of rows in every table (audit log included)."""

    revision: str | None
    counts: tuple[tuple[str, int], ...]

    def differs_from(self, other: State) -> list[str]:
        mine, theirs = dict(self.counts), dict(other.counts)
        out = (
            [f"revision {self.revision} ≠ {other.revision}"]
            if self.revision != other.revision
            else []
        )
        for name in sorted(set(mine) | set(theirs)):
            if mine.get(name) != theirs.get(name):
                out.append(f"{name} {mine.get(name)} ≠ {theirs.get(name)}")
        return out


def _connect(path: Path) -> sqlite3.Connection:
    # A plain connection, as the app's next start makes: a hot WAL is replayed.
    return sqlite3.connect(path, timeout=30)


def state_of(path: Path) -> State:
    con = _connect(path)
    try:
        tables = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        counts = tuple(
            (t, con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0])  # noqa: S608 - names from the file
            for t in sorted(tables)
        )
        revision = None
        if "alembic_version" in tables:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        return State(revision, counts)
    finally:
        con.close()


def soundness_problems(path: Path) -> list[str]:
    """SQLite's integrity check and foreign-key check; empty when the file is sound."""
    if not path.exists():
        return ["the database file is gone"]
    try:
        con = _connect(path)
        try:
            found = [r[0] for r in con.execute("PRAGMA integrity_check") if r[0] != "ok"]
            found += [f"foreign key: {r}" for r in con.execute("PRAGMA foreign_key_check")]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return [f"unreadable: {exc}"]
    return found[:10]


def files_under(folder: Path) -> set[Path]:
    return {p.relative_to(folder) for p in folder.rglob("*") if p.is_file()}


PENDING = "待提交"


def pending(p: Path) -> bool:
    """A copy in <db>-附件/待提交: evidence whose record was not committed yet when the
    process was killed; settled (put in place or removed) at the next open."""
    return len(p.parts) > 2 and p.parts[0].endswith("-附件") and p.parts[1] == PENDING


def _evidence(p: Path) -> bool:
    return (
        bool(p.parts)
        and p.parts[0].endswith("-附件")
        and not p.name.endswith(".part")
        and not pending(p)
    )


def received_work(p: Path) -> bool:
    """A bundle's work file in <db>-附件/收到 (its plaintext zip, the versions it sent, a
    file being received), cut off by the kill: swept at a later start once untouched
    for ten minutes (app/services/core/pending_files.py)."""
    return (
        len(p.parts) > 2
        and p.parts[0].endswith("-附件")
        and p.parts[1] == "收到"
        and p.name.endswith(".part")
    )


def unfinished_backup(p: Path) -> bool:
    """A backup's copy, or a restore's, cut off before its rename (README.md, 备份与恢复)."""
    from app.services.core.backup_parts import PART_SUFFIXES, RESTORING_SUFFIXES

    return p.name.endswith(PART_SUFFIXES + RESTORING_SUFFIXES)


def leftovers(before: set[Path], folder: Path) -> list[Path]:
    """Files that appeared under `folder` and are none of the documented kinds
    (evidence files are counted apart: orphans())."""
    return sorted(
        p
        for p in files_under(folder) - before
        if not any(rule.match(p.name) for rule in DOCUMENTED)
        and not _evidence(p)
        and not pending(p)
        and not received_work(p)
        and not unfinished_backup(p)
    )


def orphans(before: set[Path], folder: Path) -> list[Path]:
    """Evidence files copied into <db>-附件 by work whose transaction never committed:
    whole files nothing refers to (README.md, "Crash and fuzz harnesses")."""
    return sorted(p for p in files_under(folder) - before if _evidence(p))
