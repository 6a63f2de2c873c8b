"""Deadlines past chinesecalendar's coverage: the estimate knows the fixed and
the lunar holidays, and is marked as an estimate until the office enters the year."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
import pytest

from app.services.core import holiday_estimate, workdays
from app.services.core.workdays import WorkCalendar

SPRING_2027 = [date(2027, 2, 5) + timedelta(days=n) for n in range(8)]  # 除夕 to 初七


def test_lunar_holidays_are_computed():
    days = holiday_estimate.statutory_days(2027)
    assert days[date(2027, 1, 1)] == "元旦"
    assert [d for d, n in days.items() if n == "春节"] == SPRING_2027[:4]
    assert days[date(2027, 4, 5)] == "清明节"
    assert days[date(2027, 6, 9)] == "端午节" and days[date(2027, 9, 15)] == "中秋节"


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_the_estimate_agrees_with_the_published_arrangements(year):
    """Every day the estimate rests on was a holiday in the State Council's notice
    for the years the package holds (the worked weekend days are not guessed)."""
    for day, name in holiday_estimate.rest_days(year).items():
        if year == 2024 and name in ("劳动节", "春节") and day.weekday() < 5:
            continue  # before the 2024 revision: 1 May only, no 除夕
        assert not chinese_calendar.is_workday(day), (day, name)


def test_no_estimated_deadline_lands_on_a_holiday():
    calendar = WorkCalendar()
    holidays = {date(2027, 1, 1), *SPRING_2027}
    assert not calendar.is_covered(2027)
    for start in (date(2026, 12, 1) + timedelta(days=n) for n in range(75)):
        for count in (1, 3, 5, 10, 15, 20, 30):
            for kind in ("calendar", "working"):
                due = calendar.due_date(start, count, kind)
                assert due not in holidays, (start, count, kind, due)
                if due.year == 2027:
                    assert calendar.is_workday(due)
    # A filing due 10 working days after 2026-12-18 skips New Year's Day 2027.
    assert calendar.add_working_days(date(2026, 12, 18), 10) == date(2027, 1, 4)


def test_the_warning_names_the_right_menu_and_says_estimate():
    warning = WorkCalendar().warning_for([date(2027, 3, 1)])
    assert "设置 → 节假日与提醒" in warning and "估算" in warning and "2027" in warning
    assert "Settings → Holidays and reminders" in warning.english()


def test_entered_year_replaces_the_estimate(db):
    from app.services.core import holidays

    holidays.set_days(
        db, [holidays.EnteredDay(date(2027, 1, 1), False, "元旦")], complete_years={2027}
    )
    calendar = workdays.load(db)
    assert calendar.is_covered(2027) and calendar.warning_for([date(2027, 3, 1)]) == ""
    # The office's own entries decide: 12 February is a working day once 2027 is entered.
    assert calendar.is_workday(date(2027, 2, 12))
    assert not WorkCalendar().is_workday(date(2027, 2, 12))
