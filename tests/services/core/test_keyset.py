"""Keyset pages equal the full sorted query (ties, NULLs, both directions), far
jumps land on the same rows, and the hot queries use their indexes (plans)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.services.core.keyset import Seek
from app.services.register import enterprises
from app.services.register.enterprises import EnterpriseFilter
from tests.builders import code
from tests.plan_support import plans as plans_of

NAMES = ["甲乙建筑有限公司", "丙丁商贸有限公司", "戊己餐饮有限公司"]


@pytest.fixture
def register(db):
    for n in range(40):
        enterprises.create(
            db,
            {
                "name": f"{NAMES[n % 3]}{'' if n % 4 else n}",  # ties on the name
                "credit_code": code(n + 1),
                "county_code": "410482",
                "employee_count": None if n % 5 == 0 else (n % 7) * 10,  # NULLs and ties
                "registration_date": None if n % 3 == 0 else f"2020-0{1 + n % 6}-01",
            },
        )
    gone = enterprises.page(db, EnterpriseFilter(), limit=1)[0][0]
    enterprises.delete(db, [gone])  # a tombstone is in no page
    return db


def full_order(db, column: str, descending: bool) -> list[str]:
    """SQLite's NULL places (first ascending, last descending), said outright so the
    same order holds on PostgreSQL."""
    way = "DESC NULLS LAST" if descending else "ASC NULLS FIRST"
    with db.reader() as conn:
        rows = conn.execute(
            text(
                f"SELECT id FROM enterprise WHERE deleted = :no ORDER BY {column} {way}, id {way[:4]}"
            ),
            {"no": False},
        ).all()
    return [r[0] for r in rows]


@pytest.mark.parametrize(
    "field,column",
    [
        ("name", "name_pinyin"),
        ("employee_count", "employee_count"),
        ("registration_date", "registration_date"),
    ],
)
@pytest.mark.parametrize("descending", [False, True])
def test_pages_walked_by_key_equal_the_full_sorted_query(register, field, column, descending):
    expected = full_order(register, column, descending)
    assert len(expected) >= 39
    walked: list[str] = []
    start: int | Seek = 0
    while True:
        page = enterprises.page(
            register,
            EnterpriseFilter(),
            sort_field=field,
            descending=descending,
            offset=start,
            limit=7,
        )
        walked += [r[0] for r in page]
        if len(page) < 7:
            break
        start = Seek(page.last_key)
    assert walked == expected
    # A far jump: from the start, and from a known page's key, over rows between.
    jumped = enterprises.page(
        register, EnterpriseFilter(), sort_field=field, descending=descending, offset=23, limit=7
    )
    assert [r[0] for r in jumped] == expected[23:30]
    first = enterprises.page(
        register, EnterpriseFilter(), sort_field=field, descending=descending, limit=5
    )
    later = enterprises.page(
        register,
        EnterpriseFilter(),
        sort_field=field,
        descending=descending,
        offset=Seek(first.last_key, 20),
        limit=7,
    )
    assert [r[0] for r in later] == expected[25:32]


def plans(db, run) -> list[str]:
    return plans_of(db, run, "enterprise", "health_check", "rectification")


@pytest.mark.sqlite_file
def test_credit_code_lookup_uses_the_live_partial_index(register):
    (plan,) = plans(register, lambda: enterprises.id_by_credit_code(register, code(7)))
    assert "USING INDEX ix_enterprise_live_credit_code (credit_code=?)" in plan
    assert enterprises.id_by_credit_code(register, code(7)) is not None


@pytest.mark.sqlite_file
def test_register_page_and_far_jump_seek_on_the_sort_index(register):
    found = plans(
        register, lambda: enterprises.page(register, EnterpriseFilter(), offset=Seek(None, 30))
    )
    assert "COVERING INDEX ix_enterprise_sort" in found[0]  # the jump walks keys only
    assert "ix_enterprise_sort (deleted=? AND (name_pinyin,id)>(?,?))" in found[1]
    assert all("SCAN enterprise" not in p and "TEMP B-TREE" not in p for p in found)


@pytest.mark.sqlite_file
def test_register_search_of_three_characters_uses_the_trigram_index(register):
    found = plans(register, lambda: enterprises.page(register, EnterpriseFilter(text="建筑有")))
    assert any("enterprise_fts VIRTUAL TABLE" in p for p in found)
    rows = enterprises.page(register, EnterpriseFilter(text="建筑有"))
    assert len(rows) == enterprises.count(register, EnterpriseFilter(text="建筑有")) > 0
    assert all("建筑有" in r[1] for r in rows)


def test_trigram_index_follows_a_rename(register):
    ent = enterprises.page(register, EnterpriseFilter(text="餐饮有"), limit=1)[0][0]
    values = enterprises.get(register, ent)
    enterprises.update(register, ent, {**values, "name": "庚辛物流有限公司"})
    assert [r[0] for r in enterprises.page(register, EnterpriseFilter(text="庚辛物"))] == [ent]
    assert ent not in [
        r[0] for r in enterprises.page(register, EnterpriseFilter(text="餐饮有"), limit=100)
    ]
