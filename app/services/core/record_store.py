"""The one write path every record type shares: validate, load the stored record
checked against the version the user loaded (edit_lock), apply, and audit.

- `load_for_edit`: the stored record an edit (or a child row's write) hangs on,
  refused with EditConflict when another coordinator saved it after the user
  loaded it, and "gone" when it was deleted.
- `write_audited`: create or update one record with its audit entry, for a record
  type whose fields are set by its own code (offers, layoff filings, risk events).
- `save_audited`: the same for a record whose values are its columns by name
  (campaign, report, guidance activity, typical case).
- `delete_audited`: tombstone one record (and its child rows) with its audit entry.
- `values_saver`: a dialog's `save_values` (its fields by name overlaid on the
  stored record) for a record type with a spec, an input dataclass, get and save.

docs/architecture.md, "The save path", says how a record type uses them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Enterprise
from app.models.db import Database
from app.services.core import audit, edit_lock
from app.services.core.fields import ValidationError
from app.services.core.messages import N_
from app.services.core.validation import Problems, add

Gone = tuple[str, Any]  # (field, message) raised when the record was deleted meanwhile


def load_for_edit(
    session: Session,
    model: Any,
    record_type: str,
    record_id: str,
    *,
    loaded: int | None,
    gone: Gone,
) -> Any:
    """The stored record `record_id`, to be changed in this unit of work (run it inside
    edit_lock.guarded). EditConflict (who saved, when) when it is no longer the version
    `loaded`; ValidationError `gone` when it does not exist or was deleted. Without
    `loaded` (a one-shot CLI edit) the version just read is the one checked, so a save
    committed between this read and the write is a conflict too, never a bare
    StaleDataError."""
    row = session.get(model, record_id)
    if row is not None and loaded is not None:
        edit_lock.check_loaded(session, row, record_type, loaded)
    if row is None or row.deleted:
        raise ValidationError({gone[0]: gone[1]})
    if loaded is None:
        edit_lock.check_loaded(session, row, record_type, int(row.version))
    return row


def write_audited(
    session: Session,
    model: Any,
    record_type: str,
    record_id: str | None,
    *,
    loaded: int | None,
    gone: Gone,
    make: Callable[[], Any],
    apply: Callable[[Any], None],
    state: Callable[[Any], dict[str, Any]],
    summary: Callable[[Any], str],
) -> Any:
    """Create (`make`, when record_id is None) or load the record (load_for_edit),
    `apply` the user's values to it, and audit it: "create", or "update" with the
    fields whose `state` changed. Returns the row."""
    if record_id:
        row = load_for_edit(session, model, record_type, record_id, loaded=loaded, gone=gone)
        before: dict[str, Any] | None = state(row)
    else:
        row = make()
        session.add(row)
        before = None
    apply(row)
    session.flush()
    changes = {} if before is None else audit.diff(before, state(row))
    action = "create" if before is None else "update"
    audit.record(session, record_type, row.id, action, changes, summary(row))
    return row


@dataclass(frozen=True)
class RecordWrite:
    """How one record type is written by `save_checked`: its model and audit name,
    the (field, message) when it was deleted meanwhile, the values its audit entry
    compares (`state`) and the entry's summary."""

    model: Any
    record_type: str
    gone: Gone
    state: Callable[[Any], dict[str, Any]]
    summary: Callable[[Any], str]


def save_checked(
    db: Database,
    kind: RecordWrite,
    record_id: str | None,
    *,
    loaded: int | None,
    validate: Callable[[Session], Problems],
    make: Callable[[], Any],
    apply: Callable[[Any], None],
) -> str:
    """One save in its own unit of work: `validate` (ValidationError with every
    problem, nothing written), then write_audited. Returns the record's id."""
    with edit_lock.guarded(db) as session:
        errors = validate(session)
        if errors:
            raise ValidationError(errors)
        row = write_audited(
            session,
            kind.model,
            kind.record_type,
            record_id,
            loaded=loaded,
            gone=kind.gone,
            make=make,
            apply=apply,
            state=kind.state,
            summary=kind.summary,
        )
        return str(row.id)


def save_audited(
    session: Session,
    model: Any,
    record_type: str,
    record_id: str | None,
    values: dict[str, Any],
    *,
    summary: str,
    gone: Gone,
    loaded: int | None = None,
    **on_create: Any,
) -> Any:
    """Insert (with `on_create` too) when record_id is None, else change what
    differs; either way the audit log gets old and new values (no entry for a save
    that changed nothing). `gone` is the (field, message) raised when the record was
    deleted meanwhile; `loaded` the version the user's form was loaded from
    (EditConflict when another coordinator saved since: run it inside
    edit_lock.guarded)."""
    if record_id is None:
        row = model(**on_create, **values)
        session.add(row)
        session.flush()
        audit.record(
            session, record_type, row.id, "create", audit.diff({}, values), getattr(row, summary)
        )
        return row
    row = load_for_edit(session, model, record_type, record_id, loaded=loaded, gone=gone)
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
    summary: str | Callable[[Any], str],
    loaded: int | None = None,
    seen_seq: int | None = None,
    children: tuple[Any, ...] = (),
) -> bool:
    """Tombstone one record with its audit entry, and the rows of each `children`
    column (a child model's foreign key to it, as NegotiationSession.offer_id);
    False when it was already gone. Refused (EditConflict) when another coordinator
    changed it after the user loaded it (`loaded`, from a dialog) or after the
    user's list was read (`seen_seq`). `summary`: the row's attribute, or a text
    made from the row."""
    with edit_lock.guarded(db) as session:
        row = session.get(model, record_id)
        if row is None or row.deleted:
            return False
        edit_lock.check_loaded(session, row, record_type, loaded)
        edit_lock.check_unchanged_since(session, row, record_type, seen_seq)
        row.deleted = True
        for column in children:
            for child in session.execute(
                select(column.class_).where(column == record_id)
            ).scalars():
                child.deleted = True
        said = summary(row) if callable(summary) else getattr(row, summary)
        audit.record(session, record_type, record_id, "delete", {"deleted": [False, True]}, said)
        return True


def enterprise_problems(session: Session, enterprise_id: str | None) -> Problems:
    """The problem with a record's enterprise: none chosen, or one deleted meanwhile."""
    errors: Problems = {}
    if not enterprise_id:
        add(errors, "enterprise_id", N_("请选择企业。"))
    elif (ent := session.get(Enterprise, enterprise_id)) is None or ent.deleted:
        add(errors, "enterprise_id", N_("所选企业不存在或已删除。"))
    return errors


def enterprise_facts(session: Session, enterprise_id: str, *more: str) -> dict[str, Any]:
    """A record's enterprise as its dialog and forms show it: the name (`enterprise`),
    credit code, county and `more` of its fields; empty text when it is gone."""
    ent = session.get(Enterprise, enterprise_id)
    names = ("credit_code", "county_code", *more)
    return {"enterprise": ent.name if ent else "", **{n: getattr(ent, n, "") for n in names}}


def doors(
    spec: Any,
    blank: Callable[[], Any],
    validate: Callable[[Session, Any], Problems],
    get: Callable[[Database, str], tuple[Any, Any]],
    save: Callable[..., str],
) -> tuple[
    Callable[..., Problems], Callable[..., dict[str, str]], Callable[..., Any], Callable[..., str]
]:
    """A record type's `problems(db, data)`, `problems_of(db, values)` (a dialog's
    values), `values_of(db, record_id)` and `save_values` (values_saver), made from
    its spec, its blank input, its validation inside a session, get and save."""

    def problems(db: Database, data: Any) -> Problems:
        """What stands in the way of saving `data`; nothing is written."""
        with db.session() as session:
            return validate(session, data)

    def problems_of(db: Database, values: dict[str, Any]) -> dict[str, str]:
        return spec.problems_of(values, blank(), lambda d: problems(db, d))

    def values_of(db: Database, record_id: str) -> dict[str, Any]:
        return asdict(get(db, record_id)[0])

    return problems, problems_of, values_of, values_saver(spec, blank, get, save)


def deleter(
    model: Any,
    record_type: str,
    summary: str | Callable[[Any], str],
    children: tuple[Any, ...] = (),
) -> Callable[..., None]:
    """A record type's `delete(db, record_id, *, loaded=None, seen_seq=None)`:
    delete_audited with its child rows, refused when another coordinator changed the
    record after the dialog (`loaded`) or the list (`seen_seq`) showed it."""

    def delete(
        db: Database, record_id: str, *, loaded: int | None = None, seen_seq: int | None = None
    ) -> None:
        delete_audited(
            db,
            model,
            record_type,
            record_id,
            summary=summary,
            loaded=loaded,
            seen_seq=seen_seq,
            children=children,
        )

    return delete


def load_live(session: Session, model: Any, record_id: str, gone: Gone) -> Any:
    """The stored record to show; ValidationError `gone` when it is missing or deleted."""
    row = session.get(model, record_id)
    if row is None or row.deleted:
        raise ValidationError({gone[0]: gone[1]})
    return row


def values_saver(
    spec: Any,
    blank: Callable[[], Any],
    get: Callable[[Database, str], tuple[Any, Any]],
    save: Callable[..., str],
) -> Callable[..., str]:
    """`save_values(db, values, record_id=None, *, loaded=None)` for a record type:
    save what its dialog shows (its fields by name, as typed) overlaid on the stored
    record (what the dialog does not show is kept); `loaded`: the version the dialog
    was loaded from. A record deleted meanwhile is a conflict that says so."""

    def save_values(
        db: Database,
        values: dict[str, Any],
        record_id: str | None = None,
        *,
        loaded: int | None = None,
    ) -> str:
        edit_lock.check_stored(db, spec.table, record_id, loaded)
        base = get(db, record_id)[0] if record_id else blank()
        return save(db, spec.overlay(values, base), record_id, loaded=loaded)

    return save_values


def count_where(db: Database, model: Any, conditions: list[Any]) -> int:
    with db.reader() as conn:
        return int(
            conn.execute(select(func.count()).select_from(model).where(*conditions)).scalar_one()
        )
