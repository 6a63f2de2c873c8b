from __future__ import annotations

from datetime import date

import pytest

from app.services.core import audit
from app.services.core.fields import ValidationError
from app.services.register import enterprises
from app.services.register.enterprises import EnterpriseFilter
from tests.builders import code


def add(db, name, serial, **extra):
    return enterprises.create(
        db,
        {
            "name": name,
            "credit_code": code(serial, extra.pop("division", "410482")),
            "county_code": extra.pop("county", "410482"),
            **extra,
        },
    )


def names(db, flt=None, **sort):
    return [r[1] for r in enterprises.page(db, flt or EnterpriseFilter(), **sort)]


def test_create_and_get(db):
    eid = add(
        db,
        "汝州市甲建筑有限公司",
        1,
        employee_count="1,200",
        has_union=True,
        registration_date="2019年5月6日",
        industry="建筑业",
    )
    e = enterprises.get(db, eid)
    assert (
        e["employee_count"] == 1200
        and e["has_union"] is True
        and e["registration_date"] == date(2019, 5, 6)
    )


def test_second_enterprise_with_same_code_refused_naming_the_first(db):
    add(db, "汝州市甲建筑有限公司", 1)
    with pytest.raises(ValidationError) as err:
        add(db, "别的公司", 1)
    assert "汝州市甲建筑有限公司" in err.value.errors["credit_code"]
    assert enterprises.count(db, EnterpriseFilter()) == 1


def test_required_and_invalid_fields_reported_per_field(db):
    with pytest.raises(ValidationError) as err:
        enterprises.create(
            db,
            {
                "name": "",
                "credit_code": "91110000600037341M",
                "county_code": "410482",
                "employee_count": "很多",
            },
        )
    assert set(err.value.errors) == {"name", "credit_code", "employee_count"}
    assert enterprises.count(db, EnterpriseFilter()) == 0


def test_name_of_300_characters_refused(db):
    with pytest.raises(ValidationError) as err:
        add(db, "长" * 300, 1)
    assert "200" in err.value.errors["name"]


def test_search_by_substring_code_prefix_and_initials(db):
    add(db, "平顶山煤矿机械有限公司", 1)
    add(db, "汝州市恒达商贸有限公司", 2)
    add(db, "重庆银行汝州支行", 3)
    assert names(db, EnterpriseFilter(text="煤矿")) == ["平顶山煤矿机械有限公司"]
    assert names(db, EnterpriseFilter(text="pdsmk")) == ["平顶山煤矿机械有限公司"]
    assert names(db, EnterpriseFilter(text="cqyh")) == ["重庆银行汝州支行"]
    assert names(db, EnterpriseFilter(text=code(2)[:16])) == ["汝州市恒达商贸有限公司"]
    assert names(db, EnterpriseFilter(text="100%")) == []


def test_filters(db):
    today = date(2026, 11, 29)
    add(db, "甲", 1, employee_count=5, industry="建筑业", registration_date="2026-06-01")
    add(
        db,
        "乙",
        2,
        employee_count=50,
        is_platform=True,
        registration_date="2020-01-01",
        county="410421",
        division="410421",
    )
    add(db, "丙", 3, employee_count=500)
    add(db, "丁", 4, employee_count=5000)
    assert names(db, EnterpriseFilter(county_code="410421")) == ["乙"]
    assert names(db, EnterpriseFilter(industry="建筑业")) == ["甲"]
    assert names(db, EnterpriseFilter(size_band="micro")) == ["甲"]
    assert names(db, EnterpriseFilter(size_band="small")) == ["乙"]
    assert names(db, EnterpriseFilter(size_band="medium")) == ["丙"]
    assert names(db, EnterpriseFilter(size_band="large")) == ["丁"]
    assert names(db, EnterpriseFilter(platform=True)) == ["乙"]
    assert set(names(db, EnterpriseFilter(platform=False))) == {"甲", "丙", "丁"}
    assert names(db, EnterpriseFilter(newly_registered=True, today=today)) == ["甲"]


def test_sorted_by_pinyin_in_sql(db):
    for i, n in enumerate(["张庄公司", "阿里公司", "重庆公司", "北方公司"]):
        add(db, n, i + 1)
    assert names(db) == ["阿里公司", "北方公司", "重庆公司", "张庄公司"]
    assert names(db, sort_field="name", descending=True)[0] == "张庄公司"


def test_paging(db):
    for i in range(25):
        add(db, f"公司{i:02d}", i + 1)
    first = enterprises.page(db, EnterpriseFilter(), offset=0, limit=10)
    last = enterprises.page(db, EnterpriseFilter(), offset=20, limit=10)
    assert len(first) == 10 and len(last) == 5
    assert {r[0] for r in first}.isdisjoint({r[0] for r in last})


def test_audit_log_records_who_which_fields_old_and_new(db):
    eid = add(db, "汝州市甲公司", 1, employee_count=10)
    enterprises.update(db, eid, {"employee_count": "12", "contact_person": "王伟"})
    enterprises.delete(db, [eid])
    rows = audit.history(db, "enterprise", eid)
    assert [r.action for r in rows] == ["create", "update", "delete"]
    assert all(r.operator == "测试员" for r in rows)
    assert rows[1].changes == {"employee_count": [10, 12], "contact_person": ["", "王伟"]}


def test_update_without_change_writes_nothing(db):
    eid = add(db, "汝州市甲公司", 1)
    assert enterprises.update(db, eid, {"name": "汝州市甲公司"}) is False
    assert len(audit.history(db, "enterprise", eid)) == 1


def test_deleted_code_can_be_registered_again(db):
    eid = add(db, "甲", 1)
    enterprises.delete(db, [eid])
    add(db, "甲（重新登记）", 1)
    assert names(db) == ["甲（重新登记）"]
