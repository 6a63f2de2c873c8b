"""Property tests of the entry rules: whatever a door hands in, a record the
rules accept is a record that can be true."""

from __future__ import annotations

import re
import sys
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from app.services.core.fields import Kind
from app.services.core.messages import Message
from app.services.core.validation import phone_problem
from app.services.negotiation.offer_spec import NEGOTIATION_OFFER
from app.services.record_rules import check_row

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import i18n_sync  # noqa: E402

TODAY = date(2024, 6, 15)
HAN = re.compile(r"[\u3400-\u9fff]")
days = st.one_of(st.none(), st.dates(min_value=date(2020, 1, 1), max_value=date(2025, 12, 31)))
counts = st.one_of(st.none(), st.integers(min_value=-3, max_value=400))
FAST = settings(max_examples=300, deadline=None)


def accepted(table: str, values: dict[str, object]) -> bool:
    """True when the record passes every door's rules; else its problems all have
    their English (checked here) and the test has nothing more to ask."""
    problems = check_row(table, values, today=TODAY)
    english_is_complete(problems)
    return not problems


def english_is_complete(problems: dict[str, Message]) -> None:
    """Every message has its English, with labels in English too (the values a
    person typed are shown as typed, so they are left out here)."""
    for message in problems.values():
        assert isinstance(message, Message)
        typed = {
            k: "X" if isinstance(v, str) and not isinstance(v, Message) else v
            for k, v in message.params.items()
        }
        english = Message(message.template, **typed).english()
        assert not HAN.search(english), english


# -- telephone numbers ---------------------------------------------------------------------


@given(st.sampled_from("3456789"), st.text("0123456789", min_size=9, max_size=9))
def test_every_eleven_digit_mobile_number_is_accepted(second, rest):
    assert phone_problem(f"1{second}{rest}") is None
    assert phone_problem(f"1{second}{rest[:4]} {rest[4:]}") is None


@given(
    st.sampled_from(["0375", "0371", "010", "021"]),
    st.sampled_from("23456789"),
    st.text("0123456789", min_size=6, max_size=6),
    st.one_of(st.none(), st.text("0123456789", min_size=1, max_size=4)),
)
def test_a_landline_with_area_code_and_extension_is_accepted(area, first, rest, ext):
    number = f"{area}-{first}{rest}" + (f"转{ext}" if ext else "")
    assert phone_problem(number) is None
    assert phone_problem(f"（{area}）{first}{rest}") is None


@given(st.text("0123456789", min_size=1, max_size=15))
def test_digits_are_accepted_only_as_a_real_number(digits):
    problem = phone_problem(digits)
    mobile = re.fullmatch(r"1[3-9]\d{9}", digits)
    landline = re.fullmatch(r"0(?:[12]\d|[3-9]\d\d)[2-9]\d{6,7}", digits)
    service = re.fullmatch(r"[48]00\d{7}", digits)
    assert (problem is None) == bool(mobile or landline or service)
    if problem is not None:
        english_is_complete({"phone": problem})


@given(st.text(st.characters(categories=["L", "P"]), min_size=1, max_size=20))
def test_text_without_digits_is_never_a_phone_number(text):
    if text.strip():
        assert phone_problem(text) is not None


# -- negotiation offers --------------------------------------------------------------------
offer_dates = st.fixed_dictionaries(
    {
        name: days
        # Every date of the offer's spec but its end (sent_on … expires_on).
        for name in (f.name for f in NEGOTIATION_OFFER.fields if f.kind is Kind.DATE)
        if name != "ended_on"
    }
)


@FAST
@given(
    offer_dates,
    st.sampled_from(["", "accepted", "refused"]),
    counts,
    counts,
    counts,
)
def test_an_accepted_offer_is_in_order_and_its_congress_adds_up(
    dates, reply, members, attended, approved
):
    values = {**dates, "reply": reply, "rules": "henan"}
    values.update(congress_members=members, congress_attended=attended, congress_approved=approved)
    if not accepted("negotiation_offer", values):
        return
    chain = ["sent_on", "received_on", "replied_on", "congress_on", "signed_on", "filed_on"]
    known = [values[n] for n in chain if values[n]]
    assert known == sorted(known) and all(d <= TODAY for d in known)
    assert (reply == "") == (values["replied_on"] is None)
    if attended is not None and members is not None:
        assert 0 <= attended <= members
    if approved is not None and attended is not None:
        assert 0 <= approved <= attended
    if values["signed_on"] and members and attended is not None and approved is not None:
        # 集体合同规定 第36条: two thirds attended, more than half of all agreed.
        assert 3 * attended >= 2 * members and 2 * approved > members


# -- layoff filings --------------------------------------------------------------------------


@FAST
@given(counts, counts, days, days, days, st.integers(min_value=0, max_value=50))
def test_an_accepted_filing_lays_off_before_anyone_is_reemployed(
    staff, laid_off, explained, layoff, reported, reemployed
):
    values = {
        "ground": "2",
        "total_staff": staff,
        "laid_off": laid_off,
        "explained_on": explained,
        "layoff_on": layoff,
        "reported_on": reported,
        "reemployed": reemployed,
        "status": "open",
    }
    if not accepted("layoff_filing", values):
        return
    assert 0 < laid_off <= staff and reemployed <= laid_off
    assert explained is None or explained <= TODAY
    assert explained is None or layoff is None or explained <= layoff
    assert reemployed == 0 or (layoff is not None and layoff <= TODAY)


# -- health checks ------------------------------------------------------------------------------


@FAST
@given(
    st.dates(min_value=date(2023, 1, 1), max_value=date(2025, 1, 1)),
    counts,
    counts,
    counts,
    counts,
    st.integers(min_value=-14, max_value=14),
)
def test_an_accepted_check_records_a_workforce_that_adds_up(
    day, staff, signed, migrant, dispatched, month_shift
):
    month0 = day.year * 12 + day.month - 1 + month_shift
    paid = f"{month0 // 12:04d}-{month0 % 12 + 1:02d}"
    values = {
        "check_date": day,
        "staff_count": staff,
        "contracts_signed": signed,
        "migrant_workers": migrant,
        "dispatched_workers": dispatched,
        "wages_paid_through": paid,
        "team": [{"name": "张三", "role": "劳动关系协调员"}],
        "status": "final",
    }
    if not accepted("health_check", values):
        return
    assert day <= TODAY and month_shift <= 0
    for part in (signed, migrant, dispatched):
        assert part is None or staff is None or 0 <= part <= staff


# -- enterprises, risk events, the ledger -------------------------------------------------------


@FAST
@given(days, st.text("0123456789-+() /转abcx", max_size=14))
def test_an_accepted_enterprise_was_registered_by_today_and_has_a_phone_number(registered, phone):
    values = {
        "name": "汝州市测试有限公司",
        "credit_code": "91410482MA44000016",
        "county_code": "410482",
        "registration_date": registered,
        "contact_phone": phone,
    }
    problems = check_row("enterprise", values, today=TODAY)
    english_is_complete({k: v for k, v in problems.items() if isinstance(v, Message)})
    if "registration_date" not in problems and registered:
        assert registered <= TODAY
    if "contact_phone" not in problems and phone.strip():
        assert re.search(r"\d{7}", re.sub(r"\D", "", phone))


@FAST
@given(days, days, days, st.sampled_from(["pending", "in_progress", "closed"]))
def test_an_accepted_ledger_item_keeps_its_dates_in_order(found, deadline, verified, status):
    values = {
        "matter": "未签劳动合同",
        "found_on": found,
        "deadline": deadline,
        "original_deadline": deadline,
        "status": status,
        "verified_on": verified,
        "verified_by": "李四",
    }
    if not accepted("rectification_item", values):
        return
    assert found <= TODAY and found <= deadline
    assert verified is None or found <= verified <= TODAY
    assert status != "closed" or verified is not None


@FAST
@given(days, days, st.sampled_from(["open", "closed"]))
def test_an_accepted_risk_event_is_resolved_after_it_was_found(found, closed, status):
    values = {"kind": "wage_claim", "found_on": found, "closed_on": closed, "status": status}
    values["outcome"] = "工资已全部发放"
    if not accepted("major_risk_event", values):
        return
    assert found <= TODAY and (closed is None or found <= closed <= TODAY)


def test_bundle_rows_with_iso_text_dates_get_the_same_answer():
    row = {"kind": "wage_claim", "found_on": (TODAY + timedelta(days=3)).isoformat()}
    assert "found_on" in check_row("major_risk_event", row, today=TODAY)
    assert check_row("major_risk_event", {**row, "deleted": True}, today=TODAY) == {}


def test_every_english_service_message_keeps_its_placeholders():
    assert i18n_sync.placeholder_mismatches() == []
