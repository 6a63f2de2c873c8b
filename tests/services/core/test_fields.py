from datetime import date

import pytest

from app.services.core.fields import FieldError, parse_bool, parse_date, parse_int


@pytest.mark.parametrize(
    "raw",
    [
        "2019-05-06",
        "2019/5/6",
        "2019年5月6日",
        "20190506",
        43591,
        date(2019, 5, 6),
        "2019-05-06 00:00:00",
    ],
)
def test_dates_in_the_forms_offices_write(raw):
    assert parse_date(raw) == date(2019, 5, 6)


@pytest.mark.parametrize("raw", ["2019-13-01", "去年", "2019年2月30日"])
def test_bad_dates_are_refused(raw):
    with pytest.raises(FieldError):
        parse_date(raw)


@pytest.mark.parametrize(
    ("raw", "value"), [("1,200", 1200), ("１２００", 1200), (108.0, 108), ("35人", 35), ("", None)]
)
def test_counts(raw, value):
    assert parse_int(raw) == value


def test_fractional_count_refused():
    with pytest.raises(FieldError):
        parse_int("12.5")


@pytest.mark.parametrize(
    ("raw", "value"), [("是", True), ("已建", True), ("否", False), ("", False), ("√", True)]
)
def test_yes_no(raw, value):
    assert parse_bool(raw) is value
