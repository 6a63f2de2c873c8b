"""The departments' files: what each source's file holds, and which source a
file looks like.

resources/rules/risk_sources.json declares for each source (tax, social,
utility, court, abnormal, complaint) the columns it recognises (a label and
its aliases), `needs` — at least one of these columns must be in the file —
and for each figure whether a higher or a lower value is `worse` (kept when a
file gives two different values for one enterprise and month).

A column is counted for the source whose labels describe it best: an exact
label beats an alias contained in a longer header, so "参保人数" is the social
insurance headcount even though the complaints' "人数" is inside it. The file
is taken for the chosen source only if that source needs what it holds and no
other source describes more of its columns; otherwise it is refused with the
source it most looks like. Month-per-column layouts ("2023年1月参保人数",
"2023-02", "参保人数（2023年3月）") are recognised here too: each such column is
one figure for one month.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from app.paths import resource_path
from app.services.core.fields import FieldSpec, clean_text
from app.services.core.spreadsheet import normalize_label

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
# A month inside a longer header: "2023年1月参保人数", "参保人数(2023-01)".
_MONTH_IN_LABEL = re.compile(r"(\d{4})\s*(?:年|[-/.])\s*(\d{1,2})\s*月?")


@cache
def sources() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resource_path("rules", "risk_sources.json").read_text("utf-8")
    )
    return data


def source_label(source: str, english: bool = False) -> str:
    return str(sources()[source]["label_en" if english else "label"])


def specs(source: str) -> list[FieldSpec]:
    fields = sources()[source]["fields"]
    return [
        CODE,
        NAME,
        *(
            FieldSpec(name, info["label"], "", aliases=tuple(info["aliases"]))
            for name, info in fields.items()
        ),
    ]


@cache
def all_specs() -> tuple[FieldSpec, ...]:
    """Every source's columns at once (named source.field): to find a file's header
    the same way whichever source was chosen, before asking whose file it is."""
    out = [CODE, NAME]
    for source, info in sources().items():
        for name, field in info["fields"].items():
            out.append(
                FieldSpec(f"{source}.{name}", field["label"], "", aliases=tuple(field["aliases"]))
            )
    return tuple(out)


def numeric_fields(source: str) -> list[str]:
    return [
        name
        for name, info in sources()[source]["fields"].items()
        if name != "period" and not info.get("text")
    ]


def worse_is_lower(source: str, metric: str) -> bool:
    info = sources()[source]["fields"].get(metric, {})
    return info.get("worse") == "lower"


# An Excel date whose cell lost its date format (a CSV export, a "常规" column) is its
# serial number: days since 1899-12-30. 20000-80000 is 1954-2119, clear of the
# "2023" and "202306" forms read as months.
_SERIALS = (20000, 80000)


def _excel_serial(raw: object) -> date | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, str) and re.fullmatch(r"\d{5}(\.0+)?", raw.strip()):
        raw = float(raw)
    if isinstance(raw, int | float) and float(raw).is_integer():
        if _SERIALS[0] <= raw <= _SERIALS[1]:
            return date(1899, 12, 30) + timedelta(days=int(raw))
    return None


def parse_month(raw: object) -> str | None:
    """ "2023年6月", "2023-06", "202306", an Excel date (also as its serial number,
    45352) or a datetime → "2023-06"; None if not a month."""
    if isinstance(raw, datetime | date):
        return f"{raw.year:04d}-{raw.month:02d}"
    serial = _excel_serial(raw)
    if serial is not None:
        return f"{serial.year:04d}-{serial.month:02d}"
    text = clean_text(raw).replace(" ", "")
    for pattern in _MONTH_PATTERNS:
        m = pattern.match(text)
        if m:
            year, month = int(m[1]), int(m[2])
            return f"{year:04d}-{month:02d}" if 1 <= month <= 12 and 1990 <= year <= 2100 else "bad"
    m = re.match(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?$", text)
    if m:
        return f"{int(m[1]):04d}-{int(m[2]):02d}" if 1 <= int(m[2]) <= 12 else "bad"
    return None


# -- how well a header describes a field --------------------------------------------------------


def _quality(label: str, names: Sequence[str]) -> float:
    """3 for the exact label, 2 without a bracketed note, else the share of the
    header an alias covers (0 when none is inside it)."""
    key = normalize_label(label)
    if not key:
        return 0.0
    bare = re.sub(r"（.*?）", "", key)
    best = 0.0
    for name in names:
        alias = normalize_label(name)
        if not alias:
            continue
        if alias == key:
            return 3.0
        if alias == bare:
            best = max(best, 2.0)
        elif len(alias) >= 2 and alias in key:
            best = max(best, len(alias) / len(key))
    return best


def field_quality(source: str, field: str, label: str) -> float:
    """How well `label` names the field; a two-row header ("欠费情况 / 欠费月数") is
    read whole and by its lower part."""
    info = sources()[source]["fields"][field]
    names = [info["label"], *info["aliases"]]
    parts = [label, label.split(" / ")[-1]] if " / " in label else [label]
    return max(_quality(part, names) for part in parts)


def best_field(source: str, label: str) -> tuple[str, float]:
    """The source's own figure (not the period) a header names best, with how well."""
    best = ("", 0.0)
    for name in sources()[source]["fields"]:
        if name == "period":
            continue
        q = field_quality(source, name, label)
        if q > best[1]:
            best = (name, q)
    return best


@dataclass(frozen=True)
class WideColumn:
    month: str  # "2023-01"
    metric: str


def wide_column(source: str, label: str) -> WideColumn | str | None:
    """A month-per-column header of `source`: the month and the figure it holds
    ("2023年1月参保人数" → 2023-01, insured_headcount; "2023年6月" → the source's
    usual monthly figure). "bad" for an impossible month, None for another header."""
    text = clean_text(label.split(" / ")[-1]) if " / " in label else clean_text(label)
    whole = parse_month(text)
    default = sources()[source].get("wide_metric")
    if whole == "bad":
        return "bad"
    if whole:
        return WideColumn(whole, default) if default else None
    m = _MONTH_IN_LABEL.search(text)
    if not m:
        return None
    year, month = int(m[1]), int(m[2])
    if not (1 <= month <= 12 and 1990 <= year <= 2100):
        return "bad"
    rest = (text[: m.start()] + text[m.end() :]).strip(" （）()-—:：")
    if not rest:
        return WideColumn(f"{year:04d}-{month:02d}", default) if default else None
    metric, quality = best_field(source, rest)
    if not metric or quality < 0.5 or metric not in numeric_fields(source):
        return None
    return WideColumn(f"{year:04d}-{month:02d}", metric)


# -- which source a file looks like -------------------------------------------------------------


def column_owners(labels: Sequence[str]) -> dict[int, set[str]]:
    """Column → the sources whose labels describe it best (ties: several)."""
    owners: dict[int, set[str]] = {}
    for j, label in enumerate(labels):
        if not label:
            continue
        scores: dict[str, float] = {}
        for source in sources():
            wide = wide_column(source, label)
            if isinstance(wide, WideColumn):
                scores[source] = 2.5
                continue
            scores[source] = best_field(source, label)[1]
        top = max(scores.values(), default=0.0)
        if top >= 0.5:
            owners[j] = {s for s, q in scores.items() if q == top}
    return owners


def fit(labels: Sequence[str]) -> dict[str, int]:
    """How many columns each source describes best."""
    counts = dict.fromkeys(sources(), 0)
    for owned in column_owners(labels).values():
        for source in owned:
            counts[source] += 1
    return counts


def needed_present(source: str, labels: Sequence[str]) -> bool:
    """At least one column the source needs (directly or month by month)."""
    needs = set(sources()[source].get("needs", ()))
    for label in labels:
        if not label:
            continue
        wide = wide_column(source, label)
        if isinstance(wide, WideColumn) and wide.metric in needs:
            return True
        name, quality = best_field(source, label)
        if name in needs and quality >= 0.5:
            return True
    return False


def looks_like(labels: Sequence[str], chosen: str) -> str:
    """The source a file most looks like, when that is not `chosen` ("" if none is better)."""
    counts = fit(labels)
    candidates = [s for s in counts if s != chosen and needed_present(s, labels)]
    best = max(candidates, key=lambda s: counts[s], default="")
    if not best or counts[best] == 0:
        return ""
    if needed_present(chosen, labels) and counts[chosen] >= counts[best]:
        return ""
    return best


def wanted_columns(source: str) -> list[str]:
    info = sources()[source]
    return [info["fields"][n]["label"] for n in info.get("needs", ())]
