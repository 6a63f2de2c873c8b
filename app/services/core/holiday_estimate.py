"""Estimated public holidays for a year the chinesecalendar package does not
cover yet and the office has not entered.

《全国年节及纪念日放假办法》(as revised in November 2024, in force 2025-01-01),
第二条: 元旦 1 January; 春节 农历除夕 and 正月初一至初三; 清明节 the day of the
Qingming solar term; 劳动节 1–2 May; 端午节 农历五月初五; 中秋节 农历八月十五;
国庆节 1–3 October. The same decision sets the usual breaks the State Council's
yearly notice then announces: 春节 8 days from 除夕, 国庆 7 days from 1 October
(8 when 中秋 falls inside it), 劳动节 5 days from 1 May, and three days for the
one-day holidays (the holiday joined to the weekend by the Monday or Friday
next to it); 第六条: a holiday on a weekend is made up on the next working day.

The lunar dates and the solar term are computed with lunar_python (6tail's
maintained lunar/solar-term library, pure Python, MIT): a typed table would
end, and the Qingming day moves between 4 and 5 April. The weekend days worked
in exchange (调休上班) are not guessed, so an estimate errs towards a later
deadline, and it stays marked as an estimate until the office enters the year
(设置 → 节假日与提醒).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache


def _solar(y: int, m: int, d: int, *, lunar: bool) -> date:
    from lunar_python import Lunar, Solar

    if lunar:
        s = Lunar.fromYmd(y, m, d).getSolar()
    else:
        s = Solar.fromYmd(y, m, d)
    return date(s.getYear(), s.getMonth(), s.getDay())


def _qingming(year: int) -> date:
    from lunar_python import Solar

    s = Solar.fromYmd(year, 4, 1).getLunar().getJieQiTable()["清明"]
    return date(s.getYear(), s.getMonth(), s.getDay())


def _span(start: date, days: int) -> list[date]:
    return [start + timedelta(days=n) for n in range(days)]


@cache
def statutory_days(year: int) -> dict[date, str]:
    """The holidays 第二条 names, on their dates in `year`."""
    spring = _solar(year, 1, 1, lunar=True)
    days: dict[date, str] = {date(year, 1, 1): "元旦"}
    for day in _span(spring - timedelta(days=1), 4):  # 除夕 and 初一 to 初三
        days[day] = "春节"
    days[_qingming(year)] = "清明节"
    for day in _span(date(year, 5, 1), 2):
        days[day] = "劳动节"
    days[_solar(year, 5, 5, lunar=True)] = "端午节"
    days[_solar(year, 8, 15, lunar=True)] = "中秋节"
    for day in _span(date(year, 10, 1), 3):
        days[day] = "国庆节"
    return days


def _three_days(day: date) -> list[date]:
    """A one-day holiday with the weekend: Tuesday takes Monday, Thursday takes
    Friday; on a Saturday or Sunday, the Monday after is given instead."""
    weekday = day.weekday()
    if weekday == 1:
        return [day - timedelta(days=1), day]
    if weekday == 3:
        return [day, day + timedelta(days=1)]
    if weekday == 5:
        return [day, day + timedelta(days=2)]
    if weekday == 6:
        return [day, day + timedelta(days=1)]
    return [day]


@cache
def rest_days(year: int) -> dict[date, str]:
    """Every day of `year` the estimate takes as a holiday (weekends aside)."""
    days = dict(statutory_days(year))
    spring_eve = _solar(year, 1, 1, lunar=True) - timedelta(days=1)
    for day in _span(spring_eve, 8):
        days.setdefault(day, "春节")
    mid_autumn = _solar(year, 8, 15, lunar=True)
    national = 8 if date(year, 10, 1) <= mid_autumn <= date(year, 10, 8) else 7
    for day in _span(date(year, 10, 1), national):
        days.setdefault(day, "国庆节")
    for day in _span(date(year, 5, 1), 5):
        days.setdefault(day, "劳动节")
    for one_day, name in (
        (date(year, 1, 1), "元旦"),
        (_qingming(year), "清明节"),
        (_solar(year, 5, 5, lunar=True), "端午节"),
    ):
        for day in _three_days(one_day):
            days.setdefault(day, name)
    if not date(year, 10, 1) <= mid_autumn <= date(year, 10, 8):
        for day in _three_days(mid_autumn):
            days.setdefault(day, "中秋节")
    return {d: n for d, n in sorted(days.items()) if d.year == year}


def is_rest_day(day: date) -> bool:
    return day.weekday() >= 5 or day in rest_days(day.year)
