"""The enterprise register's entry rules (every door: dialog, CLI, spreadsheet, bundle)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from app.services.core.fields import problems
from app.services.core.messages import Label
from app.services.core.validation import Problems, add, not_future, not_negative
from app.services.register.enterprise_fields import ENTERPRISE_FIELDS

REGISTRATION = Label("成立日期", "Registration date")
EMPLOYEES = Label("职工人数", "Employees")


def record_rules(values: Mapping[str, Any], *, today: date) -> Problems:
    """The rules beyond each field's own (which the FieldSpecs hold): an enterprise
    cannot have been registered after today."""
    errors: Problems = {}
    not_future(errors, values, "registration_date", REGISTRATION, today)
    not_negative(errors, values, "employee_count", EMPLOYEES)
    return errors


def check(values: Mapping[str, Any], *, today: date) -> Problems:
    errors: Problems = dict(problems(ENTERPRISE_FIELDS, dict(values)))  # type: ignore[arg-type]
    for name, message in record_rules(values, today=today).items():
        add(errors, name, message)
    return errors
