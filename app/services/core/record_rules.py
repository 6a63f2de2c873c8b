"""Entry rules per record type, shared by every door.

One pure function per record type takes the record as a mapping of its stored
column names (a dialog's input, a spreadsheet row, a JSON line of a sync bundle,
a database row) and today's date, and returns {field: Message}: what is wrong
with each field, in Chinese and English (app/services/core/messages.py). Nothing is
read from or written to the database here, so the services, the importers, the
bundle reader and the tests all call the same rules.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from app.services.core.validation import Problems

Validator = Callable[..., Problems]

# Table name → (module, function) of its rules, imported when first used (the
# modules read the field specs, which read these rules: no import cycle).
# A table not listed has no rules beyond its columns.
BY_TABLE: dict[str, tuple[str, str]] = {
    "enterprise": ("app.services.register.enterprise_rules", "check"),
    "health_check": ("app.services.checks.snapshot_rules", "check"),
    "rectification_item": ("app.services.ledger.rectification_rules", "check"),
    "negotiation_offer": ("app.services.negotiation.offer_rules", "check"),
    "layoff_filing": ("app.services.layoffs.filing_rules", "check"),
    "major_risk_event": ("app.services.risk.event_rules", "check"),
    "guidance_activity": ("app.services.campaign.guidance_rules", "check_activity"),
    "typical_case": ("app.services.campaign.guidance_rules", "check_case"),
    "campaign": ("app.services.campaign.campaign_rules", "check"),
}


def rules_for(table: str) -> Validator | None:
    where = BY_TABLE.get(table)
    if where is None:
        return None
    module = importlib.import_module(where[0])
    rules: Validator = getattr(module, where[1])
    return rules


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
