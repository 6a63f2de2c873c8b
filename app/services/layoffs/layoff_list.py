"""The layoff-filing list: filters, counting and a page of rows, in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, and_, false, func, or_, select

from app.models import Enterprise, LayoffFiling
from app.models.db import Database
from app.services.core import keyset, record_lists
from app.services.layoffs.layoff_spec import LAYOFF_FILING


@dataclass
class FilingFilter:
    county_code: str = ""
    status: str = ""
    threshold_only: bool = False
    enterprise_id: str = ""
    text: str = ""
    origin_office: str = ""
    # The filing's date: the report to the labour department, else the layoff date.
    date_from: date | None = None
    date_to: date | None = None


def filing_date() -> ColumnElement[date]:
    return func.coalesce(LayoffFiling.reported_on, LayoffFiling.layoff_on)


def _conditions(flt: FilingFilter) -> list[ColumnElement[bool]]:
    f = LayoffFiling
    conds: list[ColumnElement[bool]] = [f.deleted == false()]
    if flt.county_code:
        conds.append(Enterprise.county_code == flt.county_code)
    if flt.status:
        conds.append(f.status == flt.status)
    if flt.threshold_only:
        conds.append(or_(f.laid_off >= 20, f.laid_off * 10 >= f.total_staff))
    if flt.enterprise_id:
        conds.append(f.enterprise_id == flt.enterprise_id)
    if flt.origin_office:
        conds.append(f.origin_office == flt.origin_office)
    if flt.date_from:
        conds.append(filing_date() >= flt.date_from)
    if flt.date_to:
        conds.append(filing_date() <= flt.date_to)
    if (match := record_lists.enterprise_matches(flt.text)) is not None:
        conds.append(match)
    return conds


def count(db: Database, flt: FilingFilter) -> int:
    return record_lists.count_joined(db, LayoffFiling, _conditions(flt))


def page(
    db: Database, flt: FilingFilter, *, offset: int | keyset.Seek = 0, limit: int = 200
) -> keyset.Rows:
    f = LayoffFiling
    stmt = (
        select(*record_lists.selected(LAYOFF_FILING, f))
        .join(Enterprise, Enterprise.id == f.enterprise_id)
        .where(and_(*_conditions(flt)))
    )
    keys = [
        keyset.Key(func.coalesce(f.reported_on, f.layoff_on), descending=True),
        keyset.Key(f.id, descending=True, nullable=False),
    ]
    with db.reader() as conn:
        return keyset.fetch(conn, stmt, keys, offset, limit, as_dict=True)
