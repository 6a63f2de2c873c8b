"""Legal health checks (劳动用工法治体检): record a visit, turn findings into
rectification items, finalise, and amend with a stated reason.

Every 不合规 result becomes a rectification item (整改事类 = the item's finding phrase,
整改时限 = check date + the item's days, counted as the item says: calendar
days with the 民法典 第203条 roll-forward, or working days).
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import CheckAmendment, CheckResult, Enterprise, HealthCheck, RectificationItem
from app.models.base import utcnow
from app.models.db import Database
from app.services import audit, checklists, workdays

# What a check is made of, and how a new one starts, live in check_input; the
# names stay reachable here (health_checks.CheckInput, health_checks.template).
from app.services.check_input import (  # noqa: E402, F401
    Amendment,
    CheckDetail,
    CheckInput,
    RectificationRow,
    ResultEntry,
    ResultRow,
    TeamMember,
    applicable_codes,
    context_for,
    template,
)

# The check list (filters, counting, a page of rows) lives in its own module;
# callers keep using health_checks.CheckFilter / count / page.
from app.services.check_list import CheckFilter, _conditions, count, page  # noqa: E402, F401
from app.services.checklists import ChecklistSpec
from app.services.fields import ValidationError

RECORD_TYPE = "health_check"
RESULTS = {"compliant": "合规", "noncompliant": "不合规", "na": "不适用", "unchecked": "未查"}
RESULTS_EN = {
    "compliant": "Compliant",
    "noncompliant": "Non-compliant",
    "na": "Not applicable",
    "unchecked": "Not checked",
}
ROLES = ("劳动关系协调员", "劳动争议仲裁调解员", "工会劳动法律监督员", "集体协商指导员")
SNAPSHOT_FIELDS = (
    "staff_count",
    "contracts_signed",
    "migrant_workers",
    "dispatched_workers",
    "wages_paid_through",
    "wages_owed_yuan",
    "wages_owed_people",
)
TEXT_FIELDS = ("conclusion", "advice", "enterprise_person", "office_person")
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


# -- validation -----------------------------------------------------------------------


def _validate(session: Session, data: CheckInput, spec: ChecklistSpec) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not data.enterprise_id:
        errors["enterprise_id"] = "请选择被检查的企业。"
    else:
        ent = session.get(Enterprise, data.enterprise_id)
        if ent is None or ent.deleted:
            errors["enterprise_id"] = "所选企业不存在或已删除，请重新选择。"
    if data.check_date is None:
        errors["check_date"] = "请填写体检日期。"
    elif data.check_date > date.today():
        errors["check_date"] = f"体检日期 {data.check_date} 晚于今天，请核对。"
    for name in SNAPSHOT_FIELDS:
        value = getattr(data, name)
        if isinstance(value, int) and value < 0:
            errors[name] = "不能为负数。"
    if data.wages_paid_through and not _MONTH.match(data.wages_paid_through):
        errors["wages_paid_through"] = "工资已足额发放至的月份应写作 2023-05 这样的“年-月”。"
    if (
        data.staff_count is not None
        and data.contracts_signed is not None
        and data.contracts_signed > data.staff_count
    ):
        errors["contracts_signed"] = (
            f"已签合同人数 {data.contracts_signed} 超过职工人数 {data.staff_count}。"
        )
    if (
        data.wages_owed_people
        and data.staff_count is not None
        and data.wages_owed_people
        > data.staff_count + (data.migrant_workers or 0) + (data.dispatched_workers or 0)
    ):
        errors["wages_owed_people"] = "被欠薪人数超过企业用工人数，请核对。"
    known = {i.code for i in spec.items}
    unknown = [r.item_code for r in data.results if r.item_code not in known]
    if unknown:
        errors["results"] = (
            f"体检清单第 {spec.edition} 版没有以下编号的检查项：{'、'.join(unknown)}。"
            "请按该版本清单填写结果。"
        )
    bad = [r.item_code for r in data.results if r.result not in RESULTS]
    if bad:
        errors["results"] = f"检查结果只能是 合规、不合规、不适用 或 未查（{'、'.join(bad)}）。"
    codes = [r.item_code for r in data.results]
    duplicates = sorted({c for c in codes if codes.count(c) > 1})
    if duplicates:
        errors["results"] = f"同一检查项填写了两次：{'、'.join(duplicates)}。"
    for n, member in enumerate(data.team, start=1):
        if not member.name.strip():
            errors["team"] = f"检查组第 {n} 人缺少姓名。"
        elif member.role not in ROLES:
            errors["team"] = f"检查组成员“{member.name}”的角色应为：{'、'.join(ROLES)}。"
    return errors


# -- writing ------------------------------------------------------------------------------


def _state(check: HealthCheck, results: list[CheckResult]) -> dict[str, Any]:
    """Everything a person can change on a check, as plain JSON-able data."""
    return {
        "check_date": check.check_date.isoformat(),
        "team": json.loads(check.team_json),
        **{name: getattr(check, name) for name in SNAPSHOT_FIELDS + TEXT_FIELDS},
        "results": {
            r.item_code: [r.result, r.note] for r in sorted(results, key=lambda r: r.position)
        },
    }


def _apply(
    session: Session, check: HealthCheck, data: CheckInput, spec: ChecklistSpec
) -> list[CheckResult]:
    assert data.check_date is not None
    check.check_date = data.check_date
    check.team_json = json.dumps([asdict(m) for m in data.team], ensure_ascii=False)
    for name in SNAPSHOT_FIELDS + TEXT_FIELDS:
        setattr(check, name, getattr(data, name))
    check.campaign_id = data.campaign_id or check.campaign_id or ""
    existing = {r.item_code: r for r in _results(session, check.id)}
    entries = {r.item_code: r for r in data.results}
    rows: list[CheckResult] = []
    for position, item in enumerate(spec.items):
        entry = entries.get(item.code)
        row = existing.get(item.code)
        if entry is None and row is None:
            continue
        if row is None:
            row = CheckResult(
                check_id=check.id,
                item_code=item.code,
                group_name=item.group,
                question=item.question,
                basis=item.basis,
                severity=item.severity,
                rectify_days=item.days,
                day_kind=item.day_kind,
                remedy=item.remedy,
                condition=item.condition,
                position=position,
                finding=item.finding,
            )
            session.add(row)
        if entry is not None:
            row.result = entry.result
            row.note = entry.note.strip()
        rows.append(row)
    session.flush()
    return rows


def _results(session: Session, check_id: str) -> list[CheckResult]:
    return list(
        session.execute(
            select(CheckResult)
            .where(CheckResult.check_id == check_id, CheckResult.deleted.is_(False))
            .order_by(CheckResult.position)
        ).scalars()
    )


def _sync_rectifications(
    session: Session, check: HealthCheck, rows: list[CheckResult], calendar: workdays.WorkCalendar
) -> list[str]:
    """Keep one rectification item per 不合规 result; returns warnings."""
    warnings: list[str] = []
    items = {
        i.check_result_id: i
        for i in session.execute(
            select(RectificationItem).where(
                RectificationItem.check_id == check.id, RectificationItem.deleted.is_(False)
            )
        ).scalars()
    }
    for row in rows:
        item = items.get(row.id)
        deadline = calendar.due_date(check.check_date, row.rectify_days, row.day_kind)
        if row.result == "noncompliant":
            if item is None:
                item = RectificationItem(
                    enterprise_id=check.enterprise_id,
                    check_id=check.id,
                    check_result_id=row.id,
                    source="check",
                    item_code=row.item_code,
                    # 整改事类 names the failure, in the words of the edition used.
                    matter=row.finding or row.question,
                    basis=row.basis,
                    remedy=row.remedy,
                    severity=row.severity,
                    found_on=check.check_date,
                    rectify_days=row.rectify_days,
                    day_kind=row.day_kind,
                    deadline=deadline,
                    original_deadline=deadline,
                    enterprise_person=check.enterprise_person,
                    office_person=check.office_person,
                    status="pending",
                    status_changed_on=check.check_date,
                    note=row.note,
                )
                session.add(item)
                session.flush()
                audit.record(
                    session,
                    "rectification_item",
                    item.id,
                    "create",
                    {},
                    f"体检发现：{row.item_code}",
                )
            elif item.status == "pending" and item.deadline == item.original_deadline:
                # Not yet acted on: follow the check's corrections.
                item.found_on = check.check_date
                item.deadline = item.original_deadline = deadline
                item.enterprise_person = check.enterprise_person
                item.office_person = check.office_person
                item.note = row.note
        elif item is not None:
            if item.status == "pending":
                item.deleted = True
                audit.record(
                    session,
                    "rectification_item",
                    item.id,
                    "delete",
                    {"deleted": [False, True]},
                    f"体检结果改为“{RESULTS[row.result]}”，撤销整改事项",
                )
            else:
                warnings.append(
                    f"{row.item_code} 已改为“{RESULTS[row.result]}”，但对应整改事项已在办理中（{item.status}），未自动撤销，请在整改台账中处理。"
                )
    return warnings


def create(db: Database, data: CheckInput) -> str:
    spec = checklists.by_id(db, data.checklist_id) if data.checklist_id else checklists.active(db)
    calendar = workdays.load(db)
    with db.session() as session:
        errors = _validate(session, data, spec)
        if errors:
            raise ValidationError(errors)
        assert data.enterprise_id and data.check_date
        check = HealthCheck(
            enterprise_id=data.enterprise_id,
            check_date=data.check_date,
            checklist_id=spec.id,
            checklist_edition=spec.edition,
        )
        session.add(check)
        session.flush()
        rows = _apply(session, check, data, spec)
        _sync_rectifications(session, check, rows, calendar)
        audit.record(session, RECORD_TYPE, check.id, "create", {}, f"体检 {data.check_date}")
        return check.id


def _load(session: Session, check_id: str) -> HealthCheck:
    check = session.get(HealthCheck, check_id)
    if check is None or check.deleted:
        raise ValidationError({"check": "该体检记录不存在或已删除。"})
    return check


def update(db: Database, check_id: str, data: CheckInput) -> list[str]:
    """Save a draft. A finalised check is changed only through amend()."""
    calendar = workdays.load(db)
    with db.session() as session:
        check = _load(session, check_id)
        if check.status == "final":
            raise ValidationError({"check": "该体检已定稿。修改请使用“更正”，并写明更正理由。"})
        spec = checklists.by_id(db, check.checklist_id)
        data.enterprise_id = check.enterprise_id
        errors = _validate(session, data, spec)
        if errors:
            raise ValidationError(errors)
        before = _state(check, _results(session, check.id))
        rows = _apply(session, check, data, spec)
        warnings = _sync_rectifications(session, check, rows, calendar)
        changes = _diff(before, _state(check, rows))
        if changes:
            audit.record(session, RECORD_TYPE, check.id, "update", changes, "修改草稿")
        return warnings


def finalise(db: Database, check_id: str) -> None:
    with db.session() as session:
        check = _load(session, check_id)
        if check.status == "final":
            return
        results = _results(session, check.id)
        unchecked = [r.item_code for r in results if r.result == "unchecked"]
        if unchecked:
            raise ValidationError(
                {
                    "results": f"还有 {len(unchecked)} 项未查（{'、'.join(unchecked[:8])}…）。请填写结果，或标为“不适用”后再定稿。"
                    if len(unchecked) > 8
                    else f"还有未查的检查项：{'、'.join(unchecked)}。请填写结果，或标为“不适用”后再定稿。"
                }
            )
        actor = session.info["actor"]
        check.status = "final"
        check.finalised_at = utcnow()
        check.finalised_by = actor.operator
        check.original_json = json.dumps(_state(check, results), ensure_ascii=False)
        audit.record(
            session, RECORD_TYPE, check.id, "update", {"status": ["draft", "final"]}, "定稿"
        )


def amend(db: Database, check_id: str, data: CheckInput, reason: str) -> list[str]:
    """Change a finalised check; the reason and the changes are kept, the original stays readable."""
    reason = reason.strip()
    if len(reason) < 4:
        raise ValidationError(
            {
                "reason": "请写明更正理由（至少 4 个字），例如“企业补交了劳动合同，第 A01 项复核为合规”。"
            }
        )
    calendar = workdays.load(db)
    with db.session() as session:
        check = _load(session, check_id)
        if check.status != "final":
            raise ValidationError({"check": "草稿可直接修改，无需更正。"})
        spec = checklists.by_id(db, check.checklist_id)
        data.enterprise_id = check.enterprise_id
        errors = _validate(session, data, spec)
        if errors:
            raise ValidationError(errors)
        before = _state(check, _results(session, check.id))
        rows = _apply(session, check, data, spec)
        warnings = _sync_rectifications(session, check, rows, calendar)
        changes = _diff(before, _state(check, rows))
        if not changes:
            raise ValidationError({"check": "没有任何改动，无需更正。"})
        session.add(
            CheckAmendment(
                check_id=check.id,
                reason=reason,
                changes_json=json.dumps(changes, ensure_ascii=False),
            )
        )
        audit.record(session, RECORD_TYPE, check.id, "update", changes, f"更正：{reason}")
        return warnings


def _diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for key in after:
        if key == "results":
            changed = {
                code: [before["results"].get(code), value]
                for code, value in after["results"].items()
                if before["results"].get(code) != value
            }
            if changed:
                changes["results"] = changed
        elif before.get(key) != after[key]:
            changes[key] = [before.get(key), after[key]]
    return changes


def delete(db: Database, check_id: str) -> None:
    """Delete a draft (tombstone) with its pending rectification items."""
    with db.session() as session:
        check = _load(session, check_id)
        if check.status == "final":
            raise ValidationError({"check": "已定稿的体检不能删除；如有错误请使用“更正”。"})
        for item in session.execute(
            select(RectificationItem).where(RectificationItem.check_id == check.id)
        ).scalars():
            item.deleted = True
        for row in _results(session, check.id):
            row.deleted = True
        check.deleted = True
        audit.record(
            session, RECORD_TYPE, check.id, "delete", {"deleted": [False, True]}, "删除草稿"
        )


# -- reading --------------------------------------------------------------------------------


def get(db: Database, check_id: str) -> CheckDetail:
    from app.services import enterprises

    with db.session() as session:
        check = _load(session, check_id)
        results = _results(session, check.id)
        items = (
            session.execute(
                select(RectificationItem).where(
                    RectificationItem.check_id == check.id, RectificationItem.deleted.is_(False)
                )
            )
            .scalars()
            .all()
        )
        amendments = (
            session.execute(
                select(CheckAmendment)
                .where(CheckAmendment.check_id == check.id)
                .order_by(CheckAmendment.created_at)
            )
            .scalars()
            .all()
        )
        order = {r.id: r.position for r in results}
        data = CheckInput(
            check.enterprise_id,
            check.check_date,
            [TeamMember(**m) for m in json.loads(check.team_json)],
            **{name: getattr(check, name) for name in SNAPSHOT_FIELDS + TEXT_FIELDS},
            results=[ResultEntry(r.item_code, r.result, r.note) for r in results],
            checklist_id=check.checklist_id,
            campaign_id=check.campaign_id,
        )
        checklist = checklists.by_id(db, check.checklist_id)
        detail = CheckDetail(
            id=check.id,
            status=check.status,
            input=data,
            enterprise=enterprises.get(db, check.enterprise_id) or {},
            checklist_edition=check.checklist_edition,
            checklist_name=checklist.name,
            results=[
                ResultRow(
                    r.id,
                    r.item_code,
                    r.group_name,
                    r.question,
                    r.basis,
                    r.severity,
                    r.rectify_days,
                    r.day_kind,
                    r.remedy,
                    r.result,
                    r.note,
                )
                for r in results
            ],
            rectifications=[
                RectificationRow(
                    i.id,
                    i.item_code,
                    i.matter,
                    i.basis,
                    i.remedy,
                    i.deadline,
                    i.day_kind,
                    i.rectify_days,
                    i.enterprise_person,
                    i.office_person,
                    i.status,
                )
                for i in sorted(items, key=lambda i: order.get(i.check_result_id or "", 0))
            ],
            amendments=[
                Amendment(a.created_at, a.author, a.reason, json.loads(a.changes_json))
                for a in amendments
            ],
            original=json.loads(check.original_json) if check.original_json else None,
            finalised_at=check.finalised_at,
            finalised_by=check.finalised_by,
        )
        return detail
