"""Grading 100,000 enterprises with 12 months of tax and social-insurance data,
against the same arithmetic in one plain SQL aggregate query."""

from __future__ import annotations

import random
import sqlite3
from datetime import date
from pathlib import Path

from benchmarks.common import OUT, N, register_db, report, scratch_db, timed

REF = "2023-05"
MONTHS = [f"2022-{m:02d}" for m in range(6, 13)] + [f"2023-{m:02d}" for m in range(1, 6)]
LAST_YEAR = [f"2022-{m:02d}" for m in (3, 4, 5)]


def graded_db() -> Path:
    path = OUT / f"grading-{N}.sqlite3"
    if path.exists():
        return path
    from app.models.db import open_database
    from app.services.core.progress import drain
    from app.services.risk import risk_import

    with scratch_db(path, copy_of=register_db()) as tmp, open_database(tmp, operator="bench") as db:
        with db.reader() as conn:
            ids = [
                r[0] for r in conn.exec_driver_sql("SELECT id FROM enterprise WHERE deleted = 0")
            ]
        rng = random.Random(7)
        social, tax = [], []
        for eid in ids:
            head = float(rng.randint(5, 300))
            paid = rng.uniform(1000, 50000)
            trouble = rng.random() < 0.05
            for n, month in enumerate(MONTHS):
                social.append(
                    risk_import.FactRow(
                        eid,
                        "insured_headcount",
                        month,
                        head * (0.7 if trouble and n > 8 else 1),
                        "code",
                        0,
                    )
                )
                tax.append(
                    risk_import.FactRow(
                        eid,
                        "tax_paid",
                        month,
                        paid * (0.5 if trouble and n > 8 else 1),
                        "code",
                        0,
                    )
                )
            for month in LAST_YEAR:
                tax.append(risk_import.FactRow(eid, "tax_paid", month, paid, "code", 0))
            if trouble:
                social.append(
                    risk_import.FactRow(
                        eid, "si_arrears_months", REF, float(rng.randint(1, 5)), "code", 0
                    )
                )
        for source, facts in (("social", social), ("tax", tax)):
            plan = risk_import.RiskPlan(
                source, Path(f"{source}.xlsx"), "", 0, [], {}, {}, facts=facts
            )
            # The setup writes the data; the benchmark times the grading itself.
            drain(risk_import.apply_import(db, plan, today=date(2023, 6, 10), regrade=False))
    return path


def _shift(period: str, months: int) -> str:
    index = int(period[:4]) * 12 + int(period[5:7]) - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def baseline_sql(ref: str) -> str:
    """The shipped rules on shared data (social-insurance arrears, headcount down 20 %
    on three months ago, tax down 30 % on a year ago) as one plain aggregate query,
    with the months counted back from `ref`, the newest month of the data."""
    then = _shift(ref, -3)
    recent = ", ".join(f"'{_shift(ref, -n)}'" for n in (2, 1, 0))
    year_ago = ", ".join(f"'{_shift(ref, -n)}'" for n in (14, 13, 12))
    return f"""
SELECT e.id,
  (CASE WHEN COALESCE(a.months, 0) >= 3 THEN 40 ELSE 0 END) + (CASE WHEN COALESCE(a.months, 0) >= 1 THEN 20 ELSE 0 END)
  + (CASE WHEN h.old > 0 AND (h.cur - h.old) * 100.0 / h.old <= -20 THEN 15 ELSE 0 END)
  + (CASE WHEN t.old > 0 AND (t.cur - t.old) * 100.0 / t.old <= -30 THEN 15 ELSE 0 END) AS score
FROM enterprise e
LEFT JOIN (SELECT enterprise_id, SUM(value) AS months FROM risk_fact WHERE deleted = 0 AND metric = 'si_arrears_months'
           AND period = '{ref}' GROUP BY enterprise_id) a ON a.enterprise_id = e.id
LEFT JOIN (SELECT enterprise_id, SUM(CASE WHEN period = '{ref}' THEN value ELSE 0 END) AS cur,
                  SUM(CASE WHEN period = '{then}' THEN value ELSE 0 END) AS old
           FROM risk_fact WHERE deleted = 0 AND metric = 'insured_headcount' AND period IN ('{ref}', '{then}')
           GROUP BY enterprise_id) h ON h.enterprise_id = e.id
LEFT JOIN (SELECT enterprise_id, SUM(CASE WHEN period IN ({recent}) THEN value ELSE 0 END) AS cur,
                  SUM(CASE WHEN period IN ({year_ago}) THEN value ELSE 0 END) AS old
           FROM risk_fact WHERE deleted = 0 AND metric = 'tax_paid'
           AND period IN ({recent}, {year_ago})
           GROUP BY enterprise_id) t ON t.enterprise_id = e.id
WHERE e.deleted = 0
"""


# The newest month of the data, which the windows count back from (the program's
# reference_period): found by the raw side too, as part of the same work.
REFERENCE_SQL = "SELECT max(period) FROM risk_fact WHERE deleted = 0"
BASELINE_SQL = baseline_sql(REF)


def run() -> bool:
    from app.models.db import open_database
    from app.services.core.progress import drain
    from app.services.risk import risk_grading

    path = graded_db()

    def ours() -> None:
        with open_database(path, operator="bench") as db:
            drain(risk_grading.grade(db, today=date(2023, 6, 10)))

    def baseline() -> None:
        con = sqlite3.connect(path)
        ref = con.execute(REFERENCE_SQL).fetchone()[0]
        scores = con.execute(baseline_sql(ref)).fetchall()
        assert len(scores) == N
        con.close()

    return report(f"grade {N:,} enterprises × 12 months", timed(ours, 3), timed(baseline, 3), 3.0)


if __name__ == "__main__":
    run()
