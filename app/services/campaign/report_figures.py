"""The campaign's figures from named queries: what the dashboard charts and the
summary report's text and tables count (campaign_stats.collect on a Database,
report_file on a SQLite file alone).

The queries themselves are described once, in SQLAlchemy, in report_queries — each
count with the filter object its list uses, so a number and its list agree by
construction. This module only names them and adds their rows up; it imports
neither SQLAlchemy nor the models, so `hexie report` on a SQLite file can run
the queries' SQL compiled ahead (report_sql, docs/architecture.md) through
sqlite3 (issue 17: importing SQLAlchemy alone is more than the raw report's run).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from app.services.campaign import campaign_data, guidance_rules
from app.services.campaign.campaign_data import CampaignInput
from app.services.campaign.guidance_spec import ACTIVITY_KINDS
from app.services.core import office, reference
from app.services.negotiation.offer_stages import STAGES

LEDGER_STATES = ("found", "open", "closed", "overdue")
RISK_LEVELS = ("high", "medium", "low")
# Offer stages in the order of the procedure (集体合同规定 第32–47条).
OFFER_STAGES = tuple(STAGES)
# The columns the "campaign" query reads, in order (campaign_data.input_of's names).
CAMPAIGN_COLUMNS = (
    "name",
    "issuer",
    "doc_number",
    "issued_on",
    "starts_on",
    "ends_on",
    "report_due",
    "phases_json",
    "plan_json",
    "targets_json",
)


class Reader(Protocol):
    """Runs one of report_queries' statements by name with its parameters (dates as
    dates, lists for an IN) and returns its rows as tuples of Python values."""

    def rows(self, name: str, **params: Any) -> list[tuple[Any, ...]]: ...


class Settings:
    """The file's settings through a Reader, as Database.get_setting reads them."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader

    def get_setting(self, key: str, default: str = "") -> str:
        found = self.reader.rows("setting", key=key)
        return found[0][0] if found else default


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


def months_of(period: Period) -> list[str]:
    out = []
    year, month = period.start.year, period.start.month
    while (year, month) <= (period.end.year, period.end.month):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def campaign(reader: Reader, campaign_id: str) -> CampaignInput:
    found = reader.rows("campaign", campaign_id=campaign_id)
    if not found:
        raise ValueError(campaign_data.NOT_FOUND)
    return campaign_data.input_of(dict(zip(CAMPAIGN_COLUMNS, found[0], strict=True)))


def office_counties(settings: Any) -> list[str]:
    """The divisions this office reports on: its own county, or every county at the city."""
    here = office.current(settings)
    if here is None:
        return [d.code for d in reference.divisions()]
    return here.division_codes


def collect(reader: Reader, campaign_id: str, *, today: date | None = None) -> CampaignStats:
    today = today or date.today()
    data = campaign(reader, campaign_id)
    counties = office_counties(Settings(reader))
    stats = CampaignStats(campaign_id, data, today, counties, targets=dict(data.targets))
    span = {"start": data.starts_on, "end": data.ends_on}
    dated = {**span, "today": today}

    def by_county(name: str, params: dict[str, Any], width: int = 1) -> dict[str, tuple[int, ...]]:
        found = {row[0]: tuple(int(x) for x in row[1:]) for row in reader.rows(name, **params)}
        return {c: found.get(c, (0,) * width) for c in counties}

    stats.checks = {c: v[0] for c, v in by_county("checks", span).items()}
    stats.checked = {c: v[0] for c, v in by_county("checked", span).items()}
    stats.checks_by_month = {m: {} for m in months_of(stats.period)}
    for month, county, n in reader.rows("checks_by_month", **span):
        stats.checks_by_month.setdefault(month, {})[county] = int(n)
    items = by_county("ledger", dated, 4)
    stats.ledger = {c: dict(zip(LEDGER_STATES, v, strict=True)) for c, v in items.items()}
    stats.closure_by_month = _closure_by_month(reader, stats.period, dated)
    stats.risk = _risk_by_county(reader, counties)
    sums = reader.rows("offers_by_stage", **dated)[0]
    stats.offers_by_stage = dict(zip(OFFER_STAGES, (int(x) for x in sums), strict=True))
    # Each figure by its own date: offers by the offer's date, contracts by the day
    # they were signed, filings by the day they were filed (README, 工作总结).
    made, signed, filed = (by_county(f"offers_{b}", dated) for b in ("made", "signed", "filed"))
    stats.offers = {
        c: {"offers": made[c][0], "signed": signed[c][0], "filed": filed[c][0]} for c in counties
    }
    filings = by_county("filings", span, 3)
    stats.layoffs = {
        c: {"filings": v[0], "people": v[1], "reemployed": v[2]} for c, v in filings.items()
    }
    open_events = by_county("events_open", {}, 2)
    found_events = by_county("events_found", span)
    closed_events = by_county("events_closed", span)
    stats.events = {
        c: {
            "open": open_events[c][0],
            "open_people": open_events[c][1],
            "found": found_events[c][0],
            "closed": closed_events[c][0],
        }
        for c in counties
    }
    _guidance(reader, stats)
    keys = ("kind", "title", "enterprise", "person", "body")
    stats.cases = [
        dict(zip(keys, row, strict=True)) for row in reader.rows("cases", campaign_id=campaign_id)
    ]
    return stats


def _risk_by_county(reader: Reader, counties: list[str]) -> dict[str, dict[str, int]]:
    """High and medium through the (small, indexed) set of graded enterprises;
    low is every other live enterprise — exactly what EnterpriseFilter(risk_level=…)
    selects, since each enterprise has at most one current level."""
    out = {c: {level: 0 for level in RISK_LEVELS} for c in counties}
    for county, level, n in reader.rows("risk_graded"):
        if county in out:
            out[county][level] = int(n)
    for county, n in reader.rows("risk_live"):
        if county in out:
            out[county]["low"] = int(n) - out[county]["high"] - out[county]["medium"]
    return out


def _closure_by_month(
    reader: Reader, period: Period, dated: dict[str, Any]
) -> list[tuple[str, int, int]]:
    """Per month of the period: items found that month, and items (found in the
    period) closed that month — the chart adds them up."""
    found = dict(reader.rows("found_by_month", **dated))
    closed = dict(reader.rows("closed_by_month", **dated))
    last = max((date.fromisoformat(m + "-01") for m in closed if m), default=period.end)
    months = months_of(Period(period.start, max(period.end, last)))
    return [(m, int(found.get(m, 0)), int(closed.get(m, 0))) for m in months]


def _guidance(reader: Reader, stats: CampaignStats) -> None:
    rows = reader.rows("activities", campaign_id=stats.campaign_id)
    reached_keys = ("activities", "enterprises", "new_enterprises", "people")
    for code in stats.counties:
        stats.guidance[code] = dict.fromkeys(reached_keys, 0)
    for kind in ACTIVITY_KINDS:
        stats.guidance_by_kind[kind] = dict.fromkeys(reached_keys, 0)
    ids = [json.loads(row[3] or "[]") for row in rows]
    registered = registration_dates(reader, {i for some in ids for i in some})
    for (county, kind, held_on, _ids, others, people), reached in zip(rows, ids, strict=True):
        # The enterprises an activity reached, as guidance.reached_enterprises finds
        # them (each once; deleted ones too), read for every activity in one query.
        new = sum(
            1
            for e in set(reached)
            if e in registered and guidance_rules.is_newly_registered(registered[e], held_on)
        )
        for bucket in (stats.guidance.get(county), stats.guidance_by_kind.get(kind)):
            if bucket is None:
                continue
            bucket["activities"] += 1
            bucket["enterprises"] += len(reached) + (others or 0)
            bucket["new_enterprises"] += new
            bucket["people"] += people


def registration_dates(reader: Reader, ids: set[str]) -> dict[str, date | None]:
    wanted = sorted(ids)
    out: dict[str, date | None] = {}
    for start in range(0, len(wanted), 500):
        out.update(reader.rows("registration_dates", ids=wanted[start : start + 500]))
    return out
