"""The ids a bundle carries are kept in a scratch SQLite file while it is merged
(app/services/sync/bundle_seen.py), not in Python sets: a repeated id is still
refused, and a record naming a parent in the same bundle (an earlier chunk) or in
the database is still accepted, with the message word for word and in the order
the sets gave. Chunks of three records here, so every case crosses a chunk."""

from __future__ import annotations

import pytest

from app.services.core.stats import RECORD_TYPE_NAMES
from app.services.register import enterprises
from app.services.register.enterprises import EnterpriseFilter
from app.services.sync import bundle, bundle_merge
from app.services.sync.bundle import BundleError
from app.services.sync.bundle_seen import SeenIds
from tests.builders import code
from tests.sync_support import CITY, craft, jsonl, record_row, snapshot, trust_each_other

COUNTY = "410421"


@pytest.fixture
def offices(sync_office, tmp_path, monkeypatch):
    city, city_keys = sync_office(CITY)
    county, county_keys = sync_office(COUNTY)
    (tmp_path / "pub").mkdir()
    trust_each_other(tmp_path / "pub", city, county)
    monkeypatch.setattr(bundle_merge, "CHUNK", 3)
    return city, city_keys, county_keys


def firm(n: int) -> dict:
    return record_row(COUNTY, id=f"e{n:031d}", name=f"外县第{n}公司", credit_code=code(900 + n))


def item(n: int, parent: str) -> dict:
    row = {
        **record_row(COUNTY, id=f"r{n:031d}"),
        "enterprise_id": parent,
        "matter": "未签劳动合同",
        "found_on": "2023-07-01",
        "deadline": "2023-08-01",
        "original_deadline": "2023-08-01",
    }
    for key in ("name", "credit_code", "county_code"):
        row.pop(key)
    return row


def test_seen_ids_are_kept_per_table_in_a_scratch_database():
    seen = SeenIds()
    try:
        assert seen.known("enterprise", ["a", "b"]) == set()
        seen.add("enterprise", ["a", "b"])
        seen.add("rectification_item", ["a"])
        assert seen.known("enterprise", ["a", "c", "b"]) == {"a", "b"}
        assert seen.known("rectification_item", ["a", "b"]) == {"a"}
        assert seen.known("attachment", ["a"]) == set()
    finally:
        seen.close()


def test_repeated_ids_and_missing_parents_are_refused_as_before(offices, tmp_path):
    city, city_keys, county_keys = offices
    e = [firm(n) for n in range(7)]
    firms = jsonl(e[1], e[2], e[3], e[1]) + b"{not json\n" + jsonl(e[4], e[4], e[5], e[6], e[2])
    ghost = "f" * 32
    items = jsonl(item(1, e[1]["id"]), item(2, e[6]["id"]), item(3, ghost), item(4, e[5]["id"]))
    items += jsonl(item(1, e[2]["id"]))
    members = {"records/enterprise.jsonl": firms, "records/rectification_item.jsonl": items}
    path = craft(tmp_path / "dup.hexie", COUNTY, county_keys, city, members)
    before = snapshot(city)
    with pytest.raises(BundleError) as err:
        bundle.import_paths(city, [path], city_keys)
    assert snapshot(city) == before
    firm_kind, item_kind = RECORD_TYPE_NAMES["enterprise"], RECORD_TYPE_NAMES["rectification_item"]
    assert str(err.value).splitlines()[1:] == [
        f"{firm_kind} 第 4 行与前面的记录编号 {e[1]['id']} 重复",
        f"{firm_kind} 第 5 行不是有效的 JSON",
        f"{firm_kind} 第 7 行与前面的记录编号 {e[4]['id']} 重复",
        f"{firm_kind} 第 10 行与前面的记录编号 {e[2]['id']} 重复",
        f"{item_kind} 第 3 行引用的{firm_kind} {ghost} 不存在",
        f"{item_kind} 第 5 行与前面的记录编号 {'r' + '1'.zfill(31)} 重复",
    ]


@pytest.mark.parametrize("dry_run", [True, False])
def test_parents_in_the_bundle_or_the_database_are_found(offices, tmp_path, dry_run):
    city, city_keys, county_keys = offices
    here = enterprises.create(
        city, {"name": "市里的公司", "credit_code": code(1), "county_code": "410402"}
    )
    e = [firm(n) for n in range(1, 6)]
    items = [item(1, e[0]["id"]), item(2, e[4]["id"]), item(3, here), item(4, e[2]["id"])]
    members = {
        "records/enterprise.jsonl": jsonl(*e),
        "records/rectification_item.jsonl": jsonl(*items),
    }
    path = craft(tmp_path / "ok.hexie", COUNTY, county_keys, city, members)
    summary = bundle.import_paths(city, [path], city_keys, dry_run=dry_run)
    counts = summary["bundles"][0]["counts"]
    assert counts["enterprise"]["added"] == 5 and counts["rectification_item"]["added"] == 4
    assert enterprises.count(city, EnterpriseFilter()) == (1 if dry_run else 6)
