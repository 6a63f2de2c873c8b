"""The layoff-filing list: filters, counting and a page of rows, in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, func, or_

from app.models import LayoffFiling
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
    equal = ("county_code", "status", "enterprise_id", "origin_office")
    conds = record_lists.matching(f, flt, equal, dated=filing_date())
    if flt.threshold_only:
        conds.append(or_(f.laid_off >= 20, f.laid_off * 10 >= f.total_staff))
    if (match := record_lists.enterprise_matches(flt.text)) is not None:
        conds.append(match)
    return conds


def count(db: Database, flt: FilingFilter) -> int:
    return record_lists.count_joined(db, LayoffFiling, _conditions(flt))


def page(
    db: Database, flt: FilingFilter, *, offset: int | keyset.Seek = 0, limit: int = 200
) -> keyset.Rows:
    f = LayoffFiling
    keys = [
        keyset.Key(func.coalesce(f.reported_on, f.layoff_on), descending=True),
        keyset.Key(f.id, descending=True, nullable=False),
    ]
    return record_lists.page_joined(db, LAYOFF_FILING, f, _conditions(flt), keys, offset, limit)
