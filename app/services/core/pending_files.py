"""Files copied for records inside a unit of work reach their place in
<db>-附件 only when the records are committed (README.md, 存储 / Storage).

A copy is first written under `<db>-附件/待提交/<token>/<its final relative name>`
and renamed into place when the transaction commits; a rollback (an error, a
Cancel) removes it. A process killed before its commit leaves the copy in 待提交,
and the next writer to open the file sweeps it: a copy whose name a committed
record holds (a kill between the commit and the rename) is put in place, any other
is removed. Nothing outside 待提交 is ever removed, so no file a record points to
and no file of the user's is touched.
"""

from __future__ import annotations

import json
import logging
import os
import time
import uuid
from pathlib import Path

from sqlalchemy import select

from app.models.db import Database
from app.owner_only import private_folder

log = logging.getLogger(__name__)

PENDING_FOLDER = "待提交"
# Where files received from other offices are kept (record_files.received_name),
# and a bundle's plaintext zip while it is made or read (sync/bundle_stream.py).
RECEIVED_FOLDER = "收到"
# A copy untouched this long was left by work that was killed: the writer's lock
# keeps a second writer out, but a file on a shared folder may be reached from a
# PC whose lock is not seen; ten minutes as for unfinished backups (backups.py).
STALE_SECONDS = 10 * 60


def _base(db: Database) -> Path:
    return db.path.with_name(f"{db.path.stem}-附件")


def stage(db: Database, relative: str) -> Path:
    """A fresh path to write the copy of `relative` (relative to the attachments
    folder) into; each call gets its own, so one file added twice in one unit of
    work is two copies."""
    token = _base(db) / PENDING_FOLDER / uuid.uuid4().hex
    path = token / relative
    parts = Path(relative).parts
    for folder in [_base(db), token.parent, token] + [
        token.joinpath(*parts[:i]) for i in range(1, len(parts))
    ]:
        private_folder(folder)  # attachments are personal data: owner-only
    return path


def place_on_commit(db: Database, staged: Path, relative: str) -> None:
    """Rename `staged` to `relative` once the open unit of work commits; remove it
    if the unit is rolled back."""
    target = _base(db) / relative
    token = _token_of(db, staged)
    with db.session() as session:  # joins the open unit of work
        # What the work itself reads meanwhile (closing an item checks its evidence).
        session.info.setdefault("pending_files", {})[relative] = staged

    def committed() -> None:
        private_folder(target.parent)
        os.replace(staged, target)
        _remove_empty(token)

    def undone() -> None:
        staged.unlink(missing_ok=True)
        _remove_empty(token)

    db.on_outcome(committed, undone)


def staged_path(db: Database, relative: str) -> Path | None:
    """The copy of `relative` the open unit of work has made and not yet committed."""
    with db.session() as session:
        return session.info.get("pending_files", {}).get(relative)


def _token_of(db: Database, staged: Path) -> Path:
    return _base(db) / PENDING_FOLDER / staged.relative_to(_base(db) / PENDING_FOLDER).parts[0]


def _remove_empty(token: Path) -> None:
    """The token's folder and its sub-folders once empty (never a file)."""
    if not token.is_dir():
        return
    for folder in sorted((p for p in token.rglob("*") if p.is_dir()), reverse=True):
        _rmdir(folder)
    _rmdir(token)


def _rmdir(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass  # not empty: something is still there and stays


def referenced_names(db: Database) -> set[str]:
    """Every stored name a record of this office holds (evidence, scanned pages,
    the files of guidance activities and typical cases)."""
    # The models declared when first used (app/models/__init__.py).
    from app.models import Attachment, GuidanceActivity, ScannedPage, TypicalCase

    with db.session() as session:
        names = set(session.execute(select(Attachment.stored_name)).scalars())
        names |= set(session.execute(select(ScannedPage.stored_name)).scalars())
        for model in (GuidanceActivity, TypicalCase):
            for files_json in session.execute(select(model.files_json)).scalars():
                try:
                    files = json.loads(files_json or "[]")
                except ValueError:
                    continue
                names |= {str(f.get("stored_name", "")) for f in files if isinstance(f, dict)}
    return names


def sweep(db: Database, *, now: float | None = None) -> tuple[list[Path], list[Path]]:
    """Settle the copies killed work left in 待提交 (at a writer's open): returns
    (put in place, removed). Copies touched in the last STALE_SECONDS stay."""
    now = time.time() if now is None else now
    placed: list[Path] = []
    removed: list[Path] = _stale_received_parts(db, now)
    pending = _base(db) / PENDING_FOLDER
    if not pending.is_dir():
        return placed, removed
    names: set[str] | None = None
    for token in sorted(p for p in pending.iterdir() if p.is_dir()):
        for copy in sorted(p for p in token.rglob("*") if p.is_file()):
            try:
                if now - copy.stat().st_mtime < STALE_SECONDS:
                    continue
                relative = copy.relative_to(token).as_posix()
                names = referenced_names(db) if names is None else names
                target = _base(db) / relative
                if relative in names and not target.exists():
                    private_folder(target.parent)
                    os.replace(copy, target)
                    placed.append(target)
                else:
                    copy.unlink()
                    removed.append(copy)
            except OSError as exc:
                log.warning("could not settle %s: %s", copy, exc)
        _remove_empty(token)
    _rmdir(pending)  # nothing left in it: no empty folder beside the user's files
    if placed or removed:
        log.info("待提交: %d copy(ies) put in place, %d removed", len(placed), len(removed))
    return placed, removed


def _stale_received_parts(db: Database, now: float) -> list[Path]:
    """A bundle import killed while writing a received evidence file leaves
    `收到/<sha>.ext.part`, and an export or import killed mid-way its plaintext zip
    `收到/同步包-<random>.zip.part` (app/services/sync/bundle_stream.py); the file
    comes again with the next bundle, the bundle is made or imported again, so a
    .part untouched for STALE_SECONDS is only litter (a younger one may be being
    written by an import running now)."""
    removed: list[Path] = []
    received = _base(db) / RECEIVED_FOLDER
    if not received.is_dir():
        return removed
    for part in sorted(received.glob("*.part")):
        try:
            if part.is_file() and now - part.stat().st_mtime >= STALE_SECONDS:
                part.unlink()
                removed.append(part)
        except OSError as exc:
            log.warning("could not remove %s: %s", part, exc)
    return removed
