"""Record counts per record type and per county (`hexie stats`, the status bar)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import false, func, select

from app.models import Enterprise
from app.models.base import sync_record_types
from app.models.db import Database
from app.services.core import reference

# Chinese names of record types, for people; new record types add a line here.
RECORD_TYPE_NAMES = {
    "enterprise": "企业",
    "checklist": "体检清单版本",
    "checklist_item": "体检清单项目",
    "health_check": "法治体检",
    "check_result": "体检结果",
    "check_amendment": "体检更正",
    "rectification_item": "整改事项",
    "rectification_event": "整改办理记录",
    "deadline_extension": "整改延期",
    "attachment": "佐证材料",
    "negotiation_offer": "集体协商要约",
    "negotiation_session": "协商会议",
    "layoff_filing": "裁员备案",
    "layoff_person": "裁员人员",
    "major_risk_event": "重大风险隐患",
    "risk_intervention": "风险处置记录",
    "risk_data_batch": "共享数据批次",
    "risk_fact": "共享数据",
    "risk_grading": "风险评级",
    "risk_grade": "企业风险等级",
    "campaign": "专项行动",
    "campaign_report": "工作总结",
    "guidance_activity": "指导服务活动",
    "typical_case": "典型案例",
}


def record_counts(db: Database, only: tuple[str, ...] = ()) -> dict[str, int]:
    """Live records per record type (or only the types named)."""
    records: dict[str, int] = {}
    with db.reader() as conn:
        for cls in sync_record_types():
            table = cls.__table__  # type: ignore[attr-defined]
            if only and table.name not in only:
                continue
            records[table.name] = int(
                conn.execute(
                    select(func.count()).select_from(table).where(table.c.deleted == false())
                ).scalar_one()
            )
    return records


def counts(db: Database) -> dict[str, Any]:
    """{"records": {type: n}, "by_county": {code: {"name":…, "enterprise": n}}}."""
    by_county: dict[str, dict[str, Any]] = {}
    stmt = (
        select(Enterprise.county_code, func.count())
        .where(Enterprise.deleted == false())
        .group_by(Enterprise.county_code)
        .order_by(Enterprise.county_code)
    )
    with db.reader() as conn:
        for code, n in conn.execute(stmt):
            by_county[code] = {"name": reference.division_name(code), "enterprise": int(n)}
    return {"records": record_counts(db), "by_county": by_county}


# (database file, last change sequence number) → the answer: every list tab has an
# origin filter, and scanning 100,000 enterprises once per tab slowed the window.
_origin_cache: dict[str, tuple[int, list[tuple[str, str]]]] = {}


def origin_offices(db: Database) -> list[tuple[str, str]]:
    """(code, name) of every office whose records this database holds, for the origin filters."""
    from app.models import PeerKey, SyncCounter

    with db.reader() as conn:
        seq = conn.execute(select(SyncCounter.value).where(SyncCounter.id == 1)).scalar() or 0
        cached = _origin_cache.get(str(db.path))
        if cached and cached[0] == seq:
            return list(cached[1])
        codes = {r[0] for r in conn.execute(select(Enterprise.origin_office).distinct()) if r[0]}
        names = dict(conn.execute(select(PeerKey.office_code, PeerKey.name)).all())
    found = [(code, names.get(code) or reference.division_name(code)) for code in sorted(codes)]
    _origin_cache[str(db.path)] = (seq, found)
    return list(found)
