"""Guidance services (指导服务) and typical cases (典型案例) of a campaign.

Notice 平协调三方办〔2023〕3号 二(三): send laws and regulations into
enterprises with newly registered ones first, hand out employment guides, hold
online lectures, and help enterprises set up wage-payment and democratic
management rules; 二(四)/三(四): publicise model enterprises, typical cases and
outstanding coordinators. One FieldSpec list per record type feeds the list,
the dialog and the annex columns.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.models import Enterprise, GuidanceActivity, TypicalCase
from app.models.db import Database
from app.services.campaign import guidance_rules as guidance_rules
from app.services.core import audit, record_files, reference
from app.services.core.fields import (
    FieldError,
    FieldSpec,
    Kind,
    ValidationError,
    field_message,
    parse_value,
    problems,
)
from app.services.core.record_store import save_audited

ACTIVITY_KINDS = {
    "law_into_enterprise": "送法进企业",
    "lecture_onsite": "现场讲座",
    "lecture_online": "线上讲座",
    "guide": "发放用工指南",
    "rules_help": "指导建立规章制度",
    "other": "其他指导服务",
}
ACTIVITY_KINDS_EN = {
    "law_into_enterprise": "Law into enterprises",
    "lecture_onsite": "Lecture on site",
    "lecture_online": "Lecture online",
    "guide": "Employment guides handed out",
    "rules_help": "Help with internal rules",
    "other": "Other guidance",
}
CASE_KINDS = {
    "practice": "典型做法",
    "model_enterprise": "示范企业",
    "coordinator": "金牌劳动关系协调员",
    "negotiation": "集体协商典型案例",
}
CASE_KINDS_EN = {
    "practice": "Good practice",
    "model_enterprise": "Model enterprise",
    "coordinator": "Outstanding coordinator",
    "negotiation": "Collective negotiation case",
}


def _counties() -> list[tuple[str, str]]:
    return [(d.code, d.name) for d in reference.divisions()]


def _counties_en() -> list[tuple[str, str]]:
    return [(d.code, d.name_en) for d in reference.divisions()]


COUNTY_FIELD = FieldSpec(
    "county_code",
    "县区",
    "County",
    Kind.CHOICE,
    choices=_counties,
    choices_en=_counties_en,
    matcher=reference.match_division,
    width=80,
)
ACTIVITY_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("held_on", "日期", "Date", Kind.DATE, required=True, width=90),
    FieldSpec(
        "kind",
        "服务方式",
        "Kind",
        Kind.CHOICE,
        required=True,
        choices=lambda: list(ACTIVITY_KINDS.items()),
        choices_en=lambda: list(ACTIVITY_KINDS_EN.items()),
        width=110,
    ),
    FieldSpec("title", "活动名称", "Title", required=True, max_length=200, width=240),
    COUNTY_FIELD,
    FieldSpec("place", "地点或平台", "Place or platform", max_length=200, width=140),
    FieldSpec(
        "other_enterprises",
        "名录外企业数",
        "Enterprises not in the register",
        Kind.INT,
        minimum=0,
        in_table=False,
    ),
    FieldSpec("people_reached", "覆盖人数", "People reached", Kind.INT, minimum=0, width=70),
    FieldSpec("materials", "发放或使用的材料", "Materials", Kind.LONGTEXT, in_table=False),
    FieldSpec("copies_handed_out", "发放份数", "Copies handed out", Kind.INT, minimum=0, width=70),
    FieldSpec("note", "备注", "Note", Kind.LONGTEXT, in_table=False),
)
CASE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        "kind",
        "类别",
        "Kind",
        Kind.CHOICE,
        required=True,
        choices=lambda: list(CASE_KINDS.items()),
        choices_en=lambda: list(CASE_KINDS_EN.items()),
        width=130,
    ),
    FieldSpec("title", "标题", "Title", required=True, max_length=200, width=280),
    COUNTY_FIELD,
    FieldSpec("person", "人物或联系人", "Person", max_length=60, width=90),
    FieldSpec("body", "案例正文", "Text", Kind.LONGTEXT, required=True, in_table=False),
    FieldSpec("in_report", "写入工作总结", "In the summary report", Kind.BOOL, width=90),
)


def _clean(
    specs: tuple[FieldSpec, ...], raw: dict[str, Any], today: date | None = None
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for spec in specs:
        try:
            values[spec.name] = parse_value(spec, raw.get(spec.name))
        except FieldError as exc:
            errors[spec.name] = field_message(spec, exc)
    for name, message in problems(specs, values).items():
        errors.setdefault(name, message)
    if specs is ACTIVITY_FIELDS:
        for name, message in guidance_rules.activity_rules(
            values, today=today or date.today()
        ).items():
            errors.setdefault(name, message)
    if errors:
        raise ValidationError(errors)
    for spec in specs:
        if values[spec.name] is None and spec.kind is Kind.INT:
            values[spec.name] = 0
        elif values[spec.name] is None:
            values[spec.name] = ""
    return values


def activity_problems(raw: dict[str, Any]) -> dict[str, str]:
    """What stands in the way of saving an activity; nothing is written."""
    try:
        _clean(ACTIVITY_FIELDS, raw)
    except ValidationError as exc:
        return exc.errors
    return {}


def case_problems(raw: dict[str, Any]) -> dict[str, str]:
    try:
        _clean(CASE_FIELDS, raw)
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
) -> str:
    values = _clean(ACTIVITY_FIELDS, raw)
    if enterprise_ids is not None:
        values["enterprise_ids_json"] = json.dumps(sorted(set(enterprise_ids)))
    with db.session() as session:
        return save_audited(
            session,
            GuidanceActivity,
            "guidance_activity",
            activity_id,
            values,
            summary="title",
            gone=("title", "该活动已被删除，无法保存。"),
            campaign_id=campaign_id,
        ).id


@dataclass(frozen=True)
class ReachedEnterprise:
    id: str
    name: str
    credit_code: str
    newly_registered: bool  # registered within `new_months` before the activity


def is_newly_registered(registered: date | None, on: date, months: int = 12) -> bool:
    """新办企业: registered within `months` months before `on` (the office's setting)."""
    return registered is not None and on - timedelta(days=round(months * 30.44)) <= registered <= on


def activity(
    db: Database, activity_id: str, *, new_months: int = 12
) -> tuple[dict[str, Any], list[ReachedEnterprise], list[dict[str, Any]]]:
    """Field values, the register's enterprises reached (new ones marked) and the files."""
    with db.session() as session:
        row = session.get(GuidanceActivity, activity_id)
        if row is None or row.deleted:
            raise ValueError("找不到该指导服务活动，可能已被删除。")
        values = {spec.name: getattr(row, spec.name) for spec in ACTIVITY_FIELDS}
        values["campaign_id"] = row.campaign_id
        ids = json.loads(row.enterprise_ids_json or "[]")
        reached = reached_enterprises(session, ids, row.held_on, new_months)
        return values, reached, _files_of(row)


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
            raise record_files.RecordFileError("该记录已被删除，无法添加附件。")
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


def delete_activity(db: Database, activity_id: str) -> None:
    _delete(db, GuidanceActivity, "guidance_activity", activity_id)


def delete_case(db: Database, case_id: str) -> None:
    _delete(db, TypicalCase, "typical_case", case_id)


def _delete(db: Database, model: Any, record_type: str, record_id: str) -> None:
    with db.session() as session:
        row = session.get(model, record_id)
        if row is None or row.deleted:
            return
        row.deleted = True
        audit.record(
            session, record_type, record_id, "delete", {"deleted": [False, True]}, row.title
        )


# -- typical cases --------------------------------------------------------------------------------
def save_case(
    db: Database,
    raw: dict[str, Any],
    *,
    campaign_id: str,
    enterprise_id: str = "",
    case_id: str | None = None,
) -> str:
    values = _clean(CASE_FIELDS, raw)
    values["enterprise_id"] = enterprise_id
    with db.session() as session:
        return save_audited(
            session,
            TypicalCase,
            "typical_case",
            case_id,
            values,
            summary="title",
            gone=("title", "该案例已被删除，无法保存。"),
            campaign_id=campaign_id,
        ).id


def case(db: Database, case_id: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    with db.session() as session:
        row = session.get(TypicalCase, case_id)
        if row is None or row.deleted:
            raise ValueError("找不到该典型案例，可能已被删除。")
        values = {spec.name: getattr(row, spec.name) for spec in CASE_FIELDS}
        values["enterprise_id"] = row.enterprise_id
        values["campaign_id"] = row.campaign_id
        return values, _files_of(row)


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
