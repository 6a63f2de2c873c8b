"""A major-risk event's entry rules: found and closed on days that have come,
closed after it was found and with its outcome written down."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from app.services.core.messages import N_, Label
from app.services.core.record_rules import RuleTable
from app.services.core.validation import Problems, add, as_date, text

KINDS = ("mass_layoff", "work_stoppage", "wage_claim")
FOUND = Label("发现日期", "Found on")
CLOSED = Label("化解日期", "Resolved on")
PEOPLE = Label("涉及人数", "People involved")
AMOUNT = Label("拖欠金额", "Amount owed")
RULES = RuleTable(
    required=(("found_on", N_("请填写发现日期。")),),
    dates=frozenset({"found_on"}),
    past=(("found_on", FOUND), ("closed_on", CLOSED)),
    order=(("found_on", FOUND, "closed_on", CLOSED),),
    counts=(("people", PEOPLE), ("amount_owed_yuan", AMOUNT)),
)


def check(values: Mapping[str, Any], *, today: date) -> Problems:
    errors: Problems = {}
    if values.get("kind") not in KINDS:
        add(errors, "kind", N_("请选择风险类型：大规模裁员、集体停工或集体讨薪。"))
    if values.get("status", "open") == "closed":
        if as_date(values.get("closed_on")) is None:
            add(errors, "closed_on", N_("已化解的风险隐患须填写化解日期。"))
        if len(text(values, "outcome")) < 4:
            add(errors, "outcome", N_("请写明处置结果（至少 4 个字）。"))
    RULES.check_into(errors, values, today=today)
    return errors
