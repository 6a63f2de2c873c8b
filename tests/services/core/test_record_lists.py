"""The one list helper (app/services/core/record_lists.py) behind the record lists:
each filter field, the date range, the text search, the order of a page and a
computed column, checked against records made here — on both engines."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.services.campaign import campaigns, guidance
from app.services.core.keyset import Seek
from app.services.risk import risk_events
from app.services.risk.risk_events import EventFilter
from tests import records


def _event(db: Any, eid: str, kind: str, found: str, description: str = "") -> str:
    values = {"enterprise_id": eid, "kind": kind, "found_on": found, "description": description}
    return risk_events.save_values(db, values)


def test_the_event_list_filters_orders_and_counts_through_the_shared_helper(db: Any) -> None:
    first, second = records.enterprise(db, serial=1), records.enterprise(db, serial=2)
    claim = _event(db, first, "wage_claim", "2023-05-06", "三十名职工讨薪")
    layoff = _event(db, first, "mass_layoff", "2023-06-10")
    closed = _event(db, second, "wage_claim", "2023-07-01")
    risk_events.close(db, closed, date(2023, 7, 5), "已全部支付拖欠工资")
    risk_events.add_intervention(db, claim, date(2023, 5, 8), "县劳动监察大队", "约谈企业")

    def ids(**given: Any) -> set[str]:
        flt = EventFilter(**given)
        found = {row["id"] for row in risk_events.page(db, flt)}
        assert risk_events.count(db, flt) == len(found)
        return found

    assert ids() == {claim, layoff, closed}
    assert ids(kind="wage_claim") == {claim, closed}
    assert ids(status="closed") == {closed}
    assert ids(enterprise_id=second) == {closed}
    assert ids(county_code="410482") == {claim, layoff, closed}
    assert ids(county_code="410421") == set()
    assert ids(found_from=date(2023, 6, 1)) == {layoff, closed}
    assert ids(found_to=date(2023, 6, 10)) == {claim, layoff}
    assert ids(found_from=date(2023, 6, 1), found_to=date(2023, 6, 30)) == {layoff}
    assert ids(text="讨薪") == {claim}
    # Open events first, the newest found first; the interventions counted per row.
    rows = risk_events.page(db, EventFilter())
    assert [r["id"] for r in rows] == [layoff, claim, closed]
    assert {r["id"]: r["interventions"] for r in rows} == {layoff: 0, claim: 1, closed: 0}
    # A page at a time: the second starts after the first's last row.
    page_one = risk_events.page(db, EventFilter(), limit=2)
    assert [
        r["id"] for r in risk_events.page(db, EventFilter(), offset=Seek(page_one.last_key))
    ] == [closed]


def test_the_activity_list_searches_its_title_as_typed(db: Any) -> None:
    campaign = campaigns.save(db, campaigns.load_template(year=2023))
    held = {"kind": "lecture_onsite", "county_code": "410482"}
    full = guidance.save_activity(
        db, {**held, "title": "100%覆盖宣讲", "held_on": "2023-05-06"}, campaign_id=campaign
    )
    other = guidance.save_activity(
        db,
        {**held, "title": "1000家企业宣讲", "held_on": "2023-06-06", "kind": "guide"},
        campaign_id=campaign,
    )

    def ids(**given: Any) -> set[str]:
        flt = guidance.ActivityFilter(**given)
        found = {row["id"] for row in guidance.activities(db, flt)}
        assert guidance.count_activities(db, flt) == len(found)
        return found

    assert ids(campaign_id=campaign) == {full, other}
    assert ids(text="100%") == {full}  # % is a character, not "anything"
    assert ids(text="宣讲") == {full, other}
    assert ids(kind="guide") == {other}
    assert ids(county_code="410482") == {full, other}
    assert ids(county_code="410421") == set()
    assert ids(date_from=date(2023, 6, 1)) == {other}
    assert ids(date_to=date(2023, 6, 1)) == {full}
