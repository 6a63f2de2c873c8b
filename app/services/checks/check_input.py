"""What a health check is made of (the input the dialog edits, the detail it
shows) and how a new one starts: every live checklist item, 不适用 where its
condition (construction, dispatch, migrant workers) is not met."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.models.db import Database
from app.services.checks import checklists
from app.services.checks.checklists import ChecklistSpec


@dataclass
class TeamMember:
    name: str
    role: str


@dataclass
class ResultEntry:
    item_code: str
    result: str = "unchecked"
    note: str = ""


@dataclass
class CheckInput:
    enterprise_id: str | None
    check_date: date | None
    team: list[TeamMember] = field(default_factory=list)
    staff_count: int | None = None
    contracts_signed: int | None = None
    migrant_workers: int | None = None
    dispatched_workers: int | None = None
    wages_paid_through: str = ""
    wages_owed_yuan: int | None = None
    wages_owed_people: int | None = None
    results: list[ResultEntry] = field(default_factory=list)
    conclusion: str = ""
    advice: str = ""
    enterprise_person: str = ""
    office_person: str = ""
    checklist_id: str | None = None
    campaign_id: str = ""


@dataclass
class ResultRow:
    id: str
    item_code: str
    group: str
    question: str
    basis: str
    severity: str
    rectify_days: int
    day_kind: str
    remedy: str
    result: str
    note: str


@dataclass
class RectificationRow:
    id: str
    item_code: str
    matter: str
    basis: str
    remedy: str
    deadline: date
    day_kind: str
    rectify_days: int
    enterprise_person: str
    office_person: str
    status: str


@dataclass
class Amendment:
    at: Any
    author: str
    reason: str
    changes: dict[str, Any]


@dataclass
class CheckDetail:
    id: str
    status: str
    input: CheckInput
    enterprise: dict[str, Any]
    checklist_edition: int
    checklist_name: str
    results: list[ResultRow]
    rectifications: list[RectificationRow]
    amendments: list[Amendment]
    original: dict[str, Any] | None
    finalised_at: Any
    finalised_by: str
    # Drafted from the results, and where the conclusion as written contradicts
    # them (app/services/checks/check_rules.py); the dialog and the printed report read these.
    proposed_conclusion: str = ""
    proposed_advice: str = ""
    conclusion_warnings: list[Any] = field(default_factory=list)


# -- templates and conditions ------------------------------------------------------


def context_for(enterprise: dict[str, Any], data: CheckInput) -> dict[str, Any]:
    return {
        "industry": enterprise.get("industry", ""),
        "dispatched_workers": data.dispatched_workers,
        "migrant_workers": data.migrant_workers,
        "employee_count": enterprise.get("employee_count"),
    }


def applicable_codes(spec: ChecklistSpec, context: dict[str, Any]) -> set[str]:
    return {
        i.code
        for i in spec.live_items()
        if checklists.condition_met(i.condition, spec.conditions, context)
    }


def template(db: Database, enterprise_id: str, check_date: date) -> CheckInput:
    """A new check for an enterprise: every live item, 不适用 where its condition is not met."""
    from app.services.register import enterprises

    spec = checklists.active(db)
    ent = enterprises.get(db, enterprise_id) or {}
    data = CheckInput(
        enterprise_id, check_date, checklist_id=spec.id, staff_count=ent.get("employee_count")
    )
    applicable = applicable_codes(spec, context_for(ent, data))
    data.results = [
        ResultEntry(i.code, "unchecked" if i.code in applicable else "na")
        for i in spec.live_items()
    ]
    return data
