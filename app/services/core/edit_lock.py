"""No lost updates: a save carries the version its coordinator loaded.

Several coordinators may edit one register at once (a PostgreSQL server, or two
windows on one file). Each edit dialog remembers the `version` of the record it
loaded and hands it to the service; the service calls `check_loaded` inside its
unit of work, and the write itself is `UPDATE … WHERE id = :id AND version =
:loaded` (the mapper's version_id_col, app/models/base.py). Whichever of the two
sees the other's save first — the check on the row just read, or the UPDATE
matching no row because a save committed between the read and the write — the
outcome is the same: nothing of this unit of work is written and EditConflict
says whose save came first, when, and both versions (docs/architecture.md,
"Several coordinators").

EditConflict is a ValidationError, so a dialog that does not yet offer the merge
view still shows the message and keeps the user's input; the dialogs in
app/views/common/ open the merge view (app/views/common/merge_dialog.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.models.base import SyncMixin, sync_record_types
from app.models.db import Database
from app.models.setting import SyncCounter
from app.services.core.fields import ValidationError
from app.services.core.local_time import local
from app.services.core.messages import N_, Message

CONFLICT_FIELD = "edit_conflict"  # the key of the message in ValidationError.errors


@dataclass(frozen=True)
class Saved:
    """Who saved the stored version, and when (from the audit log)."""

    version: int
    by: str
    at: datetime | None  # UTC
    deleted: bool


class EditConflict(ValidationError):
    """Another coordinator saved (or deleted) the record after this one loaded it.
    Nothing was written. `mine` is the version the form was loaded from, `theirs`
    the one now stored."""

    def __init__(self, record_type: str, record_id: str, mine: int, theirs: Saved) -> None:
        self.record_type = record_type
        self.record_id = record_id
        self.mine = mine
        self.theirs = theirs
        super().__init__({CONFLICT_FIELD: conflict_message(mine, theirs)})

    def shown_again(self, where: str) -> Message:
        """The message where there is nothing to merge, the record being shown again as
        it now stands instead (README: 多人同时编辑): `where` "dialog", a rectification
        item's status change, extension or evidence; "list", a delete from a list."""
        if self.theirs.deleted:
            return conflict_message(self.mine, self.theirs)
        at = local(self.theirs.at).strftime("%Y-%m-%d %H:%M") if self.theirs.at else "?"
        who = {"by": self.theirs.by or "?", "at": at, "theirs": self.theirs.version}
        if where == "list":
            return N_(
                "{by} 已于 {at} 改动了这条记录（现为第 {theirs} 版）。没有删除；"
                "列表已显示对方的修改，请核对，仍要删除时再点一次“删除”。",
                **who,
            )
        return N_(
            "{by} 已于 {at} 改动了这条记录（现为第 {theirs} 版，您打开的是第 {mine} 版）。"
            "没有写入任何内容；窗口已显示它现在的情况，您填写的内容仍在，请核对后再办理。",
            mine=self.mine,
            **who,
        )


def conflict_message(mine: int, theirs: Saved) -> Message:
    at = local(theirs.at).strftime("%Y-%m-%d %H:%M") if theirs.at else "?"
    if theirs.deleted:
        return N_(
            "{by} 已于 {at} 删除了这条记录（您打开的是第 {mine} 版）。没有写入任何内容；"
            "请关闭窗口，需要时重新登记。",
            by=theirs.by or "?",
            at=at,
            mine=mine,
        )
    return N_(
        "{by} 已于 {at} 保存了这条记录（现为第 {theirs} 版，您打开的是第 {mine} 版）。"
        "没有写入任何内容；请对照双方的修改，合并后再保存。",
        by=theirs.by or "?",
        at=at,
        theirs=theirs.version,
        mine=mine,
    )


def last_saved(session: Session, record_type: str, record_id: str, row: Any) -> Saved:
    """The stored version of `row` with the latest audit entry's operator and time
    (the row's own author and updated_at when the audit log has none, as for a
    record that came in a sync bundle)."""
    from app.models import AuditEntry  # declared when first used: app/models/__init__.py

    entry = session.execute(
        select(AuditEntry.operator, AuditEntry.at)
        .where(AuditEntry.record_type == record_type, AuditEntry.record_id == record_id)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .limit(1)
    ).first()
    by, at = (entry.operator, entry.at) if entry else (row.author, row.updated_at)
    return Saved(int(row.version), by, at, bool(row.deleted))


def check_loaded(session: Session, row: Any, record_type: str, loaded: int | None) -> None:
    """Raise EditConflict when `row` is no longer the version `loaded` (None: the
    caller loaded nothing to compare, as the CLI's one-shot edits). Remembers the
    check so a save that commits between this read and the write is reported the
    same way (`guarded`)."""
    if loaded is None:
        return
    if int(row.version) != int(loaded) or row.deleted:
        raise EditConflict(
            record_type, row.id, int(loaded), last_saved(session, record_type, row.id, row)
        )
    session.info.setdefault("edit_checks", []).append((type(row), record_type, row.id, loaded))


def check_unchanged_since(
    session: Session, row: Any, record_type: str, seen_seq: int | None
) -> None:
    """For an action taken from a list (a delete): raise EditConflict when `row` was
    changed after the list was read (`seen_seq`, the change counter then; None:
    nothing to compare). The version the conflict names as "mine" is the one the
    row had before that change: the list showed it."""
    if seen_seq is None:
        return
    if int(row.change_seq) > int(seen_seq):
        saved = last_saved(session, record_type, row.id, row)
        raise EditConflict(record_type, row.id, max(int(row.version) - 1, 1), saved)
    session.info.setdefault("edit_checks", []).append(
        (type(row), record_type, row.id, int(row.version))
    )


@contextmanager
def guarded(db: Database) -> Iterator[Session]:
    """db.session(), with the version-guarded UPDATE that matched no row turned into
    EditConflict for the record that changed (the whole unit of work is rolled back)."""
    checks: list[tuple[Any, str, str, int]] = []
    written: dict[str, int] = {}
    try:
        with db.session() as session:
            yield session
            checks = list(session.info.get("edit_checks", []))
            session.flush()
            written = {
                obj.id: int(obj.version)
                for obj in session.identity_map.values()
                if isinstance(obj, SyncMixin)
            }
    except StaleDataError:
        conflict = _stale_conflict(db, checks)
        if conflict is None:
            raise
        raise conflict from None
    _written.setdefault(db, {}).update(written)


# The version each record had when this Database last wrote it: what the dialog that
# saved it now shows, exactly (a colleague's save a moment later must still conflict).
_written: WeakKeyDictionary[Database, dict[str, int]] = WeakKeyDictionary()


def written_version(db: Database, record_id: str) -> int | None:
    """The version this Database last wrote the record at (None: it has not)."""
    return _written.get(db, {}).get(record_id)


def saved_version(db: Database, record_type: str, record_id: str | None) -> int | None:
    """The version an edit dialog holds after its own save: the one its unit of work
    wrote, else (a record saved without edit_lock.guarded) the stored one."""
    if record_id and record_id in _written.get(db, {}):
        return _written[db][record_id]
    return version_of(db, record_type, record_id)


def _stale_conflict(db: Database, checks: list[tuple[Any, str, str, int]]) -> EditConflict | None:
    with db.session() as session:
        for model, record_type, record_id, loaded in checks:
            row = session.get(model, record_id)
            if row is not None and (row.version != loaded or row.deleted):
                return EditConflict(
                    record_type, record_id, loaded, last_saved(session, record_type, record_id, row)
                )
    return None


def check_stored(db: Database, record_type: str, record_id: str | None, loaded: int | None) -> None:
    """check_loaded before a unit of work, for a service that reads the stored record
    first (a dialog's fields overlaid on it): a record deleted meanwhile is then a
    conflict that says so, not "record not found"."""
    if not record_id or loaded is None:
        return
    with db.session() as session:
        row = session.get(_models()[record_type], record_id)
        if row is not None:
            check_loaded(session, row, record_type, loaded)


def current_seq(db: Database) -> int:
    """The database's change counter: every saved record takes the next number
    (app/models/db.py next_change_seq). One indexed row: cheap to poll."""
    with db.reader() as conn:
        value = conn.execute(select(SyncCounter.value).where(SyncCounter.id == 1)).scalar()
    return int(value or 0)


def last_audit_id(db: Database) -> int:
    """The newest audit entry's number: where "what colleagues changed" starts counting."""
    from app.models import AuditEntry

    with db.reader() as conn:
        return int(conn.execute(select(func.max(AuditEntry.id))).scalar() or 0)


def changed_by_others(db: Database, after_audit_id: int) -> tuple[int, int]:
    """(records another window created, changed or deleted after audit entry
    `after_audit_id`, the newest entry's number): what the window tells its user when
    the change counter moved. Counted from the audit log, so a check saved with its
    forty item results is one record, as the coordinator thinks of it. "Another"
    is another opened database (Database.session_id), not another operator name:
    two PCs where both coordinators typed the same name see each other's saves."""
    from app.models import AuditEntry

    newer = (AuditEntry.id > after_audit_id, AuditEntry.session_id != db.session_id)
    with db.reader() as conn:
        records = (
            select(AuditEntry.record_type, AuditEntry.record_id).where(*newer).distinct().subquery()
        )
        count = conn.execute(select(func.count()).select_from(records)).scalar_one()
        newest = conn.execute(select(func.max(AuditEntry.id))).scalar()
    return int(count), int(newest or after_audit_id)


def version_of(db: Database, record_type: str, record_id: str | None) -> int | None:
    """The stored version of one record (record types are table names): what an edit
    dialog remembers on loading and hands back on saving. None for a new record."""
    if not record_id:
        return None
    model = _models()[record_type]
    with db.reader() as conn:
        found = conn.execute(select(model.version).where(model.id == record_id)).scalar()
    return None if found is None else int(found)


def _models() -> dict[str, Any]:
    return {cls.__tablename__: cls for cls in sync_record_types()}  # type: ignore[attr-defined]
