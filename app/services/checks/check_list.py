"""The list of health checks: the filter, its SQL conditions (shared with the
overview's counts), counting and one page of rows with finding counts."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, and_, exists, false, select

# CheckResult: imported where used (declared then: app/models/__init__.py).
from app.models import Enterprise, HealthCheck, RectificationItem
from app.models.db import Database
from app.services.core import keyset, record_lists
from app.services.core.messages import N_
from app.services.ledger.rectification_status import OPEN_STATUSES


@dataclass
class CheckFilter(record_lists.ListFilter):
    county_code: str = ""
    date_from: date | None = None
    date_to: date | None = None
    campaign_id: str = ""
    open_findings: bool = False
    enterprise_id: str = ""
    # "final" (定稿) or "draft"; "" both. A report counts final checks only: a draft
    # is a visit still being written up (README, 工作总结).
    status: str = ""


def _conditions(flt: CheckFilter) -> list[ColumnElement[bool]]:
    equal = ("county_code", "campaign_id", "enterprise_id", "origin_office", "status")
    conds = record_lists.matching(HealthCheck, flt, equal, dated=HealthCheck.check_date)
    code_prefix = flt.text.strip().replace("%", "").upper()
    if (
        match := record_lists.enterprise_matches(
            flt.text, Enterprise.credit_code.like(f"{code_prefix}%")
        )
    ) is not None:
        conds.append(match)
    if flt.open_findings:
        conds.append(
            exists().where(
                RectificationItem.check_id == HealthCheck.id,
                RectificationItem.deleted == false(),
                RectificationItem.status.in_(OPEN_STATUSES),
            )
        )
    return conds


LIST_COLUMNS = (
    "check_date",
    "enterprise",
    "county",
    "status",
    "noncompliant",
    "open_items",
    "closed_items",
    "team",
)


def count(db: Database, flt: CheckFilter) -> int:
    return record_lists.count_joined(db, HealthCheck, _conditions(flt))


def page(
    db: Database,
    flt: CheckFilter,
    *,
    offset: int | keyset.Seek = 0,
    limit: int = 200,
    descending: bool = True,
) -> keyset.Rows:
    """(id, check_date, enterprise name, county, status, 不合规 count, open items, closed items, team names, enterprise id)."""
    from app.models import CheckResult

    item = RectificationItem
    noncompliant = record_lists.live_children(
        CheckResult.check_id, HealthCheck, CheckResult.result == "noncompliant"
    )
    open_items = record_lists.live_children(
        item.check_id, HealthCheck, item.status.in_(OPEN_STATUSES)
    )
    closed_items = record_lists.live_children(item.check_id, HealthCheck, item.status == "closed")
    keys = [
        keyset.Key(HealthCheck.check_date, descending, nullable=False),
        keyset.Key(HealthCheck.id, descending, nullable=False),
    ]
    stmt = (
        select(
            HealthCheck.id,
            HealthCheck.check_date,
            Enterprise.name,
            Enterprise.county_code,
            HealthCheck.status,
            noncompliant,
            open_items,
            closed_items,
            HealthCheck.team_json,
            HealthCheck.enterprise_id,
        )
        .join(Enterprise, Enterprise.id == HealthCheck.enterprise_id)
        .where(and_(*_conditions(flt)))
    )
    with db.reader() as conn:
        rows = keyset.fetch(conn, stmt, keys, offset, limit)
        out = keyset.carried(rows, [])
        for r in rows:
            # A Message: the names joined with 、 in Chinese and ", " in English.
            team = N_("{names}", names=[m["name"] for m in json.loads(r[8])])
            out.append((*r[:8], team, r[9]))
        return out
