"""Where a campaign stands, in numbers: the dashboard's charts and the summary
report's tables.

Every number is counted with the same filter object the matching list uses
(CheckFilter, LedgerFilter, …), grouped by county in one query. The dashboard
opens the list with that very filter, so the number and the list agree by
construction — and a test holds them to it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, case, false, func, select

from app.models import (
    Enterprise,
    EnterpriseRisk,
    HealthCheck,
    LayoffFiling,
    MajorRiskEvent,
    NegotiationOffer,
    RectificationItem,
)
from app.models.db import Database
from app.models.portable import unindexed, year_month
from app.services.campaign import campaigns, guidance
from app.services.campaign.campaigns import CampaignInput
from app.services.checks import check_list
from app.services.core import office, reference
from app.services.core.record_lists import its_enterprise, sum_by_county
from app.services.layoffs import layoff_list
from app.services.ledger import ledger
from app.services.ledger.rectification_status import OPEN_STATUSES
from app.services.negotiation import offer_list, offer_spec
from app.services.risk import risk_events

if TYPE_CHECKING:
    from app.services.register import enterprises

LEDGER_STATES = ("found", "open", "closed", "overdue")
RISK_LEVELS = ("high", "medium", "low")
# Offer stages in the order of the procedure (集体合同规定 第32–47条).
OFFER_STAGES = tuple(offer_spec.STAGES)


@dataclass(frozen=True)
class Period:
    start: date
    end: date


@dataclass
class CampaignStats:
    campaign_id: str
    campaign: CampaignInput
    today: date
    counties: list[str]
    checks: dict[str, int] = field(default_factory=dict)
    # Enterprises checked (an enterprise checked twice counts once): what a plan of
    # "N 家" is compared with.
    checked: dict[str, int] = field(default_factory=dict)
    targets: dict[str, int] = field(default_factory=dict)
    checks_by_month: dict[str, dict[str, int]] = field(default_factory=dict)
    risk: dict[str, dict[str, int]] = field(default_factory=dict)
    ledger: dict[str, dict[str, int]] = field(default_factory=dict)
    closure_by_month: list[tuple[str, int, int]] = field(default_factory=list)
    offers_by_stage: dict[str, int] = field(default_factory=dict)
    offers: dict[str, dict[str, int]] = field(default_factory=dict)
    layoffs: dict[str, dict[str, int]] = field(default_factory=dict)
    events: dict[str, dict[str, int]] = field(default_factory=dict)
    guidance_by_kind: dict[str, dict[str, int]] = field(default_factory=dict)
    guidance: dict[str, dict[str, int]] = field(default_factory=dict)
    cases: list[dict[str, Any]] = field(default_factory=list)

    @property
    def period(self) -> Period:
        return Period(self.campaign.starts_on, self.campaign.ends_on)

    def total(self, table: dict[str, dict[str, int]], key: str) -> int:
        return sum(row.get(key, 0) for row in table.values())

    @property
    def checked_in_plan(self) -> int:
        """Enterprises checked in the counties the campaign sets a number for: the
        completion of the plan (checks elsewhere are no part of it)."""
        return sum(self.checked.get(c, 0) for c in self.targets)


# -- the filters each number is counted with (the dashboard opens the list with them) ---------
def check_filter(period: Period, county: str = "") -> check_list.CheckFilter:
    """Final checks only: a draft (草稿) is no check done (README, 工作总结)."""
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


# -- counting -------------------------------------------------------------------------------------
def office_counties(db: Database) -> list[str]:
    """The divisions this office reports on: its own county, or every county at the city."""
    here = office.current(db)
    if here is None:
        return [d.code for d in reference.divisions()]
    return here.division_codes


def collect(db: Database, campaign_id: str, *, today: date | None = None) -> CampaignStats:
    today = today or date.today()
    data = campaigns.get(db, campaign_id)
    counties = office_counties(db)
    stats = CampaignStats(campaign_id, data, today, counties, targets=dict(data.targets))
    period = stats.period

    def by_county(model: Any, conds: list[Any], *values: Any) -> dict[str, tuple[int, ...]]:
        found = sum_by_county(db, model, conds, *values)
        return {c: found.get(c, (0,) * (1 + len(values))) for c in counties}

    check_conds = check_list._conditions(check_filter(period))
    stats.checks = {c: v[0] for c, v in by_county(HealthCheck, check_conds).items()}
    stats.checked = _enterprises_by_county(db, check_conds, counties)
    stats.checks_by_month = _checks_by_month(db, period)

    # One pass over the items found in the period; the three states are the same
    # conditions LedgerFilter(status="open" / "closed", overdue=True) adds.
    r = RectificationItem
    is_open = r.status.in_(OPEN_STATUSES)
    items = by_county(
        r,
        ledger._conditions(ledger_filter(period, "found", today=today)),
        case((is_open, 1), else_=0),
        case((r.status == "closed", 1), else_=0),
        case((and_(is_open, r.deadline < today), 1), else_=0),
    )
    stats.ledger = {
        c: {"found": v[0], "open": v[1], "closed": v[2], "overdue": v[3]} for c, v in items.items()
    }
    stats.closure_by_month = _closure_by_month(db, period)

    stats.risk = _risk_by_county(db, counties)

    stats.offers_by_stage = offer_list.count_by_stage(
        db, offer_filter(period, today=today), OFFER_STAGES
    )
    # Each figure by its own date: offers by the offer's date, contracts by the day
    # they were signed, filings by the day they were filed (README, 工作总结).
    made, signed, filed = (
        by_county(
            NegotiationOffer, offer_list._conditions(offer_filter(period, basis=b, today=today))
        )
        for b in ("offer", "signed", "filed")
    )
    stats.offers = {
        c: {"offers": made[c][0], "signed": signed[c][0], "filed": filed[c][0]} for c in counties
    }

    filings = by_county(
        LayoffFiling,
        layoff_list._conditions(filing_filter(period)),
        LayoffFiling.laid_off,
        LayoffFiling.reemployed,
    )
    stats.layoffs = {
        c: {"filings": v[0], "people": v[1], "reemployed": v[2]} for c, v in filings.items()
    }

    open_events = by_county(
        MajorRiskEvent, risk_events._conditions(event_filter()), MajorRiskEvent.people
    )
    found_events = by_county(
        MajorRiskEvent, risk_events._conditions(event_filter(status="", period=period))
    )
    closed_events = by_county(
        MajorRiskEvent, risk_events._conditions(event_filter(status="closed", period=period))
    )
    stats.events = {
        c: {
            "open": open_events[c][0],
            "open_people": open_events[c][1],
            "found": found_events[c][0],
            "closed": closed_events[c][0],
        }
        for c in counties
    }
    _guidance(db, stats)
    stats.cases = guidance.cases(db, guidance.CaseFilter(campaign_id=campaign_id, in_report=True))
    return stats


def _risk_by_county(db: Database, counties: list[str]) -> dict[str, dict[str, int]]:
    """High and medium through the (small, indexed) set of graded enterprises;
    low is every other live enterprise — exactly what EnterpriseFilter(risk_level=…)
    selects, since each enterprise has at most one current level."""
    out = {c: {level: 0 for level in RISK_LEVELS} for c in counties}
    graded = (
        select(Enterprise.county_code, EnterpriseRisk.level, func.count())
        .select_from(EnterpriseRisk)
        .join(Enterprise, Enterprise.id == EnterpriseRisk.enterprise_id)
        # "+deleted" keeps SQLite from driving this from the 100,000-row register:
        # it starts from the few graded enterprises on the level index instead.
        .where(
            unindexed(Enterprise.deleted) == false(),
            EnterpriseRisk.level.in_(("high", "medium")),
        )
        .group_by(Enterprise.county_code, EnterpriseRisk.level)
    )
    live = (
        select(Enterprise.county_code, func.count())
        .where(Enterprise.deleted == false())
        .group_by(Enterprise.county_code)
    )
    with db.reader() as conn:
        for county, level, n in conn.execute(graded):
            if county in out:
                out[county][level] = int(n)
        for county, n in conn.execute(live):
            if county in out:
                out[county]["low"] = int(n) - out[county]["high"] - out[county]["medium"]
    return out


def months_of(period: Period) -> list[str]:
    out = []
    year, month = period.start.year, period.start.month
    while (year, month) <= (period.end.year, period.end.month):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _checks_by_month(db: Database, period: Period) -> dict[str, dict[str, int]]:
    """Enterprises (家, as the report counts: README 工作总结) checked per month and county."""
    conds = check_list._conditions(check_filter(period))
    in_month, checked = year_month(HealthCheck.check_date), func.distinct(HealthCheck.enterprise_id)
    stmt = (
        select(in_month, Enterprise.county_code, func.count(checked))
        .select_from(HealthCheck)
        .join(Enterprise, its_enterprise(HealthCheck))
        .where(and_(*conds))
        .group_by(in_month, Enterprise.county_code)
    )
    out: dict[str, dict[str, int]] = {m: {} for m in months_of(period)}
    with db.reader() as conn:
        for month, county, n in conn.execute(stmt):
            out.setdefault(month, {})[county] = int(n)
    return out


def _closure_by_month(db: Database, period: Period) -> list[tuple[str, int, int]]:
    """Per month of the period: items found that month, and items (found in the
    period) closed that month — the chart adds them up."""
    conds = ledger._conditions(ledger_filter(period, "found"))
    r = RectificationItem
    base = select(r).join(Enterprise, its_enterprise(r)).where(and_(*conds)).subquery()
    found_stmt = select(year_month(base.c.found_on), func.count()).group_by(
        year_month(base.c.found_on)
    )
    closed_stmt = (
        select(year_month(base.c.verified_on), func.count())
        .where(base.c.status == "closed", base.c.verified_on.is_not(None))
        .group_by(year_month(base.c.verified_on))
    )
    with db.reader() as conn:
        found = dict(conn.execute(found_stmt).all())
        closed = dict(conn.execute(closed_stmt).all())
    months = months_of(
        Period(
            period.start,
            max(
                period.end,
                max((date.fromisoformat(m + "-01") for m in closed if m), default=period.end),
            ),
        )
    )
    return [(m, int(found.get(m, 0)), int(closed.get(m, 0))) for m in months]


def _guidance(db: Database, stats: CampaignStats) -> None:
    flt = guidance.ActivityFilter(campaign_id=stats.campaign_id)
    rows = guidance.activities(db, flt, limit=1_000_000)
    reached_keys = ("activities", "enterprises", "new_enterprises", "people")
    for code in stats.counties:
        stats.guidance[code] = dict.fromkeys(reached_keys, 0)
    for kind in guidance.ACTIVITY_KINDS:
        stats.guidance_by_kind[kind] = dict.fromkeys(reached_keys, 0)
    ids = [json.loads(row["enterprise_ids_json"] or "[]") for row in rows]
    registered = _registration_dates(db, {i for some in ids for i in some})
    for row, reached in zip(rows, ids, strict=True):
        # The enterprises an activity reached, as guidance.reached_enterprises finds
        # them (each once; deleted ones too), read for every activity in one query.
        new = sum(
            1
            for e in set(reached)
            if e in registered and guidance.is_newly_registered(registered[e], row["held_on"])
        )
        for bucket in (
            stats.guidance.get(row["county_code"]),
            stats.guidance_by_kind.get(row["kind"]),
        ):
            if bucket is None:
                continue
            bucket["activities"] += 1
            bucket["enterprises"] += row["enterprises"]
            bucket["new_enterprises"] += new
            bucket["people"] += row["people_reached"]


def _registration_dates(db: Database, ids: set[str]) -> dict[str, date | None]:
    wanted = sorted(ids)
    out: dict[str, date | None] = {}
    with db.reader() as conn:
        for start in range(0, len(wanted), 500):
            out.update(
                conn.execute(
                    select(Enterprise.id, Enterprise.registration_date).where(
                        Enterprise.id.in_(wanted[start : start + 500])
                    )
                ).all()
            )
    return out


def guidance_filter(campaign_id: str, kind: str = "", county: str = "") -> guidance.ActivityFilter:
    return guidance.ActivityFilter(campaign_id=campaign_id, kind=kind, county_code=county)


def _enterprises_by_county(db: Database, conds: list[Any], counties: list[str]) -> dict[str, int]:
    """Per county, the enterprises with a check meeting `conds` (each once)."""
    stmt = (
        select(Enterprise.county_code, func.count(func.distinct(HealthCheck.enterprise_id)))
        .select_from(HealthCheck)
        .join(Enterprise, its_enterprise(HealthCheck))
        .where(and_(*conds))
        .group_by(Enterprise.county_code)
    )
    with db.reader() as conn:
        found = {row[0]: int(row[1]) for row in conn.execute(stmt)}
    return {c: found.get(c, 0) for c in counties}
