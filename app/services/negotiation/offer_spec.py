"""The negotiation offer's record spec: what the offer dialog edits, what the
offer list shows, and the rules every door applies (offer_rules)."""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from typing import Any

from app.services.core.fields import FieldSpec, Kind
from app.services.core.list_columns import county_column, enterprise_column, labelled
from app.services.core.messages import N_, Label
from app.services.core.record_spec import (
    ENTERPRISE_FIELD,
    RecordSpec,
    choice_field,
    count_field,
    date_field,
    label_choice_field,
)
from app.services.negotiation import negotiation_rules, offer_rules
from app.services.negotiation.offer_stages import STAGES  # the report reads them alone

OFFERORS = {"union": "工会（职工方）", "enterprise": "企业（用人单位方）"}
OFFERORS_EN = {"union": "Union (workers)", "enterprise": "Enterprise (employer)"}
REPLIES = {"": "未答复", "accepted": "同意协商", "refused": "拒绝协商"}
REPLIES_EN = {"": "No reply yet", "accepted": "Agreed to negotiate", "refused": "Refused"}
ENDINGS = {"": "", "changed": "变更", "terminated": "解除"}
ENDINGS_EN = {"": "", "changed": "Changed", "terminated": "Ended"}
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
SHORT_OFFERORS = {"union": Label("工会", "Union"), "enterprise": Label("企业", "Enterprise")}


def display_stage(
    stage: str, review_ends_on: date | None, expires_on: date | None, today: date
) -> str:
    """The stage as of today: a filed contract becomes effective when the review period ends."""
    if stage == "filed" and review_ends_on and review_ends_on < today:
        return "expired" if expires_on and expires_on < today else "effective"
    return stage


@cache
def _situations() -> dict[str, Label]:
    keys = negotiation_rules.rules_file()["situations"]
    return {
        k: Label(negotiation_rules.situation_label(k), negotiation_rules.situation_label(k, True))
        for k in keys
    }


@cache
def _topics() -> dict[str, Label]:
    data = negotiation_rules.rules_file()
    return {k: Label(v, data["topics_en"].get(k, v)) for k, v in data["topics"].items()}


@cache
def _rule_sets() -> dict[str, Label]:
    sets = negotiation_rules.rules_file()["sets"]
    return {k: Label(v["label"], v.get("label_en", v["label"])) for k, v in sets.items()}


FIELDS: tuple[FieldSpec, ...] = (
    ENTERPRISE_FIELD,
    choice_field("offeror", "要约方", "Offered by", OFFERORS, OFFERORS_EN, default="union"),
    FieldSpec(
        "union_name",
        "工会名称",
        "Union name",
        placeholder=Label(
            "如“某某有限公司工会委员会”；空着按企业是否建会自动填写",
            'e.g. "Trade union committee of X Co., Ltd."; leave empty to name it from'
            " whether the enterprise has a union",
        ),
    ),
    label_choice_field("situation", "企业情况", "Situation", _situations, default="normal"),
    label_choice_field("rules", "适用规定", "Rules", _rule_sets, default="henan"),
    FieldSpec("topics", "协商议题", "Topics", editor="custom", default=()),
    date_field("sent_on", "发出要约", "Offer sent"),
    date_field("received_on", "对方收到", "Received"),
    date_field("replied_on", "书面答复", "Written reply"),
    date_field("congress_on", "职代会表决", "Congress vote"),
    date_field("signed_on", "双方签字", "Signed"),
    date_field("filed_on", "报送审查", "Filed for review"),
    date_field("objection_on", "审查意见书", "Review objection"),
    date_field("effective_from", "合同生效", "In force from"),
    date_field("expires_on", "合同期满", "Expires"),
    date_field("ended_on", "变更／解除日期", "Changed / ended on"),
    choice_field("reply", "答复", "Reply", REPLIES, REPLIES_EN, default=""),
    count_field("congress_members", "代表总数", "Members"),
    count_field("congress_attended", "出席", "Attended"),
    count_field("congress_approved", "同意", "Agreed"),
    FieldSpec("objection_note", "审查意见", "Review objection"),
    choice_field("end_kind", "变更／解除", "Changed / ended", ENDINGS, ENDINGS_EN, default=""),
    FieldSpec(
        "end_reason",
        "原因",
        "Reason",
        placeholder=Label(
            "如：企业被兼并，集体合同部分无法履行",
            "e.g. merged; parts of the contract cannot be performed",
        ),
    ),
    FieldSpec("note", "备注", "Note", Kind.LONGTEXT),
)


def _stage(row: Any, today: date) -> Label:
    stage = display_stage(row["stage"], row["review_ends_on"], row["expires_on"], today)
    return Label(STAGES[stage], STAGES_EN[stage])


def _late(row: Any, today: date) -> Any:
    if row["stage"] == "received" and row["reply_due_on"] and row["reply_due_on"] < today:
        return N_("答复逾期 {days} 天", days=(today - row["reply_due_on"]).days)
    if row["stage"] == "signed" and row["filing_due_on"] and row["filing_due_on"] < today:
        return N_("报送逾期 {days} 天", days=(today - row["filing_due_on"]).days)
    return ""


def _topic_list(row: Any, _today: date) -> Label:
    labels = [_topics().get(t, Label(t, t)) for t in json.loads(row["topics_json"])]
    return Label("、".join(t.zh for t in labels), ", ".join(t.en for t in labels))


COLUMNS: tuple[FieldSpec | str, ...] = (
    enterprise_column(240),
    county_column(80),
    FieldSpec(
        "offeror",
        "要约方",
        "Offered by",
        width=70,
        show=lambda row, _t: SHORT_OFFERORS.get(row["offeror"], row["offeror"]),
    ),
    FieldSpec(
        "situation",
        "企业情况",
        "Situation",
        width=100,
        show=lambda row, _t: _situations().get(row["situation"], row["situation"]),
    ),
    FieldSpec("topics", "议题", "Topics", width=220, reads=("topics_json",), show=_topic_list),
    FieldSpec("received_on", "收到日期", "Received", Kind.DATE, width=86),
    FieldSpec("reply_due_on", "答复期限", "Reply due", Kind.DATE, width=86),
    FieldSpec(
        "stage",
        "阶段",
        "Stage",
        width=110,
        reads=("stage", "review_ends_on", "expires_on"),
        show=_stage,
    ),
    FieldSpec(
        "late",
        "逾期",
        "Overdue",
        width=110,
        reads=("stage", "reply_due_on", "filing_due_on"),
        show=_late,
    ),
)

NEGOTIATION_OFFER = RecordSpec(
    "negotiation_offer",
    Label("集体协商要约", "Negotiation offer"),
    FIELDS,
    COLUMNS,
    rules=offer_rules.check,
    list_title="集体协商要约台账",
)
STAGE_LABELS = labelled(STAGES, STAGES_EN)
