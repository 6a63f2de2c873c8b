"""Every record type a person enters, registered once: its record spec
(app/services/core/record_spec.py), found here by its table. The entry rules
of every door (app/services/record_rules.py), the audit of a whole
database and the sync bundle's files and messages read this table; a new
record type is one line here and a spec beside its services."""

from __future__ import annotations

from app.services.campaign.campaign_spec import CAMPAIGN
from app.services.campaign.guidance_spec import GUIDANCE_ACTIVITY, TYPICAL_CASE
from app.services.checks.check_spec import HEALTH_CHECK
from app.services.core.record_spec import RecordSpec
from app.services.layoffs.layoff_spec import LAYOFF_FILING
from app.services.ledger.ledger_spec import RECTIFICATION_ITEM
from app.services.negotiation.offer_spec import NEGOTIATION_OFFER
from app.services.register.enterprise_fields import ENTERPRISE
from app.services.risk.event_spec import MAJOR_RISK_EVENT

SPECS: dict[str, RecordSpec] = {
    spec.table: spec
    for spec in (
        ENTERPRISE,
        HEALTH_CHECK,
        RECTIFICATION_ITEM,
        NEGOTIATION_OFFER,
        LAYOFF_FILING,
        MAJOR_RISK_EVENT,
        GUIDANCE_ACTIVITY,
        TYPICAL_CASE,
        CAMPAIGN,
    )
}


def spec_for(table: str) -> RecordSpec | None:
    return SPECS.get(table)


def tables_with_files() -> tuple[str, ...]:
    """The record types that keep a files_json list (the bundle carries their files)."""
    return tuple(table for table, spec in SPECS.items() if spec.files)
