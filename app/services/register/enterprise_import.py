"""Importing an enterprise list: preview (plan), then one transaction (apply).

Re-importing the same file updates by credit code and never duplicates. Bad
rows are listed one by one with the reason; the good rows still import.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.exc import IntegrityError

from app.models import AuditEntry, Enterprise
from app.models.base import sync_values, utcnow
from app.models.bulk import (
    STATISTICS_AFTER_ROWS,
    bulk_cache,
    fast_insert,
    refresh_statistics,
)
from app.models.db import Database, next_change_seq
from app.services.core import audit, backups, reference
from app.services.core.fields import Kind, clean_text, row_parser
from app.services.core.messages import N_
from app.services.core.progress import Progress, Work
from app.services.core.spill import SpillCodes
from app.services.core.spreadsheet import (
    DataRow,
    HeaderMatch,
    SkippedRow,
    SpreadsheetError,
    data_rows,
    find_header,
    in_order,
    iter_data_rows,
    read_sheets,
)
from app.services.register import credit_code, enterprise_search
from app.services.register import enterprise_rules as enterprise_rules
from app.services.register.enterprise_check import ImportPlan, check_block
from app.services.register.enterprise_fields import ENTERPRISE_FIELDS
from app.services.register.enterprises import FIELD_NAMES, RECORD_TYPE
from app.services.register.pinyin_keys import bound_cache, name_keys

CHUNK = 2000
PINYIN_PIECES = 20_000  # cached pinyin readings kept between chunks (~10 MB), as the demo's
CHECK_BLOCK = 500  # rows checked before their codes are looked up together (with their cells)
ENTERPRISE_TABLE = Enterprise.__table__
AUDIT_TABLE = AuditEntry.__table__


def plan_import(
    db: Database,
    path: str | Path,
    *,
    sheet: str | None = None,
    mapping: dict[int, str] | None = None,
) -> Work[ImportPlan]:
    """Read and check the file; nothing is written. Yields progress, returns the plan."""
    path = Path(path)
    yield Progress(0, 0, N_("正在读取 {name}…", name=path.name))
    sheets = read_sheets(path)
    header = find_header(
        sheets, ENTERPRISE_FIELDS, sheet_name=sheet, key_fields=("name", "credit_code")
    )
    if mapping is not None:
        header = HeaderMatch(
            header.sheet,
            header.header_row,
            header.first_header_row,
            dict(mapping),
            header.labels,
            header.score,
            header.key_fields,
        )
    mapped = set(header.mapping.values())
    if "credit_code" not in mapped:
        raise SpreadsheetError(
            "没有找到“统一社会信用代码”列：导入按信用代码识别企业，请在列对应关系中指定该列。"
        )
    if "name" not in mapped:
        raise SpreadsheetError("没有找到“企业名称”列，请在列对应关系中指定该列。")
    plan = ImportPlan(
        path,
        header.sheet.name,
        [s.name for s in sheets],
        header.header_row,
        header.labels,
        header.mapping,
    )
    row_values = _EnterpriseRows(header.mapping, _default_county(db), date.today())
    seen = SpillCodes()
    if header.sheet.rest is None:
        sheet_data = data_rows(header)
        total = len(sheet_data.rows)
        for sheet_read in sheets:
            sheet_read.rows = []  # the data rows are sheet_data's now, dropped as they are checked
        events: Iterator[DataRow | SkippedRow] = in_order(sheet_data)
    else:  # a very large .xlsx, read on as it is checked: counted as it goes
        total = 0
        events = iter_data_rows(header)
    block: list[tuple[Any, ...]] = []
    index = 0
    for event in events:
        if isinstance(event, SkippedRow):
            block.append((event, None, (), event.reason))
            continue
        if index % 5000 == 0:
            yield Progress(index, total, _checking(index, total))
        index += 1
        block.append((event, *row_values(event.cells)))
        if len(block) >= CHECK_BLOCK:
            check_block(db, plan, seen, block)
            block = []
    check_block(db, plan, seen, block)
    if header.sheet.width > len(plan.labels):  # calamine pads every row to the widest
        plan.labels = plan.labels + [""] * (header.sheet.width - len(plan.labels))
    yield Progress(index, total or index, N_("检查完成"))
    return plan


def _checking(index: int, total: int) -> Any:
    if total:
        return N_("正在检查第 {n}/{total} 行…", n=index + 1, total=total)
    return N_("正在检查第 {n} 行…", n=index + 1)


def _default_county(db: Database) -> str:
    code = db.get_setting("office.code")
    return code if db.get_setting("office.level") == "county" else ""


class _EnterpriseRows:
    """Turns spreadsheet rows into enterprise values, remarks and a reason to skip."""

    def __init__(self, mapping: dict[int, str], default_county: str, today: date) -> None:
        self.default_county = default_county
        self.today = today
        # The code and industry columns need more than plain parsing; they are handled here.
        plain = {j: n for j, n in mapping.items() if n not in ("credit_code", "industry")}
        self.parse = row_parser(ENTERPRISE_FIELDS, plain)
        self.code_column = next((j for j, n in mapping.items() if n == "credit_code"), None)
        self.industry_column = next((j for j, n in mapping.items() if n == "industry"), None)

    def __call__(self, cells: list[Any]) -> tuple[dict[str, Any], list[str], str | None]:
        remarks: list[str] = []
        values, errors = self.parse(cells)
        code = credit_code.normalize(_cell(cells, self.code_column))
        if code != code.upper():
            remarks.append(f"信用代码“{code}”含小写字母，已按大写导入")
            code = code.upper()
        values["credit_code"] = code
        if self.industry_column is not None:
            text = clean_text(_cell(cells, self.industry_column))
            matched = reference.match_industry(text) if text else ""
            if matched is None:
                remarks.append(f"行业“{text}”无法归入国民经济行业门类，已留空（原文写入备注）")
                values["notes"] = (values.get("notes", "") + f" 原行业：{text}").strip()
                matched = ""
            values["industry"] = matched
        if not values.get("county_code"):
            derived = reference.match_division(code[2:8]) if len(code) >= 8 else None
            values["county_code"] = derived or self.default_county
        errors = self.parse.check(values, errors)  # type: ignore[attr-defined]
        # The same record rules as the dialog (a registration date not after today…).
        if values.get("registration_date") or values.get("employee_count") is not None:
            for name, message in enterprise_rules.record_rules(values, today=self.today).items():
                errors.setdefault(name, message)
        return values, remarks, ("；".join(errors.values()) if errors else None)


def _cell(cells: list[Any], column: int | None) -> Any:
    return cells[column] if column is not None and column < len(cells) else None


def _insert_row(values: dict[str, Any], sync: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {**sync}
    for spec in ENTERPRISE_FIELDS:
        value = values.get(spec.name)
        if value is None and spec.kind not in (Kind.INT, Kind.DATE):
            value = False if spec.kind is Kind.BOOL else ""
        row[spec.name] = value
    row["name_pinyin"], row["name_initials"] = name_keys(row["name"])
    return row


def apply_import(
    db: Database, plan: ImportPlan, *, source: str = "", backup: bool = True
) -> Work[dict[str, Any]]:
    """Back the database up, then write the plan in one transaction; closing the
    generator (Cancel) rolls it all back. `backup=False` only for rows the program
    made up itself (demo data), which never replace anything a person entered."""
    if backup:
        yield from backups.before_import_work(db)
    total = len(plan.to_add) + len(plan.to_update)
    summary = f"导入自 {source or plan.path.name}"
    with db.session() as session, bulk_cache(session):
        actor = session.info["actor"]
        now = utcnow()
        seq = next_change_seq(session, max(total, 1))
        try:
            done = yield from insert_chunks(
                session, _batches(plan.to_add), seq, now, summary, total
            )
            seq += len(plan.to_add)
            yield from _apply_updates(session, plan, seq, now, actor, summary, done, total)
            if total >= STATISTICS_AFTER_ROWS:
                refresh_statistics(session, ENTERPRISE_TABLE)
            yield from enterprise_search.refresh_name_order(session.connection())
        except IntegrityError as exc:
            raise SpreadsheetError(
                "预览之后数据库已有变动（有相同信用代码的企业被其他操作登记）。请重新预览后再导入。"
            ) from exc
    return {**plan.summary()}


def insert_chunks(
    session: Any,
    chunks: Iterable[Sequence[dict[str, Any]]],
    seq: int,
    now: Any,
    summary: str,
    total: int,
    write: Callable[[Any, Any, Sequence[dict[str, Any]]], None] = fast_insert,
) -> Work[int]:
    """New enterprises, with change sequence numbers from `seq` on; returns how many.
    `write` writes a chunk of rows into a table (the demo's writes a chunk a statement)."""
    actor = session.info["actor"]
    done = 0
    for chunk in chunks:
        rows = []
        for offset, values in enumerate(chunk):
            sync = sync_values(
                office=actor.office_code,
                author=actor.operator,
                change_seq=seq + done + offset,
                now=now,
            )
            rows.append(_insert_row(values, sync))
        # Not ORM bulk: the same rows in a fraction of the time (docs/architecture.md, "Storage").
        connection = session.connection()
        write(connection, ENTERPRISE_TABLE, rows)
        # A bulk create is logged with its source file; the values it was
        # created with are the record's values with later diffs undone.
        entry = audit.entry_values(actor, RECORD_TYPE, "", "create", {}, summary)
        write(connection, AUDIT_TABLE, [{**entry, "record_id": r["id"]} for r in rows])
        done += len(chunk)
        # A million names' pieces would hold ~70 MB of readings, each read once.
        bound_cache(PINYIN_PIECES)
        yield Progress(done, total, N_("已写入 {done}/{total}", done=done, total=total))
    return done


def _apply_updates(
    session: Any,
    plan: ImportPlan,
    seq: int,
    now: Any,
    actor: Any,
    summary: str,
    done: int,
    total: int,
) -> Work[None]:
    # A block of updates at a time, so a plan of any size is written in bounded memory.
    offset = 0
    for block in _batches(plan.to_update):
        old_rows: dict[str, dict[str, Any]] = {}
        ids = [enterprise_id for enterprise_id, _, _ in block]
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            for r in session.execute(
                select(Enterprise.id, *(getattr(Enterprise, n) for n in FIELD_NAMES)).where(
                    Enterprise.id.in_(part)
                )
            ):
                old_rows[r.id] = {n: getattr(r, n) for n in FIELD_NAMES}
        # Group by the set of changed fields so each group is one executemany.
        groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        entries = []
        for enterprise_id, changes, _row in block:
            params = dict(changes)
            if "name" in params:
                params["name_pinyin"], params["name_initials"] = name_keys(params["name"])
            params.update(
                b_id=enterprise_id, updated_at=now, author=actor.operator, change_seq=seq + offset
            )
            offset += 1
            groups.setdefault(tuple(sorted(params)), []).append(params)
            entries.append(
                audit.entry_values(
                    actor,
                    RECORD_TYPE,
                    enterprise_id,
                    "update",
                    audit.diff(old_rows.get(enterprise_id, {}), changes),
                    summary,
                )
            )
        for keys, params_list in groups.items():
            stmt = (
                update(Enterprise)
                .where(Enterprise.id == bindparam("b_id"))
                .values(
                    {
                        **{k: bindparam(k) for k in keys if k != "b_id"},
                        "version": Enterprise.version + 1,
                    }
                )
            )
            session.connection().execute(stmt, params_list)
            done += len(params_list)
            yield Progress(done, total, N_("已更新 {done}/{total}", done=done, total=total))
        if entries:
            session.connection().execute(AUDIT_TABLE.insert(), entries)


def _batches(items: Iterable[Any]) -> Iterator[list[Any]]:
    rows = iter(items)
    while block := list(islice(rows, CHUNK)):
        yield block


def mapping_as_json(mapping: dict[int, str]) -> str:
    return json.dumps({str(k): v for k, v in mapping.items()}, ensure_ascii=False)


def field_choices() -> Sequence[tuple[str, str]]:
    return [(spec.name, spec.label_zh) for spec in ENTERPRISE_FIELDS]
