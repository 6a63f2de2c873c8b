"""Rectification items entered by hand (not from a health check): the same
entry rules as every other door (app/services/ledger/rectification_rules.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.models import Enterprise, RectificationItem
from app.models.db import Database
from app.services.core import audit, workdays
from app.services.core.fields import ValidationError
from app.services.core.messages import N_
from app.services.ledger import rectification_rules as rectification_rules

RECORD_TYPE = "rectification_item"


@dataclass
class ManualItem:
    enterprise_id: str | None
    matter: str
    found_on: date | None
    deadline: date | None = None
    rectify_days: int | None = None
    day_kind: str = "calendar"
    basis: str = ""
    remedy: str = ""
    enterprise_person: str = ""
    office_person: str = ""
    note: str = ""


def add_manual(db: Database, item: ManualItem, today: date | None = None) -> str:
    """An item entered by hand (not from a check): a deadline, or days from the finding."""
    errors: dict[str, str] = {}
    if not item.enterprise_id:
        errors["enterprise_id"] = N_("请选择企业。")
    deadline = item.deadline
    if deadline is None and item.found_on and item.rectify_days:
        deadline = workdays.load(db).due_date(item.found_on, item.rectify_days, item.day_kind)
    values = {
        "matter": item.matter,
        "found_on": item.found_on,
        "deadline": deadline,
        "original_deadline": deadline,
        "status": "pending",
        "status_changed_on": item.found_on,
    }
    for name, message in rectification_rules.check(values, today=today or date.today()).items():
        errors.setdefault(name, message)
    if errors:
        raise ValidationError(errors)
    assert deadline and item.found_on and item.enterprise_id
    with db.session() as session:
        ent = session.get(Enterprise, item.enterprise_id)
        if ent is None or ent.deleted:
            raise ValidationError({"enterprise_id": N_("所选企业不存在或已删除。")})
        row = RectificationItem(
            enterprise_id=item.enterprise_id,
            source="manual",
            matter=item.matter.strip(),
            basis=item.basis.strip(),
            remedy=item.remedy.strip(),
            found_on=item.found_on,
            rectify_days=(deadline - item.found_on).days,
            day_kind="calendar",
            deadline=deadline,
            original_deadline=deadline,
            enterprise_person=item.enterprise_person.strip(),
            office_person=item.office_person.strip(),
            status="pending",
            status_changed_on=item.found_on,
            note=item.note.strip(),
        )
        session.add(row)
        session.flush()
        audit.record(session, RECORD_TYPE, row.id, "create", {}, "手工登记")
        return row.id
