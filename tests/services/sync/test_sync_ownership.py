"""A city and several counties: every record has an owning office, and a bundle
may create, change or delete only its sender's records."""

from __future__ import annotations

import json

import pytest

from app.services.campaign import campaigns
from app.services.checks import checklists
from app.services.register import enterprises
from app.services.register.enterprises import EnterpriseFilter
from app.services.sync import bundle
from app.services.sync.bundle import BundleError
from tests.builders import code
from tests.sync_support import CITY, craft, jsonl, snapshot, trust_each_other

COUNTIES = ("410421", "410422", "410423")


@pytest.fixture
def city_and_counties(sync_office, tmp_path):
    city = sync_office(CITY)
    counties = {c: sync_office(c) for c in COUNTIES}
    (tmp_path / "pub").mkdir()
    trust_each_other(tmp_path / "pub", city[0], *(db for db, _k in counties.values()))
    return city, counties


def firm_in(db, name, n, county="410421"):
    """An enterprise registered by `db`'s office: the n-th credit code of its county."""
    return enterprises.create(
        db, {"name": name, "credit_code": code(n, county), "county_code": county}
    )


def send(sender, private, to, folder, **kw):
    return bundle.export(sender, to, folder, private, **kw)


def test_ten_default_checklists_meet_at_the_city(city_and_counties, tmp_path):
    """Every office has its own default edition 1 under the same code; the city merges
    them all (and its own) without a collision and sees which edition each used."""
    (city, city_keys), counties = city_and_counties
    from datetime import date

    from app.services.checks import health_checks
    from app.services.checks.check_input import CheckInput

    city_own = checklists.active(city)  # the city made its default first
    for n, (c, (db, private)) in enumerate(counties.items(), start=1):
        spec = checklists.active(db)
        assert spec.edition == 1 and spec.owner == c
        eid = firm_in(db, f"{c}甲公司", n, county=c)
        health_checks.create(
            db, CheckInput(enterprise_id=eid, check_date=date(2023, 7, 1), checklist_id=spec.id)
        )
        send(db, private, CITY, tmp_path / "to-city")
    summary = bundle.import_paths(city, [tmp_path / "to-city"], city_keys)
    assert [b["counts"]["checklist"]["added"] for b in summary["bundles"]] == [1, 1, 1]
    assert checklists.active(city).id == city_own.id  # the city still uses its own
    used = {
        (u.office_code, u.edition, u.edition_owner, u.checks)
        for u in checklists.editions_used(city)
    }
    assert used == {(c, 1, c, 1) for c in COUNTIES}


def test_a_county_cannot_overwrite_another_countys_record(city_and_counties, tmp_path):
    (city, city_keys), counties = city_and_counties
    a_db, a_keys = counties["410421"]
    b_db, b_keys = counties["410422"]
    firm = firm_in(a_db, "宝丰县甲公司", 1)
    send(a_db, a_keys, CITY, tmp_path / "a")
    bundle.import_paths(city, [tmp_path / "a"], city_keys)
    # 410422 sends 410421's enterprise at a higher version, signed with its own key.
    row = {**enterprises.get(a_db, firm), "id": firm}
    stolen = {
        **{k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in row.items()},
        "version": 9,
        "origin_office": "410421",
        "created_at": "2023-07-01T08:00:00",
        "updated_at": "2023-07-02T08:00:00",
        "author": "叶县",
        "deleted": False,
        "name": "被改掉的名字",
    }
    path = craft(
        tmp_path / "evil.hexie", "410422", b_keys, city, {"records/enterprise.jsonl": jsonl(stolen)}
    )
    before = snapshot(city)
    with pytest.raises(BundleError) as err:
        bundle.import_paths(city, [path], city_keys)
    message = str(err.value)
    assert "宝丰县甲公司" in message and firm in message
    assert "宝丰县（410421）" in message and "叶县（410422）" in message
    assert snapshot(city) == before
    assert enterprises.get(city, firm)["name"] == "宝丰县甲公司"
    # Claiming the record for itself is refused too, and so is creating one in another's name.
    for n, changed in enumerate(
        [
            {**stolen, "origin_office": "410422"},
            {**stolen, "id": "e" * 32, "credit_code": code(5, "410421")},
        ]
    ):
        path = craft(
            tmp_path / f"evil{n}.hexie",
            "410422",
            b_keys,
            city,
            {"records/enterprise.jsonl": jsonl(changed)},
        )
        with pytest.raises(BundleError) as err:
            bundle.import_paths(city, [path], city_keys)
        assert "叶县（410422）" in str(err.value) and snapshot(city) == before
    assert b_db


def test_the_city_issues_its_records_and_proposals_go_back_to_the_owner(
    city_and_counties, tmp_path
):
    """The city sends what it owns (a campaign to every county, an enterprise it
    registered to the county it is in); a county's edit of one of them comes back as a
    proposal: a conflict at the city, never applied."""
    (city, city_keys), counties = city_and_counties
    campaign = campaigns.save(city, campaigns.load_template())
    firm = firm_in(city, "市直乙公司", 2, county="410421")
    for c, (db, private) in counties.items():
        send(city, city_keys, c, tmp_path / f"to-{c}")
        bundle.import_paths(db, [tmp_path / f"to-{c}"], private, receipt_dir=tmp_path / f"r-{c}")
        held = enterprises.count(db, EnterpriseFilter())
        assert held == (1 if c == "410421" else 0)  # the firm only where it is
        [info] = [i for i in campaigns.all_campaigns(db) if i.id == campaign]
        assert info.owner == CITY and "平顶山市" in info.label
    a_db, a_keys = counties["410421"]
    enterprises.update(a_db, firm, {"contact_person": "宝丰县改的"})
    result = send(a_db, a_keys, CITY, tmp_path / "back")
    assert result.counts == {"enterprise": 1}  # only the changed city record travels back
    summary = bundle.import_paths(city, [tmp_path / "back"], city_keys)
    assert summary["bundles"][0]["counts"]["enterprise"]["conflicts"] == 1
    assert enterprises.get(city, firm)["contact_person"] == ""  # not applied
    [conflict] = bundle.conflicts(city)
    assert conflict["peer"] == "410421" and "宝丰县改的" in conflict["incoming_json"]


def test_the_city_never_relays_one_county_to_another(city_and_counties, tmp_path):
    (city, city_keys), counties = city_and_counties
    a_db, a_keys = counties["410421"]
    b_db, b_keys = counties["410422"]
    firm_in(a_db, "宝丰县甲公司", 1)
    send(a_db, a_keys, CITY, tmp_path / "a")
    bundle.import_paths(city, [tmp_path / "a"], city_keys)
    result = send(city, city_keys, "410422", tmp_path / "to-b")
    assert "enterprise" not in result.counts
    bundle.import_paths(b_db, [tmp_path / "to-b"], b_keys)
    assert enterprises.count(b_db, EnterpriseFilter()) == 0


def test_the_city_sends_a_county_its_own_county_and_the_shared_records(city_and_counties, tmp_path):
    """The city's own records of two counties (enterprises it registered, their checks,
    rectification items and layoff filings, guidance activities, typical cases) go each
    to its county only; its campaign goes to both; its own summary report to neither.
    Counted in each county's database with SQL."""
    from datetime import date

    from sqlalchemy import text

    from app.services.campaign import campaign_report, guidance
    from app.services.checks import health_checks
    from app.services.layoffs import layoffs
    from app.services.layoffs.layoffs import FilingInput
    from tests.records import filled

    (city, city_keys), counties = city_and_counties
    campaign = campaigns.save(city, campaigns.load_template())
    campaign_report.save(city, campaign, campaign_report.ReportInput(title="平顶山市总结"))
    firms = {}
    for n, county in enumerate(("410421", "410422"), start=1):
        eid = firms[county] = firm_in(city, f"{county}市直公司", n, county=county)
        health_checks.create(city, filled(city, eid, date(2023, 7, n)), final=True)
        layoffs.save(
            city, FilingInput(eid, total_staff=100, laid_off=25, reported_on=date(2023, 8, 1))
        )
        guidance.save_activity(
            city,
            {
                "held_on": "2023-08-15",
                "kind": "lecture_onsite",
                "title": county,
                "county_code": county,
            },
            campaign_id=campaign,
            enterprise_ids=[eid],
        )
        guidance.save_case(
            city,
            {
                "title": f"{county}案例",
                "kind": "model_enterprise",
                "county_code": county,
                "body": "做法",
            },
            campaign_id=campaign,
            enterprise_id=eid,
        )
    held = {}
    for county in ("410421", "410422"):
        db, private = counties[county]
        result = send(city, city_keys, county, tmp_path / f"to-{county}")
        assert result.counts["enterprise"] == 1 and "campaign_report" not in result.counts
        bundle.import_paths(db, [tmp_path / f"to-{county}"], private)
        with db.reader() as con:
            held[county] = {
                table: con.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
                for table in (
                    "enterprise",
                    "health_check",
                    "rectification_item",
                    "layoff_filing",
                    "guidance_activity",
                    "typical_case",
                    "campaign",
                    "campaign_report",
                )
            }
            counties_held = {
                r[0] for r in con.execute(text("SELECT DISTINCT county_code FROM enterprise"))
            }
            places = {r[0] for r in con.execute(text("SELECT county_code FROM guidance_activity"))}
            foreign = con.execute(
                text(
                    "SELECT count(*) FROM health_check h LEFT JOIN enterprise e"
                    " ON e.id = h.enterprise_id WHERE e.county_code IS NULL OR e.county_code <> :c"
                ),
                {"c": county},
            ).scalar_one()
        assert counties_held == {county} and foreign == 0
        assert places == {county}
    for county in ("410421", "410422"):
        assert held[county]["enterprise"] == 1 and held[county]["health_check"] == 1
        assert held[county]["rectification_item"] == 2  # filled(): A01 and B03 not met
        assert held[county]["layoff_filing"] == 1 and held[county]["typical_case"] == 1
        assert held[county]["campaign"] == 1 and held[county]["campaign_report"] == 0
        assert held[county]["guidance_activity"] == 1


def test_two_counties_registering_one_firm_both_reach_the_city(city_and_counties, tmp_path):
    (city, city_keys), counties = city_and_counties
    shared = code(7, "410421")
    for c in ("410421", "410422"):
        db, private = counties[c]
        enterprises.create(
            db, {"name": "跨县建筑公司", "credit_code": shared, "county_code": "410421"}
        )
        send(db, private, CITY, tmp_path / f"from-{c}")
    bundle.import_paths(city, [tmp_path / "from-410421", tmp_path / "from-410422"], city_keys)
    assert enterprises.count(city, EnterpriseFilter()) == 2


def test_same_bundle_twice_in_one_call_and_in_a_folder(city_and_counties, tmp_path):
    (city, city_keys), counties = city_and_counties
    db, private = counties["410421"]
    firm_in(db, "甲", 1)
    result = send(db, private, CITY, tmp_path / "out")
    copy = tmp_path / "again" / f"copy-{result.files[0].name}"
    copy.parent.mkdir()
    copy.write_bytes(result.files[0].read_bytes())
    summary = bundle.import_paths(city, [result.files[0], tmp_path / "again"], city_keys)
    assert [b["already_imported"] for b in summary["bundles"]] == [False, True]
    assert enterprises.count(city, EnterpriseFilter()) == 1
    summary = bundle.import_paths(city, [copy], city_keys, receipt_dir=tmp_path / "r2")
    assert summary["bundles"][0]["already_imported"] is True
    assert summary["receipts"]  # the receipt can be made again


def test_one_open_conflict_per_record_updated_by_later_bundles(city_and_counties, tmp_path):
    (city, city_keys), counties = city_and_counties
    db, private = counties["410421"]
    firm = firm_in(db, "甲", 1)
    send(db, private, CITY, tmp_path / "b1")
    bundle.import_paths(city, [tmp_path / "b1"], city_keys)
    enterprises.update(city, firm, {"contact_person": "市里"})
    enterprises.update(db, firm, {"contact_person": "县里一"})
    send(db, private, CITY, tmp_path / "b2")
    enterprises.update(db, firm, {"contact_person": "县里二"})
    send(db, private, CITY, tmp_path / "b3")
    # the newer bundle first, the older one afterwards: still one conflict, the newer version
    bundle.import_paths(city, [tmp_path / "b3"], city_keys)
    bundle.import_paths(city, [tmp_path / "b2"], city_keys)
    [conflict] = bundle.conflicts(city)
    assert json.loads(conflict["incoming_json"])["contact_person"] == "县里二"
    assert "change_seq" not in json.loads(conflict["local_json"])
    assert enterprises.get(city, firm)["contact_person"] == "市里"


def test_receipt_goes_to_the_outbox_when_the_folder_is_read_only(
    city_and_counties, tmp_path, monkeypatch
):
    from app.services.sync import bundle_receipts

    (city, city_keys), counties = city_and_counties
    db, private = counties["410421"]
    firm_in(db, "甲", 1)
    result = send(db, private, CITY, tmp_path / "stick")
    real_write = bundle_receipts.write_parts

    def read_only(folder, name, data, mb):
        if folder == tmp_path / "stick":
            raise PermissionError(13, "Permission denied")
        return real_write(folder, name, data, mb)

    monkeypatch.setattr(bundle_receipts, "write_parts", read_only)
    summary = bundle.import_paths(city, result.files, city_keys, receipt_dir=tmp_path / "stick")
    [receipt] = summary["receipts"]
    outbox = bundle_receipts.outbox(city)
    assert receipt.startswith(str(outbox)) and str(outbox) in summary["receipt_note"]
    assert enterprises.count(city, EnterpriseFilter()) == 1
    # the county reads the receipt from the outbox: its next bundle starts after it
    bundle.import_paths(db, [receipt], private)
    assert send(db, private, CITY, tmp_path / "next").counts == {}


def test_the_citys_risk_summary_is_its_own(city_and_counties, tmp_path):
    """A county's grading snapshot arrives at the city as the county's record: the
    city's risk tab does not show it as the city's latest grading."""
    from app.services.core.progress import drain
    from app.services.risk import risk_grading

    (city, city_keys), counties = city_and_counties
    db, private = counties["410421"]
    firm_in(db, "甲", 1)
    drain(risk_grading.grade(db))
    assert risk_grading.latest_summary(db) is not None
    send(db, private, CITY, tmp_path / "b")
    summary = bundle.import_paths(city, [tmp_path / "b"], city_keys)
    assert summary["bundles"][0]["counts"]["risk_grading"]["added"] == 1
    assert risk_grading.latest_summary(city) is None
    drain(risk_grading.grade(city))
    assert risk_grading.latest_summary(city)["low"] == 1  # the city's own grading of what it holds


def test_a_receipt_never_acknowledges_more_than_was_sent(city_and_counties, tmp_path):
    from app.services.sync import keys
    from tests.sync_support import craft

    (city, city_keys), counties = city_and_counties
    db, private = counties["410421"]
    firm_in(db, "甲", 1)
    sent = send(db, private, CITY, tmp_path / "b1")
    firm_in(db, "乙", 2)
    receipt = craft(
        tmp_path / "r" / "receipt.hexie",
        CITY,
        city_keys,
        db,
        {},
        kind="receipt",
        sequence=0,
        acknowledged_seq=10**9,
    )
    bundle.import_paths(db, [receipt], private)
    assert 0 < keys.peer(db, CITY).acked_seq < 10**9
    assert send(db, private, CITY, tmp_path / "b2").counts == {"enterprise": 1}  # 乙 still goes
    assert sent
