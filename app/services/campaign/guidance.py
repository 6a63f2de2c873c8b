"""Guidance services (指导服务) and typical cases (典型案例) of a campaign.

Notice 平协调三方办〔2023〕3号 二(三): send laws and regulations into
enterprises with newly registered ones first, hand out employment guides, hold
online lectures, and help enterprises set up wage-payment and democratic
management rules; 二(四)/三(四): publicise model enterprises, typical cases and
outstanding coordinators. Each record type's spec (guidance_spec) feeds the
list, the dialog and the rules.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.models import Enterprise, GuidanceActivity, TypicalCase
from app.models.db import Database
from app.services.campaign.guidance_rules import is_newly_registered  # noqa: F401

# The records' fields, columns and words live in guidance_spec; callers keep
# using guidance.ACTIVITY_FIELDS, ACTIVITY_KINDS and the rest.
from app.services.campaign.guidance_spec import (  # noqa: E402, F401
    ACTIVITY_FIELDS,
    ACTIVITY_KINDS,
    ACTIVITY_KINDS_EN,
    CASE_FIELDS,
    CASE_KINDS,
    CASE_KINDS_EN,
    GUIDANCE_ACTIVITY,
    TYPICAL_CASE,
)
from app.services.core import audit, edit_lock, record_files
from app.services.core.fields import FieldError, Kind, ValidationError, field_message, parse_value
from app.services.core.messages import N_
from app.services.core.record_spec import RecordSpec
from app.services.core.record_store import deleter, save_audited


def _clean(spec: RecordSpec, raw: dict[str, Any], today: date | None = None) -> dict[str, Any]:
    """A dialog's or a spreadsheet's values read by the record's spec and checked by
    its rules (every field's own, then the record type's); ValidationError otherwise."""
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for field in spec.fields:
        try:
            values[field.name] = parse_value(field, raw.get(field.name))
        except FieldError as exc:
            errors[field.name] = field_message(field, exc)
    for name, message in spec.check(values, today=today or date.today()).items():
        errors.setdefault(name, message)
    if errors:
        raise ValidationError(errors)
    for field in spec.fields:
        if values[field.name] is None:
            values[field.name] = 0 if field.kind is Kind.INT else ""
    return values


def activity_problems(raw: dict[str, Any]) -> dict[str, str]:
    """What stands in the way of saving an activity; nothing is written."""
    return _problems(GUIDANCE_ACTIVITY, raw)


def case_problems(raw: dict[str, Any]) -> dict[str, str]:
    return _problems(TYPICAL_CASE, raw)


def _problems(spec: RecordSpec, raw: dict[str, Any]) -> dict[str, str]:
    try:
        _clean(spec, raw)
    except ValidationError as exc:
        return exc.errors
    return {}


# -- guidance activities ----------------------------------------------------------------------
def save_activity(
    db: Database,
    raw: dict[str, Any],
    *,
    campaign_id: str,
    enterprise_ids: list[str] | None = None,
    activity_id: str | None = None,
    loaded: int | None = None,
) -> str:
    values = _clean(GUIDANCE_ACTIVITY, raw)
    if enterprise_ids is not None:
        values["enterprise_ids_json"] = json.dumps(sorted(set(enterprise_ids)))
    gone = "该活动已被删除，无法保存。"
    return _save(db, GuidanceActivity, activity_id, values, gone, loaded, campaign_id)


def _save(
    db: Database,
    model: Any,
    record_id: str | None,
    values: dict[str, Any],
    gone: str,
    loaded: int | None,
    campaign_id: str,
) -> str:
    """One activity or case saved in its own unit of work (named by its title)."""
    with edit_lock.guarded(db) as session:
        return save_audited(
            session,
            model,
            model.__tablename__,
            record_id,
            values,
            summary="title",
            gone=("title", gone),
            loaded=loaded,
            campaign_id=campaign_id,
        ).id


@dataclass(frozen=True)
class ReachedEnterprise:
    id: str
    name: str
    credit_code: str
    newly_registered: bool  # registered within `new_months` before the activity


def activity(
    db: Database, activity_id: str, *, new_months: int = 12
) -> tuple[dict[str, Any], list[ReachedEnterprise], list[dict[str, Any]]]:
    """Field values, the register's enterprises reached (new ones marked) and the files."""
    values = _activity_values(db, activity_id)
    files, ids = values.pop("files"), values.pop("enterprise_ids")
    return values, enterprises_reached(db, ids, values["held_on"], new_months), files


def _files_of(row: Any) -> list[dict[str, Any]]:
    """The record's file descriptions, each with the record's owner: another
    office's files are found under their hash, not where the sender kept them
    (record_files.local_path)."""
    return [{**f, "owner": row.origin_office} for f in json.loads(row.files_json or "[]")]


def enterprises_reached(
    db: Database, ids: list[str], on: date, new_months: int = 12
) -> list[ReachedEnterprise]:
    """The enterprises an activity reaches, by pinyin, the newly registered marked
    (registered within `new_months` of `on`)."""
    with db.reader() as conn:
        return reached_enterprises(conn, ids, on, new_months)


def reached_enterprises(
    session: Any, ids: list[str], on: date, new_months: int = 12
) -> list[ReachedEnterprise]:
    if not ids:
        return []
    rows = session.execute(
        select(Enterprise.id, Enterprise.name, Enterprise.credit_code, Enterprise.registration_date)
        .where(Enterprise.id.in_(ids))
        .order_by(Enterprise.name_pinyin)
    ).all()
    return [
        ReachedEnterprise(
            r.id, r.name, r.credit_code, is_newly_registered(r.registration_date, on, new_months)
        )
        for r in rows
    ]


def add_activity_file(db: Database, activity_id: str, source: str | Path) -> dict[str, Any]:
    return _add_file(db, GuidanceActivity, "guidance_activity", activity_id, source)


def add_case_file(db: Database, case_id: str, source: str | Path) -> dict[str, Any]:
    return _add_file(db, TypicalCase, "typical_case", case_id, source)


def _add_file(
    db: Database, model: Any, record_type: str, record_id: str, source: str | Path
) -> dict[str, Any]:
    with db.session() as session:
        row = session.get(model, record_id)
        if row is None or row.deleted:
            raise record_files.RecordFileError(N_("该记录已被删除，无法添加附件。"))
        stored = record_files.store(db, record_id, source).as_dict()
        files = json.loads(row.files_json or "[]")
        files.append(stored)
        row.files_json = json.dumps(files, ensure_ascii=False)
        audit.record(
            session,
            record_type,
            record_id,
            "update",
            {"file": [None, stored["file_name"]]},
            "添加附件",
        )
        return stored


delete_activity = deleter(GuidanceActivity, GUIDANCE_ACTIVITY.table, "title")
delete_case = deleter(TypicalCase, TYPICAL_CASE.table, "title")


# -- typical cases --------------------------------------------------------------------------------
def save_case(
    db: Database,
    raw: dict[str, Any],
    *,
    campaign_id: str,
    enterprise_id: str = "",
    case_id: str | None = None,
    loaded: int | None = None,
) -> str:
    values = _clean(TYPICAL_CASE, raw)
    values["enterprise_id"] = enterprise_id
    gone = "该案例已被删除，无法保存。"
    return _save(db, TypicalCase, case_id, values, gone, loaded, campaign_id)


def case(db: Database, case_id: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    with db.session() as session:
        row, values = _stored(
            session, TypicalCase, case_id, CASE_FIELDS, "找不到该典型案例，可能已被删除。"
        )
        values["enterprise_id"] = row.enterprise_id
        return values, _files_of(row)


def _stored(
    session: Any, model: Any, record_id: str, fields: tuple[Any, ...], gone: str
) -> tuple[Any, dict[str, Any]]:
    """The stored activity or case and its field values with its campaign; ValueError
    `gone` when it was deleted."""
    row = session.get(model, record_id)
    if row is None or row.deleted:
        raise ValueError(gone)
    values = {spec.name: getattr(row, spec.name) for spec in fields}
    values["campaign_id"] = row.campaign_id
    return row, values


# The lists (filters, counting, a page of rows) live in guidance_lists; callers
# keep using guidance.ActivityFilter / activities / CaseFilter / cases.
from app.services.campaign.guidance_lists import (  # noqa: E402, F401
    ActivityFilter,
    CaseFilter,
    activities,
    cases,
    count_activities,
    count_cases,
)


# -- the doors of each type's list tab and dialog (views/common/list_tab.py, spec_dialog.py)
# As the offer and layoff services have them: the list's count, page and delete; what
# stands in the way of saving a dialog's values (nothing written), the stored values,
# and the save of what the dialog shows. Beside the fields, the values carry the
# record's campaign (`campaign_id`), its files and, for an activity, the register's
# enterprises it reached (`enterprise_ids`: None when the dialog did not change them,
# so a colleague's change to the list is kept) or, for a case, its enterprise.
@dataclass(frozen=True)
class Doors:
    count: Callable[[Database, Any], int]
    page: Callable[..., Any]  # (db, filter, *, offset=0, limit=200) -> rows
    delete: Callable[..., None]
    problems_of: Callable[[Database, dict[str, Any]], dict[str, str]]
    values_of: Callable[[Database, str], dict[str, Any]]
    save_values: Callable[..., str]  # (db, values, record_id=None, *, loaded=None) -> id


def _activity_values(db: Database, activity_id: str) -> dict[str, Any]:
    with db.session() as session:
        gone = "找不到该指导服务活动，可能已被删除。"
        row, values = _stored(session, GuidanceActivity, activity_id, ACTIVITY_FIELDS, gone)
        ids = json.loads(row.enterprise_ids_json or "[]")
        return {**values, "enterprise_ids": ids, "files": _files_of(row)}


def _case_values(db: Database, case_id: str) -> dict[str, Any]:
    values, files = case(db, case_id)
    return {**values, "files": files}


def _doors(
    lists: tuple[Callable[..., Any], ...],
    spec: RecordSpec,
    read: Callable[[Database, str], dict[str, Any]],
    save: Callable[..., str],
    id_name: str,
    links: Callable[[dict[str, Any]], dict[str, Any]],
) -> Doors:
    """A campaign record type's doors: `lists` its count, page and delete; `save`
    (save_activity, save_case) takes the record's id as `id_name`, its campaign and
    what `links` reads from the values."""

    def save_values(
        db: Database,
        values: dict[str, Any],
        record_id: str | None = None,
        *,
        loaded: int | None = None,
    ) -> str:
        ids = {id_name: record_id}
        return save(
            db, values, campaign_id=values["campaign_id"], **ids, **links(values), loaded=loaded
        )

    return Doors(*lists, lambda _db, values: _problems(spec, values), read, save_values)


ACTIVITY_DOORS = _doors(
    (count_activities, activities, delete_activity),
    GUIDANCE_ACTIVITY,
    _activity_values,
    save_activity,
    "activity_id",
    lambda values: {"enterprise_ids": values.get("enterprise_ids")},
)
CASE_DOORS = _doors(
    (count_cases, cases, delete_case),
    TYPICAL_CASE,
    _case_values,
    save_case,
    "case_id",
    lambda values: {"enterprise_id": values.get("enterprise_id") or ""},
)
