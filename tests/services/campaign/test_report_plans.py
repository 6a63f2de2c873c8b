"""The summary report's counts by county read the records, then each record's
enterprise by its key — never the whole register (issue 17: SQLite, knowing the
register's size from ANALYZE and nothing of a record table's, walked 100,000
enterprises by the county index for every count, 0.25 s each)."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

import pytest

from app.services.campaign import campaign_stats, report_drafts
from tests.plan_support import plans

RECORDS = ("health_check", "rectification_item", "negotiation_offer", "layoff_filing")
RECORDS += ("major_risk_event",)


def _a_register_of_100000(db: Any) -> None:
    """Statistics as a large register's ANALYZE leaves them (the records' tables
    unanalysed), read again by the database's next connections."""
    con = sqlite3.connect(db.path)
    con.execute("ANALYZE enterprise")
    con.execute("DELETE FROM sqlite_stat1 WHERE tbl = 'enterprise'")
    con.executemany(
        "INSERT INTO sqlite_stat1 VALUES ('enterprise', ?, ?)",
        [
            ("ix_enterprise_county", "100000 8334"),
            ("ix_enterprise_live_county", "100000 100000 8334"),
            ("sqlite_autoindex_enterprise_1", "100000 1"),
        ],
    )
    con.commit()
    con.close()
    db.engine.dispose()


@pytest.mark.sqlite_file
def test_counts_by_county_start_from_the_records(db: Any, counted: Any) -> None:
    campaign_id, *_ = counted
    _a_register_of_100000(db)

    def report_figures() -> None:
        stats = campaign_stats.collect(db, campaign_id, today=date(2023, 12, 1))
        report_drafts.extra_figures(db, stats)

    joined = [
        p
        for p in plans(db, report_figures, *RECORDS)
        if "SEARCH enterprise USING" in p or "SCAN enterprise" in p
    ]
    assert len(joined) >= 10
    for plan in joined:
        assert "SCAN enterprise" not in plan, plan
