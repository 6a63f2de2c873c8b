"""What is due: the reminder panel's overdue and due-soon items, and the
ledger's counts per status for the status bar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import false, func, select

from app.models import RectificationItem
from app.models.db import Database
from app.services.core import workdays
from app.services.ledger.ledger import LedgerFilter, LedgerRow, page
from app.services.ledger.rectification_status import OPEN_STATUSES, STATUSES


@dataclass
class Reminders:
    overdue: list[LedgerRow]
    due_soon: list[LedgerRow]
    workdays: int
    warning: str


def reminders(
    db: Database, *, today: date | None = None, workdays_ahead: int | None = None, limit: int = 500
) -> Reminders:
    """Items overdue, and items due within N working days (N from the settings)."""
    today = today or date.today()
    n = (
        workdays_ahead
        if workdays_ahead is not None
        else int(db.get_setting("ledger.remind_workdays", "5"))
    )
    overdue = page(db, LedgerFilter(overdue=True, today=today), sort="deadline", limit=limit)
    soon = page(db, LedgerFilter(due_within_workdays=n, today=today), sort="deadline", limit=limit)
    calendar = workdays.load(db)
    warning = calendar.warning_for([today, calendar.add_working_days(today, n)])
    return Reminders(overdue, soon, n, warning)


def summary(db: Database) -> dict[str, int]:
    """Counts per status, and overdue, for the status bar and reports."""
    r = RectificationItem
    with db.reader() as conn:
        rows = conn.execute(
            select(r.status, func.count()).where(r.deleted == false()).group_by(r.status)
        )
        out = {status: 0 for status in STATUSES} | {s: int(n) for s, n in rows}
        out["overdue"] = int(
            conn.execute(
                select(func.count()).where(
                    r.deleted == false(), r.status.in_(OPEN_STATUSES), r.deadline < date.today()
                )
            ).scalar_one()
        )
    return out
