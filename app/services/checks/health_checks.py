"""Legal health checks (劳动用工法治体检): save a draft, finalise, amend a
final check with a stated reason, delete a draft.

Two separate actions, as the coordinator sees them: 保存草稿 keeps work in
progress (nothing reaches the ledger), 保存并定稿 saves the check as final and
creates its rectification items — in one transaction, so a refused finalise
saves nothing at all. Every door checks the same rules: the snapshot's
(app/services/checks/snapshot_rules.py) and the checklist's
(app/services/checks/check_rules.py).
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import CheckAmendment, CheckResult, Enterprise, HealthCheck, RectificationItem
from app.models.base import new_id, utcnow
from app.models.db import Database
from app.services.checks import check_rules, checklists
from app.services.checks import snapshot_rules as snapshot_rules
from app.services.checks.check_detail import SNAPSHOT_FIELDS, TEXT_FIELDS, get, load, results_of

# What a check is made of, and how a new one starts, live in check_input; the
# names stay reachable here (health_checks.CheckInput, health_checks.template).
from app.services.checks.check_input import (  # noqa: F401
    Amendment,
    CheckDetail,
    CheckInput,
    RectificationRow,
    ResultEntry,
    ResultRow,
    TeamMember,
    applicable_codes,
    context_for,
    template,
)

# The check list (filters, counting, a page of rows) lives in its own module;
# callers keep using health_checks.CheckFilter / count / page.
from app.services.checks.check_list import CheckFilter, _conditions, count, page  # noqa: F401
from app.services.checks.checklists import ChecklistSpec
from app.services.core import audit, edit_lock, workdays
from app.services.core.fields import ValidationError
from app.services.core.messages import N_, Message
from app.services.core.validation import Problems, add
from app.services.ledger.check_ledger import RESULTS, RESULTS_EN, sync_rectifications

__all__ = [
    "get",
    "RESULTS",
    "RESULTS_EN",
    "CheckInput",
    "CheckDetail",
    "TeamMember",
    "ResultEntry",
]

RECORD_TYPE = "health_check"
ROLES = snapshot_rules.ROLES


# -- validation -----------------------------------------------------------------------


def _values(data: CheckInput, status: str) -> dict[str, Any]:
    values = {name: getattr(data, name) for name in SNAPSHOT_FIELDS}
    values.update(check_date=data.check_date, team=data.team, status=status)
    return values


def _validate(
    session: Session,
    data: CheckInput,
    spec: ChecklistSpec,
    *,
    final: bool,
    today: date | None = None,
) -> Problems:
    errors: Problems = {}
    industry = ""
    if not data.enterprise_id:
        add(errors, "enterprise_id", N_("请选择被检查的企业。"))
    else:
        ent = session.get(Enterprise, data.enterprise_id)
        if ent is None or ent.deleted:
            add(errors, "enterprise_id", N_("所选企业不存在或已删除，请重新选择。"))
        else:
            industry = ent.industry
    status = "final" if final else "draft"
    for name, message in snapshot_rules.check(
        _values(data, status), today=today or date.today()
    ).items():
        add(errors, name, message)
    results = [(r.item_code, r.result) for r in data.results]
    context = check_rules.context_for(industry, _values(data, status))
    for name, message in check_rules.result_problems(
        spec, results, context, applicability=final
    ).items():
        add(errors, name, message)
    if final:
        for name, message in check_rules.final_problems(results, data.conclusion).items():
            add(errors, name, message)
    return errors


def problems(db: Database, data: CheckInput, *, final: bool = False) -> Problems:
    """What stands in the way of saving `data` (as a draft, or as final); nothing is written."""
    spec = checklists.by_id(db, data.checklist_id) if data.checklist_id else checklists.active(db)
    with db.session() as session:
        return _validate(session, data, spec, final=final)


def draft_summary(data: CheckInput) -> Message:
    """What a draft save kept, in words the coordinator can check."""
    counts = {key: sum(1 for r in data.results if r.result == key) for key in RESULTS}
    return N_(
        "已保存草稿（{day}）：合规 {ok} 项，不合规 {bad} 项，不适用 {na} 项，未查 {open} 项。"
        "草稿不生成整改事项，定稿时才生成。",
        day=data.check_date,
        ok=counts["compliant"],
        bad=counts["noncompliant"],
        na=counts["na"],
        open=counts["unchecked"],
    )


# -- writing ------------------------------------------------------------------------------


def _state(check: HealthCheck, results: list[CheckResult]) -> dict[str, Any]:
    """Everything a person can change on a check, as plain JSON-able data."""
    return {
        "check_date": check.check_date.isoformat(),
        "team": json.loads(check.team_json),
        **{name: getattr(check, name) for name in SNAPSHOT_FIELDS + TEXT_FIELDS},
        "results": {
            r.item_code: [r.result, r.note] for r in sorted(results, key=lambda r: r.position)
        },
    }


def _apply(
    session: Session, check: HealthCheck, data: CheckInput, spec: ChecklistSpec, new: bool = False
) -> list[CheckResult]:
    """Set the check's fields and its item results (`new`: a check not yet stored,
    whose result rows the caller adds after it)."""
    assert data.check_date is not None
    check.check_date = data.check_date
    check.team_json = json.dumps([asdict(m) for m in data.team], ensure_ascii=False)
    for name in SNAPSHOT_FIELDS + TEXT_FIELDS:
        setattr(check, name, getattr(data, name))
    check.campaign_id = data.campaign_id or check.campaign_id or ""
    existing = {} if new else {r.item_code: r for r in results_of(session, check.id)}
    entries = {r.item_code: r for r in data.results}
    rows: list[CheckResult] = []
    for position, item in enumerate(spec.items):
        entry = entries.get(item.code)
        row = existing.get(item.code)
        if entry is None and row is None:
            continue
        if row is None:
            row = CheckResult(check_id=check.id, item_code=item.code, **item.wording(position))
            if not new:
                session.add(row)
        if entry is not None:
            row.result = entry.result
            row.note = entry.note.strip()
        rows.append(row)
    if not new:
        session.flush()
    return rows


def _make_final(session: Session, check: HealthCheck, results: list[CheckResult]) -> None:
    actor = session.info["actor"]
    check.status = "final"
    check.finalised_at = utcnow()
    check.finalised_by = actor.operator
    check.original_json = json.dumps(_state(check, results), ensure_ascii=False)
    audit.record(session, RECORD_TYPE, check.id, "update", {"status": ["draft", "final"]}, "定稿")


def create(db: Database, data: CheckInput, *, final: bool = False) -> str:
    """A new check: a draft, or (final=True) a final check with its rectification items.
    Refused with every problem, and nothing written, when a rule is broken."""
    spec = checklists.by_id(db, data.checklist_id) if data.checklist_id else checklists.active(db)
    calendar = workdays.load(db)
    with db.session() as session:
        errors = _validate(session, data, spec, final=final)
        if errors:
            raise ValidationError(errors)
        assert data.enterprise_id and data.check_date
        check = HealthCheck(
            id=new_id(),
            enterprise_id=data.enterprise_id,
            check_date=data.check_date,
            checklist_id=spec.id,
            checklist_edition=spec.edition,
        )
        # Filled (and made final) before its first INSERT: a new check is version 1,
        # as every new record is (an UPDATE right after the INSERT made it 2).
        rows = _apply(session, check, data, spec, new=True)
        audit.record(session, RECORD_TYPE, check.id, "create", {}, f"体检 {data.check_date}")
        if final:
            _make_final(session, check, rows)
        session.add(check)
        session.flush()  # the check first: its results refer to it
        session.add_all(rows)
        session.flush()
        if final:
            sync_rectifications(session, check, rows, calendar)
        return check.id


def update(
    db: Database,
    check_id: str,
    data: CheckInput,
    *,
    final: bool = False,
    loaded: int | None = None,
) -> list[str]:
    """Save a draft's changes; with final=True save them and finalise, or neither.
    A final check is changed only through amend(). `loaded`: the version the dialog
    was loaded from (EditConflict when another coordinator saved since)."""
    calendar = workdays.load(db)
    with edit_lock.guarded(db) as session:
        refused = N_("该体检已定稿。修改请使用“更正”，并写明更正理由。")
        check, rows, changes, loaded_now = _edit(
            db, session, check_id, data, loaded, refused, final
        )
        if changes:
            _touch(check, loaded_now)
            audit.record(session, RECORD_TYPE, check.id, "update", changes, "修改草稿")
        if not final:
            return []
        _make_final(session, check, rows)
        return sync_rectifications(session, check, rows, calendar)


def _edit(
    db: Database,
    session: Session,
    check_id: str,
    data: CheckInput,
    loaded: int | None,
    refused: Message,
    final: bool | None,
) -> tuple[HealthCheck, list[CheckResult], dict[str, Any], int]:
    """Load the check (checked against `loaded`), validate `data` against its own
    checklist and apply it: (check, its result rows, the changes, the version it
    had). `final`: for a draft, whether it is finalised now; None for an amendment
    of a final check. A check of the other status is refused with `refused`."""
    check = load(session, check_id)
    edit_lock.check_loaded(session, check, RECORD_TYPE, loaded)
    loaded_now = check.version
    if (check.status == "final") != (final is None):
        raise ValidationError({"check": refused})
    spec = checklists.by_id(db, check.checklist_id)
    data.enterprise_id = check.enterprise_id
    errors = _validate(session, data, spec, final=final is not False)
    if errors:
        raise ValidationError(errors)
    before = _state(check, results_of(session, check.id))
    rows = _apply(session, check, data, spec)
    return check, rows, _diff(before, _state(check, rows)), loaded_now


def finalise(db: Database, check_id: str, *, loaded: int | None = None) -> list[str]:
    """Finalise a saved draft as it stands (its rectification items are made now)."""
    data = get(db, check_id).input
    if _is_final(db, check_id):
        return []
    return update(db, check_id, data, final=True, loaded=loaded)


def _touch(check: HealthCheck, loaded_now: int) -> None:
    """A check's version covers its results: a change to a result alone raises the
    check's version too (once: not when its own fields already did), so two
    coordinators editing different items of one check meet as a conflict
    (app/services/core/edit_lock.py) rather than mixing."""
    if check.version == loaded_now:
        check.updated_at = utcnow()


def _is_final(db: Database, check_id: str) -> bool:
    with db.session() as session:
        return load(session, check_id).status == "final"


def amend(
    db: Database, check_id: str, data: CheckInput, reason: str, *, loaded: int | None = None
) -> list[str]:
    """Change a finalised check; the reason and the changes are kept, the original stays readable."""
    reason = reason.strip()
    if len(reason) < 4:
        raise ValidationError(
            {
                "reason": N_(
                    "请写明更正理由（至少 4 个字），例如“企业补交了劳动合同，第 A01 项复核为合规”。"
                )
            }
        )
    calendar = workdays.load(db)
    with edit_lock.guarded(db) as session:
        refused = N_("草稿可直接修改，无需更正。")
        check, rows, changes, loaded_now = _edit(db, session, check_id, data, loaded, refused, None)
        warnings = sync_rectifications(session, check, rows, calendar)
        if not changes:
            raise ValidationError({"check": N_("没有任何改动，无需更正。")})
        _touch(check, loaded_now)
        session.add(
            CheckAmendment(
                check_id=check.id,
                reason=reason,
                changes_json=json.dumps(changes, ensure_ascii=False),
            )
        )
        audit.record(session, RECORD_TYPE, check.id, "update", changes, f"更正：{reason}")
        return warnings


def _diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for key in after:
        if key == "results":
            changed = {
                code: [before["results"].get(code), value]
                for code, value in after["results"].items()
                if before["results"].get(code) != value
            }
            if changed:
                changes["results"] = changed
        elif before.get(key) != after[key]:
            changes[key] = [before.get(key), after[key]]
    return changes


def delete(
    db: Database, check_id: str, *, loaded: int | None = None, seen_seq: int | None = None
) -> None:
    """Delete a draft (tombstone), with any rectification item an older version made from it.
    Refused when another coordinator changed it after the dialog (`loaded`) or the
    list (`seen_seq`) showed it."""
    with edit_lock.guarded(db) as session:
        check = load(session, check_id)
        edit_lock.check_loaded(session, check, RECORD_TYPE, loaded)
        edit_lock.check_unchanged_since(session, check, RECORD_TYPE, seen_seq)
        if check.status == "final":
            raise ValidationError({"check": N_("已定稿的体检不能删除；如有错误请使用“更正”。")})
        for item in session.execute(
            select(RectificationItem).where(RectificationItem.check_id == check.id)
        ).scalars():
            item.deleted = True
        for row in results_of(session, check.id):
            row.deleted = True
        check.deleted = True
        audit.record(
            session, RECORD_TYPE, check.id, "delete", {"deleted": [False, True]}, "删除草稿"
        )
