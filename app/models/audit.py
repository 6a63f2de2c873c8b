"""The audit log: who changed which fields of which record, when."""

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    operator: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    # Which opened database wrote it (Database.session_id, migration 0017_shared_files):
    # two PCs under one operator name still see each other's saves.
    session_id: Mapped[str] = mapped_column(String(32), nullable=False, default="")
    record_type: Mapped[str] = mapped_column(String(40), nullable=False)
    record_id: Mapped[str] = mapped_column(String(32), nullable=False)
    action: Mapped[str] = mapped_column(String(16), nullable=False)  # create/update/delete
    # JSON object {field: [old, new]}; for create, old is null.
    changes: Mapped[str] = mapped_column(Text, nullable=False, default="{}")
    summary: Mapped[str] = mapped_column(String(300), nullable=False, default="")

    __table_args__ = (Index("ix_audit_record", "record_type", "record_id", "at"),)
