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
from app.services.risk import risk_rules
from app.services.risk.risk_figures import Figure, gather
from app.services.risk.risk_rules import LEVELS, METRICS, Rule, RuleSet


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


def grade(db: Database, *, today: date | None = None) -> Work[dict[str, Any]]:
    """Grade every enterprise; one transaction; returns counts per level and how many rose."""
    today = today or date.today()
    rules = risk_rules.load(db)
    yield Progress(0, 3, N_("正在汇总共享数据…"))
    ref, figures = gather(db, rules, today)
    candidates: set[str] = set()
    for per_enterprise in figures.values():
        candidates.update(per_enterprise)
    yield Progress(1, 3, N_("正在评分…"))
    with db.session() as session:
        previous = dict(
            session.execute(select(EnterpriseRisk.enterprise_id, EnterpriseRisk.level)).all()
        )
        # Only the enterprises with figures or an earlier level are looked up (500 ids
        # a query): the other live ones are counted, never read into memory — at a
        # million enterprises their ids alone were over 100 MB.
        total = session.execute(
            select(func.count()).select_from(Enterprise).where(Enterprise.deleted == false())
        ).scalar_one()
        wanted = sorted(candidates | set(previous))
        live: set[str] = set()
        for start in range(0, len(wanted), 500):
            live.update(
                session.execute(
                    select(Enterprise.id).where(
                        Enterprise.deleted == false(),
                        Enterprise.id.in_(wanted[start : start + 500]),
                    )
                ).scalars()
            )
        results = [evaluate(rules, figures, eid) for eid in wanted if eid in live]
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
            "reasons": [r["text"] for r in json.loads(row.reasons_json)],
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
