"""Collective negotiation offers (要约行动) and their negotiation sessions."""

from datetime import date

from sqlalchemy import Date, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin, parent_key


class NegotiationOffer(SyncMixin, Base):
    __tablename__ = "negotiation_offer"

    enterprise_id: Mapped[str] = parent_key("enterprise")
    offeror: Mapped[str] = mapped_column(
        String(12), nullable=False, default="union"
    )  # union / enterprise
    situation: Mapped[str] = mapped_column(String(16), nullable=False, default="normal")
    # The union that makes or receives the offer, as named on the letters
    # (e.g. 汝州市某某有限公司工会委员会); empty: taken from the enterprise.
    union_name: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    topics_json: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
    rules: Mapped[str] = mapped_column(String(12), nullable=False, default="henan")
    sent_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    received_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    replied_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    reply: Mapped[str] = mapped_column(String(12), nullable=False, default="")  # accepted / refused
    congress_members: Mapped[int | None] = mapped_column(Integer, nullable=True)
    congress_attended: Mapped[int | None] = mapped_column(Integer, nullable=True)
    congress_approved: Mapped[int | None] = mapped_column(Integer, nullable=True)
    congress_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    signed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    filed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    objection_on: Mapped[date | None] = mapped_column(Date, nullable=True)  # 审查意见书
    objection_note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    effective_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    expires_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    ended_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    end_kind: Mapped[str] = mapped_column(
        String(12), nullable=False, default=""
    )  # changed / terminated
    end_reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    # Derived from the dates and the rules at each save, so lists filter in SQL.
    stage: Mapped[str] = mapped_column(String(16), nullable=False, default="draft", index=True)
    reply_due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    filing_due_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    review_ends_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    renewal_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    campaign_id: Mapped[str] = mapped_column(String(32), nullable=False, default="", index=True)

    __table_args__ = (Index("ix_offer_due", "deleted", "stage", "reply_due_on", "filing_due_on"),)


class NegotiationSession(SyncMixin, Base):
    __tablename__ = "negotiation_session"

    offer_id: Mapped[str] = parent_key("negotiation_offer")
    held_on: Mapped[date] = mapped_column(Date, nullable=False)
    employer_reps: Mapped[int] = mapped_column(Integer, nullable=False)
    worker_reps: Mapped[int] = mapped_column(Integer, nullable=False)
    employer_chiefs: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    worker_chiefs: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    employer_experts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    worker_experts: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    employer_chief_name: Mapped[str] = mapped_column(String(60), nullable=False, default="")
    worker_chief_name: Mapped[str] = mapped_column(String(60), nullable=False, default="")
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
