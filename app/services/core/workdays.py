"""China's working-day calendar and the counting of legal periods.

民法典 第201条: a period counted in days starts the day after the event.
民法典 第203条: a period whose last day is a statutory holiday ends on the day
after the holiday; rest days (weekends) are treated the same way in practice,
so that behaviour is a setting (calendar.roll_to_workday, on by default).
"Working days" skip weekends and holidays and count the weekend days worked in
exchange (调休上班日). The chinese_calendar package covers the years it has data
for; the office enters other years itself (CalendarDay, CalendarYear), and
until it does, those years are estimated — weekends and the statutory holidays
with the lunar ones computed (app/services/core/holiday_estimate.py) — with a warning.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy import select

from app.models.db import Database
from app.services.core.messages import N_


class DayKind(StrEnum):
    CALENDAR = "calendar"  # 日（自然日）
    WORKING = "working"  # 工作日


DAY_KIND_LABELS = {DayKind.CALENDAR: "日", DayKind.WORKING: "个工作日"}


def _package_workday(day: date) -> bool | None:
    import chinese_calendar

    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        return None


def package_covers(year: int) -> bool:
    return _package_workday(date(year, 6, 1)) is not None


@dataclass
class WorkCalendar:
    overrides: dict[date, bool] = field(default_factory=dict)  # office-entered days
    entered_years: set[int] = field(default_factory=set)
    roll_to_workday: bool = True

    def is_workday(self, day: date) -> bool:
        if day in self.overrides:
            return self.overrides[day]
        known = _package_workday(day)
        if known is not None:
            return known
        if day.year in self.entered_years:
            return day.weekday() < 5
        from app.services.core import holiday_estimate

        return not holiday_estimate.is_rest_day(day)

    def is_covered(self, year: int) -> bool:
        return year in self.entered_years or package_covers(year)

    def uncovered_years(self, days: Iterable[date]) -> list[int]:
        return sorted({d.year for d in days if not self.is_covered(d.year)})

    def add_working_days(self, start: date, count: int) -> date:
        """The count-th working day after `start` (start itself is not counted)."""
        day = start
        remaining = count
        while remaining > 0:
            day += timedelta(days=1)
            if self.is_workday(day):
                remaining -= 1
        return day

    def add_days(self, start: date, count: int) -> date:
        """`count` calendar days after `start`; a rest-day end rolls to the next working day."""
        day = start + timedelta(days=count)
        if self.roll_to_workday:
            while not self.is_workday(day):
                day += timedelta(days=1)
        return day

    def due_date(self, start: date, count: int, kind: DayKind | str) -> date:
        if DayKind(kind) is DayKind.WORKING:
            return self.add_working_days(start, count)
        return self.add_days(start, count)

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end` (negative if end < start)."""
        if end < start:
            return -self.working_days_between(end, start)
        n = 0
        day = start
        while day < end:
            day += timedelta(days=1)
            if self.is_workday(day):
                n += 1
        return n

    def warning_for(self, days: Iterable[date]) -> str:
        years = self.uncovered_years(days)
        if not years:
            return ""
        return N_(
            "{years} 年的放假安排尚未录入：工作日为估算（周末和法定节假日，春节、清明、端午、中秋按农历推算，"
            "调休上班日未计）。国务院办公厅公布放假安排后，请在“设置 → 节假日与提醒”中录入。",
            years=years,
        )


def load(db: Database) -> WorkCalendar:
    from app.models import CalendarDay, CalendarYear  # declared here: app/models/__init__.py

    with db.session() as session:
        overrides = {d.day: d.is_workday for d in session.execute(select(CalendarDay)).scalars()}
        years = {y.year for y in session.execute(select(CalendarYear)).scalars()}
    roll = db.get_setting("calendar.roll_to_workday", "1") == "1"
    return WorkCalendar(overrides, years, roll)
