"""A health check's item results and its amendments. The check itself is
app/models/health_check.py's: a module of its own, so a reader of checks (`hexie
report`) declares no more (app/models/__init__.py)."""

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin, parent_key
from app.models.item_wording import ItemWording


class CheckResult(ItemWording, SyncMixin, Base):
    """One checklist item as checked; its texts are copied from the checklist version used."""

    __tablename__ = "check_result"

    check_id: Mapped[str] = parent_key("health_check")
    item_code: Mapped[str] = mapped_column(String(20), nullable=False)
    # group_name … finding: the item's words in the edition the check used.
    result: Mapped[str] = mapped_column(String(14), nullable=False, default="unchecked")
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")


class CheckAmendment(SyncMixin, Base):
    """A change to a finalised check: the reason and what changed (author and time are the sync fields)."""

    __tablename__ = "check_amendment"

    check_id: Mapped[str] = parent_key("health_check")
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    changes_json: Mapped[str] = mapped_column(Text, nullable=False, default="{}")

    __table_args__ = (Index("ix_check_amendment_order", "check_id", "created_at"),)
