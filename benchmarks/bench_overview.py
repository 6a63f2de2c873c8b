"""The overview (总览) of a campaign on a county with 100,000 enterprises and
100,000 ledger items, all found in the campaign: every number the dashboard
shows, beside a baseline of hand-written grouped SQL for the same figures."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date

from benchmarks.bench_bundle import county_db
from benchmarks.common import OUT, report, timed

START, END, TODAY = date(2023, 6, 1), date(2023, 11, 30), date(2023, 12, 1)


def overview_db() -> tuple[str, str]:
    from app.models.db import open_database
    from app.services.campaign import campaigns

    path = OUT / "overview.sqlite3"
    for p in OUT.glob("overview.sqlite3*"):
        p.unlink()
    shutil.copyfile(county_db(), path)
    with open_database(path, operator="bench") as db:
        data = campaigns.load_template()
        data.starts_on = START  # the items were found on 1 June
        campaign_id = campaigns.save(db, data)
    return str(path), campaign_id


BASELINE_SQL = (
    """SELECT e.county_code, count(*), sum(r.status != 'closed'), sum(r.status = 'closed'),
              sum(r.status != 'closed' AND r.deadline < :today)
       FROM rectification_item r JOIN enterprise e ON e.id = r.enterprise_id
       WHERE r.deleted = 0 AND r.found_on BETWEEN :start AND :end GROUP BY e.county_code""",
    """SELECT e.county_code, count(*) FROM health_check h JOIN enterprise e ON e.id = h.enterprise_id
       WHERE h.deleted = 0 AND h.check_date BETWEEN :start AND :end GROUP BY e.county_code""",
    """SELECT county_code, count(*) FROM enterprise WHERE deleted = 0 GROUP BY county_code""",
    """SELECT e.county_code, r.level, count(*) FROM enterprise_risk r JOIN enterprise e ON e.id = r.enterprise_id
       WHERE +e.deleted = 0 AND r.level IN ('high', 'medium') GROUP BY 1, 2""",
    """SELECT stage, count(*) FROM negotiation_offer WHERE deleted = 0
       AND coalesce(received_on, sent_on) BETWEEN :start AND :end GROUP BY stage""",
    """SELECT e.county_code, count(*), sum(f.laid_off), sum(f.reemployed) FROM layoff_filing f
       JOIN enterprise e ON e.id = f.enterprise_id WHERE f.deleted = 0
       AND coalesce(f.reported_on, f.layoff_on) BETWEEN :start AND :end GROUP BY 1""",
    """SELECT e.county_code, count(*) FROM major_risk_event m JOIN enterprise e ON e.id = m.enterprise_id
       WHERE m.deleted = 0 AND m.status = 'open' GROUP BY 1""",
)


def run() -> bool:
    from app.models.db import open_database
    from app.services.campaign import campaign_stats

    path, campaign_id = overview_db()
    db = open_database(path, operator="bench")
    conn = sqlite3.connect(path)
    params = {"start": START.isoformat(), "end": END.isoformat(), "today": TODAY.isoformat()}

    def ours() -> None:
        stats = campaign_stats.collect(db, campaign_id, today=TODAY)
        assert stats.ledger["410482"]["found"] > 0

    def baseline() -> None:
        for sql in BASELINE_SQL:
            conn.execute(sql, params).fetchall()

    ours()
    baseline()
    try:
        return report(
            "overview of a campaign (100,000 + 100,000)", timed(ours, 5), timed(baseline, 5), 3.0
        )
    finally:
        conn.close()
        db.close()
