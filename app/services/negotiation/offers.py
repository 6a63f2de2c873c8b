"""Negotiation offers (要约行动): record, follow the legal clock, check the
representatives and the workers' congress vote."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import false, select

from app.models import Enterprise, NegotiationOffer, NegotiationSession
from app.models.db import Database
from app.services.core import audit, edit_lock, record_store, workdays
from app.services.core.fields import ValidationError
from app.services.core.messages import N_
from app.services.core.validation import Problems, add
from app.services.negotiation import negotiation_rules
from app.services.negotiation import offer_rules as offer_rules
from app.services.negotiation.negotiation_rules import Finding

# The offer list (filter, counting, a page of rows) lives in its own module;
# callers keep using offers.OfferFilter / count / page.
from app.services.negotiation.offer_list import OfferFilter, _conditions, count, offer_date, page  # noqa: E402, F401
from app.services.negotiation.offer_spec import (  # noqa: F401 - the offer's words, kept here for callers
    NEGOTIATION_OFFER,
    OFFERORS,
    REPLIES,
    STAGES,
    STAGES_EN,
    display_stage,
)

RECORD_TYPE = NEGOTIATION_OFFER.table
# The offer's stored fields: every field of its spec but the enterprise and the
# topics (kept as JSON), so a field added to the spec is saved, read and audited.
STORED = tuple(
    f.name for f in NEGOTIATION_OFFER.fields if f.name not in ("enterprise_id", "topics")
)


@dataclass
class OfferInput:
    enterprise_id: str | None
    offeror: str = "union"
    situation: str = "normal"
    topics: list[str] = field(default_factory=list)
    rules: str = "henan"
    sent_on: date | None = None
    received_on: date | None = None
    replied_on: date | None = None
    reply: str = ""
    congress_members: int | None = None
    congress_attended: int | None = None
    congress_approved: int | None = None
    congress_on: date | None = None
    signed_on: date | None = None
    filed_on: date | None = None
    objection_on: date | None = None
    objection_note: str = ""
    effective_from: date | None = None
    expires_on: date | None = None
    ended_on: date | None = None
    end_kind: str = ""
    end_reason: str = ""
    note: str = ""
    campaign_id: str = ""
    union_name: str = ""  # the union named on the letters; empty: union_name_for()


@dataclass
class SessionInput:
    held_on: date | None
    employer_reps: int
    worker_reps: int
    employer_chiefs: int = 1
    worker_chiefs: int = 1
    employer_experts: int = 0
    worker_experts: int = 0
    employer_chief_name: str = ""
    worker_chief_name: str = ""
    note: str = ""


def stored_stage(data: OfferInput) -> str:
    if data.ended_on:
        return "terminated" if data.end_kind == "terminated" else "changed"
    if data.objection_on:
        return "objection"
    if data.filed_on:
        return "filed"
    if data.signed_on:
        return "signed"
    if data.reply == "refused":
        return "refused"
    if data.reply == "accepted" or data.replied_on:
        return "negotiating"
    if data.received_on:
        return "received"
    if data.sent_on:
        return "sent"
    return "draft"


def _validate(session: Any, data: OfferInput, today: date | None = None) -> Problems:
    errors = record_store.enterprise_problems(session, data.enterprise_id)
    if data.offeror not in OFFERORS:
        add(errors, "offeror", N_("要约方应为工会或企业。"))
    if data.situation not in negotiation_rules.rules_file()["situations"]:
        add(errors, "situation", N_("请选择企业情况。"))
    if data.rules not in negotiation_rules.rules_file()["sets"]:
        add(errors, "rules", N_("请选择适用的规定（河南或国家）。"))
    unknown = [t for t in data.topics if t not in negotiation_rules.rules_file()["topics"]]
    if not data.topics:
        add(errors, "topics", N_("请至少选择一项协商议题。"))
    elif unknown:
        add(errors, "topics", N_("未知的议题：{topics}", topics=unknown))
    # The dates, the reply and the congress: the rules every door shares.
    for name, message in offer_rules.check(asdict(data), today=today or date.today()).items():
        add(errors, name, message)
    return errors


def _derive(offer: NegotiationOffer, data: OfferInput, calendar: workdays.WorkCalendar) -> None:
    offer.stage = stored_stage(data)
    offer.reply_due_on = offer.filing_due_on = offer.review_ends_on = offer.renewal_from = None
    # The clock runs from receipt of the offer, else (an offer recorded only once
    # signed) from the signing; only a received offer has a reply due.
    start = data.received_on or data.signed_on
    if start:
        clock = negotiation_rules.offer_clock(
            start, calendar, rules=data.rules, signed_on=data.signed_on, filed_on=data.filed_on
        )
        if data.received_on:
            offer.reply_due_on = clock.reply_due
        offer.filing_due_on = clock.filing_due
        offer.review_ends_on = clock.review_ends
    if data.expires_on:
        offer.renewal_from = negotiation_rules.renewal_from(data.expires_on, rules=data.rules)


def _state(offer: NegotiationOffer) -> dict[str, Any]:
    out: dict[str, Any] = {name: getattr(offer, name) for name in STORED}
    out["topics"] = json.loads(offer.topics_json)
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in out.items()}


GONE = ("offer", N_("该要约记录不存在或已删除。"))


WRITE = record_store.RecordWrite(
    NegotiationOffer, RECORD_TYPE, GONE, state=_state, summary=lambda offer: STAGES[offer.stage]
)


def save(
    db: Database, data: OfferInput, offer_id: str | None = None, *, loaded: int | None = None
) -> str:
    calendar = workdays.load(db)

    def apply(offer: NegotiationOffer) -> None:
        for name in STORED:
            setattr(offer, name, getattr(data, name))
        offer.enterprise_id = data.enterprise_id or offer.enterprise_id
        offer.topics_json = json.dumps(data.topics, ensure_ascii=False)
        offer.campaign_id = data.campaign_id or offer.campaign_id or ""
        _derive(offer, data, calendar)

    return record_store.save_checked(
        db,
        WRITE,
        offer_id,
        loaded=loaded,
        validate=lambda session: _validate(session, data),
        make=lambda: NegotiationOffer(enterprise_id=data.enterprise_id),
        apply=apply,
    )


def get(db: Database, offer_id: str) -> tuple[OfferInput, dict[str, Any]]:
    """(the offer as input, derived facts: stage, due dates, enterprise name)."""
    with db.session() as session:
        offer = record_store.load_live(session, NegotiationOffer, offer_id, GONE)
        ent = session.get(Enterprise, offer.enterprise_id)
        data = OfferInput(
            offer.enterprise_id,
            topics=json.loads(offer.topics_json),
            campaign_id=offer.campaign_id,
            **{name: getattr(offer, name) for name in STORED},
        )
        facts = {
            "id": offer.id,
            "stage": offer.stage,
            "reply_due_on": offer.reply_due_on,
            "filing_due_on": offer.filing_due_on,
            "review_ends_on": offer.review_ends_on,
            "renewal_from": offer.renewal_from,
            **record_store.enterprise_facts(
                session, offer.enterprise_id, "legal_representative", "address"
            ),
            "has_union": bool(ent and ent.has_union),
        }
        return data, facts


# Tombstones the offer with its child rows (its people / sessions).
delete = record_store.deleter(
    NegotiationOffer,
    RECORD_TYPE,
    lambda _offer: "删除要约记录",
    children=(NegotiationSession.offer_id,),
)


# -- sessions ------------------------------------------------------------------------


def add_session(
    db: Database,
    offer_id: str,
    data: SessionInput,
    today: date | None = None,
    *,
    loaded: int | None = None,
) -> str:
    """Record one negotiation meeting; `loaded`: the offer's version the dialog shows
    (EditConflict, nothing written, when a colleague saved the offer since)."""
    today = today or date.today()
    errors: dict[str, str] = {}
    if data.held_on is None:
        errors["held_on"] = N_("请填写协商日期。")
    elif data.held_on > today:
        errors["held_on"] = N_(
            "协商日期 {day} 晚于今天（{today}），请核对。", day=data.held_on, today=today
        )
    for name in (
        "employer_reps",
        "worker_reps",
        "employer_chiefs",
        "worker_chiefs",
        "employer_experts",
        "worker_experts",
    ):
        if getattr(data, name) < 0:
            errors[name] = N_("人数不能为负数。")
    if data.employer_experts > data.employer_reps or data.worker_experts > data.worker_reps:
        errors["experts"] = N_("外聘代表人数不能超过该方代表总数。")
    if errors:
        raise ValidationError(errors)
    with edit_lock.guarded(db) as session:
        offer = record_store.load_for_edit(
            session, NegotiationOffer, RECORD_TYPE, offer_id, loaded=loaded, gone=GONE
        )
        if offer.received_on and data.held_on and data.held_on < offer.received_on:
            raise ValidationError(
                {
                    "held_on": N_(
                        "协商日期 {day} 早于收到要约的日期 {received}。",
                        day=data.held_on,
                        received=offer.received_on,
                    )
                }
            )
        row = NegotiationSession(offer_id=offer_id, **asdict(data))
        session.add(row)
        session.flush()
        if offer.stage in ("received", "sent", "draft"):
            offer.stage = "negotiating"
        audit.record(
            session,
            RECORD_TYPE,
            offer_id,
            "update",
            {"session": [None, str(data.held_on)]},
            "协商会议",
        )
        return row.id


def sessions(db: Database, offer_id: str) -> list[tuple[str, SessionInput]]:
    with db.session() as session:
        rows = session.execute(
            select(NegotiationSession)
            .where(NegotiationSession.offer_id == offer_id, NegotiationSession.deleted == false())
            .order_by(NegotiationSession.held_on)
        ).scalars()
        return [
            (
                r.id,
                SessionInput(
                    r.held_on,
                    r.employer_reps,
                    r.worker_reps,
                    r.employer_chiefs,
                    r.worker_chiefs,
                    r.employer_experts,
                    r.worker_experts,
                    r.employer_chief_name,
                    r.worker_chief_name,
                    r.note,
                ),
            )
            for r in rows
        ]


def session_findings(data: SessionInput, rules: str) -> list[Finding]:
    return negotiation_rules.representation_findings(
        data.employer_reps,
        data.worker_reps,
        data.employer_chiefs,
        data.worker_chiefs,
        data.employer_experts,
        data.worker_experts,
        rules=rules,
    )


# The dialog's doors: what stands in the way of saving (nothing written), the
# stored values, and the save of what it shows.
problems, problems_of, values_of, save_values = record_store.doors(
    NEGOTIATION_OFFER, lambda: OfferInput(None), _validate, get, save
)
