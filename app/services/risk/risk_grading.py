"""Grading every enterprise's risk of unpaid wages from the shared data and the
office's own records, as a dated snapshot with every reason explained."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, case, delete, func, select

from app.models import (
    Enterprise,
    EnterpriseRisk,
    HealthCheck,
    LayoffFiling,
    MajorRiskEvent,
    RectificationItem,
    RiskFact,
    RiskGrade,
    RiskGrading,
)
from app.models.base import sync_values, utcnow
from app.models.db import Database, fast_insert, next_change_seq
from app.services.core.progress import Progress, Work
from app.services.ledger.rectification_status import OPEN_STATUSES
from app.services.risk import risk_rules
from app.services.risk.risk_rules import LEVELS, METRICS, Rule, RuleSet

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
            select(func.max(RiskFact.period)).where(RiskFact.deleted.is_(False))
        ).scalar()
    return value or ""


def _aggregate(conn: Any, metric: str, aggregate: str, ref: str, window: int) -> dict[str, Figure]:
    f = RiskFact
    base = and_(f.deleted.is_(False), f.metric == metric)
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
            .where(HealthCheck.deleted.is_(False))
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
            .where(HealthCheck.deleted.is_(False))
            .group_by(HealthCheck.enterprise_id, HealthCheck.check_date)
        )
        return {eid: Figure(float(v or 0), f"{d:%Y-%m}") for eid, d, v in rows if v}
    if metric in ("open_wage_claims", "open_risk_events"):
        conds = [MajorRiskEvent.deleted.is_(False), MajorRiskEvent.status == "open"]
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
                RectificationItem.deleted.is_(False),
                RectificationItem.status.in_(OPEN_STATUSES),
                RectificationItem.deadline < today,
            )
            .group_by(RectificationItem.enterprise_id)
        )
    elif metric == "open_layoffs":
        stmt = (
            select(LayoffFiling.enterprise_id, func.count())
            .where(LayoffFiling.deleted.is_(False), LayoffFiling.status == "open")
            .group_by(LayoffFiling.enterprise_id)
        )
    else:
        raise ValueError(metric)
    return {eid: Figure(float(n), "") for eid, n in conn.execute(stmt)}


@dataclass
class Result:
    enterprise_id: str
    score: int
    level: str
    red_line: bool
    reasons: list[dict[str, Any]]


def reason_text(rule: Rule, figure: Figure | None) -> str:
    label = METRICS.get(rule.metric, rule.metric)
    if figure is None:
        detail = ""
    elif rule.aggregate in ("change_pct_3m", "yoy_change_pct"):
        detail = f"（{label}变化 {figure.value:+.1f}%，{figure.period} 数据）"
    else:
        detail = f"（{label} {risk_rules.describe(figure.value)}{'，' + figure.period + ' 数据' if figure.period else ''}）"
    return f"{rule.name}{detail}：+{rule.points}" + ("，红线" if rule.red_line else "")


def evaluate(
    rules: RuleSet, figures: dict[tuple[str, str], dict[str, Figure]], enterprise_id: str
) -> Result:
    fired: set[str] = set()
    score = 0
    red = False
    reasons: list[dict[str, Any]] = []
    for rule in risk_rules.order([r for r in rules.rules if r.enabled]):
        figure = None
        if rule.requires:
            hit = all(x in fired for x in rule.requires)
        else:
            figure = figures.get((rule.metric, rule.aggregate), {}).get(enterprise_id)
            hit = figure is not None and risk_rules.OPS[rule.op](figure.value, rule.value)
        if hit:
            fired.add(rule.id)
            score += rule.points
            red = red or rule.red_line
            reasons.append(
                {
                    "rule": rule.id,
                    "text": reason_text(rule, figure),
                    "points": rule.points,
                    "red_line": rule.red_line,
                }
            )
    return Result(enterprise_id, score, rules.level_for(score, red), red, reasons)


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


def grade(db: Database, *, today: date | None = None) -> Work[dict[str, Any]]:
    """Grade every enterprise; one transaction; returns counts per level and how many rose."""
    today = today or date.today()
    rules = risk_rules.load(db)
    yield Progress(0, 3, "正在汇总共享数据…")
    ref, figures = gather(db, rules, today)
    candidates: set[str] = set()
    for per_enterprise in figures.values():
        candidates.update(per_enterprise)
    yield Progress(1, 3, "正在评分…")
    with db.session() as session:
        previous = dict(
            session.execute(select(EnterpriseRisk.enterprise_id, EnterpriseRisk.level)).all()
        )
        live = set(
            session.execute(select(Enterprise.id).where(Enterprise.deleted.is_(False))).scalars()
        )
        total = len(live)
        results = [
            evaluate(rules, figures, eid) for eid in sorted((candidates | set(previous)) & live)
        ]
        counts = {level: 0 for level in LEVELS}
        rose = 0
        actor = session.info["actor"]
        now = utcnow()
        grading = RiskGrading(graded_on=today, reference_period=ref, rules_json=rules.as_json())
        session.add(grading)
        session.flush()
        seq = next_change_seq(session, max(len(results), 1))
        grade_rows, current_rows = [], []
        for n, r in enumerate(results):
            before = previous.get(r.enterprise_id, "low")
            went_up = LEVELS.index(r.level) > LEVELS.index(before)
            rose += went_up
            counts[r.level] += 1
            if r.score == 0 and before == "low":
                continue  # nothing against it, before or now: 低 is implied, no row to store
            grade_rows.append(
                {
                    **sync_values(
                        office=actor.office_code, author=actor.operator, change_seq=seq + n, now=now
                    ),
                    "grading_id": grading.id,
                    "enterprise_id": r.enterprise_id,
                    "score": r.score,
                    "level": r.level,
                    "red_line": r.red_line,
                    "previous_level": before,
                    "reasons_json": json.dumps(r.reasons, ensure_ascii=False),
                }
            )
            if r.score > 0 or went_up:
                current_rows.append(
                    {
                        "enterprise_id": r.enterprise_id,
                        "level": r.level,
                        "score": r.score,
                        "rose": went_up,
                        "graded_on": today,
                    }
                )
        counts["low"] += total - len(results)
        connection = session.connection()
        connection.execute(delete(EnterpriseRisk))
        for start in range(0, len(grade_rows), 5000):
            fast_insert(connection, RiskGrade.__table__, grade_rows[start : start + 5000])
        for start in range(0, len(current_rows), 5000):
            fast_insert(connection, EnterpriseRisk.__table__, current_rows[start : start + 5000])
        grading.high, grading.medium, grading.low, grading.rose = (
            counts["high"],
            counts["medium"],
            counts["low"],
            rose,
        )
        yield Progress(2, 3, "正在保存评级…")
    return {"graded_on": today.isoformat(), "reference_period": ref, **counts, "rose": rose}


def enterprise_grade(db: Database, enterprise_id: str) -> dict[str, Any]:
    """One enterprise's grade in the newest grading, with every reason (low and no
    reasons when nothing counted against it)."""
    with db.session() as session:
        grading = session.execute(
            select(RiskGrading)
            .where(RiskGrading.deleted.is_(False))
            .order_by(RiskGrading.created_at.desc())
            .limit(1)
        ).scalar()
        if grading is None:
            return {
                "level": "",
                "score": 0,
                "red_line": False,
                "reasons": [],
                "graded_on": None,
                "rose": False,
            }
        row = session.execute(
            select(RiskGrade).where(
                RiskGrade.grading_id == grading.id, RiskGrade.enterprise_id == enterprise_id
            )
        ).scalar()
        base = {
            "graded_on": grading.graded_on.isoformat(),
            "reference_period": grading.reference_period,
        }
        if row is None:
            return {
                **base,
                "level": "low",
                "score": 0,
                "red_line": False,
                "reasons": [],
                "rose": False,
            }
        return {
            **base,
            "level": row.level,
            "score": row.score,
            "red_line": row.red_line,
            "previous_level": row.previous_level,
            "rose": LEVELS.index(row.level) > LEVELS.index(row.previous_level or "low"),
            "reasons": [r["text"] for r in json.loads(row.reasons_json)],
        }


def latest_summary(db: Database) -> dict[str, Any] | None:
    """This office's latest grading (the city also holds the counties' own, which
    arrive by sync bundle and are theirs, not the city's)."""
    with db.session() as session:
        g = session.execute(
            select(RiskGrading)
            .where(RiskGrading.deleted.is_(False), RiskGrading.origin_office == db.office_code)
            .order_by(RiskGrading.created_at.desc())
            .limit(1)
        ).scalar()
        if g is None:
            return None
        return {
            "graded_on": g.graded_on.isoformat(),
            "reference_period": g.reference_period,
            "high": g.high,
            "medium": g.medium,
            "low": g.low,
            "rose": g.rose,
        }


def current_levels(db: Database, enterprise_ids: list[str]) -> dict[str, tuple[str, bool]]:
    if not enterprise_ids:
        return {}
    with db.reader() as conn:
        rows = conn.execute(
            select(EnterpriseRisk.enterprise_id, EnterpriseRisk.level, EnterpriseRisk.rose).where(
                EnterpriseRisk.enterprise_id.in_(enterprise_ids)
            )
        )
        return {eid: (level, bool(rose)) for eid, level, rose in rows}


def visit_list(db: Database, *, since: date, limit: int = 5000) -> list[dict[str, Any]]:
    """High-risk enterprises without a health check since `since`, with their reasons."""
    checked = select(HealthCheck.enterprise_id).where(
        HealthCheck.deleted.is_(False), HealthCheck.check_date >= since
    )
    stmt = (
        select(
            Enterprise.id,
            Enterprise.name,
            Enterprise.credit_code,
            Enterprise.county_code,
            Enterprise.address,
            Enterprise.contact_person,
            Enterprise.contact_phone,
            EnterpriseRisk.score,
            EnterpriseRisk.rose,
        )
        .join(EnterpriseRisk, EnterpriseRisk.enterprise_id == Enterprise.id)
        .where(
            EnterpriseRisk.level == "high",
            Enterprise.deleted.is_(False),
            Enterprise.id.not_in(checked),
        )
        .order_by(EnterpriseRisk.score.desc(), Enterprise.name_pinyin)
        .limit(limit)
    )
    with db.reader() as conn:
        rows = [dict(r._mapping) for r in conn.execute(stmt)]
    reasons: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        reasons[r["id"]] = enterprise_grade(db, r["id"])["reasons"]
    for r in rows:
        r["reasons"] = reasons[r["id"]]
    return rows
