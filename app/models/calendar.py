"""Holidays and worked weekend days an office enters for years the calendar
package does not cover (or to correct it)."""

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow


class CalendarDay(Base):
    __tablename__ = "calendar_day"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    is_workday: Mapped[bool] = mapped_column(
        Boolean, nullable=False
    )  # False: holiday; True: 调休上班
    name: Mapped[str] = mapped_column(String(40), nullable=False, default="")


class CalendarYear(Base):
    """A year whose holidays the office has entered completely."""

    __tablename__ = "calendar_year"

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    entered_by: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    entered_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
