"""Importing the spreadsheets other departments share (tax, social insurance,
utilities, courts, market regulation, complaints) as dated batches of facts.

The foundation's import engine finds the header; monthly figures come either
as a month column (所属期) or as one column per month ("2023年6月"). Rows match
enterprises by credit code, else by exact name (marked as such); the rest are
listed. A batch is applied in one transaction and can be rolled back whole.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, select, update

from app.models import Enterprise, RiskDataBatch, RiskFact
from app.models.base import sync_values, utcnow
from app.models.db import Database, fast_insert, next_change_seq
from app.paths import resource_path
from app.services import audit, credit_code
from app.services.fields import FieldSpec, clean_text
from app.services.progress import Progress, Work
from app.services.spreadsheet import (
    SpreadsheetError,
    data_rows,
    find_header,
    normalize_label,
    read_sheets,
)

RECORD_TYPE = "risk_data_batch"
CODE = FieldSpec(
    "credit_code",
    "统一社会信用代码",
    "Credit code",
    aliases=("信用代码", "社会信用代码", "纳税人识别号", "统一代码", "单位社会信用代码"),
)
NAME = FieldSpec(
    "name",
    "企业名称",
    "Name",
    aliases=(
        "单位名称",
        "纳税人名称",
        "户名",
        "用户名称",
        "被告",
        "被执行人",
        "被投诉单位",
        "用人单位",
        "参保单位名称",
        "当事人",
    ),
)
_MONTH_PATTERNS = (
    re.compile(r"^(\d{4})年(\d{1,2})月?$"),
    re.compile(r"^(\d{4})[-/.](\d{1,2})$"),
    re.compile(r"^(\d{4})(\d{2})$"),
)


@cache
def sources() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resource_path("rules", "risk_sources.json").read_text("utf-8")
    )
    return data


def source_label(source: str) -> str:
    return str(sources()[source]["label"])


def parse_month(raw: object) -> str | None:
    """ "2023年6月", "2023-06", "202306", an Excel date or a datetime → "2023-06"; None if not a month."""
    if isinstance(raw, datetime | date):
        return f"{raw.year:04d}-{raw.month:02d}"
    text = clean_text(raw).replace(" ", "")
    for pattern in _MONTH_PATTERNS:
        m = pattern.match(text)
        if m:
            year, month = int(m[1]), int(m[2])
            return f"{year:04d}-{month:02d}" if 1 <= month <= 12 and 1990 <= year <= 2100 else "bad"
    m = re.match(r"^(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})日?$", text)
    if m:
        return f"{int(m[1]):04d}-{int(m[2]):02d}" if 1 <= int(m[2]) <= 12 else "bad"
    return None


def _specs(source: str) -> list[FieldSpec]:
    fields = sources()[source]["fields"]
    return [
        CODE,
        NAME,
        *(
            FieldSpec(name, info["label"], "", aliases=tuple(info["aliases"]))
            for name, info in fields.items()
        ),
    ]


@dataclass
class FactRow:
    enterprise_id: str
    metric: str
    period: str
    value: float
    matched_by: str
    row: int


@dataclass
class RiskPlan:
    source: str
    path: Path
    sheet_name: str
    header_row: int
    labels: list[str]
    mapping: dict[int, str]
    month_columns: dict[int, str]
    facts: list[FactRow] = field(default_factory=list)
    rows_total: int = 0
    matched_by_code: int = 0
    matched_by_name: int = 0
    unmatched: list[tuple[int, str, str]] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "rows": self.rows_total,
            "facts": len(self.facts),
            "matched_by_code": self.matched_by_code,
            "matched_by_name": self.matched_by_name,
            "unmatched": [{"row": r, "name": n, "code": c} for r, n, c in self.unmatched],
            "problems": [{"row": r, "reason": t} for r, t in self.problems],
        }


def _number(raw: object) -> float | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, bool):
        raise ValueError(raw)
    if isinstance(raw, int | float):
        return float(raw)
    text = clean_text(raw).replace(",", "").replace("，", "").replace(" ", "").rstrip("元人个月件")
    if text in ("", "-", "—", "无"):
        return None
    return float(text)


def _best_other_source(sheets: list[Any], source: str) -> str:
    scores = {}
    for other in sources():
        if other == source:
            continue
        try:
            header = find_header(sheets, _specs(other), min_fields=2)
            scores[other] = len(
                [v for v in header.mapping.values() if v not in ("credit_code", "name")]
            )
        except SpreadsheetError:
            continue
    best = max(scores, key=lambda k: scores[k], default="")
    return best if best and scores[best] > 0 else ""


def saved_mapping(db: Database, source: str) -> dict[str, str]:
    """Header label → field, as the office last confirmed for this source."""
    text = db.get_setting(f"risk.mapping.{source}")
    return json.loads(text) if text else {}


def field_choices(source: str) -> list[tuple[str, str]]:
    return [(spec.name, spec.label_zh) for spec in _specs(source)]


def plan_import(
    db: Database,
    path: str | Path,
    source: str,
    *,
    sheet: str | None = None,
    mapping: dict[int, str] | None = None,
) -> Work[RiskPlan]:
    if source not in sources():
        raise SpreadsheetError(f"未知的数据来源：{source}（可用：{'、'.join(sources())}）")
    path = Path(path)
    yield Progress(0, 0, f"正在读取 {path.name}…")
    sheets = read_sheets(path)
    info = sources()[source]
    header = find_header(
        sheets, _specs(source), sheet_name=sheet, min_fields=1, key_fields=("credit_code", "name")
    )
    if mapping is not None:
        header.mapping = dict(mapping)
    else:
        remembered = saved_mapping(db, source)
        taken = set(header.mapping.values())
        for j, label in enumerate(header.labels):
            name = remembered.get(normalize_label(label))
            if j not in header.mapping and name and name not in taken:
                header.mapping[j] = name
                taken.add(name)
    month_columns: dict[int, str] = {}
    problems: list[tuple[int, str]] = []
    for j, label in enumerate(header.labels):
        if j in header.mapping or not label:
            continue
        month = parse_month(label.split(" / ")[-1])
        if month == "bad":
            problems.append((header.header_row + 1, f"列“{label}”不是有效的月份，该列未导入"))
        elif month:
            month_columns[j] = month
    mapped = set(header.mapping.values())
    own = mapped - {"credit_code", "name", "period"}
    if (
        not own
        and not (month_columns and info.get("wide_metric"))
        and source not in ("abnormal", "court")
    ):
        other = _best_other_source(sheets, source)
        hint = f"这个文件看起来是“{source_label(other)}”的数据，请改选该来源。" if other else ""
        wanted = "、".join(f["label"] for f in info["fields"].values())
        raise SpreadsheetError(f"文件中没有“{source_label(source)}”应有的列（{wanted}）。{hint}")
    if not {"credit_code", "name"} & mapped:
        raise SpreadsheetError("没有找到企业名称或统一社会信用代码列，无法对应到企业。")
    by_code, by_name = _enterprise_index(db)
    plan = RiskPlan(
        source,
        path,
        header.sheet.name,
        header.header_row,
        header.labels,
        header.mapping,
        month_columns,
        problems=problems,
    )
    seen: dict[tuple[str, str, str], int] = {}
    rows = data_rows(header)
    plan.problems.extend((s.number, s.reason) for s in rows.skipped)
    total = len(rows.rows)
    for index, row in enumerate(rows.rows):
        if index % 5000 == 0:
            yield Progress(index, total, f"正在检查第 {index + 1}/{total} 行…")
        plan.rows_total += 1
        raw = {
            name: row.cells[j] if j < len(row.cells) else None for j, name in header.mapping.items()
        }
        code = credit_code.normalize(raw.get("credit_code")).upper()
        name = clean_text(raw.get("name"))
        enterprise_id, how = (by_code.get(code), "code") if code else (None, "")
        if enterprise_id is None and name in by_name:
            enterprise_id, how = by_name[name], "name"
        if enterprise_id is None:
            plan.unmatched.append((row.number, name, code))
            continue
        try:
            facts = _row_facts(source, raw, row.cells, month_columns)
        except ValueError as exc:
            plan.problems.append((row.number, f"{name or code}：{exc}，该行未导入"))
            continue
        kept = []
        for metric, period, value in facts:
            key = (enterprise_id, metric, period)
            if key in seen and source not in ("court", "complaint"):
                plan.problems.append(
                    (
                        row.number,
                        f"{name or code}：{period or ''}{' ' if period else ''}的数据与第 {seen[key]} 行重复，已跳过",
                    )
                )
                continue
            seen[key] = row.number
            kept.append(FactRow(enterprise_id, metric, period, value, how, row.number))
        if kept:
            plan.facts.extend(kept)
            plan.matched_by_code += how == "code"
            plan.matched_by_name += how == "name"
    yield Progress(total, total, "检查完成")
    return plan


def _row_facts(
    source: str, raw: dict[str, Any], cells: list[Any], month_columns: dict[int, str]
) -> list[tuple[str, str, float]]:
    info = sources()[source]
    out: list[tuple[str, str, float]] = []
    period = ""
    if "period" in raw:
        month = parse_month(raw["period"])
        if month == "bad" or (month is None and clean_text(raw["period"])):
            raise ValueError(f"“{clean_text(raw['period'])}”不是有效的月份")
        period = month or ""
    if source == "court":
        cause = clean_text(raw.get("case_cause")) + clean_text(raw.get("case_kind"))
        count = _number(raw.get("cases")) or 1.0
        if re.search("劳动|工资|报酬|劳务", cause):
            out.append(("wage_lawsuits", period, count))
        if "执行" in cause:
            out.append(("enforcement", period, count))
        return out
    if source == "abnormal":
        removed = clean_text(raw.get("removed_on"))
        return [("abnormal_list", "", 0.0 if removed else 1.0)]
    if source == "complaint":
        out.append(("wage_complaints", period, 1.0))
    for name, spec in info["fields"].items():
        if name == "period" or spec.get("text") or name not in raw:
            continue
        try:
            value = _number(raw[name])
        except ValueError:
            raise ValueError(f"{spec['label']}“{clean_text(raw[name])}”不是数字") from None
        if value is None:
            continue
        if value < 0:
            raise ValueError(f"{spec['label']}为负数（{value:g}）")
        out.append((name, period, value))
    wide = info.get("wide_metric")
    if wide:
        for j, month in month_columns.items():
            try:
                value = _number(cells[j] if j < len(cells) else None)
            except ValueError:
                raise ValueError(f"{month} 的数值“{clean_text(cells[j])}”不是数字") from None
            if value is None:
                continue
            if value < 0:
                raise ValueError(f"{month} 的数值为负数（{value:g}）")
            out.append((wide, month, value))
    return out


def _enterprise_index(db: Database) -> tuple[dict[str, str], dict[str, str]]:
    with db.reader() as conn:
        rows = conn.execute(
            select(Enterprise.id, Enterprise.credit_code, Enterprise.name).where(
                Enterprise.deleted.is_(False)
            )
        ).all()
    by_code = {code: eid for eid, code, _ in rows}
    names: dict[str, list[str]] = {}
    for eid, _code, name in rows:
        names.setdefault(clean_text(name), []).append(eid)
    return by_code, {
        n: ids[0] for n, ids in names.items() if len(ids) == 1
    }  # an ambiguous name matches nothing


def apply_import(db: Database, plan: RiskPlan, *, today: date | None = None) -> Work[str]:
    """Write the batch and its facts in one transaction; returns the batch id."""
    today = today or date.today()
    with db.session() as session:
        actor = session.info["actor"]
        batch = RiskDataBatch(
            source=plan.source,
            file_name=plan.path.name,
            imported_on=today,
            rows_total=plan.rows_total,
            matched_by_code=plan.matched_by_code,
            matched_by_name=plan.matched_by_name,
            unmatched=len(plan.unmatched),
            facts=len(plan.facts),
            unmatched_json=json.dumps(plan.unmatched, ensure_ascii=False),
        )
        session.add(batch)
        session.flush()
        seq = next_change_seq(session, max(len(plan.facts), 1))
        now = utcnow()
        connection = session.connection()
        for start in range(0, len(plan.facts), 5000):
            chunk = plan.facts[start : start + 5000]
            fast_insert(
                connection,
                RiskFact.__table__,
                [
                    {
                        **sync_values(
                            office=actor.office_code,
                            author=actor.operator,
                            change_seq=seq + start + n,
                            now=now,
                        ),
                        "batch_id": batch.id,
                        "enterprise_id": f.enterprise_id,
                        "metric": f.metric,
                        "period": f.period,
                        "value": f.value,
                        "matched_by": f.matched_by,
                    }
                    for n, f in enumerate(chunk)
                ],
            )
            yield Progress(
                start + len(chunk),
                len(plan.facts),
                f"已写入 {start + len(chunk)}/{len(plan.facts)}",
            )
        audit.record(
            session,
            RECORD_TYPE,
            batch.id,
            "create",
            {},
            f"{source_label(plan.source)}：{plan.path.name}",
        )
        _remember_mapping(db, session, plan)
        return batch.id


def _remember_mapping(db: Database, session: Any, plan: RiskPlan) -> None:
    from app.models import Setting

    labels = {
        normalize_label(plan.labels[j]): name
        for j, name in plan.mapping.items()
        if j < len(plan.labels)
    }
    session.merge(
        Setting(key=f"risk.mapping.{plan.source}", value=json.dumps(labels, ensure_ascii=False))
    )


def rollback(db: Database, batch_id: str) -> int:
    """Withdraw a batch: its facts become tombstones. Returns how many."""
    with db.session() as session:
        batch = session.get(RiskDataBatch, batch_id)
        if batch is None or batch.deleted:
            raise SpreadsheetError("该批次不存在。")
        if batch.status == "rolled_back":
            return 0
        ids = list(
            session.execute(
                select(RiskFact.id).where(
                    RiskFact.batch_id == batch_id, RiskFact.deleted.is_(False)
                )
            ).scalars()
        )
        seq = next_change_seq(session, max(len(ids), 1))
        now = utcnow()
        stmt = (
            update(RiskFact)
            .where(RiskFact.id == bindparam("b_id"))
            .values(
                deleted=True,
                updated_at=now,
                change_seq=bindparam("b_seq"),
                version=RiskFact.version + 1,
            )
        )
        for start in range(0, len(ids), 5000):
            session.connection().execute(
                stmt,
                [
                    {"b_id": i, "b_seq": seq + start + n}
                    for n, i in enumerate(ids[start : start + 5000])
                ],
            )
        batch.status = "rolled_back"
        audit.record(
            session,
            RECORD_TYPE,
            batch.id,
            "update",
            {"status": ["active", "rolled_back"]},
            f"撤回 {batch.file_name}",
        )
        return len(ids)


def batches(db: Database) -> list[dict[str, Any]]:
    with db.reader() as conn:
        rows = conn.execute(
            select(RiskDataBatch)
            .where(RiskDataBatch.deleted.is_(False))
            .order_by(RiskDataBatch.created_at.desc())
        )
        return [dict(r._mapping) for r in rows]


def save_unmatched(db: Database, batch_id: str, out: str | Path) -> Path:
    from openpyxl import Workbook

    with db.session() as session:
        batch = session.get(RiskDataBatch, batch_id)
        rows = json.loads(batch.unmatched_json) if batch else []
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("未匹配")
    ws.append(["行号", "名称", "统一社会信用代码"])
    for r in rows:
        ws.append(list(r))
    out = Path(out)
    wb.save(out)
    return out
