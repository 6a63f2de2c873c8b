"""The rectification ledger (整改台账): every finding followed to its close.

"整改一条消除一条" — rectify one, eliminate one. States go 待整改 → 整改中 →
已整改待核验 → 已销号; 逾期 is not a state but shown whenever an open item is
past its deadline. Every change of state is dated, has a note and an author.
Closing (销号) needs the verification date, who verified, and evidence files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, case, false, func, or_, select

# RectificationEvent, DeadlineExtension: imported where used (app/models/__init__.py).
from app.models import Enterprise, HealthCheck, RectificationItem
from app.models.db import Database
from app.services.core import audit, edit_lock, keyset, record_lists, workdays
from app.services.core.fields import ValidationError
from app.services.core.messages import N_
from app.services.ledger import attachments, ledger_spec
from app.services.ledger.ledger_spec import RECTIFICATION_ITEM
from app.services.ledger.rectification_status import OPEN_STATUSES, STATUSES, label

RECORD_TYPE = RECTIFICATION_ITEM.table

# Which moves are allowed, and which need more than a note.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    "pending": ("in_progress", "awaiting_verification"),
    "in_progress": ("awaiting_verification", "pending"),
    "awaiting_verification": ("closed", "in_progress"),  # verified, or sent back
    "closed": ("in_progress",),  # re-opened, with a reason
}


@dataclass
class LedgerFilter(record_lists.ListFilter):
    county_code: str = ""
    enterprise_id: str = ""
    status: str = ""  # a status, "open", or "" for all
    overdue: bool = False
    due_within_workdays: int | None = None
    person: str = ""
    found_from: date | None = None
    found_to: date | None = None
    deadline_from: date | None = None
    deadline_to: date | None = None
    check_id: str = ""
    today: date = field(default_factory=date.today)


@dataclass
class LedgerRow:
    id: str
    enterprise_id: str
    enterprise: str
    county_code: str
    source: str
    matter: str
    basis: str
    found_on: date
    deadline: date
    original_deadline: date
    enterprise_person: str
    office_person: str
    status: str
    check_date: date | None

    def overdue_days(self, today: date) -> int:
        """Calendar days past the deadline (0 when not overdue or closed): the
        ledger's one reckoning, shared with its list columns (ledger_spec)."""
        return ledger_spec.overdue_days(self, today)

    def days_left(self, today: date) -> int:
        return (self.deadline - today).days


def _conditions(
    flt: LedgerFilter, calendar: workdays.WorkCalendar | None = None
) -> list[ColumnElement[bool]]:
    r = RectificationItem
    equal = ("county_code", "enterprise_id", "check_id", "origin_office")
    conds = record_lists.matching(r, flt, equal, dated=r.found_on, span=("found_from", "found_to"))
    text = flt.text.strip().replace("%", "")
    code, matter = Enterprise.credit_code.like(f"{text.upper()}%"), r.matter.like(f"%{text}%")
    if (match := record_lists.enterprise_matches(text, code, matter)) is not None:
        conds.append(match)
    if flt.status == "open":
        conds.append(r.status.in_(OPEN_STATUSES))
    elif flt.status:
        conds.append(r.status == flt.status)
    if flt.overdue:
        conds.append(and_(r.status.in_(OPEN_STATUSES), r.deadline < flt.today))
    if flt.due_within_workdays is not None:
        cal = calendar or workdays.WorkCalendar()
        cutoff = cal.add_working_days(flt.today, flt.due_within_workdays)
        conds.append(
            and_(r.status.in_(OPEN_STATUSES), r.deadline >= flt.today, r.deadline <= cutoff)
        )
    if flt.person.strip():
        person = f"%{flt.person.strip()}%"
        conds.append(or_(r.enterprise_person.like(person), r.office_person.like(person)))
    if flt.deadline_from:
        conds.append(r.deadline >= flt.deadline_from)
    if flt.deadline_to:
        conds.append(r.deadline <= flt.deadline_to)
    return conds


SORTS: dict[str, Any] = {
    "enterprise": Enterprise.name_pinyin,
    "county": Enterprise.county_code,
    "source": RectificationItem.source,
    "matter": RectificationItem.matter,
    "basis": RectificationItem.basis,
    "found_on": RectificationItem.found_on,
    "deadline": RectificationItem.deadline,
    "days": RectificationItem.deadline,
    "enterprise_person": RectificationItem.enterprise_person,
    "office_person": RectificationItem.office_person,
    "status": case({s: n for n, s in enumerate(STATUSES)}, value=RectificationItem.status),
}


def _columns() -> list[Any]:
    """The list query's columns: what the ledger's columns read (ledger_spec), and
    the enterprise's id that groups the printed ledger's blocks."""
    named = {"check_date": HealthCheck.check_date}
    return [
        RectificationItem.enterprise_id.label("enterprise_id"),
        *record_lists.selected(RECTIFICATION_ITEM, RectificationItem, named),
    ]


def _row(mapping: Any) -> LedgerRow:
    return LedgerRow(**mapping)


def _base(columns: Any) -> Any:
    return (
        select(*columns)
        .select_from(RectificationItem)
        .join(Enterprise, Enterprise.id == RectificationItem.enterprise_id)
        .outerjoin(HealthCheck, HealthCheck.id == RectificationItem.check_id)
    )


def count(db: Database, flt: LedgerFilter) -> int:
    calendar = workdays.load(db) if flt.due_within_workdays is not None else None
    with db.reader() as conn:
        return int(
            conn.execute(
                _base([func.count()]).where(and_(*_conditions(flt, calendar)))
            ).scalar_one()
        )


def page(
    db: Database,
    flt: LedgerFilter,
    *,
    sort: str = "deadline",
    descending: bool = False,
    offset: int | keyset.Seek = 0,
    limit: int = 200,
) -> keyset.Rows:
    calendar = workdays.load(db) if flt.due_within_workdays is not None else None
    column = SORTS.get(sort, RectificationItem.deadline)
    keys = [
        keyset.Key(column, descending, keyset.may_be_null(column)),
        keyset.Key(RectificationItem.id, descending, nullable=False),
    ]
    stmt = _base(_columns()).where(and_(*_conditions(flt, calendar)))
    with db.reader() as conn:
        rows = keyset.fetch(conn, stmt, keys, offset, limit, as_dict=True)
    return keyset.carried(rows, [LedgerRow(**r) for r in rows])


def get(db: Database, item_id: str) -> LedgerRow:
    rows = [r for r in _rows_by_id(db, [item_id])]
    if not rows:
        raise ValidationError({"item": "该整改事项不存在或已删除。"})
    return rows[0]


def _rows_by_id(db: Database, ids: list[str]) -> list[LedgerRow]:
    stmt = _base(_columns()).where(
        RectificationItem.id.in_(ids), RectificationItem.deleted == false()
    )
    with db.reader() as conn:
        return [_row(row._mapping) for row in conn.execute(stmt)]


# -- changes ------------------------------------------------------------------------------


def _load(session: Any, item_id: str) -> RectificationItem:
    item = session.get(RectificationItem, item_id)
    if item is None or item.deleted:
        raise ValidationError({"item": "该整改事项不存在或已删除。"})
    return item


def allowed_moves(status: str) -> tuple[str, ...]:
    return TRANSITIONS.get(status, ())


def change_status(
    db: Database,
    item_id: str,
    to_status: str,
    *,
    on_date: date,
    note: str,
    verified_by: str = "",
    today: date | None = None,
    loaded: int | None = None,
) -> None:
    """Move an item to another state; refused with the reason when the move is not allowed,
    and (EditConflict) when another coordinator changed the item after the dialog loaded
    it (`loaded`, its version then)."""
    from app.models import RectificationEvent

    today = today or date.today()
    note = note.strip()
    with edit_lock.guarded(db) as session:
        item = _load(session, item_id)
        edit_lock.check_loaded(session, item, RECORD_TYPE, loaded)
        errors: dict[str, str] = {}
        if to_status not in allowed_moves(item.status):
            moves = "、".join(label(s) for s in allowed_moves(item.status)) or "无"
            raise ValidationError(
                {
                    "status": f"“{label(item.status)}”不能直接改为“{label(to_status)}”。可改为：{moves}。"
                }
            )
        if on_date > today:
            errors["on_date"] = N_("日期 {day} 晚于今天，请核对。", day=on_date)
        if on_date < item.found_on:
            errors["on_date"] = N_(
                "日期 {day} 早于发现问题的日期 {found}。", day=on_date, found=item.found_on
            )
        if item.status == "closed" and len(note) < 4:
            errors["note"] = N_("重新打开已销号的事项须写明理由（至少 4 个字）。")
        elif not note:
            errors["note"] = N_("请填写情况说明。")
        if to_status == "closed":
            if not verified_by.strip():
                errors["verified_by"] = N_("销号须写明核验人。")
            evidence = attachments.list_for(db, item_id)
            good = [a for a in evidence if a.state == "ok"]
            if not evidence:
                errors["evidence"] = (
                    "销号须附整改佐证材料（扫描件、照片、PDF 或 Word）。请先添加附件。"
                )
            elif len(good) < len(evidence):
                bad = "、".join(
                    f"{a.file_name}（{attachments.STATE_LABELS[a.state]}）"
                    for a in evidence
                    if a.state != "ok"
                )
                errors["evidence"] = f"以下附件有问题，请重新添加或移除后再销号：{bad}"
        if errors:
            raise ValidationError(errors)
        session.add(
            RectificationEvent(
                item_id=item.id,
                on_date=on_date,
                from_status=item.status,
                to_status=to_status,
                note=note,
            )
        )
        changes: dict[str, list[Any]] = {"status": [item.status, to_status]}
        if to_status == "closed":
            changes["verified_on"] = [None, on_date.isoformat()]
            changes["verified_by"] = [item.verified_by, verified_by.strip()]
            item.verified_on = on_date
            item.verified_by = verified_by.strip()
        elif item.status == "closed":
            item.verified_on = None
            item.verified_by = ""
        item.status = to_status
        item.status_changed_on = on_date
        audit.record(session, RECORD_TYPE, item.id, "update", changes, note[:200])


def extend_deadline(
    db: Database, item_id: str, new_deadline: date, reason: str, *, loaded: int | None = None
) -> None:
    from app.models import DeadlineExtension

    reason = reason.strip()
    with edit_lock.guarded(db) as session:
        item = _load(session, item_id)
        edit_lock.check_loaded(session, item, RECORD_TYPE, loaded)
        if item.status == "closed":
            raise ValidationError({"deadline": "已销号的事项不能延期。"})
        if new_deadline <= item.deadline:
            raise ValidationError({"deadline": f"新的整改时限应晚于现在的 {item.deadline}。"})
        if len(reason) < 4:
            raise ValidationError({"reason": "请写明延期理由（至少 4 个字）。"})
        session.add(
            DeadlineExtension(
                item_id=item.id,
                old_deadline=item.deadline,
                new_deadline=new_deadline,
                reason=reason,
            )
        )
        audit.record(
            session,
            RECORD_TYPE,
            item.id,
            "update",
            {"deadline": [item.deadline.isoformat(), new_deadline.isoformat()]},
            f"延期：{reason}",
        )
        item.deadline = new_deadline


# Items entered by hand live in ledger_manual; callers keep ledger.ManualItem / add_manual.
# An item's history (status changes and extensions) lives in ledger_history;
# callers keep ledger.HistoryLine / history.
from app.services.ledger.ledger_history import HistoryLine, history  # noqa: E402, F401
from app.services.ledger.ledger_manual import ManualItem, add_manual  # noqa: E402, F401


def progress(db: Database, enterprise_ids: list[str]) -> dict[str, tuple[int, int]]:
    """{enterprise id: (closed, total)} for the given enterprises."""
    if not enterprise_ids:
        return {}
    r = RectificationItem
    stmt = (
        select(r.enterprise_id, func.sum(case((r.status == "closed", 1), else_=0)), func.count())
        .where(r.enterprise_id.in_(enterprise_ids), r.deleted == false())
        .group_by(r.enterprise_id)
    )
    with db.reader() as conn:
        return {eid: (int(closed or 0), int(total)) for eid, closed, total in conn.execute(stmt)}


def progress_text(closed: int, total: int) -> str:
    return N_("{closed} / {total} 已销号", closed=closed, total=total) if total else ""
