"""The name-order snapshot (app/models/name_order.py, migration 0019_name_order): a
page of the register in name order, read through the snapshot, is the page the
plain search gives — before and after edits the snapshot has not seen, with filters,
in both directions and page after page — and it is read in order and stopped at
the page's end, not sorted whole. The snapshot is rebuilt by bulk writes when due,
and a Cancel keeps the old one."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import text

from app.models import migrate, name_order
from app.services.core import keyset
from app.services.core.progress import drain
from app.services.demo import demo
from app.services.register import enterprises
from app.services.register.enterprises import EnterpriseFilter
from tests.builders import code
from tests.plan_support import large_register, plans

# The snapshot is SQLite's; a server searches with pg_trgm (test_enterprises.py
# searches on both engines).
pytestmark = pytest.mark.sqlite_file

TODAY = date(2024, 9, 20)
FRAGMENTS = ["平顶山", "pds", "有限公司", "yxgs", "鼎鑫煤", "科技有", "汝州市", "zzz", "410"]


@pytest.fixture
def ranked(db, monkeypatch):
    """1,200 demo enterprises (a third under 平顶山…, in one place of pinyin order) with
    the snapshot built: here "large" is 100 names, not 200,000."""
    monkeypatch.setattr(name_order, "RANKED_FROM", 100)
    chunks = demo.enterprise_chunks(1200, 4, ["410400", "410482", "410421"], TODAY, 500)
    drain(demo.add_generated(db, chunks, 1200, "演示数据"))
    with db.reader() as conn:
        assert name_order.built_seq(conn) is not None
    return db


def _more(n: int, first: int) -> Any:
    """`n` more demo enterprises, credit codes from serial `first` on."""
    for rows in demo.enterprise_chunks(n, 9, ["410482"], TODAY, 10):
        yield [{**row, "credit_code": code(first + i)} for i, row in enumerate(rows)]
        first += len(rows)


def _pages(db, flt: EnterpriseFilter, descending: bool = False, n: int = 3) -> list[list[str]]:
    out, seek = [], keyset.Seek()
    for _ in range(n):
        rows = enterprises.page(db, flt, descending=descending, offset=seek, limit=40)
        out.append([r[0] for r in rows])
        if rows.last_key is None:
            break
        seek = keyset.Seek(rows.last_key)
    return out


def _both(db, monkeypatch, flt: EnterpriseFilter, descending: bool = False) -> tuple[Any, Any]:
    """The pages read through the snapshot (it must be read) and without it."""
    reads = []
    real = name_order.first_matches
    with monkeypatch.context() as m:
        m.setattr(name_order, "first_matches", lambda *a, **k: reads.append(1) or real(*a, **k))
        through = _pages(db, flt, descending)
    with db.reader() as conn:
        expected = name_order.usable(conn) is not None
    assert bool(reads) == expected, "the snapshot was read when it must not, or not read"
    with monkeypatch.context() as m:
        m.setattr(name_order, "usable", lambda _conn: None)
        plain = _pages(db, flt, descending)
    return through, plain


@pytest.mark.parametrize("fragment", FRAGMENTS)
def test_pages_through_the_snapshot_are_the_plain_search_pages(ranked, monkeypatch, fragment):
    for flt in (
        EnterpriseFilter(text=fragment),
        EnterpriseFilter(text=fragment, county_code="410421"),
    ):
        for descending in (False, True):
            through, plain = _both(ranked, monkeypatch, flt, descending)
            assert through == plain, (fragment, flt.county_code, descending)
    assert any(_pages(ranked, EnterpriseFilter(text="平顶山"))[0])


def test_edits_the_snapshot_has_not_seen_are_found_in_their_new_places(ranked, monkeypatch):
    first = _pages(ranked, EnterpriseFilter(text="平顶山"), n=1)[0]
    # One leaves the fragment, one moves to the front of pinyin order, one is deleted,
    # and a new one joins: the snapshot knows none of it.
    gone, moved, deleted = first[0], first[5], first[9]
    for ent_id, name in ((gone, "宝丰县改名商贸有限公司"), (moved, "阿平顶山安商贸有限公司")):
        values = enterprises.get(ranked, ent_id)
        enterprises.update(
            ranked,
            ent_id,
            {**values, "name": name, "county_code": "410402"},
            loaded=values["version"],
        )
    enterprises.delete(ranked, [deleted])
    added = enterprises.create(
        ranked,
        {"name": "平顶山阿安新材料有限公司", "credit_code": code(9001), "county_code": "410482"},
    )
    with ranked.reader() as conn:
        assert name_order.usable(conn) is not None  # 4 changes: still read through it
    through, plain = _both(ranked, monkeypatch, EnterpriseFilter(text="平顶山"))
    assert through == plain
    ids = [i for page in through for i in page]
    assert ids[0] == moved and added in ids
    assert gone not in ids and deleted not in ids
    # A page that starts after a changed row (its rank is out of date): the moved one.
    moved_key = (enterprises.get(ranked, moved) or {}).get("name")
    assert moved_key
    rows = enterprises.page(ranked, EnterpriseFilter(text="平顶山"), limit=1)
    assert [r[0] for r in rows] == [moved]
    rest = enterprises.page(
        ranked, EnterpriseFilter(text="平顶山"), offset=keyset.Seek(rows.last_key), limit=39
    )
    assert [r[0] for r in rest] == through[0][1:40]


def test_a_page_reads_the_snapshot_in_order_and_sorts_only_its_candidates(ranked):
    large_register(ranked, 1_000_000)
    steps = plans(
        ranked, lambda: enterprises.page(ranked, EnterpriseFilter(text="平顶山")), "name_order_fts"
    )
    assert steps, "the page did not read the snapshot"
    plan = steps[0]
    assert "SCAN name_order_fts VIRTUAL TABLE" in plan
    # The register itself is read by rowid only: no walk of its sort index.
    assert "SCAN enterprise" not in plan.replace("SCAN enterprise USING", "")
    assert "ix_enterprise_sort" not in plan, plan


def test_too_many_changes_since_the_snapshot_fall_back_and_a_bulk_write_rebuilds(
    ranked, monkeypatch
):
    monkeypatch.setattr(name_order, "STALE_LIMIT", 5)
    for n in range(6):
        enterprises.create(
            ranked,
            {
                "name": f"平顶山后来{n}有限公司",
                "credit_code": code(8000 + n),
                "county_code": "410482",
            },
        )
    with ranked.reader() as conn:
        assert name_order.usable(conn) is None
        assert name_order.due(conn)
    through, plain = _both(ranked, monkeypatch, EnterpriseFilter(text="平顶山"))
    assert through == plain
    drain(demo.add_generated(ranked, _more(10, 5000), 10, "演示数据"))
    with ranked.reader() as conn:
        assert name_order.usable(conn) is not None
        assert (
            name_order.ranked_names(conn)
            == conn.execute(text("SELECT count(*) FROM enterprise WHERE deleted = 0")).scalar()
        )


def test_a_cancelled_bulk_write_keeps_the_old_snapshot(ranked, monkeypatch):
    monkeypatch.setattr(name_order, "STALE_LIMIT", 5)
    with ranked.reader() as conn:
        before = name_order.built_seq(conn)
    work = demo.add_generated(ranked, _more(50, 6000), 50, "演示数据")
    monkeypatch.setattr(name_order, "REBUILD_CHUNK", 100)
    for progress in work:
        if "索引" in progress.message and 0 < progress.done < progress.total:
            work.close()  # Cancel half way through indexing the names
            break
    else:
        pytest.fail("the bulk write never rebuilt the snapshot")
    with ranked.reader() as conn:
        assert name_order.built_seq(conn) == before
        assert conn.execute(text("SELECT count(*) FROM enterprise")).scalar() == 1200


def test_a_large_register_is_numbered_when_its_file_is_upgraded(fresh_database, monkeypatch):
    from app.services.core import office

    db = fresh_database("old", operator="测试员")
    office.configure(db, "410482", level="county")
    drain(demo.add_generated(db, demo.enterprise_chunks(150, 4, ["410482"], TODAY, 500), 150, "x"))
    migrate.downgrade(db.engine, "0018_sent_versions")
    monkeypatch.setattr(name_order, "RANKED_FROM", 100)
    migrate.upgrade(db.engine)
    with db.reader() as conn:
        assert name_order.built_seq(conn) is not None
        assert name_order.ranked_names(conn) == 150
    assert _pages(db, EnterpriseFilter(text="有限公司"), n=1)[0]


def test_an_enterprise_import_and_a_bundle_build_the_snapshot_when_due(pair, tmp_path, monkeypatch):
    from app.services.register.enterprise_import import apply_import, plan_import
    from app.services.sync import bundle
    from tests.builders import simple_enterprise_xlsx

    monkeypatch.setattr(name_order, "RANKED_FROM", 100)
    county, city, cpriv, ypriv = pair
    rows = [
        {"name": f"汝州市平顶山路{i}号商贸有限公司", "credit_code": code(i)} for i in range(1, 121)
    ]
    plan = drain(plan_import(county, simple_enterprise_xlsx(tmp_path / "e.xlsx", rows)))
    drain(apply_import(county, plan))
    bundle.export(county, "410400", tmp_path / "out", cpriv)
    with city.reader() as conn:
        assert name_order.built_seq(conn) is None  # the city had no register yet
    bundle.import_paths(city, [tmp_path / "out"], ypriv, receipt_dir=tmp_path / "r")
    for office_db in (county, city):
        with office_db.reader() as conn:
            assert name_order.ranked_names(conn) == 120
        assert len(_pages(office_db, EnterpriseFilter(text="平顶山路"), n=1)[0]) == 40
