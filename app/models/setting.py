"""Per-database settings (the office's name and code, rule choices).

They live in the database, not on the PC, because they describe the office whose
data this file holds and must not change when the file moves to another PC.
"""

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class Setting(Base):
    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False, default="")


class SyncCounter(Base):
    """One row: the last local change sequence number handed out."""

    __tablename__ = "sync_counter"

    id: Mapped[int] = mapped_column(primary_key=True)
    value: Mapped[int] = mapped_column(nullable=False, default=0)
