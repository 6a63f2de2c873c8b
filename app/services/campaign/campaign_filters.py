"""The filter object each campaign figure is counted with — the very filter the
dashboard opens the matching list with, so the number and the list agree by
construction (campaign_stats; the statements: report_queries)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from app.services.campaign.report_figures import Period
from app.services.checks import check_list
from app.services.layoffs import layoff_list
from app.services.ledger import ledger
from app.services.negotiation import offer_list
from app.services.risk import risk_events

if TYPE_CHECKING:
    from app.services.register import enterprises


# -- the filters each number is counted with (the dashboard opens the list with them) ---------
def check_filter(period: Period, county: str = "") -> check_list.CheckFilter:
    """Checks done in the period: final ones only. A draft (草稿) is a visit not yet
    written up and signed; it has no rectification items either (README, 工作总结)."""
    return check_list.CheckFilter(
        county_code=county, date_from=period.start, date_to=period.end, status="final"
    )


def ledger_filter(
    period: Period, state: str, county: str = "", today: date | None = None
) -> ledger.LedgerFilter:
    """state: found (all found in the period), open, closed, overdue."""
    status = {"open": "open", "closed": "closed"}.get(state, "")
    return ledger.LedgerFilter(
        county_code=county,
        status=status,
        overdue=state == "overdue",
        found_from=period.start,
        found_to=period.end,
        today=today or date.today(),
    )


def offer_filter(
    period: Period,
    stage: str = "",
    county: str = "",
    today: date | None = None,
    basis: str = "offer",
) -> offer_list.OfferFilter:
    """basis "offer": offers made in the period (received, else sent, in it);
    "signed": collective contracts signed in the period, by their signing date,
    whenever the offer was made; "filed": contracts filed for review in the period."""
    return offer_list.OfferFilter(
        stage=stage,
        county_code=county,
        date_from=period.start,
        date_to=period.end,
        date_basis=basis,
        today=today or date.today(),
    )


def filing_filter(period: Period, county: str = "") -> layoff_list.FilingFilter:
    return layoff_list.FilingFilter(county_code=county, date_from=period.start, date_to=period.end)


def event_filter(
    county: str = "", status: str = "open", period: Period | None = None
) -> risk_events.EventFilter:
    return risk_events.EventFilter(
        status=status,
        county_code=county,
        found_from=period.start if period else None,
        found_to=period.end if period else None,
    )


def enterprise_filter(level: str, county: str = "") -> enterprises.EnterpriseFilter:
    from app.services.register import enterprises  # the register's search, not the report's

    return enterprises.EnterpriseFilter(county_code=county, risk_level=level)
