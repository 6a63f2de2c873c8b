"""Every statement the campaign's figures and the summary report read, described once
in SQLAlchemy and named (report_figures and report_text add their rows up).

Each count is built from the filter object of the list it matches (campaign_stats'
check_filter, ledger_filter, …, through each list's own `_conditions`), so a number
and its list agree by construction. The filters are given stand-in values for what
a run supplies (the campaign's period, today, the campaign, the counties) and each
stand-in becomes a named parameter (`:start`, `:end`, `:today`, …): the statement is
then the same for every run, so it can be compiled ahead. tools/report_sql.py
writes the SQLite text of each into report_sql, which `hexie report` on a SQLite file
runs through sqlite3 without importing SQLAlchemy (issue 17; docs/architecture.md);
tests/services/campaign/test_report_sql.py fails when that text differs from what
these descriptions compile to. PostgreSQL (and the window) run them as they are
(AlchemyReader).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import ClauseElement, and_, bindparam, case, false, func, or_, select
from sqlalchemy.sql.elements import BindParameter
from sqlalchemy.sql.visitors import replacement_traverse

from app.models import (
    Campaign,
    CampaignReport,
    Enterprise,
    EnterpriseRisk,
    GuidanceActivity,
    HealthCheck,
    LayoffFiling,
    MajorRiskEvent,
    NegotiationOffer,
    RectificationItem,
    Setting,
    TypicalCase,
)
from app.models.db import Database
from app.models.portable import unindexed, year_month
from app.services.campaign import campaign_filters, guidance_lists
from app.services.campaign.report_figures import CAMPAIGN_COLUMNS, OFFER_STAGES, Period
from app.services.campaign.report_text import WAGE_ITEM_PREFIXES
from app.services.checks import check_list
from app.services.core.record_lists import (
    by_county_statement,
    count_statement,
    its_enterprise,
    sums_statement,
)
from app.services.layoffs import layoff_list
from app.services.ledger import ledger
from app.services.ledger.rectification_status import OPEN_STATUSES
from app.services.negotiation import offer_list
from app.services.risk import risk_events

# Stand-ins for what a run supplies, each replaced by the named parameter (dates no
# campaign has: a stand-in left in a statement would match nothing, and the
# generator refuses any date left as a constant).
START, END, TODAY = date(1901, 2, 3), date(1901, 4, 5), date(1901, 6, 7)
CAMPAIGN_ID, OFFICE_CODE, KEY = "\x00campaign", "\x00office", "\x00key"
COUNTIES, IDS = ["\x00counties"], ["\x00ids"]
PARAMETERS: dict[Any, str] = {
    START: "start",
    END: "end",
    TODAY: "today",
    CAMPAIGN_ID: "campaign_id",
    OFFICE_CODE: "office_code",
    KEY: "key",
}
LISTS = {COUNTIES[0]: "counties", IDS[0]: "ids"}
PERIOD = Period(START, END)


def _checks() -> list[Any]:
    return check_list._conditions(campaign_filters.check_filter(PERIOD))


def _found() -> list[Any]:
    return ledger._conditions(campaign_filters.ledger_filter(PERIOD, "found", today=TODAY))


def _offers(basis: str) -> Any:
    flt = campaign_filters.offer_filter(PERIOD, today=TODAY, basis=basis)
    return by_county_statement(NegotiationOffer, offer_list._conditions(flt))


def _events(**how: Any) -> list[Any]:
    return risk_events._conditions(campaign_filters.event_filter(**how))


def _checks_by(*columns: Any) -> Any:
    """Per county (and month): enterprises checked, each once."""
    return (
        select(*columns, func.count(func.distinct(HealthCheck.enterprise_id)))
        .select_from(HealthCheck)
        .join(Enterprise, its_enterprise(HealthCheck))
        .where(and_(*_checks()))
        .group_by(*columns)
    )


def _ledger() -> Any:
    # One pass over the items found in the period; the three states are the same
    # conditions LedgerFilter(status="open" / "closed", overdue=True) adds.
    r = RectificationItem
    is_open = r.status.in_(OPEN_STATUSES)
    return by_county_statement(
        r,
        _found(),
        case((is_open, 1), else_=0),
        case((r.status == "closed", 1), else_=0),
        case((and_(is_open, r.deadline < TODAY), 1), else_=0),
    )


def _closure(month_of: str) -> Any:
    r = RectificationItem
    base = select(r).join(Enterprise, its_enterprise(r)).where(and_(*_found())).subquery()
    month = year_month(base.c[month_of])
    stmt = select(month, func.count()).group_by(month)
    if month_of == "verified_on":
        stmt = stmt.where(base.c.status == "closed", base.c.verified_on.is_not(None))
    return stmt


def _risk_graded() -> Any:
    return (
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


def _offers_by_stage() -> Any:
    """offer_list.count_by_stage's sums: each stage's count with the list's filter."""
    flt = campaign_filters.offer_filter(PERIOD, today=TODAY)
    conds = offer_list._conditions(flt)
    stages = (offer_list.in_stage(s, TODAY) for s in OFFER_STAGES)
    return sums_statement(NegotiationOffer, conds, *stages)


def _activities() -> Any:
    a = GuidanceActivity
    flt = guidance_lists.ActivityFilter(campaign_id=CAMPAIGN_ID)
    columns = (a.county_code, a.kind, a.held_on, a.enterprise_ids_json)
    return select(*columns, a.other_enterprises, a.people_reached).where(
        *guidance_lists._activity_conditions(flt)
    )


def _cases() -> Any:
    """guidance.cases' rows in its order (kind, title, id), its first page of 200."""
    c = TypicalCase
    flt = guidance_lists.CaseFilter(campaign_id=CAMPAIGN_ID, in_report=True)
    return (
        select(c.kind, c.title, Enterprise.name.label("enterprise"), c.person, c.body)
        .outerjoin(Enterprise, Enterprise.id == c.enterprise_id)
        .where(*guidance_lists._case_conditions(flt))
        .order_by(c.kind.asc().nulls_first(), c.title.asc().nulls_first(), c.id.asc())
        .limit(200)
    )


def _in_counties(stmt: Any) -> Any:
    return stmt.where(Enterprise.county_code.in_(COUNTIES))


def _wages() -> Any:
    h = HealthCheck
    return _in_counties(
        select(
            func.coalesce(func.sum(h.wages_owed_yuan), 0),
            func.coalesce(func.sum(h.wages_owed_people), 0),
            func.count(h.wages_owed_yuan),
        )
        .select_from(h)
        .join(Enterprise, its_enterprise(h))
        .where(and_(*_checks()))
        .where(h.wages_owed_yuan > 0)
    )


def _wage_items(*more: Any) -> Any:
    r = RectificationItem
    wage_item = or_(*(r.item_code.like(f"{p}%") for p in WAGE_ITEM_PREFIXES))
    return (
        select(func.count())
        .select_from(r)
        .join(Enterprise, its_enterprise(r))
        .where(and_(*_found()), Enterprise.county_code.in_(COUNTIES), wage_item, *more)
    )


def _top_findings() -> Any:
    r = RectificationItem
    return (
        select(r.matter, func.count())
        .select_from(r)
        .join(Enterprise, its_enterprise(r))
        .where(and_(*_found()), Enterprise.county_code.in_(COUNTIES))
        .group_by(r.matter)
        .order_by(func.count().desc(), r.matter)
        .limit(3)
    )


def _wage_claims(status: str) -> Any:
    conds = _events(status=status, period=PERIOD)
    return _in_counties(
        select(func.count())
        .select_from(MajorRiskEvent)
        .join(Enterprise, its_enterprise(MajorRiskEvent))
        .where(and_(*conds), MajorRiskEvent.kind == "wage_claim")
    )


def _offer_count(flt: offer_list.OfferFilter) -> Any:
    return count_statement(NegotiationOffer, offer_list._conditions(flt))


DESCRIPTIONS: dict[str, Callable[[], Any]] = {
    "setting": lambda: select(Setting.value).where(Setting.key == KEY),
    "campaigns": lambda: (
        select(
            Campaign.id,
            Campaign.name,
            Campaign.starts_on,
            Campaign.ends_on,
            Campaign.report_due,
            Campaign.doc_number,
            Campaign.origin_office,
        )
        .where(Campaign.deleted == false())
        .order_by((Campaign.origin_office == OFFICE_CODE).desc(), Campaign.starts_on.desc())
    ),
    "campaign": lambda: select(*(getattr(Campaign, c) for c in CAMPAIGN_COLUMNS)).where(
        Campaign.id == CAMPAIGN_ID, Campaign.deleted == false()
    ),
    "own_report": lambda: select(
        CampaignReport.title,
        CampaignReport.doc_number,
        CampaignReport.addressee,
        CampaignReport.issued_on,
        CampaignReport.signer,
        CampaignReport.narratives_json,
    ).where(
        CampaignReport.campaign_id == CAMPAIGN_ID,
        CampaignReport.office_code == OFFICE_CODE,
        CampaignReport.deleted == false(),
    ),
    "checks": lambda: by_county_statement(HealthCheck, _checks()),
    "checked": lambda: _checks_by(Enterprise.county_code),
    "checks_by_month": lambda: _checks_by(
        year_month(HealthCheck.check_date), Enterprise.county_code
    ),
    "ledger": _ledger,
    "found_by_month": lambda: _closure("found_on"),
    "closed_by_month": lambda: _closure("verified_on"),
    "risk_graded": _risk_graded,
    "risk_live": lambda: (
        select(Enterprise.county_code, func.count())
        .where(Enterprise.deleted == false())
        .group_by(Enterprise.county_code)
    ),
    "offers_by_stage": _offers_by_stage,
    "offers_made": lambda: _offers("offer"),
    "offers_signed": lambda: _offers("signed"),
    "offers_filed": lambda: _offers("filed"),
    "filings": lambda: by_county_statement(
        LayoffFiling,
        layoff_list._conditions(campaign_filters.filing_filter(PERIOD)),
        LayoffFiling.laid_off,
        LayoffFiling.reemployed,
    ),
    "events_open": lambda: by_county_statement(MajorRiskEvent, _events(), MajorRiskEvent.people),
    "events_found": lambda: by_county_statement(MajorRiskEvent, _events(status="", period=PERIOD)),
    "events_closed": lambda: by_county_statement(
        MajorRiskEvent, _events(status="closed", period=PERIOD)
    ),
    "activities": _activities,
    "registration_dates": lambda: select(Enterprise.id, Enterprise.registration_date).where(
        Enterprise.id.in_(IDS)
    ),
    "cases": _cases,
    "wages": _wages,
    "wage_items": _wage_items,
    "wage_items_closed": lambda: _wage_items(RectificationItem.status == "closed"),
    "top_findings": _top_findings,
    "wage_claims_found": lambda: _wage_claims(""),
    "wage_claims_closed": lambda: _wage_claims("closed"),
    "offers_refused": lambda: _offer_count(
        campaign_filters.offer_filter(PERIOD, "refused", today=TODAY)
    ),
    "replies_overdue": lambda: _offer_count(
        offer_list.OfferFilter(overdue=True, date_from=START, date_to=END, today=TODAY)
    ),
}


def _named(element: ClauseElement) -> ClauseElement | None:
    """A stand-in's bound value as its named parameter (None: keep the element)."""
    if not isinstance(element, BindParameter):
        return None
    value = element.value
    if element.expanding and isinstance(value, list | tuple) and len(value) == 1:
        name = LISTS.get(value[0]) if isinstance(value[0], str) else None
        if name:
            return bindparam(name, expanding=True, type_=element.type)
        return None
    try:
        name = PARAMETERS.get(value)
    except TypeError:  # an unhashable value: not a stand-in
        return None
    return bindparam(name, type_=element.type) if name else None


@cache
def statement(name: str) -> Any:
    """The named statement, its stand-ins as named parameters."""
    return replacement_traverse(DESCRIPTIONS[name](), {}, _named)


class AlchemyReader:
    """report_figures.Reader on a Database: the statements as SQLAlchemy runs them
    (PostgreSQL, the window, and the tests the compiled text is held to)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def rows(self, name: str, **params: Any) -> list[tuple[Any, ...]]:
        stmt = statement(name)
        wanted = _parameter_names(name)
        with self.db.reader() as conn:
            found = conn.execute(stmt, {k: v for k, v in params.items() if k in wanted})
            return [tuple(r) for r in found]

    def get_setting(self, key: str, default: str = "") -> str:
        return self.db.get_setting(key, default)


@cache
def _parameter_names(name: str) -> frozenset[str]:
    from sqlalchemy.sql.visitors import iterate

    return frozenset(
        e.key
        for e in iterate(statement(name))
        if isinstance(e, BindParameter) and e.key in (*PARAMETERS.values(), *LISTS.values())
    )
