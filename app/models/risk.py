"""Shared data from other departments, and the risk grades made from it."""

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class EnterpriseRisk(Base):
    """Each enterprise's current level, kept beside the register so it filters and
    joins on an index. Derived from the newest grading; not synced itself."""

    __tablename__ = "enterprise_risk"

    enterprise_id: Mapped[str] = mapped_column(ForeignKey("enterprise.id"), primary_key=True)
    level: Mapped[str] = mapped_column(String(8), nullable=False, index=True)
    score: Mapped[int] = mapped_column(Integer, nullable=False)
    rose: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    graded_on: Mapped[date] = mapped_column(Date, nullable=False)
