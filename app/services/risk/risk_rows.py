"""One row of a department's sheet made into facts: the figures it holds, each with
its month, and how the row names its enterprise (risk_import reads the sheet,
risk_match matches the rows to the register)."""

from __future__ import annotations

import re
from typing import Any

from app.services.core.fields import clean_text
from app.services.core.messages import Label
from app.services.register import credit_code
from app.services.risk.risk_sources import parse_month, sources

# Figures made from a row rather than read from a column.
DERIVED_LABELS = {
    "wage_lawsuits": Label("涉劳动报酬诉讼", "wage lawsuits"),
    "enforcement": Label("被强制执行", "enforcement"),
    "abnormal_list": Label("列入经营异常名录", "abnormal-operation list"),
    "wage_complaints": Label("欠薪投诉", "wage complaints"),
}
# Each row of these is its own case or complaint: repeated rows are not duplicates.
EVERY_ROW_COUNTS = ("court", "complaint")


def metric_label(source: str, metric: str) -> Label:
    info = sources()[source]["fields"].get(metric)
    if info is None:
        return DERIVED_LABELS.get(metric, Label(metric, metric))
    return Label(info["label"], info.get("label_en", info["label"]))


def number(raw: object) -> float | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, bool):
        raise ValueError(raw)
    if isinstance(raw, int | float):
        return float(raw)
    # "12,345.50元", "￥1,500.00": separators, the unit and the currency sign go.
    text = clean_text(raw).replace(",", "").replace("，", "").replace(" ", "").rstrip("元人个月件")
    text = text.lstrip("￥¥")
    if text in ("", "-", "—", "无"):
        return None
    if text.endswith("万") and len(text) > 1:  # "1.2万元": ten thousands, as reports write
        return round(float(text[:-1]) * 10000, 2)
    return float(text)


def amount(raw: object, label: str) -> float | None:
    """A cell's figure (None when empty); a word or a negative figure is refused,
    named by `label` (the field, or the month column of a wide sheet)."""
    try:
        value = number(raw)
    except ValueError:
        raise ValueError(f"{label}“{clean_text(raw)}”不是数字") from None
    if value is not None and value < 0:
        raise ValueError(f"{label}为负数（{value:g}）")
    return value


def row_facts(
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
        # A case counts from the month it was filed (立案日期), inside the data window
        # like any dated figure; a file without the date counts it undated (README, 风险研判).
        period = _month_of(raw, "filed_on", "立案日期")
        cause = clean_text(raw.get("case_cause")) + clean_text(raw.get("case_kind"))
        count = number(raw.get("cases")) or 1.0
        if re.search("劳动|工资|报酬|劳务", cause):
            out.append(("wage_lawsuits", period, count))
        if "执行" in cause:
            out.append(("enforcement", period, count))
        return out
    if source == "abnormal":
        # Listed in the month of 列入日期, off the list from the month of 移出日期: the
        # latest of the two is the enterprise's state, whichever file said it.
        removed = _month_of(raw, "removed_on", "移出日期")
        if removed:
            return [("abnormal_list", removed, 0.0)]
        listed = _month_of(raw, "listed_on", "列入日期")
        if not listed:
            raise ValueError(
                "没有列入日期：无法确定何时列入经营异常名录，请补上列入日期后再导入这一行"
            )
        return [("abnormal_list", listed, 1.0)]
    if source == "complaint":
        out.append(("wage_complaints", period, 1.0))
    for name, spec in info["fields"].items():
        if name == "period" or spec.get("text") or name not in raw:
            continue
        value = amount(raw[name], spec["label"])
        if value is not None:
            out.append((name, period, value))
    for j, metric in wide_metrics.items():
        month = month_columns[j]
        value = amount(cells[j] if j < len(cells) else None, f"{month} 的数值")
        if value is not None:
            out.append((metric, month, value))
    return out


def _month_of(raw: dict[str, Any], name: str, label: str) -> str:
    """The month ("2023-05") of a date column of the row; "" when the row has none;
    a date that cannot be read is the row's problem."""
    text = clean_text(raw.get(name))
    if name not in raw or not text:
        return ""
    month = parse_month(raw[name])
    if month is None or month == "bad":
        raise ValueError(f"{label}“{text}”不是有效的日期")
    return month


def named_by(cells: list[Any], mapping: dict[int, str]) -> tuple[dict[str, Any], str, str]:
    """A row's mapped values, and the credit code and name it is matched by."""
    raw = {name: cells[j] if j < len(cells) else None for j, name in mapping.items()}
    return raw, credit_code.normalize(raw.get("credit_code")).upper(), clean_text(raw.get("name"))
