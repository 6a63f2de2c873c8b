"""Where a campaign stands, in numbers: the dashboard's charts and the summary
report's tables.

Every number is counted with the same filter object the matching list uses
(CheckFilter, LedgerFilter, …: campaign_filters), grouped by county in one query. The dashboard
opens the list with that very filter, so the number and the list agree by
construction — and a test holds them to it. The statements are built from these
filters in report_queries and added up in report_figures.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import false

from app.models import TypicalCase
from app.models.db import Database
from app.services.campaign import guidance, report_figures
from app.services.campaign.campaign_filters import (  # noqa: F401 (the dashboard's filters)
    check_filter,
    enterprise_filter,
    event_filter,
    filing_filter,
    ledger_filter,
    offer_filter,
)
from app.services.campaign.report_figures import (  # noqa: F401 (callers name them here)
    LEDGER_STATES,
    OFFER_STAGES,
    RISK_LEVELS,
    CampaignStats,
    Period,
    months_of,
)
from app.services.core.record_store import count_where


# -- counting -------------------------------------------------------------------------------------
def office_counties(db: Database) -> list[str]:
    """The divisions this office reports on: its own county, or every county at the city."""
    return report_figures.office_counties(db)


def collect(db: Database, campaign_id: str, *, today: date | None = None) -> CampaignStats:
    """The campaign's figures, each counted with its list's filter (report_queries)."""
    from app.services.campaign.report_queries import AlchemyReader

    return report_figures.collect(AlchemyReader(db), campaign_id, today=today)


def _guidance(db: Database, stats: CampaignStats) -> None:
    from app.services.campaign.report_queries import AlchemyReader

    report_figures._guidance(AlchemyReader(db), stats)


def guidance_filter(campaign_id: str, kind: str = "", county: str = "") -> guidance.ActivityFilter:
    return guidance.ActivityFilter(campaign_id=campaign_id, kind=kind, county_code=county)


def cases_of(db: Database, campaign_id: str) -> int:
    live = [TypicalCase.campaign_id == campaign_id, TypicalCase.deleted == false()]
    return count_where(db, TypicalCase, live)
