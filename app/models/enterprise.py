"""The enterprise register (企业名录): every other record hangs off one of these."""

from datetime import date

from sqlalchemy import Boolean, Date, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin, live_index


class Enterprise(SyncMixin, Base):
    __tablename__ = "enterprise"

    name: Mapped[str] = mapped_column(String(200), nullable=False)
    credit_code: Mapped[str] = mapped_column(String(18), nullable=False)
    county_code: Mapped[str] = mapped_column(String(12), nullable=False, default="")
    address: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    industry: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    legal_representative: Mapped[str] = mapped_column(String(60), nullable=False, default="")
    contact_person: Mapped[str] = mapped_column(String(60), nullable=False, default="")
    contact_phone: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    employee_count: Mapped[int | None] = mapped_column(Integer, nullable=True)
    has_union: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    registration_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    is_platform: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    # Pinyin sort key and initials, written with the name (docs/architecture.md, "Storage"): sorting
    # and initials search then run on indexed columns, not in Python.
    name_pinyin: Mapped[str] = mapped_column(String(800), nullable=False, default="")
    name_initials: Mapped[str] = mapped_column(String(200), nullable=False, default="")

    __table_args__ = (
        # One live enterprise per credit code and owning office; tombstones keep
        # theirs. Two counties may each register the same firm (a builder working
        # in both): the city keeps both offices' records instead of refusing one.
        live_index("uq_enterprise_owner_credit_code", "origin_office", "credit_code", unique=True),
        # A credit code looked up without its office uses this, not the owner index.
        live_index("ix_enterprise_live_credit_code", "credit_code"),
        # The id too: keyset pages and far jumps walk this index alone.
        Index("ix_enterprise_sort", "deleted", "name_pinyin", "id"),
        Index("ix_enterprise_county", "county_code"),
        # Live enterprises per county (the overview, the report) from the index alone.
        Index("ix_enterprise_live_county", "deleted", "county_code"),
        Index("ix_enterprise_industry", "industry"),
        Index("ix_enterprise_employees", "employee_count"),
        Index("ix_enterprise_registered", "registration_date"),
    )
