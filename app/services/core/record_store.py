"""Creating or updating one record with its audit entry — the write every simple
record type (campaign, report, guidance activity, typical case) shares."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models.db import Database
from app.services.core import audit, edit_lock
from app.services.core.fields import ValidationError


def save_audited(
    session: Session,
    model: Any,
    record_type: str,
    record_id: str | None,
    values: dict[str, Any],
    *,
    summary: str,
    gone: tuple[str, str],
    loaded: int | None = None,
    **on_create: Any,
) -> Any:
    """Insert (with `on_create` too) when record_id is None, else change what
    differs; either way the audit log gets old and new values. `gone` is the
    (field, message) raised when the record was deleted meanwhile; `loaded` the
    version the user's form was loaded from (EditConflict when another coordinator
    saved since: run it inside edit_lock.guarded)."""
    if record_id is None:
        row = model(**on_create, **values)
        session.add(row)
        session.flush()
        audit.record(
            session, record_type, row.id, "create", audit.diff({}, values), getattr(row, summary)
        )
        return row
    row = session.get(model, record_id)
    if row is not None:
        edit_lock.check_loaded(session, row, record_type, loaded)
    if row is None or row.deleted:
        raise ValidationError({gone[0]: gone[1]})
    changes = audit.diff({k: getattr(row, k) for k in values}, values)
    for k in changes:
        setattr(row, k, values[k])
    if changes:
        audit.record(session, record_type, row.id, "update", changes, getattr(row, summary))
    return row


def delete_audited(
    db: Database,
    model: Any,
    record_type: str,
    record_id: str,
    *,
    summary: str,
    loaded: int | None = None,
    seen_seq: int | None = None,
) -> bool:
    """Tombstone one record with its audit entry; False when it was already gone.
    Refused (EditConflict) when another coordinator changed it after the user loaded
    it (`loaded`, from a dialog) or after the user's list was read (`seen_seq`)."""
    with edit_lock.guarded(db) as session:
        row = session.get(model, record_id)
        if row is None or row.deleted:
            return False
        edit_lock.check_loaded(session, row, record_type, loaded)
        edit_lock.check_unchanged_since(session, row, record_type, seen_seq)
        row.deleted = True
        audit.record(
            session,
            record_type,
            record_id,
            "delete",
            {"deleted": [False, True]},
            getattr(row, summary),
        )
        return True


def count_where(db: Database, model: Any, conditions: list[Any]) -> int:
    with db.reader() as conn:
        return int(
            conn.execute(select(func.count()).select_from(model).where(*conditions)).scalar_one()
        )
