"""Layoff filings (裁员方案报告): record, check against 劳动合同法 第41、42、47条
(findings shown, never blocking), the list of people, and follow-up services."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import false, select

from app.models import LayoffFiling, LayoffPerson
from app.models.db import Database
from app.services.core import audit, edit_lock, record_store
from app.services.core.fields import FieldError, ValidationError, clean_text
from app.services.core.messages import N_
from app.services.core.validation import Problems, add
from app.services.layoffs import filing_rules as layoff_rules_
from app.services.layoffs import id_numbers, layoff_rules
from app.services.layoffs.layoff_rules import Finding, Person
from app.services.layoffs.layoff_spec import LAYOFF_FILING, PEOPLE_FIELDS

RECORD_TYPE = LAYOFF_FILING.table
SERVICES = {"assistance": "就业援助", "counselling": "心理疏导", "training": "技能培训"}
FLAG_WORDS = {
    "pregnancy_maternity_nursing": ("孕期", "产期", "哺乳期", "怀孕", "产假", "哺乳"),
    "medical_period": ("医疗期",),
    "occupational_disease_injury": ("职业病", "工伤", "丧失劳动能力"),
    "occupational_exposure": ("离岗前", "职业健康检查", "疑似职业病", "医学观察"),
    "long_service_near_retirement": ("连续工作满十五年", "连续工作满15年", "距退休"),
    "sole_earner_with_dependants": ("无其他就业人员", "扶养", "抚养"),
}


@dataclass
class FilingInput:
    enterprise_id: str | None
    ground: str = "2"
    total_staff: int | None = None
    laid_off: int | None = None
    explained_on: date | None = None
    layoff_on: date | None = None
    opinions: str = ""
    reported_on: date | None = None
    compensation_plan: str = ""
    reemployment_assistance: int = 0
    psychological_support: int = 0
    skills_training: int = 0
    reemployed: int = 0
    status: str = "open"
    note: str = ""
    campaign_id: str = ""


# The filing's stored fields: every field of its spec but the enterprise, so a
# field added to the spec is saved, read and audited.
FIELDS = tuple(f.name for f in LAYOFF_FILING.fields if f.name != "enterprise_id")


def _validate(session: Any, data: FilingInput, today: date | None = None) -> Problems:
    errors = record_store.enterprise_problems(session, data.enterprise_id)
    for name, message in layoff_rules_.check(asdict(data), today=today or date.today()).items():
        add(errors, name, message)
    return errors


GONE = ("filing", N_("该裁员备案不存在或已删除。"))
WRITE = record_store.RecordWrite(
    LayoffFiling,
    RECORD_TYPE,
    GONE,
    state=lambda filing: {n: getattr(filing, n) for n in FIELDS},
    summary=lambda _filing: "裁员备案",
)


def save(
    db: Database, data: FilingInput, filing_id: str | None = None, *, loaded: int | None = None
) -> str:
    def apply(filing: LayoffFiling) -> None:
        for name in FIELDS:
            setattr(filing, name, getattr(data, name))
        filing.campaign_id = data.campaign_id or filing.campaign_id or ""

    return record_store.save_checked(
        db,
        WRITE,
        filing_id,
        loaded=loaded,
        validate=lambda session: _validate(session, data),
        make=lambda: LayoffFiling(enterprise_id=data.enterprise_id, total_staff=0, laid_off=0),
        apply=apply,
    )


def get(db: Database, filing_id: str) -> tuple[FilingInput, dict[str, Any]]:
    with db.session() as session:
        filing = record_store.load_live(session, LayoffFiling, filing_id, GONE)
        data = FilingInput(
            filing.enterprise_id,
            campaign_id=filing.campaign_id,
            **{n: getattr(filing, n) for n in FIELDS},
        )
        facts = {
            "id": filing.id,
            **record_store.enterprise_facts(session, filing.enterprise_id),
            "created_at": filing.created_at,
        }
        return data, facts


# Tombstones the filing with its child rows (its people / sessions).
delete = record_store.deleter(
    LayoffFiling, RECORD_TYPE, lambda _filing: "删除裁员备案", children=(LayoffPerson.filing_id,)
)


# -- people -------------------------------------------------------------------------------


def _person(row: LayoffPerson) -> Person:
    return Person(
        row.name,
        row.id_masked,
        row.id_problem,
        row.gender,
        row.birth_date,
        row.contract_type,
        row.contract_years,
        row.years_of_service,
        row.monthly_wage,
        set(json.loads(row.flags_json)),
    )


def people(db: Database, filing_id: str) -> list[tuple[str, Person, list[str]]]:
    """(id, person, re-employment services given) for the filing's list."""
    with db.session() as session:
        rows = session.execute(
            select(LayoffPerson)
            .where(LayoffPerson.filing_id == filing_id, LayoffPerson.deleted == false())
            .order_by(LayoffPerson.created_at, LayoffPerson.name)
        ).scalars()
        return [(r.id, _person(r), json.loads(r.services_json)) for r in rows]


def _number(raw: object) -> float | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, int | float):
        return float(raw)
    text = clean_text(raw).replace(",", "").rstrip("年元")
    try:
        return float(text)
    except ValueError:
        raise FieldError(f"“{raw}”不是数字") from None


def flags_from_text(text: str) -> set[str]:
    return {flag for flag, words in FLAG_WORDS.items() if any(w in text for w in words)}


@dataclass
class PeopleImport:
    added: int = 0
    problems: list[tuple[int, str]] = field(default_factory=list)


def import_people(
    db: Database, filing_id: str, path: str | Path, *, loaded: int | None = None
) -> PeopleImport:
    """The list of people from .xlsx/.csv. ID numbers are checked (GB 11643), masked and
    never stored whole; a bad ID is kept as a visible finding, not silently corrected.
    `loaded`: the filing's version the dialog shows (EditConflict when a colleague
    saved the filing since)."""
    from app.services.core.spreadsheet import data_rows, find_header, read_sheets

    header = find_header(read_sheets(path), PEOPLE_FIELDS, min_fields=2, key_fields=("name",))
    result = PeopleImport()
    rows: list[LayoffPerson] = []
    for row in data_rows(header).rows:
        raw = {
            name: row.cells[j] if j < len(row.cells) else None for j, name in header.mapping.items()
        }
        name = clean_text(raw.get("name"))
        if not name:
            result.problems.append((row.number, "缺少姓名，已跳过"))
            continue
        try:
            contract_years = _number(raw.get("contract_years"))
            service = _number(raw.get("years_of_service"))
            wage = _number(raw.get("monthly_wage"))
        except FieldError as exc:
            result.problems.append((row.number, f"{name}：{exc}，已跳过"))
            continue
        info = id_numbers.read(raw.get("id_number"))
        if info.problem:
            result.problems.append((row.number, f"{name}：{info.problem}（已导入，显示为待核对）"))
        flags = flags_from_text(clean_text(raw.get("flags")))
        rows.append(
            LayoffPerson(
                filing_id=filing_id,
                name=name,
                id_masked=info.masked,
                id_problem=info.problem,
                gender=info.gender,
                birth_date=info.birth_date,
                contract_type=clean_text(raw.get("contract_type")),
                contract_years=contract_years,
                years_of_service=service,
                monthly_wage=wage,
                flags_json=json.dumps(sorted(flags)),
            )
        )
    with edit_lock.guarded(db) as session:
        load_filing(session, filing_id, loaded)
        session.add_all(rows)
        audit.record(
            session,
            RECORD_TYPE,
            filing_id,
            "update",
            {"people": [None, len(rows)]},
            f"导入人员名单 {Path(path).name}",
        )
    result.added = len(rows)
    return result


def set_services(
    db: Database, person_id: str, services: list[str], *, loaded: int | None = None
) -> None:
    """The re-employment services given to one person; `loaded`: the version of the
    person's filing the dialog shows (EditConflict when a colleague saved it since)."""
    unknown = [s for s in services if s not in SERVICES]
    if unknown:
        raise ValidationError({"services": f"未知的服务：{'、'.join(unknown)}"})
    with edit_lock.guarded(db) as session:
        gone = ("person", "该人员不存在。")
        row = record_store.load_for_edit(
            session, LayoffPerson, "layoff_person", person_id, loaded=None, gone=gone
        )
        load_filing(session, row.filing_id, loaded)
        row.services_json = json.dumps(sorted(services))


def load_filing(session: Any, filing_id: str, loaded: int | None) -> LayoffFiling:
    """The filing a write of its people hangs on, checked against the dialog's version."""
    return record_store.load_for_edit(
        session, LayoffFiling, RECORD_TYPE, filing_id, loaded=loaded, gone=GONE
    )


# -- findings --------------------------------------------------------------------------------


def findings(db: Database, filing_id: str, today: date | None = None) -> list[Finding]:
    today = today or date.today()
    data, _facts = get(db, filing_id)
    rules = layoff_rules.rules()
    threshold = layoff_rules.threshold_met(data.total_staff or 0, data.laid_off or 0)
    notice = layoff_rules.notice_finding(data.explained_on, data.layoff_on)
    below = rules["below_threshold"]
    if not threshold.ok:
        # Below 第41条's number each termination follows 第40、43条 (docs/law.md).
        notice = Finding(notice.ok, notice.text, below["notice_basis"])
    out = [threshold, notice]
    if not threshold.ok:
        if not data.opinions.strip():
            out.append(Finding(False, N_("未记录已将解除理由事先通知工会"), below["union_basis"]))
    elif data.reported_on and data.explained_on and data.reported_on < data.explained_on:
        out.append(
            Finding(
                False,
                N_(
                    "报告日期 {reported} 早于向职工说明情况的日期，须先听取工会或职工意见再报告",
                    reported=str(data.reported_on),
                ),
                rules["notice_basis"],
            )
        )
    if threshold.ok and data.reported_on and data.layoff_on and data.reported_on > data.layoff_on:
        out.append(
            Finding(
                False,
                N_(
                    "报告日期 {reported} 晚于裁员日期 {layoff}：裁减方案应在实施前报告",
                    reported=str(data.reported_on),
                    layoff=str(data.layoff_on),
                ),
                rules["notice_basis"],
            )
        )
    if threshold.ok and not data.opinions.strip():
        out.append(
            Finding(
                False, N_("未记录工会或职工的意见"), "《劳动合同法》第41条：听取工会或者职工的意见"
            )
        )
    listed = people(db, filing_id)
    if listed and data.laid_off and len(listed) != data.laid_off:
        out.append(
            Finding(
                False,
                N_(
                    "名单 {listed} 人，与拟裁减人数 {planned} 不一致",
                    listed=len(listed),
                    planned=data.laid_off,
                ),
            )
        )
    on = data.layoff_on or today
    for _pid, person, _services in listed:
        for reason in layoff_rules.protected_reasons(person, on=on):
            out.append(
                Finding(
                    False,
                    f"{person.name}：{reason}，不得依第40、41条解除劳动合同",
                    rules["protected_basis"],
                )
            )
        for reason in layoff_rules.priority_reasons(person):
            out.append(
                Finding(False, f"{person.name}：{reason}，应优先留用", rules["priority_basis"])
            )
        if person.id_problem:
            out.append(Finding(False, f"{person.name}（{person.id_masked}）：{person.id_problem}"))
    total = sum(c for _pid, p, _s in listed if (c := layoff_rules.compensation(p)) is not None)
    if total:
        out.append(
            Finding(
                True,
                f"经济补偿估算合计 {total:,.2f} 元（按名单中的工作年限和月工资）",
                rules["compensation_basis"],
            )
        )
    if threshold.ok and data.layoff_on:  # 第41条第3款: a 第41条 layoff's re-hire priority
        until = layoff_rules.rehire_until(data.layoff_on)
        if today <= until:
            out.append(
                Finding(
                    True,
                    N_(
                        "{until} 前重新招用人员的，应通知被裁减人员并在同等条件下优先招用",
                        until=until,
                    ),
                    rules["rehire_basis"],
                )
            )
    return out


# The filing list (filter, counting, a page of rows) lives in its own module;
# callers keep using layoffs.FilingFilter / count / page.
from app.services.layoffs.layoff_list import FilingFilter, _conditions, count, filing_date, page  # noqa: E402, F401

# The dialog's doors: what stands in the way of saving (nothing written), the
# stored values, and the save of what it shows.
problems, problems_of, values_of, save_values = record_store.doors(
    LAYOFF_FILING, lambda: FilingInput(None), _validate, get, save
)
