"""What every record list shares: the filter's common conditions (not deleted,
fields equal to a chosen value, a date range, the enterprise by name or pinyin
initials), counting, and one keyset page of rows joined to their enterprise
(docs/architecture.md, "The list helper")."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Boolean, ColumnElement, Select, and_, case, false, func, or_, select

from app.models import Enterprise
from app.models.db import Database
from app.models.portable import unindexed
from app.services.core import keyset


@dataclass
class ListFilter:
    """What every record list is also narrowed by, from its tab's own widgets
    (app/views/common/list_tab.py): the search box's text and, at the city, the office
    the records came from. Each list's filter adds its own fields."""

    text: str = ""
    origin_office: str = ""


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


def matching(
    model: Any,
    flt: Any,
    equal: Iterable[str] = (),
    *,
    columns: dict[str, Any] | None = None,
    dated: Any = None,
    span: tuple[str, str] = ("date_from", "date_to"),
    titled: Any = None,
    by_enterprise: bool = False,
) -> list[ColumnElement[bool]]:
    """A list filter's common conditions: the record not deleted; for each name in
    `equal` that the filter sets, that column equal to it (the model's column of that
    name, `columns[name]`, or the enterprise's county for "county_code"); and `dated`
    between the filter's `span` dates (each optional); `titled`, a column that
    contains the filter's `text` (searched as typed: % and _ are plain characters);
    `by_enterprise`, the filter's `text` in the enterprise's name or pinyin initials."""
    columns = {"county_code": Enterprise.county_code, **(columns or {})}
    conds: list[ColumnElement[bool]] = [model.deleted == false()]
    for name in equal:
        if value := getattr(flt, name):
            conds.append((columns[name] if name in columns else getattr(model, name)) == value)
    start, end = (getattr(flt, name) for name in span) if dated is not None else (None, None)
    if start:
        conds.append(dated >= start)
    if end:
        conds.append(dated <= end)
    if titled is not None and (text := flt.text.strip()):
        conds.append(titled.contains(text, autoescape=True))
    if by_enterprise and (match := enterprise_matches(flt.text)) is not None:
        conds.append(match)
    return conds


def live_children(key: Any, parent: Any, *conditions: ColumnElement[bool]) -> Any:
    """How many live rows hang on each listed record through `key` (a child's
    reference to `parent`, as RiskIntervention.event_id) and meet `conditions`: a
    correlated count for a list column."""
    child = key.class_
    return (
        select(func.count())
        .where(key == parent.id, child.deleted == false(), *conditions)
        .correlate(parent)
        .scalar_subquery()
    )


def page_joined(
    db: Database,
    spec: Any,
    model: Any,
    conditions: list[ColumnElement[bool]],
    keys: list[keyset.Key],
    offset: int | keyset.Seek,
    limit: int,
    named: dict[str, Any] | None = None,
) -> keyset.Rows:
    """One page (dicts by column name) of `model`'s rows joined to their enterprise,
    the columns its spec's list reads (`selected`), in the order of `keys`."""
    stmt = (
        select(*selected(spec, model, named))
        .join(Enterprise, Enterprise.id == model.enterprise_id)
        .where(and_(*conditions))
    )
    with db.reader() as conn:
        return keyset.fetch(conn, stmt, keys, offset, limit, as_dict=True)


def selected(spec: Any, model: Any, named: dict[str, Any] | None = None) -> list[Any]:
    """A list query's columns: what the record spec's list reads (RecordSpec.reads),
    each a column of `model` or one of `named` (joined or computed), by its name."""
    named = {"enterprise": Enterprise.name, "county_code": Enterprise.county_code, **(named or {})}
    return [
        (named[name] if name in named else getattr(model, name)).label(name) for name in spec.reads
    ]


def count_statement(model: Any, conditions: list[ColumnElement[bool]]) -> Select[Any]:
    """The count of count_joined (the summary report compiles it ahead: report_queries)."""
    return (
        select(func.count())
        .select_from(model)
        .join(Enterprise, Enterprise.id == model.enterprise_id)
        .where(and_(*conditions))
    )


def count_joined(db: Database, model: Any, conditions: list[ColumnElement[bool]]) -> int:
    """Rows of `model` joined to their enterprise that meet every condition."""
    with db.reader() as conn:
        return int(conn.execute(count_statement(model, conditions)).scalar_one())


def sums_joined(
    db: Database, model: Any, conditions: list[ColumnElement[bool]], *values: Any
) -> tuple[int, ...]:
    """The sum of each of `values` (a condition sums its true rows) over the rows of
    `model` joined to their enterprise that meet every condition, in one query."""
    with db.reader() as conn:
        return tuple(int(x) for x in conn.execute(sums_statement(model, conditions, *values)).one())


def sums_statement(model: Any, conditions: list[ColumnElement[bool]], *values: Any) -> Select[Any]:
    return (
        select(*(func.coalesce(func.sum(_as_number(v)), 0) for v in values))
        .select_from(model)
        .join(Enterprise, Enterprise.id == model.enterprise_id)
        .where(and_(*conditions))
    )


def _as_number(value: Any) -> Any:
    """A condition summed counts its true rows. Summed bare, SQLAlchemy read the sum
    back as a Boolean (14 signed contracts came out as True, printed as 1), and
    PostgreSQL cannot sum booleans at all."""
    if isinstance(getattr(value, "type", None), Boolean):
        return case((value, 1), else_=0)
    return value


def its_enterprise(model: Any) -> ColumnElement[bool]:
    """The join of a record to its enterprise for a count over every county, driven
    from the records: a record's enterprise is one primary-key lookup. Joined the
    plain way, SQLite without statistics on the record's table walked the whole
    register by its county index to group for free, and probed for records from each
    of 100,000 enterprises (0.25 s a count instead of 1 ms; issue 17)."""
    return Enterprise.id == unindexed(model.enterprise_id)


def sum_by_county(
    db: Database, model: Any, conditions: list[ColumnElement[bool]], *values: Any
) -> dict[str, tuple[int, ...]]:
    """Per county: the row count, then the sum of each of `values`, over the rows
    a list would show with the same conditions (so a dashboard equals its list)."""
    stmt = by_county_statement(model, conditions, *values)
    with db.reader() as conn:
        return {row[0]: tuple(int(x) for x in row[1:]) for row in conn.execute(stmt)}


def by_county_statement(
    model: Any, conditions: list[ColumnElement[bool]], *values: Any
) -> Select[Any]:
    return (
        select(
            Enterprise.county_code,
            func.count(),
            *(func.coalesce(func.sum(_as_number(v)), 0) for v in values),
        )
        .select_from(model)
        .join(Enterprise, its_enterprise(model))
        .where(and_(*conditions))
        .group_by(Enterprise.county_code)
    )


def lister(
    spec: Any,
    model: Any,
    conditions: Callable[[Any], list[ColumnElement[bool]]],
    keys: list[keyset.Key],
    named: dict[str, Any] | None = None,
) -> tuple[Callable[..., int], Callable[..., keyset.Rows]]:
    """A record list's `count(db, flt)` and `page(db, flt, *, offset=0, limit=200)`:
    the rows of `model` joined to their enterprise that meet `conditions(flt)`, read a
    keyset page at a time in the order of `keys`, the columns its spec's list reads."""

    def count(db: Database, flt: Any) -> int:
        return count_joined(db, model, conditions(flt))

    def page(
        db: Database, flt: Any, *, offset: int | keyset.Seek = 0, limit: int = 200
    ) -> keyset.Rows:
        return page_joined(db, spec, model, conditions(flt), keys, offset, limit, named)

    return count, page
