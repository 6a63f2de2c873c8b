"""Negotiation offers (要约行动): record, follow the legal clock, check the
representatives and the workers' congress vote."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select

from app.models import Enterprise, NegotiationOffer, NegotiationSession
from app.models.db import Database
from app.services import audit, negotiation_rules, workdays
from app.services.fields import ValidationError
from app.services.negotiation_rules import Finding

# The offer list (filter, counting, a page of rows) lives in its own module;
# callers keep using offers.OfferFilter / count / page.
from app.services.offer_list import OfferFilter, _conditions, count, offer_date, page  # noqa: E402, F401

RECORD_TYPE = "negotiation_offer"
OFFERORS = {"union": "工会（职工方）", "enterprise": "企业（用人单位方）"}
REPLIES = {"": "未答复", "accepted": "同意协商", "refused": "拒绝协商"}
STAGES = {
    "draft": "未发出",
    "sent": "已发出待收到",
    "received": "待答复",
    "refused": "拒绝协商",
    "negotiating": "协商中",
    "signed": "已签订待报送",
    "filed": "已报送审查中",
    "objection": "审查有异议",
    "effective": "已生效",
    "expired": "已到期",
    "changed": "已变更",
    "terminated": "已解除",
}
STAGES_EN = {
    "draft": "Not sent",
    "sent": "Sent",
    "received": "Awaiting reply",
    "refused": "Refused",
    "negotiating": "Negotiating",
    "signed": "Signed, to file",
    "filed": "Filed, under review",
    "objection": "Objection raised",
    "effective": "In force",
    "expired": "Expired",
    "changed": "Changed",
    "terminated": "Ended",
}
DATE_FIELDS = (
    "sent_on",
    "received_on",
    "replied_on",
    "congress_on",
    "signed_on",
    "filed_on",
    "objection_on",
    "effective_from",
    "expires_on",
    "ended_on",
)
INT_FIELDS = ("congress_members", "congress_attended", "congress_approved")
TEXT_FIELDS = (
    "offeror",
    "situation",
    "rules",
    "reply",
    "objection_note",
    "end_kind",
    "end_reason",
    "note",
    "union_name",
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


def display_stage(
    stage: str, review_ends_on: date | None, expires_on: date | None, today: date
) -> str:
    """The stage as of today: a filed contract becomes effective when the review period ends."""
    if stage == "filed" and review_ends_on and review_ends_on < today:
        return "expired" if expires_on and expires_on < today else "effective"
    return stage


def _validate(session: Any, data: OfferInput) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not data.enterprise_id:
        errors["enterprise_id"] = "请选择企业。"
    elif (ent := session.get(Enterprise, data.enterprise_id)) is None or ent.deleted:
        errors["enterprise_id"] = "所选企业不存在或已删除。"
    if data.offeror not in OFFERORS:
        errors["offeror"] = "要约方应为工会或企业。"
    if data.situation not in negotiation_rules.rules_file()["situations"]:
        errors["situation"] = "请选择企业情况。"
    if data.rules not in negotiation_rules.rules_file()["sets"]:
        errors["rules"] = "请选择适用的规定（河南或国家）。"
    if not data.topics:
        errors["topics"] = "请至少选择一项协商议题。"
    unknown = [t for t in data.topics if t not in negotiation_rules.rules_file()["topics"]]
    if unknown:
        errors["topics"] = f"未知的议题：{'、'.join(unknown)}"
    if data.reply not in REPLIES:
        errors["reply"] = "答复应为同意或拒绝协商。"
    if data.reply and not data.replied_on:
        errors["replied_on"] = "请填写书面答复的日期。"
    order = [
        ("sent_on", "发出要约", "received_on", "对方收到要约"),
        ("received_on", "收到要约", "replied_on", "书面答复"),
        ("replied_on", "答复", "signed_on", "签订"),
        ("signed_on", "签订", "filed_on", "报送审查"),
        ("filed_on", "报送", "objection_on", "提出审查意见"),
        ("effective_from", "生效", "expires_on", "期满"),
        ("signed_on", "签订", "ended_on", "变更或解除"),
    ]
    for first, first_label, second, second_label in order:
        a, b = getattr(data, first), getattr(data, second)
        if a and b and b < a:
            errors[second] = f"{second_label}日期 {b} 早于{first_label}日期 {a}，请核对。"
    if data.replied_on and not data.received_on:
        errors["received_on"] = "有答复日期时，请先填写收到要约的日期。"
    if data.signed_on and data.reply == "refused":
        errors["signed_on"] = "对方已拒绝协商，不能填写签订日期；请先更正答复。"
    if data.ended_on and data.end_kind not in ("changed", "terminated"):
        errors["end_kind"] = "请说明是变更还是解除集体合同。"
    if data.ended_on and len(data.end_reason.strip()) < 2:
        errors["end_reason"] = "请填写变更或解除的原因（如兼并、解散、破产）。"
    for name in INT_FIELDS:
        value = getattr(data, name)
        if value is not None and value < 0:
            errors[name] = "人数不能为负数。"
    return errors


def _derive(offer: NegotiationOffer, data: OfferInput, calendar: workdays.WorkCalendar) -> None:
    offer.stage = stored_stage(data)
    offer.reply_due_on = offer.filing_due_on = offer.review_ends_on = offer.renewal_from = None
    if data.received_on:
        clock = negotiation_rules.offer_clock(
            data.received_on,
            calendar,
            rules=data.rules,
            signed_on=data.signed_on,
            filed_on=data.filed_on,
        )
        offer.reply_due_on = clock.reply_due
        offer.filing_due_on = clock.filing_due
        offer.review_ends_on = clock.review_ends
    elif data.signed_on:
        clock = negotiation_rules.offer_clock(
            data.signed_on,
            calendar,
            rules=data.rules,
            signed_on=data.signed_on,
            filed_on=data.filed_on,
        )
        offer.filing_due_on = clock.filing_due
        offer.review_ends_on = clock.review_ends
    if data.expires_on:
        offer.renewal_from = negotiation_rules.renewal_from(data.expires_on, rules=data.rules)


def _state(offer: NegotiationOffer) -> dict[str, Any]:
    out: dict[str, Any] = {
        name: getattr(offer, name) for name in DATE_FIELDS + INT_FIELDS + TEXT_FIELDS
    }
    out["topics"] = json.loads(offer.topics_json)
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in out.items()}


def save(db: Database, data: OfferInput, offer_id: str | None = None) -> str:
    calendar = workdays.load(db)
    with db.session() as session:
        errors = _validate(session, data)
        if errors:
            raise ValidationError(errors)
        if offer_id:
            offer = session.get(NegotiationOffer, offer_id)
            if offer is None or offer.deleted:
                raise ValidationError({"offer": "该要约记录不存在或已删除。"})
            before = _state(offer)
        else:
            offer = NegotiationOffer(enterprise_id=data.enterprise_id)
            session.add(offer)
            before = {}
        for name in DATE_FIELDS + INT_FIELDS + TEXT_FIELDS:
            setattr(offer, name, getattr(data, name))
        offer.enterprise_id = data.enterprise_id or offer.enterprise_id
        offer.topics_json = json.dumps(data.topics, ensure_ascii=False)
        offer.campaign_id = data.campaign_id or offer.campaign_id or ""
        _derive(offer, data, calendar)
        session.flush()
        changes = audit.diff(before, _state(offer))
        audit.record(
            session,
            RECORD_TYPE,
            offer.id,
            "update" if offer_id else "create",
            changes if offer_id else {},
            STAGES[offer.stage],
        )
        return offer.id


def get(db: Database, offer_id: str) -> tuple[OfferInput, dict[str, Any]]:
    """(the offer as input, derived facts: stage, due dates, enterprise name)."""
    with db.session() as session:
        offer = session.get(NegotiationOffer, offer_id)
        if offer is None or offer.deleted:
            raise ValidationError({"offer": "该要约记录不存在或已删除。"})
        ent = session.get(Enterprise, offer.enterprise_id)
        data = OfferInput(
            offer.enterprise_id,
            topics=json.loads(offer.topics_json),
            campaign_id=offer.campaign_id,
            **{name: getattr(offer, name) for name in DATE_FIELDS + INT_FIELDS + TEXT_FIELDS},
        )
        facts = {
            "id": offer.id,
            "stage": offer.stage,
            "reply_due_on": offer.reply_due_on,
            "filing_due_on": offer.filing_due_on,
            "review_ends_on": offer.review_ends_on,
            "renewal_from": offer.renewal_from,
            "enterprise": ent.name if ent else "",
            "credit_code": ent.credit_code if ent else "",
            "county_code": ent.county_code if ent else "",
            "legal_representative": ent.legal_representative if ent else "",
            "address": ent.address if ent else "",
            "has_union": bool(ent and ent.has_union),
        }
        return data, facts


def delete(db: Database, offer_id: str) -> None:
    with db.session() as session:
        offer = session.get(NegotiationOffer, offer_id)
        if offer is None or offer.deleted:
            return
        offer.deleted = True
        for s in session.execute(
            select(NegotiationSession).where(NegotiationSession.offer_id == offer_id)
        ).scalars():
            s.deleted = True
        audit.record(
            session, RECORD_TYPE, offer.id, "delete", {"deleted": [False, True]}, "删除要约记录"
        )


# -- sessions ------------------------------------------------------------------------


def add_session(db: Database, offer_id: str, data: SessionInput) -> str:
    errors: dict[str, str] = {}
    if data.held_on is None:
        errors["held_on"] = "请填写协商日期。"
    for name in (
        "employer_reps",
        "worker_reps",
        "employer_chiefs",
        "worker_chiefs",
        "employer_experts",
        "worker_experts",
    ):
        if getattr(data, name) < 0:
            errors[name] = "人数不能为负数。"
    if data.employer_experts > data.employer_reps or data.worker_experts > data.worker_reps:
        errors["experts"] = "外聘代表人数不能超过该方代表总数。"
    if errors:
        raise ValidationError(errors)
    with db.session() as session:
        offer = session.get(NegotiationOffer, offer_id)
        if offer is None or offer.deleted:
            raise ValidationError({"offer": "该要约记录不存在或已删除。"})
        if offer.received_on and data.held_on and data.held_on < offer.received_on:
            raise ValidationError(
                {"held_on": f"协商日期 {data.held_on} 早于收到要约的日期 {offer.received_on}。"}
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
            .where(NegotiationSession.offer_id == offer_id, NegotiationSession.deleted.is_(False))
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


def findings(db: Database, offer_id: str, today: date | None = None) -> list[Finding]:
    """Everything the clock and the rules say about an offer now."""
    today = today or date.today()
    data, facts = get(db, offer_id)
    rules = negotiation_rules.rule_set(data.rules)
    out: list[Finding] = []
    if facts["reply_due_on"]:
        late = negotiation_rules.days_late(facts["reply_due_on"], data.replied_on, today)
        if data.replied_on:
            ok = data.replied_on <= facts["reply_due_on"]
            out.append(
                Finding(
                    ok,
                    f"{data.replied_on} 书面答复（应在 {facts['reply_due_on']} 前）",
                    rules["reply"]["basis"],
                )
            )
        else:
            out.append(
                Finding(
                    not late,
                    f"应于 {facts['reply_due_on']} 前书面答复"
                    + (f"，已逾期 {late} 天" if late else ""),
                    rules["reply"]["basis"],
                )
            )
    if data.reply == "refused":
        out.append(
            Finding(
                False,
                "对方拒绝协商：无正当理由不得拒绝；可申请劳动行政部门协调",
                "《集体合同规定》第32条；《河南省企业工资集体协商条例》第37条",
            )
        )
    for _sid, s in sessions(db, offer_id):
        for f in session_findings(s, data.rules):
            if not f.ok:
                out.append(Finding(False, f"{s.held_on} 协商：{f.text}", f.basis))
    if data.congress_members:
        out.extend(
            negotiation_rules.congress_findings(
                data.congress_members,
                data.congress_attended or 0,
                data.congress_approved or 0,
                rules=data.rules,
            )
        )
    if facts["filing_due_on"]:
        late = negotiation_rules.days_late(facts["filing_due_on"], data.filed_on, today)
        if data.filed_on:
            out.append(
                Finding(
                    data.filed_on <= facts["filing_due_on"],
                    f"{data.filed_on} 报送（应在 {facts['filing_due_on']} 前）",
                    rules["filing"]["basis"],
                )
            )
        else:
            out.append(
                Finding(
                    not late,
                    f"应于 {facts['filing_due_on']} 前报送劳动行政部门"
                    + (f"，已逾期 {late} 天" if late else ""),
                    rules["filing"]["basis"],
                )
            )
    if facts["review_ends_on"] and data.filed_on:
        if data.objection_on:
            out.append(
                Finding(
                    False,
                    f"{data.objection_on} 提出审查意见：{data.objection_note}",
                    rules["review"]["basis"],
                )
            )
        elif facts["review_ends_on"] < today:
            out.append(
                Finding(
                    True,
                    f"审查期至 {facts['review_ends_on']} 届满，未提出异议，集体合同已生效",
                    rules["review"]["basis"],
                )
            )
        else:
            out.append(
                Finding(True, f"审查期至 {facts['review_ends_on']}", rules["review"]["basis"])
            )
    if data.effective_from and data.expires_on:
        out.append(
            negotiation_rules.term_finding(data.effective_from, data.expires_on, rules=data.rules)
        )
        if facts["renewal_from"] and facts["renewal_from"] <= today <= data.expires_on:
            out.append(
                Finding(
                    False,
                    f"合同将于 {data.expires_on} 期满，应自 {facts['renewal_from']} 起协商续订",
                    rules["renewal_basis"],
                )
            )
    return out


# -- lists ------------------------------------------------------------------------------
