"""Entry rules per record type, shared by every door.

Each record type's spec (app/services/record_types.py) names its rules; its
check takes the record as a mapping of its stored column names (a dialog's
input, a spreadsheet row, a JSON line of a sync bundle, a database row) and
today's date, and returns {field: Message}: what is wrong
with each field, in Chinese and English (app/services/core/messages.py). Nothing is
read from or written to the database here, so the services, the importers, the
bundle reader and the tests all call the same rules.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from app.services import record_types
from app.services.core.validation import Problems

Validator = Callable[..., Problems]


def rules_for(table: str) -> Validator | None:
    """The entry rules of `table`'s record type: its record spec's check (each
    field's own rules, then the record type's), found in app/services/record_types.py;
    None for a table that has no rules beyond its columns."""
    spec = record_types.spec_for(table)
    return spec.check if spec is not None else None


def check_row(table: str, row: Mapping[str, Any], *, today: date | None = None) -> Problems:
    """{field: message} for one record of `table`; empty when it obeys every rule
    (and for deleted records: a tombstone carries no claims)."""
    rules = rules_for(table)
    if rules is None or row.get("deleted"):
        return {}
    return rules(row, today=today or date.today())


def row_problems(table: str, row: Mapping[str, Any], *, today: date | None = None) -> list[str]:
    """The same as text lines, for a sync bundle's per-record report."""
    return [str(m) for m in check_row(table, row, today=today).values()]
