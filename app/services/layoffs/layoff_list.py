"""The layoff-filing list: filters, counting and a page of rows, in SQL."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, and_, func, or_

from app.models import LayoffFiling
from app.services.core import keyset, record_lists
from app.services.layoffs import layoff_rules
from app.services.layoffs.layoff_spec import LAYOFF_FILING


@dataclass
class FilingFilter(record_lists.ListFilter):
    county_code: str = ""
    status: str = ""
    threshold_only: bool = False
    enterprise_id: str = ""
    # The filing's date: the report to the labour department, else the layoff date.
    date_from: date | None = None
    date_to: date | None = None


def filing_date() -> ColumnElement[date]:
    return func.coalesce(LayoffFiling.reported_on, LayoffFiling.layoff_on)


def _conditions(flt: FilingFilter) -> list[ColumnElement[bool]]:
    f = LayoffFiling
    equal = ("county_code", "status", "enterprise_id", "origin_office")
    conds = record_lists.matching(f, flt, equal, dated=filing_date(), by_enterprise=True)
    if flt.threshold_only:
        # layoff_rules.threshold_met in SQL, with the numbers of resources/rules/layoffs.json.
        t = layoff_rules.rules()["threshold"]
        conds.append(
            and_(
                f.total_staff > 0,
                or_(
                    f.laid_off >= t["people"],
                    f.laid_off * 100 >= f.total_staff * t["share_percent"],
                ),
            )
        )
    return conds


# Newest filings first: by the filing's date (reported, else the layoff's).
count, page = record_lists.lister(
    LAYOFF_FILING,
    LayoffFiling,
    _conditions,
    [
        keyset.Key(filing_date(), descending=True),
        keyset.Key(LayoffFiling.id, descending=True, nullable=False),
    ],
)
