"""Writing and reading the audit log (who changed which fields, when)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models.base import utcnow
from app.models.db import Actor, Database


def _jsonable(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, list[Any]]:
    """{field: [old, new]} for the fields whose value changed."""
    return {
        key: [_jsonable(old.get(key)), _jsonable(value)]
        for key, value in new.items()
        if old.get(key) != value
    }


def entry_values(
    actor: Actor,
    record_type: str,
    record_id: str,
    action: str,
    changes: dict[str, list[Any]],
    summary: str = "",
) -> dict[str, Any]:
    return {
        "at": utcnow(),
        "operator": actor.operator,
        "session_id": actor.session_id,
        "record_type": record_type,
        "record_id": record_id,
        "action": action,
        "changes": json.dumps(changes, ensure_ascii=False),
        "summary": summary[:300],
    }


def record(
    session: Session,
    record_type: str,
    record_id: str,
    action: str,
    changes: dict[str, list[Any]],
    summary: str = "",
) -> None:
    from app.models import AuditEntry  # declared when first used: app/models/__init__.py

    actor: Actor = session.info["actor"]
    session.add(AuditEntry(**entry_values(actor, record_type, record_id, action, changes, summary)))


@dataclass(frozen=True)
class AuditRow:
    at: datetime
    operator: str
    action: str
    changes: dict[str, list[Any]]
    summary: str


def history(db: Database, record_type: str, record_id: str) -> list[AuditRow]:
    from app.models import AuditEntry

    with db.session() as session:
        rows = session.execute(
            select(AuditEntry)
            .where(AuditEntry.record_type == record_type, AuditEntry.record_id == record_id)
            .order_by(AuditEntry.at, AuditEntry.id)
        ).scalars()
        return [
            AuditRow(r.at, r.operator, r.action, json.loads(r.changes), r.summary) for r in rows
        ]
