"""The guidance-activity and typical-case lists: filters, counts, pages, in SQL."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from app.models import Enterprise, GuidanceActivity, TypicalCase
from app.models.db import Database
from app.services.core import keyset, record_lists
from app.services.core.record_store import count_where


@dataclass
class ActivityFilter(record_lists.ListFilter):
    campaign_id: str = ""
    kind: str = ""
    county_code: str = ""
    date_from: date | None = None
    date_to: date | None = None


def _activity_conditions(flt: ActivityFilter) -> list[Any]:
    a = GuidanceActivity
    equal = ("campaign_id", "kind", "county_code", "origin_office")
    county = {"county_code": a.county_code}
    return record_lists.matching(a, flt, equal, columns=county, dated=a.held_on, titled=a.title)


def count_activities(db: Database, flt: ActivityFilter) -> int:
    return count_where(db, GuidanceActivity, _activity_conditions(flt))


def activities(
    db: Database, flt: ActivityFilter, *, offset: int | keyset.Seek = 0, limit: int = 200
) -> keyset.Rows:
    a = GuidanceActivity
    keys = [
        keyset.Key(a.held_on, descending=True),
        keyset.Key(a.id, descending=True, nullable=False),
    ]
    with db.reader() as conn:
        stmt = select(a).where(*_activity_conditions(flt))
        rows = keyset.fetch(conn, stmt, keys, offset, limit, as_dict=True)
        out = keyset.carried(rows, [])
        for r in rows:
            linked = len(json.loads(r["enterprise_ids_json"] or "[]"))
            out.append(
                {
                    **dict(r),
                    "enterprises": linked + (r["other_enterprises"] or 0),
                    "files": len(json.loads(r["files_json"] or "[]")),
                }
            )
        return out


@dataclass
class CaseFilter(record_lists.ListFilter):
    campaign_id: str = ""
    kind: str = ""
    in_report: bool = False


def _case_conditions(flt: CaseFilter) -> list[Any]:
    c = TypicalCase
    conds = record_lists.matching(c, flt, ("campaign_id", "kind", "origin_office"), titled=c.title)
    if flt.in_report:
        conds.append(c.in_report.is_(True))
    return conds


def count_cases(db: Database, flt: CaseFilter) -> int:
    return count_where(db, TypicalCase, _case_conditions(flt))


def cases(
    db: Database, flt: CaseFilter, *, offset: int | keyset.Seek = 0, limit: int = 200
) -> keyset.Rows:
    c = TypicalCase
    stmt = (
        select(c, Enterprise.name.label("enterprise"))
        .outerjoin(Enterprise, Enterprise.id == c.enterprise_id)
        .where(*_case_conditions(flt))
    )
    keys = [keyset.Key(c.kind), keyset.Key(c.title), keyset.Key(c.id, nullable=False)]
    with db.reader() as conn:
        return keyset.fetch(conn, stmt, keys, offset, limit, as_dict=True)
