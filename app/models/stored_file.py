"""The contents of evidence files on an office server (migration 0017_shared_files).

A SQLite office keeps its evidence in the folder beside its file
(app/services/core/record_files.py); on a PostgreSQL server every coordinator's PC
must open the same evidence, so the bytes live in the database, one row per
distinct content keyed by its SHA-256 (an item and a scanned page that share a
page image share the row). A row is written in the unit of work of the record
that names it, so a record never points at content the server does not have.
Local to the office: bundles carry the files themselves (attachments/<sha256>).
"""

from datetime import datetime

from sqlalchemy import DateTime, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utcnow


class StoredFile(Base):
    __tablename__ = "stored_file"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer, nullable=False)
    content: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    stored_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
