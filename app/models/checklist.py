"""Health-check checklists (体检清单), versioned: a saved change is a new version,
so a check done with version 3 shows and prints exactly as it was done."""

from datetime import date

from sqlalchemy import Boolean, Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin, live_index, parent_key
from app.models.item_wording import ItemWording


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


class ChecklistItem(ItemWording, SyncMixin, Base):
    __tablename__ = "checklist_item"

    checklist_id: Mapped[str] = parent_key("checklist")
    code: Mapped[str] = mapped_column(String(20), nullable=False)
    retired: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
