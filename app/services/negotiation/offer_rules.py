"""A negotiation offer's entry rules: the legal clock's dates in order and not
in the future, the reply state matching its date, and the workers' congress
numbers (集体合同规定 第36条: at least two thirds attend, more than half of all
representatives agree; the chief representatives sign only after that, 第37条)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from app.services.core.messages import N_, Label
from app.services.core.record_rules import RuleTable
from app.services.core.validation import Problems, add, as_date, as_int, in_order, text
from app.services.negotiation import negotiation_rules

SENT = Label("发出要约日期", "Offer sent")
RECEIVED = Label("收到要约日期", "Offer received")
REPLIED = Label("书面答复日期", "Written reply")
CONGRESS = Label("职代会表决日期", "Congress vote")
SIGNED = Label("签订日期", "Signed")
FILED = Label("报送审查日期", "Filed for review")
OBJECTION = Label("审查意见书日期", "Objection")
EFFECTIVE = Label("合同生效日期", "In force from")
EXPIRES = Label("合同期满日期", "Expires")
ENDED = Label("变更或解除日期", "Changed or ended")
MEMBERS = Label("职工代表总数", "Representatives")
ATTENDED = Label("出席人数", "Attended")
APPROVED = Label("同意人数", "Approved")
REPLIES = ("", "accepted", "refused")
# Things that have happened, so they cannot be later than today; the term of the
# contract (生效、期满) may lie ahead.
PAST_EVENTS = {
    "sent_on": SENT,
    "received_on": RECEIVED,
    "replied_on": REPLIED,
    "congress_on": CONGRESS,
    "signed_on": SIGNED,
    "filed_on": FILED,
    "objection_on": OBJECTION,
    "ended_on": ENDED,
}
# The legal clock in its order (集体合同规定 第32、36、37、42、44条): each date is
# compared with the nearest earlier one that is known, so the whole chain holds.
CHAIN = (
    ("sent_on", SENT),
    ("received_on", RECEIVED),
    ("replied_on", REPLIED),
    ("congress_on", CONGRESS),
    ("signed_on", SIGNED),
    ("filed_on", FILED),
    ("objection_on", OBJECTION),
)
# Beside the chain: the term starts after signing and ends after it starts.
ORDER = (
    ("signed_on", SIGNED, "effective_from", EFFECTIVE),
    ("effective_from", EFFECTIVE, "expires_on", EXPIRES),
    ("signed_on", SIGNED, "ended_on", ENDED),
)
PAST = RuleTable(past=tuple(PAST_EVENTS.items()))
TERM = RuleTable(
    order=ORDER,
    counts=(
        ("congress_members", MEMBERS),
        ("congress_attended", ATTENDED),
        ("congress_approved", APPROVED),
    ),
)


def check(values: Mapping[str, Any], *, today: date) -> Problems:
    errors = PAST.check(values, today=today)
    for n, (second, second_label) in enumerate(CHAIN):
        earlier = [(name, label) for name, label in CHAIN[:n] if as_date(values.get(name))]
        if earlier:
            first, first_label = earlier[-1]
            in_order(errors, values, first, first_label, second, second_label)
    TERM.check_into(errors, values, today=today)
    d = {name: as_date(values.get(name)) for name in (*PAST_EVENTS, "effective_from")}
    reply = values.get("reply") or ""
    if reply not in REPLIES:
        add(errors, "reply", N_("答复应为未答复、同意协商或拒绝协商。"))
    elif reply and d["replied_on"] is None:
        add(errors, "replied_on", N_("已选择答复结果，请填写书面答复的日期。"))
    elif not reply and d["replied_on"] is not None:
        add(
            errors,
            "reply",
            N_(
                "填写了答复日期 {day}，答复却是“未答复”：请选择同意或拒绝协商，或清空答复日期。",
                day=d["replied_on"],
            ),
        )
    if d["replied_on"] and not d["received_on"]:
        add(errors, "received_on", N_("有答复日期时，请先填写收到要约的日期。"))
    if d["signed_on"] and reply == "refused":
        add(errors, "signed_on", N_("对方已拒绝协商，不能填写签订日期；请先更正答复。"))
    elif d["signed_on"] and reply != "accepted":
        add(errors, "reply", N_("已签订集体合同的，答复应为“同意协商”，请补填答复及其日期。"))
    if d["filed_on"] and not d["signed_on"]:
        add(errors, "signed_on", N_("有报送日期时，请先填写双方签订的日期。"))
    if d["objection_on"] and not d["filed_on"]:
        add(errors, "filed_on", N_("有审查意见书日期时，请先填写报送审查的日期。"))
    if d["ended_on"] and values.get("end_kind") not in ("changed", "terminated"):
        add(errors, "end_kind", N_("请说明是变更还是解除集体合同。"))
    if d["ended_on"] and len(text(values, "end_reason")) < 2:
        add(errors, "end_reason", N_("请填写变更或解除的原因（如兼并、解散、破产）。"))
    _congress(errors, values, signed=d["signed_on"] is not None)
    return errors


def _congress(errors: Problems, values: Mapping[str, Any], *, signed: bool) -> None:
    members = as_int(values.get("congress_members"))
    attended = as_int(values.get("congress_attended"))
    approved = as_int(values.get("congress_approved"))
    if (attended or approved) and not members:
        add(
            errors,
            "congress_members",
            N_("填写了出席或同意人数，请同时填写职工代表（或全体职工）总数。"),
        )
        return
    # A part larger than its whole: more attending than members, more agreeing than attending.
    counts = {"members": members, "attended": attended, "approved": approved}
    for part, whole, message in (
        ("attended", "members", N_("出席 {attended} 人，超过代表总数 {members} 人。")),
        ("approved", "attended", N_("同意 {approved} 人，超过出席 {attended} 人。")),
    ):
        if counts[part] is not None and counts[whole] is not None and counts[part] > counts[whole]:
            add(errors, f"congress_{part}", message.filled(**counts))
            return
    if approved is not None and attended is None:
        add(errors, "congress_attended", N_("填写了同意人数，请同时填写出席人数。"))
        return
    if not (signed and members and attended is not None and approved is not None):
        return
    # 第36条 then 第37条: a draft the congress did not adopt cannot be signed.
    r = negotiation_rules.rule_set(values.get("rules") or None)["congress"]
    num, den = r["attendance_min"]
    if attended * den < members * num:
        add(
            errors,
            "congress_attended",
            N_(
                "出席 {attended}/{members} 人，未达到 {num}/{den}，表决无效，草案未获通过，不能填写签订日期（《集体合同规定》第36条）。",
                attended=attended,
                members=members,
                num=num,
                den=den,
            ),
        )
        return
    num, den = r["approval_more_than"]
    if approved * den <= members * num:
        add(
            errors,
            "congress_approved",
            N_(
                "同意 {approved} 人，未超过全体 {members} 人的 {num}/{den}，草案未获通过，不能填写签订日期（《集体合同规定》第36条）。",
                approved=approved,
                members=members,
                num=num,
                den=den,
            ),
        )
