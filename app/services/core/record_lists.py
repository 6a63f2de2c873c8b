"""What the lists of enterprise-linked records share: finding the enterprise by
name or pinyin initials, and counting rows joined to their enterprise."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, ColumnElement, and_, case, func, or_, select

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


def selected(spec: Any, model: Any, named: dict[str, Any] | None = None) -> list[Any]:
    """A list query's columns: what the record spec's list reads (RecordSpec.reads),
    each a column of `model` or one of `named` (joined or computed), by its name."""
    named = {"enterprise": Enterprise.name, "county_code": Enterprise.county_code, **(named or {})}
    return [
        (named[name] if name in named else getattr(model, name)).label(name) for name in spec.reads
    ]


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


def _as_number(value: Any) -> Any:
    """A condition summed counts its true rows. Summed bare, SQLAlchemy read the sum
    back as a Boolean (14 signed contracts came out as True, printed as 1), and
    PostgreSQL cannot sum booleans at all."""
    if isinstance(getattr(value, "type", None), Boolean):
        return case((value, 1), else_=0)
    return value


def sum_by_county(
    db: Database, model: Any, conditions: list[ColumnElement[bool]], *values: Any
) -> dict[str, tuple[int, ...]]:
    """Per county: the row count, then the sum of each of `values`, over the rows
    a list would show with the same conditions (so a dashboard equals its list)."""
    stmt = (
        select(
            Enterprise.county_code,
            func.count(),
            *(func.coalesce(func.sum(_as_number(v)), 0) for v in values),
        )
        .select_from(model)
        .join(Enterprise, Enterprise.id == model.enterprise_id)
        .where(and_(*conditions))
        .group_by(Enterprise.county_code)
    )
    with db.reader() as conn:
        return {row[0]: tuple(int(x) for x in row[1:]) for row in conn.execute(stmt)}
