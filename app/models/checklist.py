"""Health-check checklists (体检清单), versioned: a saved change is a new version,
so a check done with version 3 shows and prints exactly as it was done."""

from datetime import date

from sqlalchemy import Boolean, Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin, live_index, parent_key


class Checklist(SyncMixin, Base):
    __tablename__ = "checklist"

    code: Mapped[str] = mapped_column(String(40), nullable=False)
    # The checklist's own version number ("第 2 版"); `version` is the sync counter.
    edition: Mapped[int] = mapped_column(Integer, nullable=False)
    name: Mapped[str] = mapped_column(String(120), nullable=False)
    issued_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
    # {"construction": {"label": ..., "field": "industry", "equals": "建筑业"}, ...}
    conditions_json: Mapped[str] = mapped_column(Text, nullable=False, default="{}")

    __table_args__ = (
        # Every office keeps its own editions (its default is its own edition 1),
        # so the owner is part of the key: ten counties' editions meet at the city.
        live_index("uq_checklist_owner_edition", "origin_office", "code", "edition", unique=True),
    )


class ItemWording:
    """A checklist item's words and terms, kept on the item and copied onto each
    check's result (so a check shows the edition it was done with)."""

    group_name: Mapped[str] = mapped_column(String(60), nullable=False)
    question: Mapped[str] = mapped_column(Text, nullable=False)
    basis: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    severity: Mapped[str] = mapped_column(String(4), nullable=False, default="中")
    rectify_days: Mapped[int] = mapped_column(Integer, nullable=False, default=30)
    day_kind: Mapped[str] = mapped_column(String(10), nullable=False, default="calendar")
    remedy: Mapped[str] = mapped_column(Text, nullable=False, default="")
    condition: Mapped[str] = mapped_column(String(40), nullable=False, default="")
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    # What a failure of this item is called wherever it is named (整改事类 in the
    # ledger, the report, the notice): 未建立职工名册, not the checklist's question.
    finding: Mapped[str] = mapped_column(Text, nullable=False, default="")


class ChecklistItem(ItemWording, SyncMixin, Base):
    __tablename__ = "checklist_item"

    checklist_id: Mapped[str] = parent_key("checklist")
    code: Mapped[str] = mapped_column(String(20), nullable=False)
    retired: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
