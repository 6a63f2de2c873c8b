"""A rectification item's entry rules: found on a day that has come, deadline
not before the finding, status dates between the finding and today, and a
closed item verified by someone on a real day."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from app.services.core.messages import N_, Label
from app.services.core.record_rules import RuleTable
from app.services.core.validation import Problems, add, as_date, text
from app.services.ledger.rectification_status import STATUSES

FOUND = Label("发现问题日期", "Found on")
DEADLINE = Label("整改时限", "Deadline")
ORIGINAL = Label("原定整改时限", "Original deadline")
CHANGED = Label("状态变更日期", "Status changed on")
VERIFIED = Label("核验日期", "Verified on")
DAYS = Label("整改期限天数", "Days to rectify")
RULES = RuleTable(
    required=(
        ("matter", N_("请填写整改事类。")),
        ("found_on", N_("请填写发现问题的日期。")),
        ("deadline", N_("请填写整改时限，或整改期限天数。")),
    ),
    dates=frozenset({"found_on", "deadline"}),
    past=(("found_on", FOUND), ("status_changed_on", CHANGED), ("verified_on", VERIFIED)),
    order=(
        ("found_on", FOUND, "deadline", DEADLINE),
        ("found_on", FOUND, "original_deadline", ORIGINAL),
        # A deadline only moves later (an extension); the original stays on the item.
        ("original_deadline", ORIGINAL, "deadline", DEADLINE),
        ("found_on", FOUND, "status_changed_on", CHANGED),
        ("found_on", FOUND, "verified_on", VERIFIED),
    ),
    counts=(("rectify_days", DAYS),),
)


def check(values: Mapping[str, Any], *, today: date) -> Problems:
    errors = RULES.check(values, today=today)
    status = values.get("status") or "pending"
    if status not in STATUSES:
        add(errors, "status", N_("未知的整改状态“{status}”。", status=status))
    if status == "closed":
        if as_date(values.get("verified_on")) is None:
            add(errors, "verified_on", N_("已销号的事项须有核验日期。"))
        if not text(values, "verified_by"):
            add(errors, "verified_by", N_("销号须写明核验人。"))
    return errors
