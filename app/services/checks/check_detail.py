"""Reading a health check whole: its input, results, rectification items,
amendments, and what the rules say about its conclusion (data the dialog and
the printed report both read)."""

from __future__ import annotations

import json

from sqlalchemy import false, select
from sqlalchemy.orm import Session

from app.models import CheckAmendment, CheckResult, HealthCheck, RectificationItem
from app.models.db import Database
from app.services.checks import check_input, check_rules, check_spec, checklists
from app.services.core.fields import ValidationError
from app.services.core.messages import N_

SNAPSHOT_FIELDS = check_spec.SNAPSHOT  # staff_count … wages_owed_people
TEXT_FIELDS = ("conclusion", "advice", "enterprise_person", "office_person")


def load(session: Session, check_id: str) -> HealthCheck:
    check = session.get(HealthCheck, check_id)
    if check is None or check.deleted:
        raise ValidationError({"check": N_("该体检记录不存在或已删除。")})
    return check


def results_of(session: Session, check_id: str) -> list[CheckResult]:
    return list(
        session.execute(
            select(CheckResult)
            .where(CheckResult.check_id == check_id, CheckResult.deleted == false())
            .order_by(CheckResult.position)
        ).scalars()
    )


def get(db: Database, check_id: str) -> check_input.CheckDetail:
    from app.services.register import enterprises

    with db.session() as session:
        check = load(session, check_id)
        results = results_of(session, check.id)
        items = (
            session.execute(
                select(RectificationItem).where(
                    RectificationItem.check_id == check.id, RectificationItem.deleted == false()
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
        data = check_input.CheckInput(
            check.enterprise_id,
            check.check_date,
            [check_input.TeamMember(**m) for m in json.loads(check.team_json)],
            **{name: getattr(check, name) for name in SNAPSHOT_FIELDS + TEXT_FIELDS},
            results=[check_input.ResultEntry(r.item_code, r.result, r.note) for r in results],
            checklist_id=check.checklist_id,
            campaign_id=check.campaign_id,
        )
        checklist = checklists.by_id(db, check.checklist_id)
        detail = check_input.CheckDetail(
            id=check.id,
            status=check.status,
            input=data,
            enterprise=enterprises.get(db, check.enterprise_id) or {},
            checklist_edition=check.checklist_edition,
            checklist_name=checklist.name,
            results=[
                check_input.ResultRow(
                    r.id, r.item_code, *checklists.stored_terms(r), r.result, r.note
                )
                for r in results
            ],
            rectifications=[
                check_input.RectificationRow(
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
                check_input.Amendment(a.created_at, a.author, a.reason, json.loads(a.changes_json))
                for a in amendments
            ],
            original=json.loads(check.original_json) if check.original_json else None,
            finalised_at=check.finalised_at,
            finalised_by=check.finalised_by,
        )
        facts = result_facts(results)
        snapshot = {name: getattr(check, name) for name in SNAPSHOT_FIELDS}
        detail.proposed_conclusion = check_rules.proposed_conclusion(facts, snapshot)
        detail.proposed_advice = check_rules.proposed_advice(facts)
        detail.conclusion_warnings = check_rules.conclusion_warnings(
            check.conclusion, facts, snapshot
        )
        return detail


def result_facts(results: list[CheckResult]) -> list[check_rules.ResultFact]:
    return [
        check_rules.ResultFact(r.item_code, r.group_name, r.severity, r.result, r.remedy)
        for r in results
    ]
