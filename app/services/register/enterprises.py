"""Enterprise register use cases: query pages in SQL, add, edit, delete.

Views call these and get plain data back; they never see a Session.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    and_,
    exists,
    false,
    func,
    select,
)
from sqlalchemy.orm import Session

from app.models import Enterprise, EnterpriseRisk, name_order
from app.models.db import Database
from app.services.core import audit, edit_lock, keyset
from app.services.core.fields import (
    FieldError,
    ValidationError,
    field_message,
    parse_value,
    problems,
)
from app.services.core.messages import N_
from app.services.core.record_lists import ListFilter
from app.services.register import credit_code, enterprise_search
from app.services.register import enterprise_rules as enterprise_rules
from app.services.register.enterprise_fields import ENTERPRISE_FIELDS, FIELDS_BY_NAME
from app.services.register.pinyin_keys import name_keys

RECORD_TYPE = "enterprise"
FIELD_NAMES = tuple(spec.name for spec in ENTERPRISE_FIELDS)
MATCH_BLOCK = 500  # credit codes looked up at a time when an imported file is matched

# 统计上大中小微型企业划分办法（2017）, industrial thresholds by employees.
SIZE_BANDS: dict[str, tuple[str, str, int | None, int | None]] = {
    "micro": ("微型（20 人以下）", "Micro (under 20)", None, 20),
    "small": ("小型（20–299 人）", "Small (20–299)", 20, 300),
    "medium": ("中型（300–999 人）", "Medium (300–999)", 300, 1000),
    "large": ("大型（1000 人及以上）", "Large (1,000 and more)", 1000, None),
}


@dataclass
class EnterpriseFilter(ListFilter):
    county_code: str = ""
    industry: str = ""
    size_band: str = ""
    platform: bool | None = None
    newly_registered: bool = False
    new_months: int = 12
    risk_level: str = ""  # high / medium / low, from the newest grading
    risk_rose: bool = False
    today: date = field(default_factory=date.today)


def _conditions(
    flt: EnterpriseFilter,
    conn: Connection | None = None,
    *,
    counting: bool = False,
    window: name_order.Window | None = None,
) -> list[ColumnElement[bool]]:
    """The filter as SQL conditions. `window` (a page in name order): a fragment of
    three characters or more may then be read from the name-order snapshot."""
    filters = _filters(flt)
    text = flt.text.strip()
    if not text:
        return filters
    return [*filters, enterprise_search.text_condition(text, filters, conn, counting, window)]


def _filters(flt: EnterpriseFilter) -> list[ColumnElement[bool]]:
    """Every condition of the filter but its text."""
    e = Enterprise
    conds: list[ColumnElement[bool]] = [e.deleted == false()]
    if flt.county_code:
        conds.append(e.county_code == flt.county_code)
    if flt.industry:
        conds.append(e.industry == flt.industry)
    if flt.size_band in SIZE_BANDS:
        _, _, low, high = SIZE_BANDS[flt.size_band]
        if low is not None:
            conds.append(e.employee_count >= low)
        if high is not None:
            conds.append(e.employee_count < high)
    if flt.platform is not None:
        conds.append(e.is_platform.is_(flt.platform))
    if flt.newly_registered:
        conds.append(e.registration_date >= _months_before(flt.today, flt.new_months))
    if flt.risk_level in ("high", "medium"):
        conds.append(
            exists().where(
                EnterpriseRisk.enterprise_id == e.id, EnterpriseRisk.level == flt.risk_level
            )
        )
    elif flt.risk_level == "low":
        conds.append(
            ~exists().where(
                EnterpriseRisk.enterprise_id == e.id, EnterpriseRisk.level.in_(("high", "medium"))
            )
        )
    if flt.origin_office:
        conds.append(e.origin_office == flt.origin_office)
    if flt.risk_rose:
        conds.append(
            exists().where(EnterpriseRisk.enterprise_id == e.id, EnterpriseRisk.rose.is_(True))
        )
    return conds


def _months_before(day: date, months: int) -> date:
    year, month0 = divmod(day.year * 12 + day.month - 1 - months, 12)
    last_day = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last_day))


_SORT_COLUMNS = {"name": Enterprise.name_pinyin}


def order_keys(sort_field: str, descending: bool) -> list[keyset.Key]:
    """The register's order: the column, then the id the same way (keyset paging
    seeks on the index (deleted, column, id); app/services/core/keyset.py)."""
    if sort_field not in _SORT_COLUMNS and sort_field not in FIELD_NAMES:
        sort_field = "name"
    column = _SORT_COLUMNS.get(sort_field) or getattr(Enterprise, sort_field)
    nullable = keyset.may_be_null(column)
    return [
        keyset.Key(column, descending, nullable),
        keyset.Key(Enterprise.id, descending, nullable=False),
    ]


def count(db: Database, flt: EnterpriseFilter) -> int:
    with db.reader() as conn:
        return int(
            conn.execute(
                select(func.count())
                .select_from(Enterprise)
                .where(and_(*_conditions(flt, conn, counting=True)))
            ).scalar_one()
        )


TABLE_COLUMNS = ("id", *FIELD_NAMES)


def page(
    db: Database,
    flt: EnterpriseFilter,
    *,
    sort_field: str = "name",
    descending: bool = False,
    offset: int | keyset.Seek = 0,
    limit: int = 200,
) -> keyset.Rows:
    """Rows (id, then each field in ENTERPRISE_FIELDS order) for one page of the
    table, from `offset` (a row number, or a keyset Seek from a known row)."""
    cols = [getattr(Enterprise, c) for c in TABLE_COLUMNS]
    seek = keyset.start_of(offset)
    window = None
    if sort_field == "name" and not seek.skip:  # a far jump counts rows: the usual way
        window = name_order.Window(seek.after, limit, descending)
    with db.reader() as conn:
        stmt = select(*cols).where(and_(*_conditions(flt, conn, window=window)))
        return keyset.fetch(conn, stmt, order_keys(sort_field, descending), offset, limit)


def industries_in_use(db: Database) -> list[str]:
    with db.reader() as conn:
        stmt = (
            select(Enterprise.industry)
            .where(Enterprise.deleted == false(), Enterprise.industry != "")
            .distinct()
            .order_by(Enterprise.industry)
        )
        return [r[0] for r in conn.execute(stmt)]


def get(db: Database, enterprise_id: str) -> dict[str, Any] | None:
    """The enterprise's fields, its id, and the `version` an edit must hand back."""
    with db.session() as session:
        ent = session.get(Enterprise, enterprise_id)
        if ent is None or ent.deleted:
            return None
        return {
            "id": ent.id,
            "version": ent.version,
            **{name: getattr(ent, name) for name in FIELD_NAMES},
        }


def id_by_credit_code(db: Database, code: str) -> str | None:
    """The live enterprise with this credit code as someone typed it (spaces,
    full-width characters and small letters forgiven); None when there is none."""
    with db.reader() as conn:
        found = conn.execute(
            select(Enterprise.id).where(
                Enterprise.credit_code == credit_code.canonical(code),
                Enterprise.deleted == false(),
            )
        ).scalar()
    return str(found) if found is not None else None


def find_by_credit_code(session: Session, code: str) -> Enterprise | None:
    return session.execute(
        select(Enterprise).where(Enterprise.credit_code == code, Enterprise.deleted == false())
    ).scalar_one_or_none()


def clean_values(raw: dict[str, Any], today: date | None = None) -> dict[str, Any]:
    """Dialog or CLI input → stored values, or ValidationError naming every bad field."""
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for name in FIELD_NAMES:
        if name not in raw:
            continue
        try:
            values[name] = parse_value(FIELDS_BY_NAME[name], raw[name])
        except FieldError as exc:
            errors[name] = field_message(FIELDS_BY_NAME[name], exc)
    for name, message in problems(ENTERPRISE_FIELDS, values).items():
        errors.setdefault(name, message)
    for name, message in enterprise_rules.record_rules(values, today=today or date.today()).items():
        errors.setdefault(name, message)
    if errors:
        raise ValidationError(errors)
    return values


def problems_of(raw: dict[str, Any]) -> dict[str, str]:
    """What stands in the way of saving these values; nothing is written."""
    try:
        clean_values({name: raw.get(name) for name in FIELD_NAMES})
    except ValidationError as exc:
        return exc.errors
    return {}


def _duplicate_error(existing: Enterprise) -> ValidationError:
    return ValidationError(
        {
            "credit_code": N_(
                "该信用代码已登记为“{name}”，同一代码不能登记两家企业。请核对代码，或编辑已有企业。",
                name=existing.name,
            )
        }
    )


def create(db: Database, raw: dict[str, Any]) -> str:
    values = clean_values({name: raw.get(name) for name in FIELD_NAMES})
    with db.session() as session:
        existing = find_by_credit_code(session, values["credit_code"])
        if existing:
            raise _duplicate_error(existing)
        values = _with_defaults(values)
        values["name_pinyin"], values["name_initials"] = name_keys(values["name"])
        ent = Enterprise(**values)
        session.add(ent)
        session.flush()
        audit.record(
            session, RECORD_TYPE, ent.id, "create", audit.diff({}, _fields_of(ent)), ent.name
        )
        return ent.id


def _with_defaults(values: dict[str, Any]) -> dict[str, Any]:
    out = dict(values)
    for spec in ENTERPRISE_FIELDS:
        if out.get(spec.name) is None and spec.kind.value not in ("int", "date"):
            out[spec.name] = False if spec.kind.value == "bool" else ""
    return out


def _fields_of(ent: Enterprise) -> dict[str, Any]:
    return {name: getattr(ent, name) for name in FIELD_NAMES}


def update(
    db: Database, enterprise_id: str, raw: dict[str, Any], *, loaded: int | None = None
) -> bool:
    """Save changed fields; returns False when nothing changed. `loaded`: the version
    the user's form was loaded from (EditConflict when another coordinator saved since)."""
    with edit_lock.guarded(db) as session:
        ent = session.get(Enterprise, enterprise_id)
        if ent is not None:
            edit_lock.check_loaded(session, ent, RECORD_TYPE, loaded)
        if ent is None or ent.deleted:
            raise ValidationError({"name": N_("该企业已被删除，无法保存。")})
        # A partial edit is checked as the whole record it produces.
        values = _with_defaults(clean_values({**_fields_of(ent), **raw}))
        if values.get("credit_code") and values["credit_code"] != ent.credit_code:
            other = find_by_credit_code(session, values["credit_code"])
            if other and other.id != ent.id:
                raise _duplicate_error(other)
        changes = audit.diff(_fields_of(ent), {k: v for k, v in values.items() if k in FIELD_NAMES})
        if not changes:
            return False
        for name in changes:
            setattr(ent, name, values[name])
        if "name" in changes:
            ent.name_pinyin, ent.name_initials = name_keys(ent.name)
        audit.record(session, RECORD_TYPE, ent.id, "update", changes, ent.name)
        return True


def delete(db: Database, enterprise_ids: Sequence[str], *, seen_seq: int | None = None) -> int:
    """Tombstone: the row stays so the deletion can travel in a sync bundle.
    `seen_seq`: the change counter when the user's list was read; an enterprise
    another coordinator changed since is not deleted (EditConflict, nothing written)."""
    done = 0
    with edit_lock.guarded(db) as session:
        for enterprise_id in enterprise_ids:
            ent = session.get(Enterprise, enterprise_id)
            if ent is None or ent.deleted:
                continue
            edit_lock.check_unchanged_since(session, ent, RECORD_TYPE, seen_seq)
            ent.deleted = True
            audit.record(
                session, RECORD_TYPE, ent.id, "delete", {"deleted": [False, True]}, ent.name
            )
            done += 1
    return done


def registered(db: Database, codes: set[str]) -> dict[str, tuple[str, dict[str, Any]]]:
    """The live enterprises with these credit codes: code → (id, fields), looked up
    MATCH_BLOCK codes at a time through the live credit-code index, so a file's block of
    rows is matched to a million enterprises without reading them (docs/architecture.md,
    speed rules)."""
    cols = [Enterprise.id, *(getattr(Enterprise, n) for n in FIELD_NAMES)]
    found: dict[str, tuple[str, dict[str, Any]]] = {}
    wanted = sorted(codes)
    with db.reader() as conn:
        for start in range(0, len(wanted), MATCH_BLOCK):
            part = wanted[start : start + MATCH_BLOCK]
            query = select(*cols).where(
                Enterprise.credit_code.in_(part), Enterprise.deleted == false()
            )
            for r in conn.execute(query.order_by(Enterprise.credit_code)):
                # the last of a code wins, as when the register was read whole
                found[r.credit_code] = (r.id, {n: getattr(r, n) for n in FIELD_NAMES})
    return found
