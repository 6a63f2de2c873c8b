"""One- and two-character name searches (issue 17): a rare fragment is looked up in
the piece index (migration 0016_scale) instead of LIKE over the whole register; a
common one walks the sort index, which fills a page at once. Results are checked
against the names themselves."""

from __future__ import annotations

import sqlite3

import pytest

from app.models import migrate, name_index
from app.services.register import enterprises
from app.services.register.enterprises import EnterpriseFilter
from tests.builders import code
from tests.plan_support import large_register, plans

# The piece index and these query plans are SQLite's (0016_scale); a server answers
# short fragments with ILIKE (tests/services/register/test_enterprises.py searches
# "煤矿" on both engines).
pytestmark = pytest.mark.sqlite_file

NAMES = ["甲乙建筑有限公司", "丙丁商贸有限公司", "戊己餐饮有限公司", "庚辛物流有限公司"]


@pytest.fixture
def register(db, monkeypatch):
    monkeypatch.setattr(name_index, "RARE", 8)  # "common" is 8 names here, not 20,000
    for n in range(30):
        name = NAMES[n % 3] + str(n) if n != 7 else NAMES[3]
        enterprises.create(db, {"name": name, "credit_code": code(n + 1), "county_code": "410482"})
    return db


def names_with(db, fragment: str) -> list[str]:
    con = sqlite3.connect(db.path)
    rows = con.execute(
        "SELECT name, name_initials FROM enterprise WHERE deleted = 0 ORDER BY name"
    ).fetchall()
    con.close()
    low = fragment.lower()
    ascii_query = fragment.isascii()
    return [n for n, i in rows if low in n.lower() or (ascii_query and low in i)]


def found(db, fragment: str) -> list[str]:
    rows = enterprises.page(db, EnterpriseFilter(text=fragment), limit=100)
    assert len(rows) == enterprises.count(db, EnterpriseFilter(text=fragment))
    return sorted(r[1] for r in rows)


@pytest.mark.parametrize("fragment", ["庚", "庚辛", "物流", "7", "gx"])
def test_a_rare_short_fragment_is_looked_up_in_the_piece_index(register, fragment):
    page_plans = plans(register, lambda: found(register, fragment), "enterprise")
    searches = [p for p in page_plans if "FROM" not in p]
    assert any("enterprise_gram USING PRIMARY KEY (gram" in p for p in page_plans), page_plans
    assert all("SCAN enterprise" not in p or "SCAN enterprise_gram" in p for p in searches)
    assert found(register, fragment) == sorted(names_with(register, fragment))
    assert found(register, fragment)  # the fragment is there


def test_the_piece_index_follows_renames_and_deletes(register):
    (ent,) = [r[0] for r in enterprises.page(register, EnterpriseFilter(text="庚辛"))]
    values = enterprises.get(register, ent)
    enterprises.update(register, ent, {**values, "name": "壬癸酒店有限公司"})
    assert found(register, "庚") == []
    assert found(register, "壬癸") == ["壬癸酒店有限公司"]
    assert found(register, "rg") == ["壬癸酒店有限公司"]  # its initials rgjdyxgs
    enterprises.delete(register, [ent])
    assert found(register, "壬癸") == []
    con = sqlite3.connect(register.path)
    with con:
        con.execute("DELETE FROM enterprise WHERE id = ?", (ent,))
        left = con.execute(
            "SELECT count(*) FROM enterprise_gram WHERE enterprise_rowid NOT IN"
            " (SELECT rowid FROM enterprise)"
        ).fetchone()[0]
    con.close()
    assert left == 0  # a hard delete (a restore, a rollback) leaves no pieces behind


def test_an_existing_register_is_indexed_by_the_upgrade(register):
    migrate.downgrade(register.engine, "0014_search")
    con = sqlite3.connect(register.path)
    assert not con.execute(
        "SELECT name FROM sqlite_master WHERE name = 'enterprise_gram'"
    ).fetchall()
    con.close()
    # A file without the piece index (an older one opened read-only) searches by LIKE.
    assert found(register, "庚辛") == ["庚辛物流有限公司"]
    migrate.upgrade(register.engine, "0016_scale")
    assert found(register, "庚辛") == ["庚辛物流有限公司"]
    assert found(register, "7") == sorted(names_with(register, "7"))


def test_a_rare_long_pinyin_fragment_sorts_its_matches_not_the_register(register):
    """Initials of three letters or more ("gxwl", 庚辛物流): the trigram table's rowids
    and the credit codes' as one list, sorted — an OR of the two walked the whole sort
    index (0.8 s at a million for "pdsm", whose matches sit together in pinyin order)."""
    large_register(register)
    page_plans = plans(register, lambda: found(register, "gxwl"), "enterprise")
    assert all("ix_enterprise_sort" not in p for p in page_plans), page_plans
    assert any("enterprise_fts" in p and "UNION" in p for p in page_plans), page_plans
    assert found(register, "gxwl") == sorted(names_with(register, "gxwl")) == [NAMES[3]]


@pytest.mark.parametrize("fragment", ["有限", "yxgs"])  # a short one, initials of 有限公司
def test_a_common_fragment_walks_the_sort_index(register, fragment):
    large_register(register)
    page_plans = plans(
        register,
        lambda: enterprises.page(register, EnterpriseFilter(text=fragment), limit=5),
        "enterprise",
    )
    assert any("USING INDEX ix_enterprise_sort" in p for p in page_plans), page_plans
    assert found(register, fragment) == sorted(names_with(register, fragment))
    assert len(found(register, "公")) == 30


def walk_plan(register, fragment: str) -> tuple[list[str], list[str]]:
    """The plans of a 5-row page on a province-sized register: those along the sort
    index, and all of them."""
    large_register(register)
    page_plans = plans(
        register,
        lambda: enterprises.page(register, EnterpriseFilter(text=fragment), limit=5),
        "enterprise",
    )
    return [p for p in page_plans if "ix_enterprise_sort" in p], page_plans


@pytest.mark.parametrize("fragment", ["yxgs", "有限公司"])  # in every name: common
def test_a_common_long_fragment_is_tested_along_the_sort_index_not_read_and_sorted(
    register, fragment, monkeypatch
):
    """The trigram table's list tested row by row along the sort index, which stops at
    the page's last row: read one by one and sorted ("有限公", 0.36 s at a million), or
    an OR with the credit codes that read every walked row from the table ("pds",
    0.8 s), were the slow ways."""
    monkeypatch.setattr(name_index, "DENSE", 1.01)  # common, not in most names
    page, page_plans = walk_plan(register, fragment)
    assert page and "LIST SUBQUERY" in page[0] and "enterprise_fts" in page[0], page_plans
    assert "TEMP B-TREE FOR ORDER BY" not in page[0]
    if fragment.isascii():  # the name's list and the credit codes' as one
        assert "UNION" in page[0]
    assert found(register, fragment) == sorted(names_with(register, fragment))


@pytest.mark.parametrize("fragment", ["yxgs", "有限公司"])  # in every name: dense
def test_a_fragment_in_most_names_is_walked_with_like_not_listed_first(register, fragment):
    """Listing 800,000 matches of "yxgs" before the walk took 0.27 s at a million;
    LIKE along the sort index fills the page within a few hundred rows."""
    page, page_plans = walk_plan(register, fragment)
    assert page and "enterprise_fts" not in page[0] and "LIST SUBQUERY" not in page[0], page_plans
    assert "TEMP B-TREE FOR ORDER BY" not in page[0]
    assert found(register, fragment) == sorted(names_with(register, fragment))


def test_dense_reads_a_sample_of_the_register(register):
    with register.engine.connect() as conn:
        assert name_index.dense(conn, "有限公司")  # 30 of 30
        assert name_index.dense(conn, "甲乙建")  # 10 of 30
        assert not name_index.dense(conn, "庚辛物流")  # 1 of 30
        assert not name_index.dense(conn, "xxxx", "xxxx")
        assert name_index.dense(conn, "nomatch", "jyjz")  # the initials of 甲乙建筑
