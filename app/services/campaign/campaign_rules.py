"""A campaign's entry rules: its period, the report date, phases inside the
period and in order, planned checks not negative."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from app.services.core import reference
from app.services.core.messages import N_
from app.services.core.record_rules import given_or_stored
from app.services.core.validation import Problems, add, as_date, text


def _phases(values: Mapping[str, Any]) -> list[tuple[str, date | None, date | None]]:
    phases = given_or_stored(values, "phases", "[]")
    out = []
    for p in phases:
        if isinstance(p, dict):
            out.append((str(p.get("name", "")), as_date(p.get("start")), as_date(p.get("end"))))
        else:  # a Phase
            out.append((p.name, as_date(p.start), as_date(p.end)))
    return out


def _targets(values: Mapping[str, Any]) -> dict[str, int]:
    targets = given_or_stored(values, "targets", "{}")
    return {str(k): int(v) for k, v in targets.items() if isinstance(v, int | float)}


def check(values: Mapping[str, Any], *, today: date | None = None) -> Problems:
    errors: Problems = {}
    if not text(values, "name"):
        add(errors, "name", N_("请填写专项行动名称。"))
    starts, ends = as_date(values.get("starts_on")), as_date(values.get("ends_on"))
    if starts is None or ends is None:
        add(errors, "period", N_("请填写开始和结束日期。"))
    elif ends < starts:
        add(
            errors,
            "period",
            N_(
                "结束日期 {ends} 早于开始日期 {starts}，请检查两个日期是否填反。",
                ends=ends,
                starts=starts,
            ),
        )
    report_due = as_date(values.get("report_due"))
    if report_due and starts and report_due < starts:
        add(errors, "report_due", N_("总结报送日期不能早于专项行动开始日期。"))
    # The last phase (总结报送) may run to the report's due date, after the period.
    last = max(d for d in (ends, report_due) if d) if ends else None
    for n, (name, start, end) in enumerate(_phases(values), 1):
        if not name.strip():
            add(errors, "phases", N_("第 {n} 个阶段没有名称。", n=n))
        elif start is None or end is None:
            add(errors, "phases", N_("阶段“{name}”缺少开始或结束日期。", name=name))
        elif end < start:
            add(
                errors,
                "phases",
                N_(
                    "阶段“{name}”的结束日期 {end} 早于开始日期 {start}，请改正。",
                    name=name,
                    end=end,
                    start=start,
                ),
            )
        elif starts and ends and starts <= ends and (start < starts or end > last):
            add(
                errors,
                "phases",
                N_(
                    "阶段“{name}”（{start} 至 {end}）超出了专项行动的期间 {starts} 至 {last}。",
                    name=name,
                    start=start,
                    end=end,
                    starts=starts,
                    last=last,
                ),
            )
    for code, planned in _targets(values).items():
        if planned < 0:
            add(
                errors,
                "targets",
                N_("{county}的计划体检数不能为负数。", county=reference.division_name(code)),
            )
    return errors
