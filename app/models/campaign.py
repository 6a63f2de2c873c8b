"""A campaign (专项行动) and what the office does under it: guidance services,
typical cases, and the written summary the city asks for.

A campaign is data, not code: the 2023 notice's phases, dates and plan are one
row, and next year's campaign is another. Checks, offers, layoff filings and
major-risk events belong to the campaign whose period holds their date, so the
same rule works at a county and at the city that received the counties' records.
"""

from datetime import date

from sqlalchemy import Boolean, Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin


class Campaign(SyncMixin, Base):
    __tablename__ = "campaign"

    name: Mapped[str] = mapped_column(String(120), nullable=False)
    issuer: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    doc_number: Mapped[str] = mapped_column(String(60), nullable=False, default="")
    issued_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    starts_on: Mapped[date] = mapped_column(Date, nullable=False)
    ends_on: Mapped[date] = mapped_column(Date, nullable=False)
    report_due: Mapped[date | None] = mapped_column(Date, nullable=True)
    # [{"key", "name", "start", "end"}] in order; dates as ISO text.
    phases_json: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
    # The county's implementation plan: [{"measure", "units", "schedule"}].
    plan_json: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
    # Planned health checks per county code: {"410402": 60, ...}.
    targets_json: Mapped[str] = mapped_column(Text, nullable=False, default="{}")


class CampaignReport(SyncMixin, Base):
    """One office's written summary of a campaign: the narrative per section
    and the document's number and date. It travels, so the city can read it."""

    __tablename__ = "campaign_report"

    campaign_id: Mapped[str] = mapped_column(String(32), nullable=False, index=True)
    office_code: Mapped[str] = mapped_column(String(12), nullable=False)
    title: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    doc_number: Mapped[str] = mapped_column(String(60), nullable=False, default="")
    addressee: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    issued_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    signer: Mapped[str] = mapped_column(String(120), nullable=False, default="")
    narratives_json: Mapped[str] = mapped_column(Text, nullable=False, default="{}")


class GuidanceActivity(SyncMixin, Base):
    """指导服务: law into enterprises, lectures, guides handed out, help with rules."""

    __tablename__ = "guidance_activity"

    campaign_id: Mapped[str] = mapped_column(String(32), nullable=False, default="", index=True)
    held_on: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    county_code: Mapped[str] = mapped_column(String(12), nullable=False, default="")
    place: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    # Enterprises from the register that were reached (ids), plus a count of
    # others (e.g. a lecture's online audience not in the register).
    enterprise_ids_json: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
    other_enterprises: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    people_reached: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    materials: Mapped[str] = mapped_column(Text, nullable=False, default="")
    copies_handed_out: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    # Photos and handouts: [{"file_name", "stored_name", "sha256", "size"}].
    files_json: Mapped[str] = mapped_column(Text, nullable=False, default="[]")


class TypicalCase(SyncMixin, Base):
    """典型案例: a good practice, a model enterprise, an outstanding coordinator."""

    __tablename__ = "typical_case"

    campaign_id: Mapped[str] = mapped_column(String(32), nullable=False, default="", index=True)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    enterprise_id: Mapped[str] = mapped_column(String(32), nullable=False, default="")
    person: Mapped[str] = mapped_column(String(60), nullable=False, default="")
    county_code: Mapped[str] = mapped_column(String(12), nullable=False, default="")
    body: Mapped[str] = mapped_column(Text, nullable=False, default="")
    in_report: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    files_json: Mapped[str] = mapped_column(Text, nullable=False, default="[]")
