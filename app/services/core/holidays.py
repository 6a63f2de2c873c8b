"""The office's own holiday calendar, for years the calendar package does not cover."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import delete, extract, select

from app.models.calendar import CalendarDay, CalendarYear
from app.models.db import Database
from app.services.core import workdays
from app.services.core.fields import FieldError, FieldSpec, clean_text, parse_date

KINDS = {
    "放假": False,
    "休息": False,
    "节假日": False,
    "假日": False,
    "上班": True,
    "调休上班": True,
    "工作日": True,
    "补班": True,
}


class HolidayError(ValueError):
    """A holiday spreadsheet has a missing column, bad rows or no dates; nothing was imported."""


@dataclass(frozen=True)
class EnteredDay:
    day: date
    is_workday: bool
    name: str


@dataclass(frozen=True)
class YearCoverage:
    year: int
    source: str  # package / office / missing
    entered_days: int


def days(db: Database, year: int) -> list[EnteredDay]:
    with db.session() as session:
        rows = session.execute(
            select(CalendarDay)
            .where(extract("year", CalendarDay.day) == year)
            .order_by(CalendarDay.day)
        ).scalars()
        return [EnteredDay(r.day, r.is_workday, r.name) for r in rows]


def estimated_days(year: int) -> list[EnteredDay]:
    """The holidays estimated for a year nobody has entered (see holiday_estimate)."""
    from app.services.core import holiday_estimate

    return [EnteredDay(d, False, n) for d, n in holiday_estimate.rest_days(year).items()]


def set_days(
    db: Database, entries: list[EnteredDay], *, complete_years: set[int] | None = None
) -> None:
    """Enter (or replace) days; optionally mark years as completely entered."""
    with db.session() as session:
        for entry in entries:
            session.merge(CalendarDay(day=entry.day, is_workday=entry.is_workday, name=entry.name))
        for year in complete_years or set():
            if session.get(CalendarYear, year) is None:
                session.add(CalendarYear(year=year, entered_by=db.operator))


def remove_day(db: Database, day: date) -> None:
    with db.session() as session:
        session.execute(delete(CalendarDay).where(CalendarDay.day == day))


def set_year_complete(db: Database, year: int, complete: bool) -> None:
    with db.session() as session:
        row = session.get(CalendarYear, year)
        if complete and row is None:
            session.add(CalendarYear(year=year, entered_by=db.operator))
        elif not complete and row is not None:
            session.delete(row)


def coverage(db: Database, years: list[int]) -> list[YearCoverage]:
    calendar = workdays.load(db)
    out = []
    for year in years:
        entered = len(days(db, year))
        if workdays.package_covers(year):
            source = "package"
        elif year in calendar.entered_years:
            source = "office"
        else:
            source = "missing"
        out.append(YearCoverage(year, source, entered))
    return out


def read_file(path: str | Path) -> list[EnteredDay]:
    """Days from a spreadsheet with columns 日期 / 类型（放假或上班）/ 名称. Every bad row is listed."""
    from app.services.core.spreadsheet import data_rows, find_header, read_sheets

    specs = [
        FieldSpec("day", "日期", "Date", aliases=("日", "日子")),
        FieldSpec("kind", "类型", "Kind", aliases=("放假或上班", "是否上班", "安排")),
        FieldSpec("name", "名称", "Name", aliases=("节日", "节假日名称", "说明", "备注")),
    ]
    header = find_header(read_sheets(path), specs, min_fields=2, key_fields=("day",))
    if "kind" not in header.mapping.values():
        raise HolidayError("节假日表格缺少“类型”列（填“放假”或“上班”）。")
    out: list[EnteredDay] = []
    problems: list[str] = []
    seen: dict[date, int] = {}
    for row in data_rows(header).rows:
        raw = {
            name: row.cells[j] if j < len(row.cells) else None for j, name in header.mapping.items()
        }
        try:
            day = parse_date(raw.get("day"))
        except FieldError as exc:
            problems.append(f"第 {row.number} 行：日期{exc}")
            continue
        if day is None:
            problems.append(f"第 {row.number} 行：缺少日期")
            continue
        kind = clean_text(raw.get("kind"))
        if kind not in KINDS:
            problems.append(f"第 {row.number} 行：类型“{kind}”应为“放假”或“上班”")
            continue
        if day in seen:
            problems.append(f"第 {row.number} 行：{day} 与第 {seen[day]} 行重复")
            continue
        seen[day] = row.number
        is_workday = KINDS[kind]
        if is_workday and day.weekday() < 5:
            problems.append(
                f"第 {row.number} 行：{day} 是周{'一二三四五'[day.weekday()]}，本来就上班，“上班”只用于调休的周末"
            )
            continue
        out.append(EnteredDay(day, is_workday, clean_text(raw.get("name"))))
    if problems:
        raise HolidayError("节假日表格有以下问题，未导入任何内容：\n" + "\n".join(problems))
    if not out:
        raise HolidayError("节假日表格中没有日期。")
    return out


def import_file(db: Database, path: str | Path) -> int:
    entries = read_file(path)
    set_days(db, entries)
    return len(entries)
