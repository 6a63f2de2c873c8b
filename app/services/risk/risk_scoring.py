"""The grading as set-based SQL: every rule of the office's model scored for every
enterprise in one statement, and only the enterprises something counts against
(or that held a level before) read back.

The rules mean what `risk_grading.evaluate` says, enterprise by enterprise, over
the figures `risk_figures` defines (docs/architecture.md, "Where each kind of rule
lives"); this module is the same arithmetic written for the database, so that a
province-sized register is graded at the speed of one aggregate query (issue 17).
tests/services/risk/test_grading_sql.py grades varied data both ways, on SQLite and
PostgreSQL, and holds them equal.

The statement, from the inside out:
1. per figure the rules read (metric and aggregate), the figure of each enterprise,
   kept only where at least one rule on it fires;
2. those rows and the enterprises' previous levels, in one UNION ALL, pivoted to a
   row per enterprise (one GROUP BY);
3. per rule, whether it fired (a rule with `requires` fires when all of those did);
   the score, the red line and the level from those flags, for live enterprises.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    Float,
    Integer,
    Select,
    String,
    and_,
    case,
    cast,
    false,
    func,
    literal,
    literal_column,
    null,
    or_,
    select,
    union_all,
)

from app.models import Enterprise, EnterpriseRisk
from app.services.risk import risk_figures, risk_rules
from app.services.risk.risk_rules import Rule, RuleSet


@dataclass(frozen=True)
class Scored:
    """One enterprise the grading has something to say about."""

    enterprise_id: str
    previous: str  # its level before this grading; "" when it had no row
    score: int
    level: str
    red_line: bool
    fired: list[tuple[Rule, risk_figures.Figure | None]]


def _condition(rule: Rule, value: Any) -> Any:
    # risk_rules.OPS's comparisons build SQL when given a column.
    return risk_rules.OPS[rule.op](value, literal(rule.value, Float))


def _scoring_select(
    rules: RuleSet, ref: str, today: date, latest: dict[str, str] | None = None
) -> tuple[Select[Any], list[Rule]]:
    ordered = risk_rules.order([r for r in rules.rules if r.enabled])
    keys = _keys(ordered)
    parts = []
    for k, key in enumerate(keys):
        figure = risk_figures.figure_select(*key, ref, rules.window_months, today, latest)
        if figure is None:
            continue
        f = figure.subquery()
        on_key = [r for r in ordered if not r.requires and (r.metric, r.aggregate) == key]
        parts.append(
            select(f.c.eid, literal_column(str(k), Integer).label("k"), f.c.v, f.c.p).where(
                or_(*(_condition(r, f.c.v) for r in on_key))
            )
        )
    parts.append(
        select(
            EnterpriseRisk.enterprise_id.label("eid"),
            literal_column("-1", Integer).label("k"),
            cast(null(), Float).label("v"),
            cast(EnterpriseRisk.level, String).label("p"),
        )
    )
    u = union_all(*parts).subquery()
    per = (
        select(
            u.c.eid,
            func.max(case((u.c.k == -1, u.c.p))).label("previous"),
            *(func.max(case((u.c.k == k, u.c.v))).label(f"v{k}") for k in range(len(keys))),
            *(func.max(case((u.c.k == k, u.c.p))).label(f"p{k}") for k in range(len(keys))),
        )
        .group_by(u.c.eid)
        .subquery()
    )
    fired: dict[str, Any] = {}
    for rule in ordered:
        if rule.requires:
            fired[rule.id] = and_(*(fired[x] for x in rule.requires))
        else:
            fired[rule.id] = _condition(
                rule, per.c[f"v{keys.index((rule.metric, rule.aggregate))}"]
            )
    flags = select(
        per,
        *(case((fired[r.id], 1), else_=0).label(f"f{n}") for n, r in enumerate(ordered)),
    ).join(Enterprise, and_(Enterprise.id == per.c.eid, Enterprise.deleted == false()))
    s = flags.subquery()
    score: Any = literal_column("0", Integer)
    for n, r in enumerate(ordered):
        score = score + s.c[f"f{n}"] * r.points
    red_lines = [s.c[f"f{n}"] == 1 for n, r in enumerate(ordered) if r.red_line]
    red: Any = case((or_(*red_lines), 1), else_=0) if red_lines else literal_column("0", Integer)
    scored = select(s, score.label("score"), red.label("red")).subquery()
    level = case(
        (or_(scored.c.red == 1, scored.c.score >= rules.high), "high"),
        (scored.c.score >= rules.medium, "medium"),
        else_="low",
    )
    return select(scored, level.label("level")).order_by(scored.c.eid), ordered


def _keys(ordered: list[Rule]) -> list[tuple[str, str]]:
    keys: list[tuple[str, str]] = []
    for rule in ordered:
        if not rule.requires and (rule.metric, rule.aggregate) not in keys:
            keys.append((rule.metric, rule.aggregate))
    return keys


def score_all(conn: Any, rules: RuleSet, ref: str, today: date) -> list[Scored]:
    """Every live enterprise a rule fired for or that held a level, by id; any other
    live enterprise scores 0, is 低 and held no level (nothing to store)."""
    stmt, ordered = _scoring_select(rules, ref, today, risk_figures.latest_periods(conn))
    keys = _keys(ordered)
    out = []
    for row in conn.execute(stmt):
        m = row._mapping
        fired = []
        for n, rule in enumerate(ordered):
            if not m[f"f{n}"]:
                continue
            if rule.requires:
                fired.append((rule, None))
            else:
                k = keys.index((rule.metric, rule.aggregate))
                fired.append((rule, risk_figures.Figure(float(m[f"v{k}"]), m[f"p{k}"] or "")))
        out.append(
            Scored(
                m["eid"],
                m["previous"] or "",
                int(m["score"]),
                m["level"],
                bool(m["red"]),
                fired,
            )
        )
    return out
