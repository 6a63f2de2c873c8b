"""The enterprise register's entry rules (every door: dialog, CLI, spreadsheet, bundle)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from app.services.core.messages import Label
from app.services.core.validation import Problems, not_future, not_negative

REGISTRATION = Label("成立日期", "Registration date")
EMPLOYEES = Label("职工人数", "Employees")


def record_rules(values: Mapping[str, Any], *, today: date) -> Problems:
    """The rules beyond each field's own (which the FieldSpecs hold): an enterprise
    cannot have been registered after today."""
    errors: Problems = {}
    not_future(errors, values, "registration_date", REGISTRATION, today)
    not_negative(errors, values, "employee_count", EMPLOYEES)
    return errors
