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
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from app.models.db import Database
from app.services.core.messages import N_, Label
from app.services.core.progress import Progress, Work
from app.services.core.spill import SortedSpill
from app.services.core.spreadsheet import (
    DataRow,
    SkippedRow,
    SpreadsheetError,
    data_rows,
    find_header,
    in_order,
    iter_data_rows,
    normalize_label,
    read_sheets,
)

# The source definitions and the batch functions, reachable as before.
from app.services.risk.risk_batches import apply_import, batches, rollback, save_unmatched  # noqa: F401
from app.services.risk.risk_facts import FactRow  # noqa: F401
from app.services.risk.risk_match import CHECK_BLOCK, RowCheck, settle_repeats
from app.services.risk.risk_plan import RiskPlan
from app.services.risk.risk_repeat import refuse_repeat
from app.services.risk.risk_rows import metric_label  # noqa: F401
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


def saved_mapping(db: Database, source: str) -> dict[str, str]:
    """Header label → field, as the office last confirmed for this source."""
    text = db.get_setting(f"risk.mapping.{source}")
    return json.loads(text) if text else {}


def field_choices(source: str) -> list[tuple[str, str]]:
    return [(spec.name, spec.label_zh) for spec in specs(source)]


class WrongSource(SpreadsheetError):
    """The file is another source's (`other`), not the one chosen. The message says
    what to do on the command line (--source); the window says it in its own terms
    (the dialog's 数据来源 box), from `other` and `chosen`."""

    def __init__(self, message: str, *, other: str, chosen: str) -> None:
        super().__init__(message)
        self.other, self.chosen = other, chosen


def _refuse_other_source(source: str, labels: list[str], mapped: set[str]) -> None:
    """A file that is another source's, or that holds nothing this source needs."""
    other = looks_like(labels, source)
    needs = set(sources()[source].get("needs", ()))
    if other:
        raise WrongSource(
            N_(
                "这个文件看起来是“{other}”的数据，不是“{chosen}”的：请改选“{other}”（--source {key}）后再导入。未导入任何内容。",
                other=Label(source_label(other), source_label(other, english=True)),
                chosen=Label(source_label(source), source_label(source, english=True)),
                key=other,
            ),
            other=other,
            chosen=source,
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
    plan = RiskPlan(
        source,
        path,
        header.sheet.name,
        header.header_row,
        header.labels,
        header.mapping,
        month_columns,
        problems=SortedSpill(problems),
        wide_metrics=wide_metrics,
    )
    check = RowCheck(db, plan)
    events, total = _events(sheets, header)
    block: list[DataRow] = []
    for event in events:
        if isinstance(event, SkippedRow):
            plan.problems.append((event.number, event.reason))
            continue
        if plan.rows_total % 5000 == 0:
            yield Progress(plan.rows_total, total, _checking(plan.rows_total, total))
        plan.rows_total += 1
        block.append(event)
        if len(block) >= CHECK_BLOCK:
            check.by_code(block)
            block = []
    check.by_code(block)
    if not plan.rows_total:
        raise SpreadsheetError(
            N_(
                "“{file}”的表头下面没有数据行：没有可导入的内容，未导入任何内容。",
                file=path.name,
            )
        )
    if check.by_name_later:
        yield Progress(plan.rows_total, plan.rows_total, N_("正在按企业名称匹配…"))
        check.by_name()
    settle_repeats(plan)
    refuse_repeat(db, plan)
    yield Progress(plan.rows_total, plan.rows_total, N_("检查完成"))
    return plan


def _events(sheets: list[Any], header: Any) -> tuple[Iterator[DataRow | SkippedRow], int]:
    """The rows under the header in the sheet's order, and how many (0: a streamed
    sheet, counted as it is read). A sheet read whole has its rows let go as they are
    checked, as the enterprise import's are (docs/architecture.md, speed rules)."""
    if header.sheet.rest is not None:
        return iter_data_rows(header), 0
    sheet_data = data_rows(header)
    for sheet_read in sheets:
        sheet_read.rows = []  # the data rows are sheet_data's now
    return in_order(sheet_data), len(sheet_data.rows)


def _checking(index: int, total: int) -> Any:
    if total:
        return N_("正在检查第 {n}/{total} 行…", n=index + 1, total=total)
    return N_("正在检查第 {n} 行…", n=index + 1)
