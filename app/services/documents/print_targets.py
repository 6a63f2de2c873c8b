"""Which records a printed form is of, from what a person gives at the command
line: enterprises by credit code, an enterprise's latest check, a check's
enterprise. (The tabs know their records already; `hexie print-form` asks here.)"""

from __future__ import annotations

from sqlalchemy import false, select

from app.models import HealthCheck
from app.models.db import Database
from app.services.core.messages import N_
from app.services.register import enterprises


class PrintTargetError(ValueError):
    """What to print cannot be found; the message says which record."""


def enterprise_ids(db: Database, codes: list[str]) -> list[str]:
    """The enterprises with these credit codes, in the order given (read through one
    unit of work: one connection for a hundred codes, not one each)."""
    found = []
    with db.session():
        for code in codes:
            enterprise_id = enterprises.id_by_credit_code(db, code)
            if enterprise_id is None:
                raise PrintTargetError(N_("找不到信用代码为 {code} 的企业。", code=code))
            found.append(enterprise_id)
    return found


def latest_check(db: Database, enterprise_id: str) -> str:
    """The enterprise's most recent check (the one its report and notice are of)."""
    with db.reader() as conn:
        check_id = conn.execute(
            select(HealthCheck.id)
            .where(HealthCheck.enterprise_id == enterprise_id, HealthCheck.deleted == false())
            .order_by(HealthCheck.check_date.desc())
            .limit(1)
        ).scalar()
    if check_id is None:
        raise PrintTargetError(N_("该企业还没有体检记录。"))
    return str(check_id)


def enterprise_of_check(db: Database, check_id: str) -> str:
    """The enterprise a check is of (a blank form printed again for it)."""
    with db.reader() as conn:
        enterprise_id = conn.execute(
            select(HealthCheck.enterprise_id).where(HealthCheck.id == check_id)
        ).scalar()
    if enterprise_id is None:
        raise PrintTargetError(N_("找不到体检记录 {check}。", check=check_id))
    return str(enterprise_id)
