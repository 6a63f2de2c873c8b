"""The figures risk rules are measured against: per enterprise, a metric of the
shared data (latest month, change over three months, change on a year ago) or a
count from the office's own records (wages owed at a check, open events, overdue
items, open layoffs)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Float, Select, String, and_, case, cast, false, func, literal, select

from app.models import (
    HealthCheck,
    LayoffFiling,
    MajorRiskEvent,
    RectificationItem,
    RiskFact,
)
from app.models.db import Database
from app.models.portable import year_month
from app.services.ledger.rectification_status import OPEN_STATUSES
from app.services.risk.risk_rules import RuleSet

INTERNAL = {
    "check_owed_people",
    "open_wage_claims",
    "open_risk_events",
    "overdue_rectifications",
    "open_layoffs",
}


def shift(period: str, months: int) -> str:
    year, month = int(period[:4]), int(period[5:7])
    index = year * 12 + month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


@dataclass(frozen=True)
class Figure:
    value: float
    period: str  # the data's month, "" when not monthly


def reference_period(db: Database) -> str:
    with db.reader() as conn:
        value = conn.execute(
            select(func.max(RiskFact.period)).where(RiskFact.deleted == false())
        ).scalar()
    return value or ""


def latest_periods(conn: Any) -> dict[str, str]:
    """Each metric's own latest month. A trend compares a figure's latest month with
    earlier months of the same figure: measured from the newest month of any data (a
    complaint or a court case dated after the last social-insurance month), every
    headcount "fell 100%" against a month with no data yet."""
    f = RiskFact
    rows = conn.execute(
        select(f.metric, func.max(f.period))
        .where(f.deleted == false(), f.period != "")
        .group_by(f.metric)
    )
    return {metric: period for metric, period in rows if period}


def _aggregate(
    metric: str, aggregate: str, ref: str, window: int, own: str = ""
) -> Select[Any] | None:
    """`ref`: the newest month of all data, where the data window ends (older figures
    are out of date); `own`: the metric's own latest month, where its trends start."""
    f = RiskFact
    base = and_(f.deleted == false(), f.metric == metric)
    start = shift(ref, -(window - 1)) if ref else ""
    in_window = base if not ref else and_(base, (f.period == "") | (f.period >= start))
    if aggregate == "sum":
        return (
            select(f.enterprise_id.label("eid"), _float(func.sum(f.value)), _text(literal(ref)))
            .where(in_window)
            .group_by(f.enterprise_id)
        )
    if aggregate == "latest":
        latest = (
            select(f.enterprise_id.label("eid"), func.max(f.period).label("p"))
            .where(in_window)
            .group_by(f.enterprise_id)
            .subquery()
        )
        return (
            select(f.enterprise_id.label("eid"), _float(func.sum(f.value)), _text(latest.c.p))
            .join(latest, and_(latest.c.eid == f.enterprise_id, latest.c.p == f.period))
            .where(base)
            .group_by(f.enterprise_id, latest.c.p)
        )
    ref = own or ref
    if not ref:
        return None
    if aggregate == "change_pct_3m":
        recent, earlier = [ref], [shift(ref, -3)]
    elif aggregate == "yoy_change_pct":
        recent = [ref, shift(ref, -1), shift(ref, -2)]
        earlier = [shift(p, -12) for p in recent]
    else:
        raise ValueError(aggregate)
    # The sums as floats and the change as (now - then) * 100 / then: the same IEEE
    # double arithmetic on SQLite and PostgreSQL, only where there was something then.
    cur = cast(func.sum(case((f.period.in_(recent), f.value), else_=0)), Float)
    old = cast(func.sum(case((f.period.in_(earlier), f.value), else_=0)), Float)
    sums = (
        select(f.enterprise_id.label("eid"), cur.label("cur"), old.label("old"))
        .where(base, f.period.in_(recent + earlier))
        .group_by(f.enterprise_id)
        .subquery()
    )
    change = (sums.c.cur - sums.c.old) * 100 / sums.c.old
    return select(sums.c.eid, _float(change), _text(literal(ref))).where(sums.c.old > 0)


def _internal(metric: str, today: date) -> Select[Any]:
    if metric == "check_owed_people":
        # Final checks only: a draft is not yet written up (its figures may be blank
        # or provisional), and a newer draft must not hide what a final check found.
        done = and_(HealthCheck.deleted == false(), HealthCheck.status == "final")
        latest = (
            select(
                HealthCheck.enterprise_id.label("eid"), func.max(HealthCheck.check_date).label("d")
            )
            .where(done)
            .group_by(HealthCheck.enterprise_id)
            .subquery()
        )
        owed = (
            select(
                HealthCheck.enterprise_id.label("eid"),
                HealthCheck.check_date.label("d"),
                func.max(HealthCheck.wages_owed_people).label("n"),
            )
            .join(
                latest,
                and_(
                    latest.c.eid == HealthCheck.enterprise_id, latest.c.d == HealthCheck.check_date
                ),
            )
            .where(done)
            .group_by(HealthCheck.enterprise_id, HealthCheck.check_date)
            .subquery()
        )
        # Only a check that found someone owed wages is a figure (none and 0 are not).
        return select(owed.c.eid, _float(owed.c.n), _text(year_month(owed.c.d))).where(
            owed.c.n != 0
        )
    if metric in ("open_wage_claims", "open_risk_events"):
        conds = [MajorRiskEvent.deleted == false(), MajorRiskEvent.status == "open"]
        if metric == "open_wage_claims":
            conds.append(MajorRiskEvent.kind == "wage_claim")
        key, where = MajorRiskEvent.enterprise_id, conds
    elif metric == "overdue_rectifications":
        key = RectificationItem.enterprise_id
        where = [
            RectificationItem.deleted == false(),
            RectificationItem.status.in_(OPEN_STATUSES),
            RectificationItem.deadline < today,
        ]
    elif metric == "open_layoffs":
        key = LayoffFiling.enterprise_id
        where = [LayoffFiling.deleted == false(), LayoffFiling.status == "open"]
    else:
        raise ValueError(metric)
    return (
        select(key.label("eid"), _float(func.count()), _text(literal("")))
        .where(*where)
        .group_by(key)
    )


def _float(value: Any) -> Any:
    return cast(value, Float).label("v")


def _text(value: Any) -> Any:
    return cast(value, String).label("p")


def figure_select(
    metric: str,
    aggregate: str,
    ref: str,
    window: int,
    today: date,
    latest: dict[str, str] | None = None,
) -> Select[Any] | None:
    """Each enterprise's figure of `metric` by `aggregate`, as rows (eid, v, p): the
    value and its month ("" when not monthly). None when there is none to have (a
    change with no data at all). `latest`: each metric's own latest month
    (latest_periods), where its trends are measured from."""
    if metric in INTERNAL:
        return _internal(metric, today)
    return _aggregate(metric, aggregate, ref, window, (latest or {}).get(metric, ""))


def gather(
    db: Database, rules: RuleSet, today: date
) -> tuple[str, dict[tuple[str, str], dict[str, Figure]]]:
    ref = reference_period(db)
    figures: dict[tuple[str, str], dict[str, Figure]] = {}
    with db.reader() as conn:
        latest = latest_periods(conn)
        for rule in rules.rules:
            key = (rule.metric, rule.aggregate)
            if rule.requires or key in figures or not rule.enabled:
                continue
            stmt = figure_select(
                rule.metric, rule.aggregate, ref, rules.window_months, today, latest
            )
            rows = conn.execute(stmt) if stmt is not None else []
            figures[key] = {eid: Figure(v, p) for eid, v, p in rows}
    return ref, figures
