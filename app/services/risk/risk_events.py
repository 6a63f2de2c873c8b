"""Major-risk events (重大风险隐患): signs of mass layoffs, collective work
stoppages or collective wage claims, handled early and on site (通知 三（三）)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, case, false, or_, select

from app.models import Enterprise, MajorRiskEvent, RiskIntervention
from app.models.db import Database
from app.services.core import audit, edit_lock, keyset, record_lists, record_store
from app.services.core.fields import ValidationError
from app.services.core.messages import N_
from app.services.core.validation import Problems, add
from app.services.risk import event_rules as event_rules
from app.services.risk.event_spec import (  # noqa: F401 - the event's words, kept here for callers
    KINDS,
    KINDS_EN,
    MAJOR_RISK_EVENT,
    STATUS,
)

RECORD_TYPE = MAJOR_RISK_EVENT.table


@dataclass
class EventInput:
    enterprise_id: str | None
    kind: str = "wage_claim"
    people: int | None = None
    amount_owed_yuan: int | None = None
    found_on: date | None = None
    description: str = ""
    may_spread: bool = False


# The event's stored fields: every field of its spec but the enterprise, so a field
# added to the spec is saved, read and audited.
STORED = tuple(f.name for f in MAJOR_RISK_EVENT.fields if f.name != "enterprise_id")
GONE = ("event", N_("该风险事件不存在或已删除。"))
WRITE = record_store.RecordWrite(
    MajorRiskEvent,
    RECORD_TYPE,
    GONE,
    state=lambda event: {k: getattr(event, k) for k in STORED},
    summary=lambda event: KINDS[event.kind],
)


def problems_of(values: dict[str, Any]) -> dict[str, str]:
    return MAJOR_RISK_EVENT.problems_of(values, EventInput(None), problems)


def values_of(db: Database, event_id: str) -> dict[str, Any]:
    return asdict(get(db, event_id)[0])


def save(
    db: Database,
    data: EventInput,
    event_id: str | None = None,
    today: date | None = None,
    *,
    loaded: int | None = None,
) -> str:
    today = today or date.today()
    errors = problems(data, today)
    if errors:
        raise ValidationError(errors)

    def apply(event: MajorRiskEvent) -> None:
        if event_id and event.status == "closed":
            closed = {"status": "closed", "closed_on": event.closed_on, "outcome": event.outcome}
            still = event_rules.check({**asdict(data), **closed}, today=today)
            if still:
                raise ValidationError(still)
        event.enterprise_id = data.enterprise_id
        for name in STORED:
            setattr(event, name, getattr(data, name))

    return record_store.save_checked(
        db,
        WRITE,
        event_id,
        loaded=loaded,
        validate=lambda session: record_store.enterprise_problems(session, data.enterprise_id),
        make=lambda: MajorRiskEvent(
            enterprise_id=data.enterprise_id, kind=data.kind, found_on=data.found_on
        ),
        apply=apply,
    )


def problems(data: EventInput, today: date | None = None) -> Problems:
    """What stands in the way of saving `data`; nothing is written."""
    errors: Problems = {}
    if not data.enterprise_id:
        add(errors, "enterprise_id", N_("请选择企业。"))
    for name, message in event_rules.check(asdict(data), today=today or date.today()).items():
        add(errors, name, message)
    return errors


def add_intervention(
    db: Database,
    event_id: str,
    on_date: date | None,
    who: str,
    action: str,
    today: date | None = None,
    *,
    loaded: int | None = None,
) -> str:
    """Record one step taken on the event; `loaded`: the event's version the dialog
    shows (EditConflict, nothing written, when a colleague saved the event since)."""
    today = today or date.today()
    errors: dict[str, str] = {}
    if on_date is None:
        errors["on_date"] = N_("请填写介入日期。")
    elif on_date > today:
        errors["on_date"] = N_(
            "介入日期 {day} 晚于今天（{today}），请核对。", day=on_date, today=today
        )
    if not who.strip():
        errors["who"] = N_("请填写由谁介入（单位、人员）。")
    if not action.strip():
        errors["action"] = N_("请填写采取的措施。")
    if errors:
        raise ValidationError(errors)
    with edit_lock.guarded(db) as session:
        event = record_store.load_for_edit(
            session, MajorRiskEvent, RECORD_TYPE, event_id, loaded=loaded, gone=GONE
        )
        if on_date and on_date < event.found_on:
            raise ValidationError(
                {"on_date": N_("介入日期早于发现日期 {found}。", found=event.found_on)}
            )
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


def close(
    db: Database,
    event_id: str,
    closed_on: date,
    outcome: str,
    today: date | None = None,
    *,
    loaded: int | None = None,
) -> None:
    with edit_lock.guarded(db) as session:
        event = record_store.load_for_edit(
            session, MajorRiskEvent, RECORD_TYPE, event_id, loaded=loaded, gone=GONE
        )
        values = {
            "kind": event.kind,
            "found_on": event.found_on,
            "people": event.people,
            "amount_owed_yuan": event.amount_owed_yuan,
            "status": "closed",
            "closed_on": closed_on,
            "outcome": outcome,
        }
        errors = event_rules.check(values, today=today or date.today())
        if errors:
            raise ValidationError(errors)
        event.status, event.closed_on, event.outcome = "closed", closed_on, outcome.strip()
        audit.record(
            session, RECORD_TYPE, event.id, "update", {"status": ["open", "closed"]}, outcome[:100]
        )


def reopen(db: Database, event_id: str, reason: str, *, loaded: int | None = None) -> None:
    if len(reason.strip()) < 4:
        raise ValidationError({"reason": N_("请写明重新处置的理由。")})
    with edit_lock.guarded(db) as session:
        event = session.get(MajorRiskEvent, event_id)
        if event is None:
            raise ValidationError({"event": N_("该风险事件不存在。")})
        edit_lock.check_loaded(session, event, RECORD_TYPE, loaded)
        event.status, event.closed_on = "open", None
        audit.record(
            session, RECORD_TYPE, event.id, "update", {"status": ["closed", "open"]}, reason[:100]
        )


def get(db: Database, event_id: str) -> tuple[EventInput, dict[str, Any]]:
    with db.session() as session:
        event = record_store.load_live(session, MajorRiskEvent, event_id, GONE)
        ent = session.get(Enterprise, event.enterprise_id)
        steps = session.execute(
            select(RiskIntervention)
            .where(RiskIntervention.event_id == event_id, RiskIntervention.deleted == false())
            .order_by(RiskIntervention.on_date, RiskIntervention.created_at)
        ).scalars()
        data = EventInput(event.enterprise_id, **{n: getattr(event, n) for n in STORED})
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
class EventFilter(record_lists.ListFilter):
    status: str = ""
    kind: str = ""
    county_code: str = ""
    may_spread: bool = False
    enterprise_id: str = ""
    today: date = field(default_factory=date.today)
    found_from: date | None = None
    found_to: date | None = None


FOUND = ("found_from", "found_to")


def _conditions(flt: EventFilter) -> list[ColumnElement[bool]]:
    e = MajorRiskEvent
    equal = ("status", "kind", "county_code", "enterprise_id", "origin_office")
    conds = record_lists.matching(e, flt, equal, dated=e.found_on, span=FOUND)
    if flt.may_spread:
        conds.append(e.may_spread.is_(True))
    if flt.text.strip():
        text = flt.text.strip().replace("%", "")
        conds.append(or_(Enterprise.name.like(f"%{text}%"), e.description.like(f"%{text}%")))
    return conds


# Open events first, then the newest found.
count, page = record_lists.lister(
    MAJOR_RISK_EVENT,
    MajorRiskEvent,
    _conditions,
    [
        keyset.Key(case((MajorRiskEvent.status == "closed", 1), else_=0), nullable=False),
        keyset.Key(MajorRiskEvent.found_on, descending=True),
        keyset.Key(MajorRiskEvent.id, nullable=False),
    ],
    {"interventions": record_lists.live_children(RiskIntervention.event_id, MajorRiskEvent)},
)

save_values = record_store.values_saver(MAJOR_RISK_EVENT, lambda: EventInput(None), get, save)
