"""The legal clocks and thresholds at their edges, with both rule sets."""

from __future__ import annotations

from datetime import date

import pytest

from app.services.core.workdays import WorkCalendar
from app.services.layoffs import id_numbers, layoff_rules
from app.services.layoffs.layoff_rules import Person
from app.services.negotiation import negotiation_rules

CAL = WorkCalendar()


@pytest.mark.parametrize(
    ("staff", "laid_off", "met"),
    [
        (190, 19, True),
        (200, 19, False),
        (1000, 20, True),
        (1000, 19, False),
        (10, 1, True),
        (50, 4, False),
    ],
)
def test_layoff_threshold_edges(staff, laid_off, met):
    assert layoff_rules.threshold_met(staff, laid_off).ok is met


@pytest.mark.parametrize(
    ("explained", "ok"),
    [(date(2023, 3, 2), False), (date(2023, 3, 1), True), (date(2023, 2, 28), True)],
)
def test_thirty_day_rule_at_29_30_31(explained, ok):
    finding = layoff_rules.notice_finding(explained, date(2023, 3, 31))
    assert finding.ok is ok
    assert layoff_rules.notice_days(explained, date(2023, 3, 31)) in (29, 30, 31)


def test_notice_after_layoff_is_a_finding():
    finding = layoff_rules.notice_finding(date(2023, 4, 2), date(2023, 3, 31))
    assert not finding.ok and "晚于" in finding.text


def test_henan_reply_clock_across_national_day():
    # Received Wednesday 27 Sep 2023: 10 working days, skipping 29 Sep – 6 Oct and counting 7–8 Oct.
    clock = negotiation_rules.offer_clock(date(2023, 9, 27), CAL, rules="henan")
    assert clock.reply_due == date(2023, 10, 17)
    # Signed Thursday 28 Sep: 5 working days → 28 Sep +: 7, 8, 9, 10, 11 Oct.
    clock = negotiation_rules.offer_clock(
        date(2023, 9, 20), CAL, rules="henan", signed_on=date(2023, 9, 28)
    )
    assert clock.filing_due == date(2023, 10, 11)
    assert clock.review_ends == date(2023, 10, 26)


def test_national_reply_clock_rolls_off_a_holiday():
    # 20 days after 12 Sep 2023 is 2 Oct, a holiday: the period ends on 7 Oct, the worked Saturday.
    clock = negotiation_rules.offer_clock(date(2023, 9, 12), CAL, rules="national")
    assert clock.reply_due == date(2023, 10, 7)
    clock = negotiation_rules.offer_clock(
        date(2023, 9, 1), CAL, rules="national", signed_on=date(2023, 9, 20)
    )
    assert clock.filing_due == date(2023, 10, 7)  # 30 Sep rolls past the holiday


def test_unknown_rule_set():
    with pytest.raises(ValueError):
        negotiation_rules.offer_clock(date(2023, 9, 1), CAL, rules="beijing")


def test_representation_findings():
    good = negotiation_rules.representation_findings(3, 3, 1, 1, 1, 0)
    assert all(f.ok for f in good)
    bad = negotiation_rules.representation_findings(25, 2, 1, 0, 0, 1)
    texts = [f.text for f in bad if not f.ok]
    assert any("不相等" in t for t in texts) and any("职工方代表 2 人" in t for t in texts)
    assert any("职工方首席代表 0 名" in t for t in texts)
    experts = negotiation_rules.representation_findings(3, 3, 1, 1, 2, 0)
    assert not all(f.ok for f in experts)


def test_congress_findings():
    assert all(f.ok for f in negotiation_rules.congress_findings(90, 60, 46))
    attendance, approval = negotiation_rules.congress_findings(90, 59, 59)
    assert not attendance.ok and approval.ok
    attendance, approval = negotiation_rules.congress_findings(90, 90, 45)
    assert attendance.ok and not approval.ok  # exactly half is not more than half


def test_term_and_renewal():
    assert negotiation_rules.term_finding(date(2023, 1, 1), date(2025, 12, 31)).ok
    assert not negotiation_rules.term_finding(date(2023, 1, 1), date(2027, 12, 31)).ok
    assert negotiation_rules.renewal_from(date(2025, 12, 31), rules="henan") == date(2025, 10, 28)
    assert negotiation_rules.renewal_from(date(2025, 12, 31), rules="national") == date(2025, 9, 28)


def test_topics_follow_situation():
    topics = negotiation_rules.topics_for("platform")
    assert topics[:2] == ["piece_rate", "commission"] and "g01_pay" in topics
    assert negotiation_rules.topics_for("difficult")[:3] == [
        "pay_level",
        "pay_cycle",
        "job_retention",
    ]


def test_protected_and_priority_people():
    person = Person("甲", gender="女", flags={"pregnancy_maternity_nursing"})
    assert layoff_rules.protected_reasons(person, on=date(2023, 6, 1)) == [
        layoff_rules.rules()["protected"]["pregnancy_maternity_nursing"]
    ]
    veteran = Person("乙", gender="男", birth_date=date(1967, 3, 1), years_of_service=16)
    assert any("请核实" in r for r in layoff_rules.protected_reasons(veteran, on=date(2023, 6, 1)))
    young = Person("丙", gender="男", birth_date=date(1990, 3, 1), years_of_service=16)
    assert layoff_rules.protected_reasons(young, on=date(2023, 6, 1)) == []
    assert layoff_rules.priority_reasons(Person("丁", contract_type="无固定期限")) == [
        "与本单位订立无固定期限劳动合同"
    ]


@pytest.mark.parametrize(
    ("years", "months"), [(3.0, 3.0), (3.4, 3.5), (3.5, 4.0), (0.3, 0.5), (0.0, 0.0)]
)
def test_compensation_months(years, months):
    assert layoff_rules.compensation_months(years) == months


def test_rehire_window():
    assert layoff_rules.rehire_until(date(2023, 8, 31)) == date(2024, 2, 29)


def test_id_numbers():
    valid = "11010519491231002X"
    info = id_numbers.read(valid)
    assert (
        info.problem == ""
        and info.masked == "110105********002X"
        and info.birth_date == date(1949, 12, 31)
        and info.gender == "女"
    )
    assert "校验位" in id_numbers.read("110105194912310021").problem
    assert "出生日期" in id_numbers.read("110105194913310021").problem
    assert "18位" in id_numbers.read("1101051949").problem
    assert valid not in repr(info)


@pytest.fixture
def layoff_table(tmp_path, monkeypatch):
    """edit(change) → layoffs.json as shipped, changed by `change`, read by the layoff
    rules in place of the shipped one (as an office editing the table would)."""
    import json

    from app import paths

    shipped = json.loads(paths.resource_path("rules", "layoffs.json").read_text("utf-8"))
    real = paths.resource_path

    def edit(change):
        table = json.loads(json.dumps(shipped))
        change(table)
        (tmp_path / "layoffs.json").write_text(json.dumps(table, ensure_ascii=False), "utf-8")
        layoff_rules.rules.cache_clear()

    def resource_path(*parts):
        if parts == ("rules", "layoffs.json"):
            return tmp_path / "layoffs.json"
        return real(*parts)

    monkeypatch.setattr(layoff_rules, "resource_path", resource_path)
    yield edit
    layoff_rules.rules.cache_clear()


def test_long_service_near_retirement_follows_the_table(layoff_table):
    """第42条第5项 from layoffs.json: 15 years here, under 5 years before retirement at 60/50."""
    on = date(2023, 6, 1)
    man_56 = Person("乙", gender="男", birth_date=date(1967, 3, 1), years_of_service=15)
    woman_44 = Person("戊", gender="女", birth_date=date(1979, 3, 1), years_of_service=15)
    layoff_table(lambda t: None)
    assert layoff_rules.protected_reasons(man_56, on=on)  # 60 − 56 = 4 < 5
    assert not layoff_rules.protected_reasons(woman_44, on=on)  # 50 − 44 = 6
    layoff_table(lambda t: t["long_service"]["retirement_age"].update({"男": 63, "女": 55}))
    assert not layoff_rules.protected_reasons(man_56, on=on)  # 63 − 56 = 7
    assert not layoff_rules.protected_reasons(woman_44, on=on)  # 55 − 44 = 11
    layoff_table(lambda t: t["long_service"].update(years_to_retirement=12))
    reasons = layoff_rules.protected_reasons(woman_44, on=on)
    assert reasons and "距 50 岁不足12年" in reasons[0]
    layoff_table(lambda t: t["long_service"].update(years_of_service=16))
    assert not layoff_rules.protected_reasons(man_56, on=on)  # 15 years is no longer enough


def test_long_fixed_term_follows_the_table(layoff_table):
    """第41条第2款第1项: "较长期限" is layoffs.json long_fixed_term_years."""
    four_years = Person("己", contract_type="固定期限", contract_years=4)
    layoff_table(lambda t: None)
    assert layoff_rules.priority_reasons(four_years) == []
    layoff_table(lambda t: t.update(long_fixed_term_years=3))
    assert layoff_rules.priority_reasons(four_years) == ["与本单位订立较长期限的固定期限劳动合同"]
