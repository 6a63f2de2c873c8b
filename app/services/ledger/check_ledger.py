"""How a health check's findings become rectification items (整改事项).

Items are made when a check is finalised, never from a draft: a draft is work
in progress, and the ledger lists what the office has found and signed for.
Every 不合规 result of a final check has one item (整改事类 = the item's
question, 整改时限 = check date + the item's days, counted as the item says:
calendar days with the 民法典 第203条 roll-forward, or working days). An
amendment that changes a result follows through: a new 不合规 adds an item, a
result no longer 不合规 withdraws the item unless work on it has begun.
"""

from __future__ import annotations

from sqlalchemy import false, select
from sqlalchemy.orm import Session

from app.models import CheckResult, HealthCheck, RectificationItem
from app.services.core import audit, workdays
from app.services.core.messages import N_, Label
from app.services.ledger.rectification_status import STATUSES

RESULTS = {"compliant": "合规", "noncompliant": "不合规", "na": "不适用", "unchecked": "未查"}
RESULTS_EN = {
    "compliant": "Compliant",
    "noncompliant": "Non-compliant",
    "na": "Not applicable",
    "unchecked": "Not checked",
}


def sync_rectifications(
    session: Session, check: HealthCheck, rows: list[CheckResult], calendar: workdays.WorkCalendar
) -> list[str]:
    """Keep one rectification item per 不合规 result; returns warnings."""
    warnings: list[str] = []
    items = {
        i.check_result_id: i
        for i in session.execute(
            select(RectificationItem).where(
                RectificationItem.check_id == check.id, RectificationItem.deleted == false()
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
                    N_(
                        "{code} 已改为“{result}”，但对应整改事项已在办理中（{status}），未自动撤销，请在整改台账中处理。",
                        code=row.item_code,
                        result=Label(RESULTS[row.result], RESULTS_EN[row.result]),
                        status=Label(*STATUSES.get(item.status, (item.status, item.status))),
                    )
                )
    return warnings
