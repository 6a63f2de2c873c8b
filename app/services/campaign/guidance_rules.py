"""Entry rules of guidance activities and typical cases (beyond each field's own)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from app.services.core.messages import Label
from app.services.core.validation import Problems, not_future, not_negative

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


def is_newly_registered(registered: date | None, on: date, months: int = 12) -> bool:
    """新办企业: registered within `months` months before `on` (the office's setting)."""
    return registered is not None and on - timedelta(days=round(months * 30.44)) <= registered <= on
