"""Backups of the database: SQLite's online backup (never a file copy of a live
database), made on start-up once a day, before every import and before a
migration, rotated (the last 7 days, then one a week for 4 weeks), into a folder
the user can change — another disk or a USB stick. Restore shows what a backup
holds, refuses a damaged one, and backs up the current file first.

This is the one backup path. The pre-import backup is a step of each import
action's own work (enterprise list, department data, sync bundle, confirmed
scans), into the open database's backup folder, so no door can forget it and it
runs where the import runs (a worker thread in the window).
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from app.models.db import Database
from app.owner_only import FOLDER_MODE, create_private_file, private_file
from app.services.core import file_check, file_swap
from app.services.core.backup_parts import clean_stale_parts
from app.services.core.progress import Progress, Work

log = logging.getLogger(__name__)

REASONS = {
    "daily": "每日自动备份",
    "import": "导入前备份",
    "migration": "升级前备份",
    "restore": "恢复前备份",
    "manual": "手动备份",
}
# The same words in the English window (the CLI and the counts keep the Chinese).
IN_ENGLISH = {
    "每日自动备份": "Daily backup",
    "导入前备份": "Before an import",
    "升级前备份": "Before an upgrade",
    "恢复前备份": "Before a restore",
    "手动备份": "Backed up by hand",
    "企业": "Enterprises",
    "法治体检": "Health checks",
    "整改事项": "Rectification items",
    "集体协商要约": "Negotiation offers",
    "裁员备案": "Layoff filings",
    "重大风险隐患": "Major risks",
    "指导服务活动": "Guidance activities",
}
KEEP_DAYS = 7
KEEP_WEEKS = 4
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z]+)\.sqlite3$")
# Record types a person recognises, for "what does this backup hold".
COUNTED_TABLES = {
    "enterprise": "企业",
    "health_check": "法治体检",
    "rectification_item": "整改事项",
    "negotiation_offer": "集体协商要约",
    "layoff_filing": "裁员备案",
    "major_risk_event": "重大风险隐患",
    "guidance_activity": "指导服务活动",
}


class BackupError(RuntimeError):
    """A backup cannot be made, read or restored; the message says what to do."""


@dataclass(frozen=True)
class BackupFile:
    path: Path
    made_at: datetime
    reason: str

    @property
    def size(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError:
            return 0


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: datetime | None
    office: str
    counts: dict[str, int]
    problems: list[str]  # empty when the file passed the integrity check

    @property
    def ok(self) -> bool:
        return not self.problems


def default_folder() -> Path:
    from app.paths import data_dir

    return data_dir() / "备份"


def _connect_ro(path: Path) -> sqlite3.Connection:
    return file_check.connect_read_only(path)


def prepare_folder(folder: Path) -> None:
    """The backup folder: made owner-only when the program creates it (a folder the
    user chose elsewhere keeps its own permissions)."""
    if not folder.exists():
        folder.mkdir(parents=True, mode=FOLDER_MODE)
    if folder == default_folder() and os.name == "posix":
        os.chmod(folder, FOLDER_MODE)


def _copy(source: Path, target: Path, journal_mode: str) -> None:
    """SQLite's online backup of `source` into a new file `target` (owner-only from
    its first byte), in steps that restart by themselves when another connection
    changes the source meanwhile."""
    src = _connect_ro(source)
    try:
        if not target.exists():
            create_private_file(target)
        dst = sqlite3.connect(target)
        try:
            src.backup(dst, pages=4096)
            dst.execute(f"PRAGMA journal_mode={journal_mode}")
        finally:
            dst.close()
    finally:
        src.close()


def integrity_problems(path: Path, *, quick: bool = False) -> list[str]:
    """SQLite's own check of every page and index; empty means sound."""
    if not path.exists():
        return [f"文件不存在：{path}"]
    try:
        with open(path, "rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                return ["不是和谐台账的数据库文件（文件头不对），可能已损坏或被改写。"]
        conn = _connect_ro(path)
        try:
            rows = conn.execute(
                "PRAGMA quick_check" if quick else "PRAGMA integrity_check"
            ).fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [f"无法读取：{exc}"]
    found = [r[0] for r in rows if r[0] != "ok"]
    return found[:20]


def make_backup(
    db_path: Path, folder: Path, reason: str = "manual", *, now: datetime | None = None
) -> Path:
    """Copy the database with SQLite's online backup API, which is consistent
    even while another connection writes, and check the copy."""
    if reason not in REASONS:
        raise ValueError(reason)
    now = now or datetime.now()
    folder = Path(folder)
    try:
        prepare_folder(folder)
        clean_stale_parts(folder)
    except OSError as exc:
        raise BackupError(
            f"无法使用备份文件夹“{folder}”：{exc.strerror or exc}。请在“文件 → 备份与恢复”中换一个文件夹。"
        ) from exc
    target = folder / f"{db_path.stem}-{now:%Y%m%d-%H%M%S}-{reason}.sqlite3"
    n = 1
    while target.exists():
        target = folder / f"{db_path.stem}-{now:%Y%m%d-%H%M%S}-{reason}-{n}.sqlite3"
        n += 1
    tmp = target.with_name(target.name + ".part")
    try:
        _copy(db_path, tmp, "DELETE")
    except (sqlite3.Error, OSError) as exc:
        Path(tmp).unlink(missing_ok=True)
        raise BackupError(
            f"备份失败：{exc}。请检查备份文件夹“{folder}”是否可写、空间是否足够。"
        ) from exc
    private_file(tmp)
    problems = integrity_problems(tmp)
    if problems:
        tmp.unlink(missing_ok=True)
        raise BackupError("备份副本未通过完整性检查：" + "；".join(problems))
    os.replace(tmp, target)
    log.info("backup %s (%s)", target, reason)
    return target


def list_backups(folder: Path, stem: str | None = None) -> list[BackupFile]:
    """Backups in `folder` (of the database named `stem`), newest first."""
    found = []
    if not Path(folder).is_dir():
        return []
    for path in Path(folder).iterdir():
        m = _NAME.match(path.name) or _NAME.match(re.sub(r"-\d+(\.sqlite3)$", r"\1", path.name))
        if not m or (stem is not None and m["stem"] != stem):
            continue
        found.append(BackupFile(path, datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S"), m["reason"]))
    return sorted(found, key=lambda b: (b.made_at, b.path.name), reverse=True)


def to_remove(backups: list[BackupFile], today: date) -> list[BackupFile]:
    """Every backup of the last 7 days stays; before that, the newest backup of
    each of the 4 seven-day spans stays; the rest go."""
    kept_spans: set[int] = set()
    remove = []
    for b in sorted(backups, key=lambda b: b.made_at, reverse=True):
        age = (today - b.made_at.date()).days
        if age < KEEP_DAYS:
            continue
        span = (age - KEEP_DAYS) // 7
        if span < KEEP_WEEKS and span not in kept_spans:
            kept_spans.add(span)
            continue
        remove.append(b)
    return remove


def rotate(folder: Path, stem: str, today: date | None = None) -> list[Path]:
    removed = []
    for b in to_remove(list_backups(folder, stem), today or date.today()):
        try:
            b.path.unlink()
            removed.append(b.path)
        except OSError as exc:
            log.warning("could not remove old backup %s: %s", b.path, exc)
    return removed


def daily_backup_if_due(db_path: Path, folder: Path, *, now: datetime | None = None) -> Path | None:
    """The start-up backup: made when none was made today, then old ones rotated."""
    now = now or datetime.now()
    stem = db_path.stem
    clean_stale_parts(folder)  # left by a backup that was killed
    if Path(folder).resolve() != db_path.parent.resolve():
        clean_stale_parts(db_path.parent)  # a restore's copy, left by a kill
    if any(b.made_at.date() == now.date() for b in list_backups(folder, stem)):
        return None
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    made = make_backup(db_path, folder, "daily", now=now)
    rotate(folder, stem, now.date())
    return made


def describe(path: Path) -> BackupInfo:
    """What a backup holds (office, counts) and whether it is sound."""
    m = _NAME.match(path.name)
    made = datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S") if m else None
    problems = integrity_problems(path)
    counts: dict[str, int] = {}
    office = ""
    if not problems:
        try:
            conn = _connect_ro(path)
            try:
                tables = {
                    r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
                }
                if "enterprise" not in tables or "alembic_version" not in tables:
                    problems.append("这不是和谐台账的数据库备份。")
                for table, label in COUNTED_TABLES.items():
                    if table in tables:
                        counts[label] = conn.execute(
                            f'SELECT count(*) FROM "{table}" WHERE deleted = 0'
                        ).fetchone()[0]  # noqa: S608 - fixed names
                if "setting" in tables:
                    row = conn.execute(
                        "SELECT value FROM setting WHERE key='office.name'"
                    ).fetchone()
                    office = row[0] if row else ""
            finally:
                conn.close()
        except sqlite3.DatabaseError as exc:
            problems.append(f"无法读取：{exc}")
    return BackupInfo(path, made, office, counts, problems)


def restore(
    backup: Path, target: Path, folder: Path | None = None, *, now: datetime | None = None
) -> Path | None:
    """Replace `target` with `backup`; the one restore path (the window's dialog,
    its start-up on a damaged file, `hexie restore`, an interrupted migration).

    The backup is checked first (a damaged one is refused and nothing changes) and
    copied beside the target; only then is the current file — sound or damaged —
    kept as <name>.before-restore-<time> (with its WAL), never deleted; a sound
    one is also backed up into `folder` first (the backup folder may be another
    disk). No connection to `target` may be open. Returns the kept file (None:
    there was none)."""
    info = describe(backup)
    if not info.ok:
        raise BackupError(
            "该备份已损坏或不是和谐台账的备份，不能恢复："
            + "；".join(info.problems)
            + "。请选择其他备份。"
        )
    now = now or datetime.now()
    sound = target.exists() and not integrity_problems(target, quick=True)
    if folder is not None and sound:
        make_backup(target, folder, "restore", now=now)
    tmp = target.with_name(target.name + ".restoring")
    for left in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):  # a killed restore's
        left.unlink(missing_ok=True)
    try:
        _copy(backup, tmp, "WAL")
        if sound:
            file_swap.fold_wal(target)
    except (sqlite3.Error, OSError) as exc:
        tmp.unlink(missing_ok=True)
        raise BackupError(f"恢复失败：{exc}。原数据库未被改动。") from exc
    # The swap is one rename, so a kill leaves either the old file or the restored
    # one at `target`, never no file. The old file is kept first under a second name
    # (a hard link, a copy where links are not possible), and its WAL beside it: a
    # WAL left at `target` would be replayed into the restored file and corrupt it.
    wal, kept = Path(f"{target}-wal"), None
    if target.exists():
        kept = file_swap.kept_name(target, now)
        file_swap.keep(target, kept)
        if wal.exists():
            file_swap.keep(wal, Path(f"{kept}-wal"))
    elif wal.exists():  # a WAL without its file belongs to nothing the backup holds
        os.replace(wal, Path(f"{file_swap.kept_name(target, now)}-wal"))
    wal.unlink(missing_ok=True)
    Path(f"{target}-shm").unlink(missing_ok=True)  # the WAL index, rebuilt on open
    os.replace(tmp, target)
    log.info("restored %s from %s (replaced file kept as %s)", target, backup, kept)
    return kept


def newest_sound(folder: Path, stem: str) -> BackupFile | None:
    """The newest backup that passes the integrity check (the way out of a damaged file)."""
    for b in list_backups(folder, stem):
        if not integrity_problems(b.path):
            return b
    return None


def before_import(db: Database) -> Path | None:
    """The backup taken before an import changes many records at once, into the
    database's backup folder (none when the database was opened without one). A
    failed backup is logged and the import goes on (its own transaction still
    protects the data); the user sees the reason in the log. None on the server
    (before_import_work)."""
    if db.backup_folder is None or db.is_server:
        return None
    try:
        made = make_backup(db.path, db.backup_folder, "import")
    except BackupError as exc:
        log.warning("backup before import failed: %s", exc)
        return None
    rotate(db.backup_folder, db.path.stem)
    return made


def before_import_work(db: Database) -> Work[Path | None]:
    """before_import() as the first step of an import's work: `yield from` it. None
    on the office server: its backups are the scheduled `hexie backup --db URL`
    (README: 服务器上的备份), and the import is one transaction there too."""
    if db.backup_folder is None or db.is_server:
        return None
    yield Progress(0, 0, "正在备份数据库…")
    made = before_import(db)
    if made:
        yield Progress(0, 0, f"已备份到 {made}", note=f"已备份到 {made}")
    return made


def backup_now(db: Database) -> Path:
    """文件 → 备份与恢复 → 立即备份: a manual backup, then old ones rotated."""
    folder = db.backup_folder or default_folder()
    made = make_backup(db.path, folder, "manual")
    rotate(folder, db.path.stem)
    return made
