"""Demo data for risk grading: twelve months of the social-insurance and tax
figures other departments share, imported as the batches they would send."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from sqlalchemy import false

from app.models.db import Database
from app.services.core.progress import Work


def demo_shared_data(db: Database, *, seed: int, today: date) -> Work[int]:
    """Twelve months of social-insurance and tax data, as batches the departments would send."""
    from sqlalchemy import select

    from app.models import Enterprise
    from app.services.risk import risk_import
    from app.services.risk.risk_figures import shift

    rng = random.Random(seed + 4)
    with db.session() as session:
        rows = list(
            session.execute(
                select(Enterprise.id, Enterprise.employee_count)
                .where(Enterprise.deleted == false())
                .order_by(Enterprise.name_pinyin, Enterprise.credit_code)
                .limit(5000)
            )
        )
    last = shift(f"{today:%Y-%m}", -1)
    months = [shift(last, -k) for k in range(11, -1, -1)]
    social: list[risk_import.FactRow] = []
    tax: list[risk_import.FactRow] = []
    for eid, staff in rows:
        staff = staff or 10
        trouble = rng.random()
        headcount = float(staff)
        paid = round(staff * rng.uniform(300, 900), 2)
        for n, month in enumerate(months):
            if trouble < 0.06 and n >= 8:  # a firm in difficulty: staff leave, contributions stop
                headcount = max(1.0, round(headcount * 0.85))
            social.append(
                risk_import.FactRow(eid, "insured_headcount", month, headcount, "code", 0)
            )
            tax.append(risk_import.FactRow(eid, "tax_paid", shift(month, -12), paid, "code", 0))
            later = paid * (0.5 if trouble < 0.1 and n >= 9 else 1.0)
            tax.append(risk_import.FactRow(eid, "tax_paid", month, round(later, 2), "code", 0))
        if trouble < 0.08:
            months_owed = float(rng.choice((1, 2, 3, 4, 5)))
            social.append(
                risk_import.FactRow(eid, "si_arrears_months", last, months_owed, "code", 0)
            )
            amount = float(rng.randint(5, 300) * 1000)
            social.append(risk_import.FactRow(eid, "si_arrears_amount", last, amount, "code", 0))
    made = 0
    for source, facts, name in (
        ("social", social, "社保中心共享数据（演示）.xlsx"),
        ("tax", tax, "税务局共享数据（演示）.xlsx"),
    ):
        plan = risk_import.RiskPlan(
            source,
            Path(name),
            "",
            0,
            [],
            {},
            {},
            facts=facts,
            rows_total=len(rows),
            matched_by_code=len(rows),
        )
        yield from risk_import.apply_import(db, plan, today=today, backup=False, regrade=False)
        made += len(facts)
    return made
