"""The register shows every enterprise's level once the office has graded, 低 included
(issue 19: the column was blank for most rows while the grading counted thousands of 低)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from app.models import Enterprise, EnterpriseRisk
from app.services.core.progress import drain
from app.services.risk import risk_grading
from tests.records import plain_enterprise


def test_levels_before_and_after_a_grading(db):
    ids = [plain_enterprise(db, n) for n in range(1, 6)]
    assert risk_grading.current_levels(db, ids) == {}  # never graded: nothing to show
    drain(risk_grading.grade(db, today=date(2024, 5, 10)))
    levels = risk_grading.current_levels(db, ids)
    assert set(levels) == set(ids)
    with db.session() as session:
        stored = session.execute(select(func.count()).select_from(EnterpriseRisk)).scalar_one()
        total = session.execute(select(func.count()).select_from(Enterprise)).scalar_one()
    summary = risk_grading.latest_summary(db)
    assert summary is not None
    lows = [eid for eid, (level, _r) in levels.items() if level == "low"]
    # Every enterprise has a level, and the 低 shown are the grading's own count.
    assert len(lows) == summary["low"] == total - summary["high"] - summary["medium"]
    assert stored <= total
