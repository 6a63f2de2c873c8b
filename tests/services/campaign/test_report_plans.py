"""The summary report's counts by county read the records, then each record's
enterprise by its key — never the whole register (issue 17: SQLite, knowing the
register's size from ANALYZE and nothing of a record table's, walked 100,000
enterprises by the county index for every count, 0.25 s each)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from app.services.campaign import campaign_stats, report_drafts
from tests.plan_support import large_register, plans

RECORDS = ("health_check", "rectification_item", "negotiation_offer", "layoff_filing")
RECORDS += ("major_risk_event",)


@pytest.mark.sqlite_file
def test_counts_by_county_start_from_the_records(db: Any, counted: Any) -> None:
    campaign_id, *_ = counted
    large_register(db)

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
