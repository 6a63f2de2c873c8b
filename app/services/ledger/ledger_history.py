"""A rectification item's history: its status changes and deadline extensions,
in the order they were made."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

# RectificationEvent, DeadlineExtension: imported where used (app/models/__init__.py).
from app.models.db import Database
from app.services.core.messages import N_, Label
from app.services.ledger.rectification_status import label


@dataclass
class HistoryLine:
    at: Any
    author: str
    kind: str  # status / extension
    text: str
    on_date: date | None


def history(db: Database, item_id: str) -> list[HistoryLine]:
    from app.models import DeadlineExtension, RectificationEvent

    with db.session() as session:
        events = (
            session.execute(select(RectificationEvent).where(RectificationEvent.item_id == item_id))
            .scalars()
            .all()
        )
        extensions = (
            session.execute(select(DeadlineExtension).where(DeadlineExtension.item_id == item_id))
            .scalars()
            .all()
        )
        lines = [
            HistoryLine(
                e.created_at,
                e.author,
                "status",
                N_(
                    "{old} → {new}：{note}",
                    old=Label(label(e.from_status), label(e.from_status, True)),
                    new=Label(label(e.to_status), label(e.to_status, True)),
                    note=e.note,
                ),
                e.on_date,
            )
            for e in events
        ] + [
            HistoryLine(
                x.created_at,
                x.author,
                "extension",
                N_(
                    "整改时限 {old} 延至 {new}：{reason}",
                    old=x.old_deadline,
                    new=x.new_deadline,
                    reason=x.reason,
                ),
                None,
            )
            for x in extensions
        ]
    return sorted(lines, key=lambda h: h.at)
