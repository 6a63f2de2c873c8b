"""Importing the spreadsheets other departments share (tax, social insurance,
utilities, courts, market regulation, complaints) as dated batches of facts.

The import engine finds the header; the file must be the chosen source's
(app/services/risk/risk_sources.py: a file that another source describes better,
or that lacks every column the source needs, is refused with the source it
looks like; so is a file with no data rows). Monthly figures come as a month
column (所属期) or as one column per month ("2023年6月参保人数"): each month is
its own fact, so the trend rules see the months. Rows match enterprises by
credit code, else by exact name (marked as such); the rest are listed. Two
different values for one enterprise, figure and month: the more severe is
kept and both rows are reported. A batch is applied in one transaction and can
be rolled back whole (app/services/risk/risk_batches.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from sqlalchemy import false, select

from app.models import Enterprise
from app.models.db import Database
from app.services.core.fields import clean_text
from app.services.core.messages import N_, Label
from app.services.core.progress import Progress, Work
from app.services.core.spreadsheet import (
    SpreadsheetError,
    data_rows,
    find_header,
    normalize_label,
    read_sheets,
)
from app.services.register import credit_code

# The source definitions and the batch functions, reachable as before.
from app.services.risk.risk_batches import apply_import, batches, rollback, save_unmatched  # noqa: F401
from app.services.risk.risk_plan import FactRow, RiskPlan
from app.services.risk.risk_sources import (  # noqa: F401
    CODE,
    NAME,
    WideColumn,
    all_specs,
    looks_like,
    needed_present,
    parse_month,
    source_label,
    sources,
    specs,
    wanted_columns,
    wide_column,
    worse_is_lower,
)

RECORD_TYPE = "risk_data_batch"
# Figures made from a row rather than read from a column.
DERIVED_LABELS = {
    "wage_lawsuits": Label("涉劳动报酬诉讼", "wage lawsuits"),
    "enforcement": Label("被强制执行", "enforcement"),
    "abnormal_list": Label("列入经营异常名录", "abnormal-operation list"),
    "wage_complaints": Label("欠薪投诉", "wage complaints"),
}
# Each row of these is its own case or complaint: repeated rows are not duplicates.
EVERY_ROW_COUNTS = ("court", "complaint")
INDEX_BLOCK = 5000  # register rows read at a time when matching a file to it


def metric_label(source: str, metric: str) -> Label:
    info = sources()[source]["fields"].get(metric)
    if info is None:
        return DERIVED_LABELS.get(metric, Label(metric, metric))
    return Label(info["label"], info.get("label_en", info["label"]))


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


def _amount(raw: object, label: str) -> float | None:
    """A cell's figure (None when empty); a word or a negative figure is refused,
    named by `label` (the field, or the month column of a wide sheet)."""
    try:
        value = _number(raw)
    except ValueError:
        raise ValueError(f"{label}“{clean_text(raw)}”不是数字") from None
    if value is not None and value < 0:
        raise ValueError(f"{label}为负数（{value:g}）")
    return value


def saved_mapping(db: Database, source: str) -> dict[str, str]:
    """Header label → field, as the office last confirmed for this source."""
    text = db.get_setting(f"risk.mapping.{source}")
    return json.loads(text) if text else {}


def field_choices(source: str) -> list[tuple[str, str]]:
    return [(spec.name, spec.label_zh) for spec in specs(source)]


def _refuse_other_source(source: str, labels: list[str], mapped: set[str]) -> None:
    """A file that is another source's, or that holds nothing this source needs."""
    other = looks_like(labels, source)
    needs = set(sources()[source].get("needs", ()))
    if other:
        raise SpreadsheetError(
            N_(
                "这个文件看起来是“{other}”的数据，不是“{chosen}”的：请改选“{other}”（--source {key}）后再导入。未导入任何内容。",
                other=Label(source_label(other), source_label(other, english=True)),
                chosen=Label(source_label(source), source_label(source, english=True)),
                key=other,
            )
        )
    if not (needs & mapped) and not needed_present(source, labels):
        raise SpreadsheetError(
            N_(
                "文件中没有“{chosen}”应有的列（{wanted}，至少一列）。请核对文件和所选的数据来源。未导入任何内容。",
                chosen=Label(source_label(source), source_label(source, english=True)),
                wanted=wanted_columns(source),
            )
        )


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
    yield Progress(0, 0, N_("正在读取 {name}…", name=path.name))
    sheets = read_sheets(path)
    header = find_header(
        sheets, specs(source), sheet_name=sheet, min_fields=1, key_fields=("credit_code", "name")
    )
    problems: list[tuple[int, str]] = []
    month_columns: dict[int, str] = {}
    wide_metrics: dict[int, str] = {}
    for j, label in enumerate(header.labels):
        if not label or header.mapping.get(j) in ("credit_code", "name", "period"):
            continue
        wide = wide_column(source, label)
        if wide == "bad":
            problems.append((header.header_row + 1, f"列“{label}”不是有效的月份，该列未导入"))
            header.mapping.pop(j, None)
        elif isinstance(wide, WideColumn):
            month_columns[j], wide_metrics[j] = wide.month, wide.metric
            header.mapping.pop(j, None)  # a month's figure, not the figure itself
    if mapping is not None:
        header.mapping = {j: n for j, n in mapping.items() if j not in month_columns}
    else:
        # Whose file is it? Asked of the header found by every source's labels, so
        # a two-row header is read whole whichever source was chosen.
        overall = find_header(
            sheets, all_specs(), sheet_name=sheet, min_fields=1, key_fields=("credit_code", "name")
        )
        _refuse_other_source(source, overall.labels, set(header.mapping.values()))
        remembered = saved_mapping(db, source)
        taken = set(header.mapping.values())
        for j, label in enumerate(header.labels):
            name = remembered.get(normalize_label(label))
            if j not in header.mapping and j not in month_columns and name and name not in taken:
                header.mapping[j] = name
                taken.add(name)
    mapped = set(header.mapping.values())
    if not {"credit_code", "name"} & mapped:
        raise SpreadsheetError("没有找到企业名称或统一社会信用代码列，无法对应到企业。")
    rows = data_rows(header)
    if not rows.rows:
        raise SpreadsheetError(
            N_(
                "“{file}”的表头下面没有数据行：没有可导入的内容，未导入任何内容。",
                file=path.name,
            )
        )
    by_code, by_name = _enterprise_index(db, *_file_keys(rows.rows, header.mapping))
    plan = RiskPlan(
        source,
        path,
        header.sheet.name,
        header.header_row,
        header.labels,
        header.mapping,
        month_columns,
        problems=problems,
        wide_metrics=wide_metrics,
    )
    seen: dict[tuple[str, str, str], tuple[int, int]] = {}  # key → (row, index in facts)
    plan.problems.extend((s.number, s.reason) for s in rows.skipped)
    total = len(rows.rows)
    for index, row in enumerate(rows.rows):
        if index % 5000 == 0:
            yield Progress(index, total, N_("正在检查第 {n}/{total} 行…", n=index + 1, total=total))
        plan.rows_total += 1
        raw, code, name = _who(row.cells, header.mapping)
        enterprise_id, how = (by_code.get(code), "code") if code else (None, "")
        if enterprise_id is None and name in by_name:
            enterprise_id, how = by_name[name], "name"
        if enterprise_id is None:
            plan.unmatched.append((row.number, name, code))
            continue
        try:
            facts = _row_facts(source, raw, row.cells, wide_metrics, month_columns)
        except ValueError as exc:
            plan.problems.append((row.number, f"{name or code}：{exc}，该行未导入"))
            continue
        kept = 0
        same_as: set[int] = set()
        for metric, period, value in facts:
            key = (enterprise_id, metric, period)
            if key in seen and source not in EVERY_ROW_COUNTS:
                first = _duplicate(plan, seen[key], row.number, name or code, metric, period, value)
                if first:
                    same_as.add(first)
                continue
            seen[key] = (row.number, len(plan.facts))
            plan.facts.append(FactRow(enterprise_id, metric, period, value, how, row.number))
            kept += 1
        if same_as and not kept:
            plan.problems.append(
                (
                    row.number,
                    N_(
                        "{who}：与第 {first} 行的数据相同，重复的行已跳过",
                        who=name or code,
                        first=sorted(same_as),
                    ),
                )
            )
        if kept:
            plan.matched_by_code += how == "code"
            plan.matched_by_name += how == "name"
    plan.problems.sort(key=lambda p: p[0])
    yield Progress(total, total, N_("检查完成"))
    return plan


def _duplicate(
    plan: RiskPlan,
    first: tuple[int, int],
    row: int,
    who: str,
    metric: str,
    period: str,
    value: float,
) -> int:
    """The same enterprise, figure and month twice. The same value: a repeated row
    (returns the first row's number, reported once per row by the caller). Two
    values: the more severe is kept (higher arrears, lower headcount or tax) and
    both rows are reported; returns 0."""
    first_row, index = first
    fact = plan.facts[index]
    when = period or "（不分期）"
    label = metric_label(plan.source, metric)
    if fact.value == value:
        return first_row
    lower = worse_is_lower(plan.source, metric)
    first_value = fact.value
    severe = min(first_value, value) if lower else max(first_value, value)
    kept_row = first_row if severe == first_value else row
    fact.value, fact.row = severe, kept_row
    message = N_(
        "{who}：{when} 的{label}有两个不同的值——第 {a} 行为 {va:g}，第 {b} 行为 {vb:g}；按较严重的 {kept:g}（第 {k} 行）计入，请向报送部门核实。",
        who=who,
        when=when,
        label=label,
        a=first_row,
        va=first_value,
        b=row,
        vb=value,
        kept=severe,
        k=kept_row,
    )
    plan.problems.append((first_row, message))
    plan.problems.append((row, message))
    return 0


def _row_facts(
    source: str,
    raw: dict[str, Any],
    cells: list[Any],
    wide_metrics: dict[int, str],
    month_columns: dict[int, str],
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
        value = _amount(raw[name], spec["label"])
        if value is not None:
            out.append((name, period, value))
    for j, metric in wide_metrics.items():
        month = month_columns[j]
        value = _amount(cells[j] if j < len(cells) else None, f"{month} 的数值")
        if value is not None:
            out.append((metric, month, value))
    return out


def _who(cells: list[Any], mapping: dict[int, str]) -> tuple[dict[str, Any], str, str]:
    """A row's mapped values, and the credit code and name it is matched by."""
    raw = {name: cells[j] if j < len(cells) else None for j, name in mapping.items()}
    return raw, credit_code.normalize(raw.get("credit_code")).upper(), clean_text(raw.get("name"))


def _file_keys(rows: list[Any], mapping: dict[int, str]) -> tuple[set[str], set[str]]:
    """Every credit code and name the file's rows could be matched by."""
    codes: set[str] = set()
    names: set[str] = set()
    for row in rows:
        _raw, code, name = _who(row.cells, mapping)
        codes.add(code)
        names.add(name)
    return codes, names


def _enterprise_index(
    db: Database, codes: set[str], names: set[str]
) -> tuple[dict[str, str], dict[str, str]]:
    """The register's ids by credit code and by unambiguous name, for the codes and
    names the file holds only: the register is read a block at a time and the
    rest dropped (the whole register held as rows and dicts was ~600 MB at a
    million enterprises; docs/architecture.md, speed rules)."""
    by_code: dict[str, str] = {}
    found: dict[str, list[str]] = {}
    with db.reader() as conn:
        rows = conn.execution_options(yield_per=INDEX_BLOCK).execute(
            select(Enterprise.id, Enterprise.credit_code, Enterprise.name).where(
                Enterprise.deleted == false()
            )
        )
        for eid, code, name in rows:
            if code in codes:
                by_code[code] = eid
            key = clean_text(name)
            if key in names:
                found.setdefault(key, []).append(eid)
    return by_code, {
        n: ids[0] for n, ids in found.items() if len(ids) == 1
    }  # an ambiguous name matches nothing
