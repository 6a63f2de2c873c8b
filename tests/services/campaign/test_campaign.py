"""Campaigns, their statistics against hand-counted data, and the list filters
the dashboard opens (the numbers must equal the lists)."""

from __future__ import annotations

from datetime import date

import pytest

from app.services.campaign import campaign_stats, campaigns, guidance
from app.services.campaign.campaigns import CampaignInput, Phase
from app.services.checks import health_checks
from app.services.core.fields import ValidationError
from app.services.layoffs import layoffs
from app.services.layoffs.layoffs import FilingInput
from app.services.ledger import ledger
from app.services.negotiation import offers
from app.services.negotiation.offers import OfferInput
from app.services.register import enterprises
from app.services.risk import risk_events
from app.services.risk.risk_events import EventInput
from tests.records import close, filled, manual

TODAY = date(2023, 12, 1)


def test_2023_template_is_the_notice():
    data = campaigns.load_template()
    assert data.doc_number == "平协调三方办〔2023〕3号"
    assert (data.starts_on, data.report_due) == (date(2023, 6, 15), date(2023, 12, 1))
    assert [(p.name, p.start, p.end) for p in data.phases][:3] == [
        ("强化风险摸排", date(2023, 6, 15), date(2023, 7, 15)),
        ("突出协商要约", date(2023, 7, 21), date(2023, 8, 15)),
        ("开展指导服务", date(2023, 7, 21), date(2023, 11, 15)),
    ]
    moved = campaigns.load_template(year=2025)
    assert moved.name.startswith("2025年") and moved.doc_number == ""
    assert moved.phases[0].start == date(2025, 6, 15)


def test_dates_in_the_wrong_order_are_refused(db):
    bad = CampaignInput("2024年专项行动", date(2024, 11, 30), date(2024, 6, 1))
    with pytest.raises(ValidationError) as err:
        campaigns.save(db, bad)
    assert "填反" in err.value.errors["period"]
    bad = CampaignInput(
        "2024年专项行动",
        date(2024, 6, 1),
        date(2024, 11, 30),
        phases=[Phase("a", "风险摸排", date(2024, 7, 15), date(2024, 6, 15))],
    )
    with pytest.raises(ValidationError) as err:
        campaigns.save(db, bad)
    assert "风险摸排" in err.value.errors["phases"]
    assert campaigns.all_campaigns(db) == []


def test_current_campaign_and_delete(db):
    first = campaigns.save(db, campaigns.load_template())
    second = campaigns.save(db, campaigns.load_template(year=2024))
    assert campaigns.current(db).id == first  # the first saved becomes current
    campaigns.set_current(db, second)
    assert campaigns.current(db).id == second
    campaigns.delete(db, second)
    assert campaigns.current(db, date(2023, 8, 1)).id == first


def test_statistics_against_hand_counts(db, counted, tmp_path):
    campaign_id, a, b, c = counted
    evidence = tmp_path / "整改报告.pdf"
    evidence.write_bytes(b"%PDF-1.4 report")
    closed = manual(db, b, found=date(2023, 7, 10), deadline=date(2023, 8, 1))
    close(db, closed, evidence, on=date(2023, 7, 30))
    manual(db, c, found=date(2023, 5, 1), deadline=date(2023, 5, 20))  # before the campaign
    offers.save(
        db,
        OfferInput(a, topics=["g01_pay"], sent_on=date(2023, 7, 25), received_on=date(2023, 7, 26)),
    )
    offers.save(
        db,
        OfferInput(b, topics=["g01_pay"], sent_on=date(2023, 3, 1), received_on=date(2023, 3, 2)),
    )
    layoffs.save(
        db,
        FilingInput(
            a,
            total_staff=100,
            laid_off=25,
            explained_on=date(2023, 7, 1),
            layoff_on=date(2023, 8, 20),
            reported_on=date(2023, 8, 1),
            reemployed=5,
        ),
    )
    risk_events.save(db, EventInput(b, people=30, found_on=date(2023, 9, 5)), today=TODAY)
    guidance.save_activity(
        db,
        {
            "held_on": "2023-08-15",
            "kind": "law_into_enterprise",
            "title": "送法进企业",
            "county_code": "410482",
            "people_reached": "60",
            "other_enterprises": "2",
        },
        campaign_id=campaign_id,
        enterprise_ids=[a, c],
    )
    s = campaign_stats.collect(db, campaign_id, today=TODAY)
    assert s.counties == ["410482"]
    assert s.checks == {"410482": 2} and s.targets == {"410482": 4}
    assert s.checks_by_month["2023-07"] == {"410482": 1}
    assert s.checks_by_month["2023-08"] == {"410482": 1}
    assert s.ledger["410482"] == {"found": 2, "open": 1, "closed": 1, "overdue": 1}
    assert ("2023-07", 1, 1) in s.closure_by_month and ("2023-09", 1, 0) in s.closure_by_month
    assert s.offers["410482"]["offers"] == 1
    assert s.layoffs["410482"] == {"filings": 1, "people": 25, "reemployed": 5}
    assert s.events["410482"]["open"] == 1 and s.events["410482"]["open_people"] == 30
    g = s.guidance_by_kind["law_into_enterprise"]
    # Two from the register (one registered in May: new) plus two others.
    assert g == {"activities": 1, "enterprises": 4, "new_enterprises": 1, "people": 60}


def test_dashboard_numbers_equal_the_lists(city_db):
    """Every number, per county, equals the count of the list it opens."""
    from app.services.core.progress import drain
    from app.services.demo import demo

    today = date(2026, 11, 29)
    drain(demo.generate(city_db, enterprises=240, seed=3, today=today))
    campaign_id = campaigns.current(city_db, today).id
    s = campaign_stats.collect(city_db, campaign_id, today=today)
    p = s.period
    assert sum(s.checks.values()) > 0 and s.total(s.ledger, "found") > 0
    for county in s.counties:
        assert (
            health_checks.count(city_db, campaign_stats.check_filter(p, county)) == s.checks[county]
        )
        for state in campaign_stats.LEDGER_STATES:
            flt = campaign_stats.ledger_filter(p, state, county, today)
            assert ledger.count(city_db, flt) == s.ledger[county][state], (county, state)
        for level in campaign_stats.RISK_LEVELS:
            flt = campaign_stats.enterprise_filter(level, county)
            assert enterprises.count(city_db, flt) == s.risk[county][level]
        assert (
            layoffs.count(city_db, campaign_stats.filing_filter(p, county))
            == s.layoffs[county]["filings"]
        )
        assert (
            risk_events.count(city_db, campaign_stats.event_filter(county))
            == s.events[county]["open"]
        )
        assert (
            offers.count(city_db, campaign_stats.offer_filter(p, county=county, today=today))
            == s.offers[county]["offers"]
        )
    for stage, n in s.offers_by_stage.items():
        assert offers.count(city_db, campaign_stats.offer_filter(p, stage, today=today)) == n
    for kind, row in s.guidance_by_kind.items():
        flt = campaign_stats.guidance_filter(campaign_id, kind)
        assert guidance.count_activities(city_db, flt) == row["activities"]
    assert s.total(s.guidance_by_kind, "activities") == 5 * len(s.counties)
    assert len(s.cases) == len(s.counties)  # one chosen case per county in the demo
    # The lists above are services too: the same numbers, counted straight from the rows.
    assert s.checks == _per_county(
        city_db,
        "SELECT e.county_code, count(*) FROM health_check h JOIN enterprise e"
        " ON e.id = h.enterprise_id WHERE NOT h.deleted AND NOT e.deleted"
        " AND h.status = 'final'"  # a draft is no check done (README, 工作总结)
        " AND h.check_date BETWEEN :start AND :end GROUP BY e.county_code",
        s.counties,
        start=p.start,
        end=p.end,
    )
    found = _per_county(
        city_db,
        "SELECT e.county_code, count(*) FROM rectification_item r JOIN enterprise e"
        " ON e.id = r.enterprise_id WHERE NOT r.deleted AND NOT e.deleted"
        " AND r.found_on BETWEEN :start AND :end GROUP BY e.county_code",
        s.counties,
        start=p.start,
        end=p.end,
    )
    assert {c: s.ledger[c]["found"] for c in s.counties} == found
    assert {c: s.events[c]["open"] for c in s.counties} == _per_county(
        city_db,
        "SELECT e.county_code, count(*) FROM major_risk_event v JOIN enterprise e"
        " ON e.id = v.enterprise_id WHERE NOT v.deleted AND NOT e.deleted"
        " AND v.status = 'open' GROUP BY e.county_code",
        s.counties,
    )


def _per_county(db, sql, counties, **params):
    """{county: n} of a GROUP BY county_code query, 0 for counties without rows."""
    from sqlalchemy import text

    with db.reader() as conn:
        rows = dict(conn.execute(text(sql), {k: str(v) for k, v in params.items()}).all())
    return {county: rows.get(county, 0) for county in counties}


def test_the_plan_counts_enterprises_once_and_only_in_its_counties(db, counted):
    """A plan of "4 家" is enterprises: one checked twice counts once. And a campaign
    whose plan names some counties (a county's campaign received by the city) is
    completed by those counties alone — the city's report said "计划112家，完成160.7%"
    from every county's checks."""
    from app.services.campaign import report_drafts, report_tables

    campaign_id, a, _b, _c = counted
    # a again, final; the fixture's draft of c in September counts nowhere.
    health_checks.create(db, filled(db, a, date(2023, 9, 10), noncompliant=()), final=True)
    s = campaign_stats.collect(db, campaign_id, today=TODAY)
    assert s.checks == {"410482": 3} and s.checked == {"410482": 2}
    text = report_drafts.drafts(s, report_drafts.extra_figures(db, s), "汝州市")
    assert "期间共对2家企业" in text["basic"] and "计划4家，完成50.0%）" in text["basic"]
    assert "共体检企业2家" in text["risk"]
    total = report_tables.county_table(s).rows[-1]
    assert total[:4] == ["合计", "4", "2", "50.0%"]
    # Checks in a county the plan does not name are said apart, not counted into it.
    s.counties.append("410422")
    s.checked["410422"] = 5
    s.ledger["410422"] = dict.fromkeys(("found", "open", "closed", "overdue"), 0)
    text = report_drafts.drafts(s, report_drafts.extra_figures(db, s), "汝州市")
    assert "期间共对7家企业" in text["basic"]
    assert "计划4家，完成50.0%；未列入计划的县（市、区）另体检5家）" in text["basic"]
    assert "体检完成计划的50.0%，尚有2家未体检" in "".join(text.values())
    assert report_tables.county_table(s).rows[-1][:4] == ["合计", "4", "7", "50.0%"]


def test_a_month_counts_an_enterprise_checked_twice_once(db, counted):
    """The annex's 体检企业 by month counted checks: an enterprise checked again the
    same month made two 企业, and the months added up to more than the 家 the report
    and the county table give."""
    from app.services.campaign import report_annex, report_tables

    campaign_id, a, *_ = counted
    health_checks.create(db, health_checks.template(db, a, date(2023, 7, 20)))  # again in July
    s = campaign_stats.collect(db, campaign_id, today=TODAY)
    assert s.checks_by_month["2023-07"] == {"410482": 1}
    by_month = {row[0]: row for row in report_tables.month_table(s).rows}
    assert by_month["2023年7月"][1] == "1"
    assert sum(int(row[1]) for row in by_month.values()) == s.checked["410482"] == 2
    by_county = dict(report_annex.tables(s)[3][2].rows[i][:2] for i in range(2))
    assert by_county["2023年7月"] == "1"
