"""What the legal clock and the rules say about a saved offer now: reply and
filing due dates, a refusal, the sessions' representatives, the congress vote,
the review period, the term and its renewal (shown beside the offer, never
blocking a save; the entry rules are app/services/negotiation/offer_rules.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from app.models.db import Database
from app.services.core.messages import N_, Message
from app.services.negotiation import negotiation_rules
from app.services.negotiation.negotiation_rules import Finding
from app.services.negotiation.offers import OfferInput, get, session_findings, sessions

# The two legal clocks of an offer, read the same way: done on time or late, else
# due (and how many days overdue). For each: the fact naming the due date, the
# offer's date it was done, and the three wordings (done, overdue, still due).
_DEADLINES: dict[
    str, tuple[str, str, Callable[..., Message], Callable[..., Message], Callable[..., Message]]
] = {
    "reply": (
        "reply_due_on",
        "replied_on",
        lambda on, due: N_("{on} 书面答复（应在 {due} 前）", on=on, due=due),
        lambda due, late: N_("应于 {due} 前书面答复，已逾期 {late} 天", due=due, late=late),
        lambda due: N_("应于 {due} 前书面答复", due=due),
    ),
    "filing": (
        "filing_due_on",
        "filed_on",
        lambda on, due: N_("{on} 报送（应在 {due} 前）", on=on, due=due),
        lambda due, late: N_("应于 {due} 前报送劳动行政部门，已逾期 {late} 天", due=due, late=late),
        lambda due: N_("应于 {due} 前报送劳动行政部门", due=due),
    ),
}


def _deadline(
    data: OfferInput, facts: dict[str, Any], rules: dict[str, Any], clock: str, today: date
) -> list[Finding]:
    """The finding of one legal clock (_DEADLINES), none while it has not started."""
    due_key, done_key, done, overdue, still_due = _DEADLINES[clock]
    due = facts[due_key]
    if not due:
        return []
    done_on = getattr(data, done_key)
    basis = rules[clock]["basis"]
    if done_on:
        return [Finding(done_on <= due, done(done_on, due), basis)]
    late = negotiation_rules.days_late(due, done_on, today)
    return [Finding(not late, overdue(due, late) if late else still_due(due), basis)]


def findings(db: Database, offer_id: str, today: date | None = None) -> list[Finding]:
    """Everything the clock and the rules say about an offer now."""
    today = today or date.today()

    data, facts = get(db, offer_id)
    rules = negotiation_rules.rule_set(data.rules)
    out: list[Finding] = []
    out.extend(_deadline(data, facts, rules, "reply", today))
    if data.reply == "refused":
        out.append(
            Finding(
                False,
                N_("对方拒绝协商：无正当理由不得拒绝；可申请劳动行政部门协调"),
                "《集体合同规定》第32条；《河南省企业工资集体协商条例》第37条",
            )
        )
    for _sid, s in sessions(db, offer_id):
        for f in session_findings(s, data.rules):
            if not f.ok:
                out.append(
                    Finding(False, N_("{on} 协商：{text}", on=s.held_on, text=f.text), f.basis)
                )
    if data.congress_members:
        out.extend(
            negotiation_rules.congress_findings(
                data.congress_members,
                data.congress_attended or 0,
                data.congress_approved or 0,
                rules=data.rules,
            )
        )
    out.extend(_deadline(data, facts, rules, "filing", today))
    if facts["review_ends_on"] and data.filed_on:
        if data.objection_on:
            out.append(
                Finding(
                    False,
                    N_("{on} 提出审查意见：{note}", on=data.objection_on, note=data.objection_note),
                    rules["review"]["basis"],
                )
            )
        elif facts["review_ends_on"] < today:
            out.append(
                Finding(
                    True,
                    N_(
                        "审查期至 {end} 届满，未提出异议，集体合同已生效",
                        end=facts["review_ends_on"],
                    ),
                    rules["review"]["basis"],
                )
            )
        else:
            out.append(
                Finding(
                    True,
                    N_("审查期至 {end}", end=facts["review_ends_on"]),
                    rules["review"]["basis"],
                )
            )
    if data.effective_from and data.expires_on:
        out.append(
            negotiation_rules.term_finding(data.effective_from, data.expires_on, rules=data.rules)
        )
        if facts["renewal_from"] and facts["renewal_from"] <= today <= data.expires_on:
            out.append(
                Finding(
                    False,
                    N_(
                        "合同将于 {end} 期满，应自 {start} 起协商续订",
                        end=data.expires_on,
                        start=facts["renewal_from"],
                    ),
                    rules["renewal_basis"],
                )
            )
    return out
