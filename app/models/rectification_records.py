"""What happens to a rectification item after it is found: its events, deadline
extensions and evidence. The item itself is app/models/rectification.py's: a module
of its own, so a reader of items (`hexie report`) declares no more (app/models/__init__.py)."""

from datetime import date

from sqlalchemy import Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, SyncMixin, parent_key


class RectificationEvent(SyncMixin, Base):
    """A change of status: dated, with a note; author and time are the sync fields."""

    __tablename__ = "rectification_event"

    item_id: Mapped[str] = parent_key("rectification_item")
    on_date: Mapped[date] = mapped_column(Date, nullable=False)
    from_status: Mapped[str] = mapped_column(String(24), nullable=False)
    to_status: Mapped[str] = mapped_column(String(24), nullable=False)
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")


class DeadlineExtension(SyncMixin, Base):
    """A deadline moved later; the original deadline stays on the item."""

    __tablename__ = "deadline_extension"

    item_id: Mapped[str] = parent_key("rectification_item")
    old_deadline: Mapped[date] = mapped_column(Date, nullable=False)
    new_deadline: Mapped[date] = mapped_column(Date, nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False)


class Attachment(SyncMixin, Base):
    """Evidence for an item (scans, photos, PDF, Word), copied into the managed
    attachments folder beside the database and identified by its SHA-256."""

    __tablename__ = "attachment"

    item_id: Mapped[str] = parent_key("rectification_item")
    file_name: Mapped[str] = mapped_column(String(255), nullable=False)  # as the user named it
    stored_name: Mapped[str] = mapped_column(
        String(400), nullable=False
    )  # relative to the attachments folder
    sha256: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    size: Mapped[int] = mapped_column(Integer, nullable=False)
    note: Mapped[str] = mapped_column(Text, nullable=False, default="")
