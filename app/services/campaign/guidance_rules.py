"""Entry rules of guidance activities and typical cases (beyond each field's own)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from app.services.core.fields import problems
from app.services.core.messages import Label
from app.services.core.validation import Problems, add, not_future, not_negative

HELD = Label("活动日期", "Date held")
COUNTS = {
    "other_enterprises": Label("名录外企业数", "Enterprises not in the register"),
    "people_reached": Label("覆盖人数", "People reached"),
    "copies_handed_out": Label("发放份数", "Copies handed out"),
}


def activity_rules(values: Mapping[str, Any], *, today: date) -> Problems:
    """An activity is recorded once it has been held: the summary report counts it
    as done, so its date cannot lie ahead."""
    errors: Problems = {}
    not_future(errors, values, "held_on", HELD, today)
    for name, label in COUNTS.items():
        not_negative(errors, values, name, label)
    return errors


def check_activity(values: Mapping[str, Any], *, today: date) -> Problems:
    from app.services.campaign.guidance import ACTIVITY_FIELDS

    errors: Problems = dict(problems(ACTIVITY_FIELDS, dict(values)))  # type: ignore[arg-type]
    for name, message in activity_rules(values, today=today).items():
        add(errors, name, message)
    return errors


def check_case(values: Mapping[str, Any], *, today: date) -> Problems:
    from app.services.campaign.guidance import CASE_FIELDS

    return dict(problems(CASE_FIELDS, dict(values)))  # type: ignore[arg-type]
