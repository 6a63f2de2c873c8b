"""A rectification item's entry rules: found on a day that has come, deadline
not before the finding, status dates between the finding and today, and a
closed item verified by someone on a real day."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from app.services.core.messages import N_, Label
from app.services.core.validation import (
    Problems,
    add,
    as_date,
    in_order,
    not_future,
    not_negative,
    text,
)
from app.services.ledger.rectification_status import STATUSES

FOUND = Label("发现问题日期", "Found on")
DEADLINE = Label("整改时限", "Deadline")
ORIGINAL = Label("原定整改时限", "Original deadline")
CHANGED = Label("状态变更日期", "Status changed on")
VERIFIED = Label("核验日期", "Verified on")
DAYS = Label("整改期限天数", "Days to rectify")


def check(values: Mapping[str, Any], *, today: date) -> Problems:
    errors: Problems = {}
    if not text(values, "matter"):
        add(errors, "matter", N_("请填写整改事类。"))
    if as_date(values.get("found_on")) is None:
        add(errors, "found_on", N_("请填写发现问题的日期。"))
    if as_date(values.get("deadline")) is None:
        add(errors, "deadline", N_("请填写整改时限，或整改期限天数。"))
    not_future(errors, values, "found_on", FOUND, today)
    in_order(errors, values, "found_on", FOUND, "deadline", DEADLINE)
    in_order(errors, values, "found_on", FOUND, "original_deadline", ORIGINAL)
    # A deadline only moves later (an extension); the original stays on the item.
    in_order(errors, values, "original_deadline", ORIGINAL, "deadline", DEADLINE)
    not_negative(errors, values, "rectify_days", DAYS)
    status = values.get("status") or "pending"
    if status not in STATUSES:
        add(errors, "status", N_("未知的整改状态“{status}”。", status=status))
    not_future(errors, values, "status_changed_on", CHANGED, today)
    in_order(errors, values, "found_on", FOUND, "status_changed_on", CHANGED)
    if status == "closed":
        if as_date(values.get("verified_on")) is None:
            add(errors, "verified_on", N_("已销号的事项须有核验日期。"))
        if not text(values, "verified_by"):
            add(errors, "verified_by", N_("销号须写明核验人。"))
    not_future(errors, values, "verified_on", VERIFIED, today)
    in_order(errors, values, "found_on", FOUND, "verified_on", VERIFIED)
    return errors
