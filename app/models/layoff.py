"""Layoff filings (裁员方案报告／备案) and the people on the list."""

from datetime import date

from sqlalchemy import Date, Float, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin, parent_key


class LayoffFiling(SyncMixin, Base):
    __tablename__ = "layoff_filing"

    enterprise_id: Mapped[str] = parent_key("enterprise")
    ground: Mapped[str] = mapped_column(String(2), nullable=False, default="2")  # 第41条 (一)–(四)
    total_staff: Mapped[int] = mapped_column(Integer, nullable=False)
    laid_off: Mapped[int] = mapped_column(Integer, nullable=False)
    explained_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    layoff_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    opinions: Mapped[str] = mapped_column(Text, nullable=False, default="")
    reported_on: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    compensation_plan: Mapped[str] = mapped_column(Text, nullable=False, default="")
    reemployment_assistance: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    psychological_support: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    skills_training: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    reemployed: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    status: Mapped[str] = mapped_column(String(10), nullable=False, default="open")  # open / closed
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    campaign_id: Mapped[str] = mapped_column(String(32), nullable=False, default="", index=True)


class LayoffPerson(SyncMixin, Base):
    """A person on the layoff list. The full ID number is never stored: only its
    masked form, the birth date and sex read from it, and whether it checked out."""

    __tablename__ = "layoff_person"

    filing_id: Mapped[str] = parent_key("layoff_filing")
    name: Mapped[str] = mapped_column(String(60), nullable=False)
    id_masked: Mapped[str] = mapped_column(String(20), nullable=False, default="")
    id_problem: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    gender: Mapped[str] = mapped_column(String(2), nullable=False, default="")
    birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    contract_type: Mapped[str] = mapped_column(String(30), nullable=False, default="")
    contract_years: Mapped[float | None] = mapped_column(Float, nullable=True)
    years_of_service: Mapped[float | None] = mapped_column(Float, nullable=True)
    monthly_wage: Mapped[float | None] = mapped_column(Float, nullable=True)
    flags_json: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
    services_json: Mapped[str] = mapped_column(
        Text, nullable=False, default="[]"
    )  # re-employment services given
