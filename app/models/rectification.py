"""Rectification items (整改事项): the rows of the rectification ledger (整改台账)."""

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin, parent_key


class RectificationItem(SyncMixin, Base):
    __tablename__ = "rectification_item"

    enterprise_id: Mapped[str] = parent_key("enterprise")
    check_id: Mapped[str | None] = mapped_column(
        ForeignKey("health_check.id"), nullable=True, index=True
    )
    check_result_id: Mapped[str | None] = mapped_column(
        ForeignKey("check_result.id"), nullable=True, index=True
    )
    source: Mapped[str] = mapped_column(
        String(10), nullable=False, default="check"
    )  # check / manual
    item_code: Mapped[str] = mapped_column(String(20), nullable=False, default="")
    matter: Mapped[str] = mapped_column(Text, nullable=False)  # 整改事类
    basis: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    remedy: Mapped[str] = mapped_column(Text, nullable=False, default="")
    severity: Mapped[str] = mapped_column(String(4), nullable=False, default="中")
    found_on: Mapped[date] = mapped_column(Date, nullable=False)
    rectify_days: Mapped[int] = mapped_column(Integer, nullable=False, default=30)
    day_kind: Mapped[str] = mapped_column(String(10), nullable=False, default="calendar")
    deadline: Mapped[date] = mapped_column(Date, nullable=False)  # 整改时限
    original_deadline: Mapped[date] = mapped_column(Date, nullable=False)
    enterprise_person: Mapped[str] = mapped_column(
        String(60), nullable=False, default=""
    )  # 整改负责人
    office_person: Mapped[str] = mapped_column(String(60), nullable=False, default="")
    # pending 待整改 / in_progress 整改中 / awaiting_verification 已整改待核验 / closed 已销号
    status: Mapped[str] = mapped_column(String(24), nullable=False, default="pending")
    status_changed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    verified_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    verified_by: Mapped[str] = mapped_column(String(60), nullable=False, default="")
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")

    __table_args__ = (
        Index("ix_rectification_status_deadline", "deleted", "status", "deadline"),
        Index("ix_rectification_enterprise_status", "enterprise_id", "status"),
    )
