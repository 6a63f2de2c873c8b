"""What the lists of enterprise-linked records share: finding the enterprise by
name or pinyin initials, and counting rows joined to their enterprise."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select

from app.models import Enterprise
from app.models.db import Database


def enterprise_matches(text: str, *extra: ColumnElement[bool]) -> ColumnElement[bool] | None:
    """Enterprise name containing `text`, or pinyin initials containing it (or any `extra`)."""
    text = text.strip().replace("%", "")
    if not text:
        return None
    return or_(
        Enterprise.name.like(f"%{text}%"),
        Enterprise.name_initials.like(f"%{text.lower()}%"),
        *extra,
    )


def count_joined(db: Database, model: Any, conditions: list[ColumnElement[bool]]) -> int:
    """Rows of `model` joined to their enterprise that meet every condition."""
    stmt = (
        select(func.count())
        .select_from(model)
        .join(Enterprise, Enterprise.id == model.enterprise_id)
        .where(and_(*conditions))
    )
    with db.reader() as conn:
        return int(conn.execute(stmt).scalar_one())
