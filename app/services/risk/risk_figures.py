"""The figures risk rules are measured against: per enterprise, a metric of the
shared data (latest month, change over three months, change on a year ago) or a
count from the office's own records (wages owed at a check, open events, overdue
items, open layoffs)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, case, false, func, select

from app.models import (
    HealthCheck,
    LayoffFiling,
    MajorRiskEvent,
    RectificationItem,
    RiskFact,
)
from app.models.db import Database
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


def _aggregate(conn: Any, metric: str, aggregate: str, ref: str, window: int) -> dict[str, Figure]:
    f = RiskFact
    base = and_(f.deleted == false(), f.metric == metric)
    start = shift(ref, -(window - 1)) if ref else ""
    in_window = base if not ref else and_(base, (f.period == "") | (f.period >= start))
    if aggregate == "sum":
        rows = conn.execute(
            select(f.enterprise_id, func.sum(f.value)).where(in_window).group_by(f.enterprise_id)
        )
        return {eid: Figure(float(v), ref) for eid, v in rows}
    if aggregate == "latest":
        latest = (
            select(f.enterprise_id.label("eid"), func.max(f.period).label("p"))
            .where(in_window)
            .group_by(f.enterprise_id)
            .subquery()
        )
        rows = conn.execute(
            select(f.enterprise_id, latest.c.p, func.sum(f.value))
            .join(latest, and_(latest.c.eid == f.enterprise_id, latest.c.p == f.period))
            .where(base)
            .group_by(f.enterprise_id, latest.c.p)
        )
        return {eid: Figure(float(v), p) for eid, p, v in rows}
    if not ref:
        return {}
    if aggregate == "change_pct_3m":
        now, then = ref, shift(ref, -3)
        cur = func.sum(case((f.period == now, f.value), else_=0))
        old = func.sum(case((f.period == then, f.value), else_=0))
        rows = conn.execute(
            select(f.enterprise_id, cur, old)
            .where(base, f.period.in_([now, then]))
            .group_by(f.enterprise_id)
        )
        return {eid: Figure((c - o) * 100 / o, ref) for eid, c, o in rows if o and o > 0}
    if aggregate == "yoy_change_pct":
        recent = [ref, shift(ref, -1), shift(ref, -2)]
        last_year = [shift(p, -12) for p in recent]
        cur = func.sum(case((f.period.in_(recent), f.value), else_=0))
        old = func.sum(case((f.period.in_(last_year), f.value), else_=0))
        rows = conn.execute(
            select(f.enterprise_id, cur, old)
            .where(base, f.period.in_(recent + last_year))
            .group_by(f.enterprise_id)
        )
        return {eid: Figure((c - o) * 100 / o, ref) for eid, c, o in rows if o and o > 0}
    raise ValueError(aggregate)


def _internal(conn: Any, metric: str, today: date) -> dict[str, Figure]:
    if metric == "check_owed_people":
        latest = (
            select(
                HealthCheck.enterprise_id.label("eid"), func.max(HealthCheck.check_date).label("d")
            )
            .where(HealthCheck.deleted == false())
            .group_by(HealthCheck.enterprise_id)
            .subquery()
        )
        rows = conn.execute(
            select(
                HealthCheck.enterprise_id,
                HealthCheck.check_date,
                func.max(HealthCheck.wages_owed_people),
            )
            .join(
                latest,
                and_(
                    latest.c.eid == HealthCheck.enterprise_id, latest.c.d == HealthCheck.check_date
                ),
            )
            .where(HealthCheck.deleted == false())
            .group_by(HealthCheck.enterprise_id, HealthCheck.check_date)
        )
        return {eid: Figure(float(v or 0), f"{d:%Y-%m}") for eid, d, v in rows if v}
    if metric in ("open_wage_claims", "open_risk_events"):
        conds = [MajorRiskEvent.deleted == false(), MajorRiskEvent.status == "open"]
        if metric == "open_wage_claims":
            conds.append(MajorRiskEvent.kind == "wage_claim")
        stmt = (
            select(MajorRiskEvent.enterprise_id, func.count())
            .where(*conds)
            .group_by(MajorRiskEvent.enterprise_id)
        )
    elif metric == "overdue_rectifications":
        stmt = (
            select(RectificationItem.enterprise_id, func.count())
            .where(
                RectificationItem.deleted == false(),
                RectificationItem.status.in_(OPEN_STATUSES),
                RectificationItem.deadline < today,
            )
            .group_by(RectificationItem.enterprise_id)
        )
    elif metric == "open_layoffs":
        stmt = (
            select(LayoffFiling.enterprise_id, func.count())
            .where(LayoffFiling.deleted == false(), LayoffFiling.status == "open")
            .group_by(LayoffFiling.enterprise_id)
        )
    else:
        raise ValueError(metric)
    return {eid: Figure(float(n), "") for eid, n in conn.execute(stmt)}


def gather(
    db: Database, rules: RuleSet, today: date
) -> tuple[str, dict[tuple[str, str], dict[str, Figure]]]:
    ref = reference_period(db)
    figures: dict[tuple[str, str], dict[str, Figure]] = {}
    with db.reader() as conn:
        for rule in rules.rules:
            key = (rule.metric, rule.aggregate)
            if rule.requires or key in figures or not rule.enabled:
                continue
            figures[key] = (
                _internal(conn, rule.metric, today)
                if rule.metric in INTERNAL
                else _aggregate(conn, rule.metric, rule.aggregate, ref, rules.window_months)
            )
    return ref, figures
