"""A legal health check (劳动用工法治体检): the visit, its results and amendments."""

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin, parent_key


class HealthCheck(SyncMixin, Base):
    __tablename__ = "health_check"

    enterprise_id: Mapped[str] = parent_key("enterprise")
    check_date: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    checklist_id: Mapped[str] = mapped_column(ForeignKey("checklist.id"), nullable=False)
    checklist_edition: Mapped[int] = mapped_column(Integer, nullable=False)
    # [{"name": "张三", "role": "劳动关系协调员"}, ...]
    team_json: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
    # Employment snapshot at the visit.
    staff_count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    contracts_signed: Mapped[int | None] = mapped_column(Integer, nullable=True)
    migrant_workers: Mapped[int | None] = mapped_column(Integer, nullable=True)
    dispatched_workers: Mapped[int | None] = mapped_column(Integer, nullable=True)
    wages_paid_through: Mapped[str] = mapped_column(
        String(7), nullable=False, default=""
    )  # YYYY-MM
    wages_owed_yuan: Mapped[int | None] = mapped_column(Integer, nullable=True)
    wages_owed_people: Mapped[int | None] = mapped_column(Integer, nullable=True)
    conclusion: Mapped[str] = mapped_column(Text, nullable=False, default="")
    advice: Mapped[str] = mapped_column(Text, nullable=False, default="")
    enterprise_person: Mapped[str] = mapped_column(
        String(60), nullable=False, default=""
    )  # 企业整改负责人
    office_person: Mapped[str] = mapped_column(
        String(60), nullable=False, default=""
    )  # 本单位责任人
    status: Mapped[str] = mapped_column(
        String(10), nullable=False, default="draft"
    )  # draft / final
    finalised_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    finalised_by: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    original_json: Mapped[str] = mapped_column(Text, nullable=False, default="")  # as finalised
    campaign_id: Mapped[str] = mapped_column(String(32), nullable=False, default="", index=True)
