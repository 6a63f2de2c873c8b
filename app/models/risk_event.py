"""Major labour-relations risks (重大风险隐患): signs of mass layoffs, collective
work stoppages or collective wage claims, and the on-site interventions."""

from datetime import date

from sqlalchemy import Boolean, Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin, parent_key


class MajorRiskEvent(SyncMixin, Base):
    __tablename__ = "major_risk_event"

    enterprise_id: Mapped[str] = parent_key("enterprise")
    kind: Mapped[str] = mapped_column(
        String(16), nullable=False
    )  # mass_layoff / work_stoppage / wage_claim
    people: Mapped[int | None] = mapped_column(Integer, nullable=True)
    amount_owed_yuan: Mapped[int | None] = mapped_column(Integer, nullable=True)
    found_on: Mapped[date] = mapped_column(Date, nullable=False)
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    may_spread: Mapped[bool] = mapped_column(
        Boolean, nullable=False, default=False
    )  # 可能跨地区蔓延
    status: Mapped[str] = mapped_column(String(10), nullable=False, default="open", index=True)
    closed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    outcome: Mapped[str] = mapped_column(Text, nullable=False, default="")


class RiskIntervention(SyncMixin, Base):
    __tablename__ = "risk_intervention"

    event_id: Mapped[str] = parent_key("major_risk_event")
    on_date: Mapped[date] = mapped_column(Date, nullable=False)
    who: Mapped[str] = mapped_column(String(120), nullable=False)
    action: Mapped[str] = mapped_column(Text, nullable=False)
