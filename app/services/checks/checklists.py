"""Health-check checklists: the shipped default, versions, conditions, the workbook to edit is checklist_xlsx.

The default is data (resources/checklists/henan-2023.json), copied into the
database as edition 1 the first time it is needed. A saved change is a new
edition; checks keep the edition they used and a copy of each item's text.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import false, func, select
from sqlalchemy.orm import Session

from app.models import Checklist, ChecklistItem
from app.models.db import Database
from app.paths import resource_path
from app.services.core.messages import N_, Label

DEFAULT_FILE = "henan-2023.json"
SEVERITIES = ("高", "中", "低")
DAY_KINDS = {"calendar": "日", "working": "工作日"}


class ChecklistError(ValueError):
    """A checklist that cannot be used; the message lists what to fix (`problems`,
    each a service message, when there are several)."""

    def __init__(self, problems: str | list[str]) -> None:
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        if isinstance(problems, str):
            super().__init__(problems)
        else:
            super().__init__("清单有以下问题，未保存：\n" + "\n".join(problems))


@dataclass
class ItemSpec:
    code: str
    group: str
    question: str
    basis: str = ""
    severity: str = "中"
    days: int = 30
    day_kind: str = "calendar"
    remedy: str = ""
    condition: str = ""
    retired: bool = False
    # The failure as named in the ledger, reports and notices (未建立职工名册).
    finding: str = ""

    def wording(self, position: int) -> dict[str, Any]:
        """The item's words and terms as stored (app/models/checklist.py ItemWording),
        on the checklist's item and on each check's result alike."""
        return {
            "group_name": self.group,
            "question": self.question,
            "basis": self.basis,
            "severity": self.severity,
            "rectify_days": self.days,
            "day_kind": self.day_kind,
            "remedy": self.remedy,
            "condition": self.condition,
            "position": position,
            "finding": self.finding,
        }

    @property
    def finding_text(self) -> str:
        """The finding phrase; an item of an older edition without one is named by its question."""
        return self.finding or self.question


@dataclass
class ChecklistSpec:
    id: str
    code: str
    edition: int
    name: str
    conditions: dict[str, dict[str, Any]]
    items: list[ItemSpec] = field(default_factory=list)
    issued_on: date | None = None
    note: str = ""
    owner: str = ""  # the office whose edition this is (its origin office)

    def live_items(self) -> list[ItemSpec]:
        return [i for i in self.items if not i.retired]

    def item(self, code: str) -> ItemSpec | None:
        return next((i for i in self.items if i.code == code), None)


def condition_met(
    condition: str, conditions: dict[str, dict[str, Any]], context: dict[str, Any]
) -> bool:
    """Whether an item applies: e.g. "construction" → the enterprise's industry is 建筑业.

    An empty condition always applies; an unknown one applies too (better a
    question too many than a missed one), and validate() reports it.
    """
    if not condition:
        return True
    rule = conditions.get(condition)
    if rule is None:
        return True
    value = context.get(rule["field"])
    if "equals" in rule:
        return bool(value == rule["equals"])
    if "greater_than" in rule:
        return value is not None and value > rule["greater_than"]
    return True


def validate(items: Sequence[ItemSpec], conditions: dict[str, dict[str, Any]]) -> list[str]:
    problems: list[str] = []
    seen: dict[str, int] = {}
    for n, item in enumerate(items, start=1):
        where, code = n, item.code
        if not item.code:
            problems.append(N_("第 {n} 项缺少编号", n=where))
        elif item.code in seen:
            problems.append(
                N_("第 {n} 项编号“{code}”与第 {first} 项重复", n=where, code=code, first=seen[code])
            )
        else:
            seen[item.code] = n
        if not item.question:
            problems.append(N_("第 {n} 项（{code}）缺少检查内容", n=where, code=code))
        if not item.finding and not item.retired:
            problems.append(
                N_(
                    "第 {n} 项（{code}）缺少问题表述（不合规时在台账、报告和建议书中的写法，"
                    "如“未建立职工名册”）",
                    n=where,
                    code=code,
                )
            )
        if not item.group:
            problems.append(N_("第 {n} 项（{code}）缺少类别", n=where, code=code))
        if item.severity not in SEVERITIES:
            problems.append(
                N_(
                    "第 {n} 项（{code}）风险程度应为 高、中 或 低，现为“{value}”",
                    n=where,
                    code=code,
                    value=item.severity,
                )
            )
        if item.days <= 0 or item.days > 365:
            problems.append(
                N_(
                    "第 {n} 项（{code}）整改期限应为 1–365，现为 {days}",
                    n=where,
                    code=code,
                    days=item.days,
                )
            )
        if item.day_kind not in DAY_KINDS:
            problems.append(N_("第 {n} 项（{code}）期限单位应为 日 或 工作日", n=where, code=code))
        if item.condition and item.condition not in conditions:
            problems.append(
                N_(
                    "第 {n} 项（{code}）适用条件“{condition}”未定义（可用：{known}）",
                    n=where,
                    code=code,
                    condition=item.condition,
                    known=list(conditions) or Label("无", "none"),
                )
            )
    if not any(not i.retired for i in items):
        problems.append(N_("清单中没有在用的检查项"))
    return problems


def _load_default() -> dict[str, Any]:
    return json.loads(resource_path("checklists", DEFAULT_FILE).read_text("utf-8"))


def _own(db: Database) -> Any:
    """Editions this office made. Every office keeps its own editions (its default
    is its own edition 1); the city also holds the editions its counties' checks
    used, which are theirs, not the city's to use or number after."""
    return Checklist.origin_office == db.office_code


def ensure_default(db: Database) -> None:
    """Copy the shipped checklist into the database if this office has none yet."""
    with db.session() as session:
        if session.execute(
            select(func.count()).select_from(Checklist).where(_own(db))
        ).scalar_one():
            return
        data = _load_default()
        items = [ItemSpec(**{**i}) for i in (_item_from_json(x) for x in data["items"])]
        _write_edition(
            session,
            data["code"],
            1,
            data["name"],
            data["conditions"],
            items,
            date.fromisoformat(data["issued_on"]),
            data.get("source", ""),
        )


def _item_from_json(raw: dict[str, Any]) -> dict[str, Any]:
    return {
        "code": raw["code"],
        "group": raw["group"],
        "question": raw["question"],
        "finding": raw.get("finding", ""),
        "basis": raw.get("basis", ""),
        "severity": raw.get("severity", "中"),
        "days": int(raw.get("days", 30)),
        "day_kind": raw.get("day_kind", "calendar"),
        "remedy": raw.get("remedy", ""),
        "condition": raw.get("condition", ""),
        "retired": bool(raw.get("retired", False)),
    }


def _write_edition(
    session: Session,
    code: str,
    edition: int,
    name: str,
    conditions: dict[str, Any],
    items: Sequence[ItemSpec],
    issued_on: date | None,
    note: str,
) -> str:
    checklist = Checklist(
        code=code,
        edition=edition,
        name=name,
        issued_on=issued_on,
        note=note,
        conditions_json=json.dumps(conditions, ensure_ascii=False),
    )
    session.add(checklist)
    session.flush()
    for position, item in enumerate(items):
        session.add(
            ChecklistItem(
                checklist_id=checklist.id,
                code=item.code,
                retired=item.retired,
                **item.wording(position),
            )
        )
    return checklist.id


def stored_terms(row: Any) -> tuple[Any, ...]:
    """The group, question, basis, severity, days, day kind and remedy of a stored item
    or a check's result (app/models/checklist.py ItemWording), in the order ItemSpec
    and the check's ResultRow hold them."""
    return (
        row.group_name,
        row.question,
        row.basis,
        row.severity,
        row.rectify_days,
        row.day_kind,
        row.remedy,
    )


def _spec(session: Session, checklist: Checklist) -> ChecklistSpec:
    rows = session.execute(
        select(ChecklistItem)
        .where(ChecklistItem.checklist_id == checklist.id, ChecklistItem.deleted == false())
        .order_by(ChecklistItem.position)
    ).scalars()
    items = [ItemSpec(r.code, *stored_terms(r), r.condition, r.retired, r.finding) for r in rows]
    return ChecklistSpec(
        checklist.id,
        checklist.code,
        checklist.edition,
        checklist.name,
        json.loads(checklist.conditions_json or "{}"),
        items,
        checklist.issued_on,
        checklist.note,
        checklist.origin_office,
    )


def active(db: Database) -> ChecklistSpec:
    """This office's newest edition: what a new check uses."""
    ensure_default(db)
    with db.session() as session:
        checklist = session.execute(
            select(Checklist)
            .where(Checklist.deleted == false(), _own(db))
            .order_by(Checklist.edition.desc())
            .limit(1)
        ).scalar_one()
        return _spec(session, checklist)


def by_id(db: Database, checklist_id: str) -> ChecklistSpec:
    with db.session() as session:
        checklist = session.get(Checklist, checklist_id)
        if checklist is None:
            raise ChecklistError("找不到该体检清单版本。")
        return _spec(session, checklist)


def editions(db: Database) -> list[tuple[str, int, str, int]]:
    """(id, edition, name, number of items) of every edition of this office, newest first."""
    ensure_default(db)
    with db.session() as session:
        rows = session.execute(
            select(Checklist.id, Checklist.edition, Checklist.name, func.count(ChecklistItem.id))
            .join(ChecklistItem, ChecklistItem.checklist_id == Checklist.id)
            .where(Checklist.deleted == false(), ChecklistItem.retired.is_(False), _own(db))
            .group_by(Checklist.id)
            .order_by(Checklist.edition.desc())
        )
        return [(r[0], r[1], r[2], r[3]) for r in rows]


@dataclass(frozen=True)
class EditionUse:
    """Which checklist edition an office's checks used (at the city: each county's)."""

    office_code: str
    office_name: str
    checklist_name: str
    edition: int
    edition_owner: str
    checks: int


def editions_used(db: Database) -> list[EditionUse]:
    """Per office whose checks this database holds, the editions they were made
    with and how many checks each: the city sees which edition every county used
    (each county's edition 1 is its own, not the city's)."""
    from app.models import HealthCheck
    from app.services.core.office import known_office_codes

    names = known_office_codes()
    with db.reader() as conn:
        rows = conn.execute(
            select(
                HealthCheck.origin_office,
                Checklist.name,
                Checklist.edition,
                Checklist.origin_office,
                func.count(HealthCheck.id),
            )
            .join(Checklist, Checklist.id == HealthCheck.checklist_id)
            .where(HealthCheck.deleted == false())
            .group_by(HealthCheck.origin_office, Checklist.id, Checklist.name, Checklist.edition)
            .order_by(HealthCheck.origin_office, Checklist.edition)
        ).all()
    return [
        EditionUse(office, names.get(office, office), name, edition, owner, int(n))
        for office, name, edition, owner, n in rows
    ]


def save_new_edition(
    db: Database,
    items: Sequence[ItemSpec],
    *,
    name: str | None = None,
    conditions: dict[str, Any] | None = None,
    note: str = "",
) -> ChecklistSpec:
    """Save edited items as the next edition; refuses with every problem listed."""
    current = active(db)
    conditions = current.conditions if conditions is None else conditions
    problems = validate(items, conditions)
    if problems:
        raise ChecklistError(problems)
    with db.session() as session:
        new_id = _write_edition(
            session,
            current.code,
            current.edition + 1,
            name or current.name,
            conditions,
            items,
            date.today(),
            note,
        )
    return by_id(db, new_id)


def as_dict(spec: ChecklistSpec) -> dict[str, Any]:
    return {**asdict(spec), "issued_on": spec.issued_on.isoformat() if spec.issued_on else None}
