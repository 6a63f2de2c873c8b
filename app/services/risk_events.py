"""Major-risk events (重大风险隐患): signs of mass layoffs, collective work
stoppages or collective wage claims, handled early and on site (通知 三（三）)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select

from app.models import Enterprise, MajorRiskEvent, RiskIntervention
from app.models.db import Database
from app.services import audit, record_lists
from app.services.fields import ValidationError

RECORD_TYPE = "major_risk_event"
KINDS = {"mass_layoff": "大规模裁员", "work_stoppage": "集体停工", "wage_claim": "集体讨薪"}
KINDS_EN = {
    "mass_layoff": "Mass layoff",
    "work_stoppage": "Work stoppage",
    "wage_claim": "Collective wage claim",
}
STATUS = {"open": "处置中", "closed": "已化解"}


@dataclass
class EventInput:
    enterprise_id: str | None
    kind: str = "wage_claim"
    people: int | None = None
    amount_owed_yuan: int | None = None
    found_on: date | None = None
    description: str = ""
    may_spread: bool = False


def save(
    db: Database, data: EventInput, event_id: str | None = None, today: date | None = None
) -> str:
    today = today or date.today()
    errors: dict[str, str] = {}
    if not data.enterprise_id:
        errors["enterprise_id"] = "请选择企业。"
    if data.kind not in KINDS:
        errors["kind"] = "请选择风险类型：大规模裁员、集体停工或集体讨薪。"
    if data.found_on is None:
        errors["found_on"] = "请填写发现日期。"
    elif data.found_on > today:
        errors["found_on"] = f"发现日期 {data.found_on} 晚于今天。"
    for name in ("people", "amount_owed_yuan"):
        value = getattr(data, name)
        if value is not None and value < 0:
            errors[name] = "不能为负数。"
    if errors:
        raise ValidationError(errors)
    with db.session() as session:
        ent = session.get(Enterprise, data.enterprise_id)
        if ent is None or ent.deleted:
            raise ValidationError({"enterprise_id": "所选企业不存在或已删除。"})
        if event_id:
            event = session.get(MajorRiskEvent, event_id)
            if event is None or event.deleted:
                raise ValidationError({"event": "该风险事件不存在或已删除。"})
        else:
            event = MajorRiskEvent(
                enterprise_id=data.enterprise_id, kind=data.kind, found_on=data.found_on
            )
            session.add(event)
        before = {
            k: getattr(event, k, None)
            for k in ("kind", "people", "amount_owed_yuan", "found_on", "description", "may_spread")
        }
        for name in (
            "enterprise_id",
            "kind",
            "people",
            "amount_owed_yuan",
            "found_on",
            "description",
            "may_spread",
        ):
            setattr(event, name, getattr(data, name))
        session.flush()
        after = {k: getattr(event, k) for k in before}
        audit.record(
            session,
            RECORD_TYPE,
            event.id,
            "update" if event_id else "create",
            audit.diff(before, after) if event_id else {},
            KINDS[data.kind],
        )
        return event.id


def add_intervention(
    db: Database, event_id: str, on_date: date | None, who: str, action: str
) -> str:
    errors: dict[str, str] = {}
    if on_date is None:
        errors["on_date"] = "请填写介入日期。"
    if not who.strip():
        errors["who"] = "请填写由谁介入（单位、人员）。"
    if not action.strip():
        errors["action"] = "请填写采取的措施。"
    if errors:
        raise ValidationError(errors)
    with db.session() as session:
        event = session.get(MajorRiskEvent, event_id)
        if event is None or event.deleted:
            raise ValidationError({"event": "该风险事件不存在或已删除。"})
        if on_date and on_date < event.found_on:
            raise ValidationError({"on_date": f"介入日期早于发现日期 {event.found_on}。"})
        row = RiskIntervention(
            event_id=event_id, on_date=on_date, who=who.strip(), action=action.strip()
        )
        session.add(row)
        session.flush()
        audit.record(
            session,
            RECORD_TYPE,
            event_id,
            "update",
            {"intervention": [None, str(on_date)]},
            action[:100],
        )
        return row.id


def close(db: Database, event_id: str, closed_on: date, outcome: str) -> None:
    with db.session() as session:
        event = session.get(MajorRiskEvent, event_id)
        if event is None or event.deleted:
            raise ValidationError({"event": "该风险事件不存在或已删除。"})
        errors = {}
        if closed_on < event.found_on:
            errors["closed_on"] = f"化解日期早于发现日期 {event.found_on}。"
        if len(outcome.strip()) < 4:
            errors["outcome"] = "请写明处置结果（至少 4 个字）。"
        if errors:
            raise ValidationError(errors)
        event.status, event.closed_on, event.outcome = "closed", closed_on, outcome.strip()
        audit.record(
            session, RECORD_TYPE, event.id, "update", {"status": ["open", "closed"]}, outcome[:100]
        )


def reopen(db: Database, event_id: str, reason: str) -> None:
    if len(reason.strip()) < 4:
        raise ValidationError({"reason": "请写明重新处置的理由。"})
    with db.session() as session:
        event = session.get(MajorRiskEvent, event_id)
        if event is None:
            raise ValidationError({"event": "该风险事件不存在。"})
        event.status, event.closed_on = "open", None
        audit.record(
            session, RECORD_TYPE, event.id, "update", {"status": ["closed", "open"]}, reason[:100]
        )


def get(db: Database, event_id: str) -> tuple[EventInput, dict[str, Any]]:
    with db.session() as session:
        event = session.get(MajorRiskEvent, event_id)
        if event is None or event.deleted:
            raise ValidationError({"event": "该风险事件不存在或已删除。"})
        ent = session.get(Enterprise, event.enterprise_id)
        steps = session.execute(
            select(RiskIntervention)
            .where(RiskIntervention.event_id == event_id, RiskIntervention.deleted.is_(False))
            .order_by(RiskIntervention.on_date, RiskIntervention.created_at)
        ).scalars()
        data = EventInput(
            event.enterprise_id,
            event.kind,
            event.people,
            event.amount_owed_yuan,
            event.found_on,
            event.description,
            event.may_spread,
        )
        facts = {
            "id": event.id,
            "status": event.status,
            "closed_on": event.closed_on,
            "outcome": event.outcome,
            "enterprise": ent.name if ent else "",
            "origin_office": event.origin_office,
            "interventions": [(s.on_date, s.who, s.action) for s in steps],
        }
        return data, facts


@dataclass
class EventFilter:
    status: str = ""
    kind: str = ""
    county_code: str = ""
    may_spread: bool = False
    enterprise_id: str = ""
    text: str = ""
    today: date = field(default_factory=date.today)
    origin_office: str = ""
    found_from: date | None = None
    found_to: date | None = None


def _conditions(flt: EventFilter) -> list[ColumnElement[bool]]:
    e = MajorRiskEvent
    conds: list[ColumnElement[bool]] = [e.deleted.is_(False)]
    if flt.status:
        conds.append(e.status == flt.status)
    if flt.kind:
        conds.append(e.kind == flt.kind)
    if flt.county_code:
        conds.append(Enterprise.county_code == flt.county_code)
    if flt.may_spread:
        conds.append(e.may_spread.is_(True))
    if flt.enterprise_id:
        conds.append(e.enterprise_id == flt.enterprise_id)
    if flt.origin_office:
        conds.append(e.origin_office == flt.origin_office)
    if flt.text.strip():
        text = flt.text.strip().replace("%", "")
        conds.append(or_(Enterprise.name.like(f"%{text}%"), e.description.like(f"%{text}%")))
    if flt.found_from:
        conds.append(e.found_on >= flt.found_from)
    if flt.found_to:
        conds.append(e.found_on <= flt.found_to)
    return conds


def count(db: Database, flt: EventFilter) -> int:
    return record_lists.count_joined(db, MajorRiskEvent, _conditions(flt))


def page(
    db: Database, flt: EventFilter, *, offset: int = 0, limit: int = 200
) -> list[dict[str, Any]]:
    e = MajorRiskEvent
    steps = (
        select(func.count())
        .where(RiskIntervention.event_id == e.id, RiskIntervention.deleted.is_(False))
        .correlate(e)
        .scalar_subquery()
    )
    stmt = (
        select(
            e.id,
            Enterprise.name.label("enterprise"),
            Enterprise.county_code,
            e.kind,
            e.people,
            e.amount_owed_yuan,
            e.found_on,
            e.status,
            e.may_spread,
            e.closed_on,
            steps.label("interventions"),
        )
        .join(Enterprise, Enterprise.id == e.enterprise_id)
        .where(and_(*_conditions(flt)))
        .order_by((e.status == "closed").asc(), e.found_on.desc(), e.id)
        .offset(offset)
        .limit(limit)
    )
    with db.reader() as conn:
        return [dict(r._mapping) for r in conn.execute(stmt)]
