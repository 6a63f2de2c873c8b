"""Pages of filled-in field forms read back from scans, kept as the check's evidence.

Local to this office, like `printed_form` it points to: the form ids in the QR
codes mean something only to the office that printed them, so these rows never
travel in a sync bundle. The scanned pages reach the city as the evidence files
attached to the rectification items the check produced (app.services.ledger.attachments).
"""

from datetime import datetime

from sqlalchemy import DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, new_id, parent_key, utcnow


class ScannedPage(Base):
    __tablename__ = "scanned_page"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    form_id: Mapped[str] = parent_key("printed_form")
    page: Mapped[int] = mapped_column(Integer, nullable=False)
    check_id: Mapped[str] = parent_key("health_check")
    # Where the page came from: the scanned file's name and the page in it (1-based).
    source_name: Mapped[str] = mapped_column(String(255), nullable=False, default="")
    source_page: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    # The page image as stored by app.services.core.record_files (relative to its folder).
    file_name: Mapped[str] = mapped_column(String(255), nullable=False)
    stored_name: Mapped[str] = mapped_column(String(400), nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), nullable=False)
    size: Mapped[int] = mapped_column(Integer, nullable=False)
    imported_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    imported_by: Mapped[str] = mapped_column(String(64), nullable=False, default="")
