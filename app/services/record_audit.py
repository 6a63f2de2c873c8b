"""Every stored record against the entry rules — for the demo data's test, and
for a database written before a rule existed (`hexie check-data`).

Row rules come from app/services/record_rules.py; the rules that span records are
checked here: a check's items apply as its workforce and the enterprise's
industry say, a final check has no item unchecked, and rectification items
exist only for final checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import false, select

from app.models import CheckResult, Enterprise, HealthCheck, RectificationItem
from app.models.db import Database
from app.services import record_types
from app.services.checks import check_rules, checklists
from app.services.core.messages import N_, Message
from app.services.record_rules import check_row
from app.services.sync.bundle_format import record_tables


@dataclass(frozen=True)
class RecordProblem:
    table: str
    record_id: str
    field: str
    message: Message


def problems(db: Database, *, today: date | None = None) -> list[RecordProblem]:
    today = today or date.today()
    out: list[RecordProblem] = []
    tables = record_tables()
    with db.reader() as conn:
        for name in record_types.SPECS:
            table = tables[name]
            for row in conn.execute(select(table).where(table.c.deleted == false())).mappings():
                for field, message in check_row(name, row, today=today).items():
                    out.append(RecordProblem(name, row["id"], field, message))
    out.extend(_check_results(db))
    out.extend(_items_of_drafts(db))
    return out


def _check_results(db: Database) -> list[RecordProblem]:
    out: list[RecordProblem] = []
    with db.reader() as conn:
        checks = conn.execute(
            select(
                HealthCheck.id,
                HealthCheck.checklist_id,
                HealthCheck.status,
                HealthCheck.conclusion,
                HealthCheck.dispatched_workers,
                HealthCheck.migrant_workers,
                Enterprise.industry,
            )
            .join(Enterprise, Enterprise.id == HealthCheck.enterprise_id)
            .where(HealthCheck.deleted == false())
        ).all()
        results: dict[str, list[tuple[str, str]]] = {}
        for r in conn.execute(
            select(CheckResult.check_id, CheckResult.item_code, CheckResult.result).where(
                CheckResult.deleted == false()
            )
        ):
            results.setdefault(r.check_id, []).append((r.item_code, r.result))
    specs: dict[str, checklists.ChecklistSpec] = {}
    for check in checks:
        industry = check.industry
        spec = specs.get(check.checklist_id) or checklists.by_id(db, check.checklist_id)
        specs[check.checklist_id] = spec
        mine = results.get(check.id, [])
        values = {"dispatched_workers": check.dispatched_workers}
        values["migrant_workers"] = check.migrant_workers
        context = check_rules.context_for(industry, values)
        found = check_rules.result_problems(spec, mine, context)
        if check.status == "final":
            found.update(
                {
                    k: v
                    for k, v in check_rules.final_problems(mine, check.conclusion).items()
                    if k not in found
                }
            )
        out.extend(RecordProblem("health_check", check.id, k, v) for k, v in found.items())
    return out


def _items_of_drafts(db: Database) -> list[RecordProblem]:
    with db.reader() as conn:
        rows = conn.execute(
            select(RectificationItem.id, RectificationItem.item_code)
            .join(HealthCheck, HealthCheck.id == RectificationItem.check_id)
            .where(RectificationItem.deleted == false(), HealthCheck.status != "final")
        ).all()
    return [
        RecordProblem(
            "rectification_item",
            r.id,
            "check_id",
            N_(
                "整改事项 {code} 来自尚未定稿的体检：整改事项应在体检定稿时生成。", code=r.item_code
            ),
        )
        for r in rows
    ]
