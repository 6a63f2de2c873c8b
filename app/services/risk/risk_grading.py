"""Grading every enterprise's risk of unpaid wages from the shared data and the
office's own records, as a dated snapshot with every reason explained."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import delete, false, func, select

from app.models import (
    Enterprise,
    EnterpriseRisk,
    HealthCheck,
    RiskGrade,
    RiskGrading,
)
from app.models.base import sync_values, utcnow
from app.models.bulk import fast_insert
from app.models.db import Database, next_change_seq
from app.services.core.messages import N_
from app.services.core.progress import Progress, Work
from app.services.risk import risk_rules, risk_scoring
from app.services.risk.risk_figures import Figure, reference_period
from app.services.risk.risk_reasons import reason, shown
from app.services.risk.risk_rules import LEVELS, RuleSet


@dataclass
class Result:
    enterprise_id: str
    score: int
    level: str
    red_line: bool
    reasons: list[dict[str, Any]]


def evaluate(
    rules: RuleSet, figures: dict[tuple[str, str], dict[str, Figure]], enterprise_id: str
) -> Result:
    """The rules applied to one enterprise's figures (risk_figures.gather): what the
    model means, rule by rule. `grade` scores every enterprise at once in SQL
    (risk_scoring), which tests hold equal to this on varied data."""
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
            reasons.append(reason(rule, figure))
    return Result(enterprise_id, score, rules.level_for(score, red), red, reasons)


def grade(db: Database, *, today: date | None = None) -> Work[dict[str, Any]]:
    """Grade every enterprise; one transaction; returns counts per level and how many rose.

    The scoring is one SQL statement (risk_scoring): only the enterprises a rule
    fired for or that held a level come back, a few hundred of a million; every
    other live enterprise is 低 with nothing stored, and is only counted."""
    today = today or date.today()
    rules = risk_rules.load(db)
    yield Progress(0, 3, N_("正在汇总共享数据…"))
    ref = reference_period(db)
    yield Progress(1, 3, N_("正在评分…"))
    with db.session() as session:
        connection = session.connection()
        total = connection.execute(
            select(func.count()).select_from(Enterprise).where(Enterprise.deleted == false())
        ).scalar_one()
        scored = risk_scoring.score_all(connection, rules, ref, today)
        counts = {level: 0 for level in LEVELS}
        rose = 0
        kept: list[tuple[risk_scoring.Scored, bool]] = []
        for r in scored:
            before = r.previous or "low"
            went_up = LEVELS.index(r.level) > LEVELS.index(before)
            rose += went_up
            counts[r.level] += 1
            if r.score == 0 and before == "low":
                continue  # nothing against it, before or now: 低 is implied, no row to store
            kept.append((r, went_up))
        counts["low"] += total - len(scored)
        actor = session.info["actor"]
        now = utcnow()
        grading = RiskGrading(graded_on=today, reference_period=ref, rules_json=rules.as_json())
        session.add(grading)
        session.flush()
        seq = next_change_seq(session, max(len(kept), 1))
        grade_rows, current_rows = [], []
        for n, (r, went_up) in enumerate(kept):
            reasons = [reason(rule, figure) for rule, figure in r.fired]
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
                    "previous_level": r.previous or "low",
                    "reasons_json": json.dumps(reasons, ensure_ascii=False),
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
        yield Progress(2, 3, N_("正在保存评级…"))
    return {"graded_on": today.isoformat(), "reference_period": ref, **counts, "rose": rose}


def _nothing_counted(level: str, **grading: Any) -> dict[str, Any]:
    """An enterprise's grade when no grading holds a row for it: no score, no
    reasons; `level` "" before any grading, "low" when the newest one found nothing."""
    return {"level": level, "score": 0, "red_line": False, "reasons": [], "rose": False, **grading}


def enterprise_grade(db: Database, enterprise_id: str) -> dict[str, Any]:
    """One enterprise's grade in the newest grading, with every reason (low and no
    reasons when nothing counted against it)."""
    with db.session() as session:
        grading = session.execute(
            select(RiskGrading)
            .where(RiskGrading.deleted == false())
            .order_by(RiskGrading.created_at.desc())
            .limit(1)
        ).scalar()
        if grading is None:
            return _nothing_counted("", graded_on=None)
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
            return _nothing_counted("low", **base)
        return {
            **base,
            "level": row.level,
            "score": row.score,
            "red_line": row.red_line,
            "previous_level": row.previous_level,
            "rose": LEVELS.index(row.level) > LEVELS.index(row.previous_level or "low"),
            # Messages: Chinese text everywhere, the window's language in the window.
            "reasons": [shown(r) for r in json.loads(row.reasons_json)],
        }


def latest_summary(db: Database) -> dict[str, Any] | None:
    """This office's latest grading (the city also holds the counties' own, which
    arrive by sync bundle and are theirs, not the city's)."""
    with db.session() as session:
        g = session.execute(
            select(RiskGrading)
            .where(RiskGrading.deleted == false(), RiskGrading.origin_office == db.office_code)
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
        levels = {eid: (level, bool(rose)) for eid, level, rose in rows}
    if len(levels) < len(enterprise_ids) and latest_summary(db) is not None:
        # Once the office has graded, an enterprise with nothing against it (no row:
        # score 0) is 低 — as the grading's own count of 低 says — never blank.
        for eid in enterprise_ids:
            levels.setdefault(eid, ("low", False))
    return levels


def visit_list(db: Database, *, since: date, limit: int = 5000) -> list[dict[str, Any]]:
    """High-risk enterprises without a health check since `since`, with their reasons."""
    checked = select(HealthCheck.enterprise_id).where(
        HealthCheck.deleted == false(), HealthCheck.check_date >= since
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
            Enterprise.deleted == false(),
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
