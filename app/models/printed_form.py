"""Blank forms printed for machine reading: which form a QR code names, and where
its tick boxes are on each page. Local to the office that printed them."""

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, parent_key, utcnow


class PrintedForm(Base):
    __tablename__ = "printed_form"

    id: Mapped[str] = mapped_column(String(16), primary_key=True)  # printed in the QR code
    kind: Mapped[str] = mapped_column(String(30), nullable=False)
    enterprise_id: Mapped[str] = parent_key("enterprise")
    checklist_id: Mapped[str] = mapped_column(ForeignKey("checklist.id"), nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), nullable=False, default="")
    pages: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    # {"unit": "mm", "page": [210, 297], "pages": [{"qr": [...], "marks": [...], "boxes": [...]}]}
    layout_json: Mapped[str] = mapped_column(Text, nullable=False, default="{}")
