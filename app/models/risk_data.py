"""The risk data an office imports (batches of facts per enterprise) and the gradings
made from it. The current level of each enterprise is app/models/risk.py's: a module
of its own, so a reader of levels (`hexie report`) declares no more (app/models/__init__.py)."""

from datetime import date

from sqlalchemy import Boolean, Date, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin, parent_key


class RiskDataBatch(SyncMixin, Base):
    """One imported spreadsheet from another department: reviewable, and rolled back whole."""

    __tablename__ = "risk_data_batch"

    source: Mapped[str] = mapped_column(
        String(12), nullable=False
    )  # tax / social / utility / court / abnormal / complaint
    file_name: Mapped[str] = mapped_column(String(255), nullable=False)
    imported_on: Mapped[date] = mapped_column(Date, nullable=False)
    rows_total: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    matched_by_code: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    matched_by_name: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    unmatched: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    facts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    unmatched_json: Mapped[str] = mapped_column(
        Text, nullable=False, default="[]"
    )  # [[row, name, code], ...]
    status: Mapped[str] = mapped_column(
        String(12), nullable=False, default="active"
    )  # active / rolled_back


class RiskFact(SyncMixin, Base):
    """One figure about one enterprise: a metric, for a month ("" when not monthly)."""

    __tablename__ = "risk_fact"

    batch_id: Mapped[str] = parent_key("risk_data_batch")
    enterprise_id: Mapped[str] = mapped_column(ForeignKey("enterprise.id"), nullable=False)
    metric: Mapped[str] = mapped_column(String(30), nullable=False)
    period: Mapped[str] = mapped_column(String(7), nullable=False, default="")
    value: Mapped[float] = mapped_column(Float, nullable=False)
    matched_by: Mapped[str] = mapped_column(String(6), nullable=False, default="code")

    __table_args__ = (Index("ix_risk_fact_lookup", "deleted", "metric", "enterprise_id", "period"),)


class RiskGrading(SyncMixin, Base):
    """A dated snapshot: one run of the grading over every enterprise."""

    __tablename__ = "risk_grading"

    graded_on: Mapped[date] = mapped_column(Date, nullable=False)
    reference_period: Mapped[str] = mapped_column(String(7), nullable=False, default="")
    rules_json: Mapped[str] = mapped_column(Text, nullable=False, default="{}")
    high: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    medium: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    low: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    rose: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class RiskGrade(SyncMixin, Base):
    __tablename__ = "risk_grade"

    grading_id: Mapped[str] = parent_key("risk_grading")
    enterprise_id: Mapped[str] = parent_key("enterprise")
    score: Mapped[int] = mapped_column(Integer, nullable=False)
    level: Mapped[str] = mapped_column(String(8), nullable=False)  # high / medium / low
    red_line: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    previous_level: Mapped[str] = mapped_column(String(8), nullable=False, default="")
    reasons_json: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
