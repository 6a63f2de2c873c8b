"""Economic layoffs (经济性裁员): the 劳动合同法 第41–42、47条 checks as pure functions.

Findings are shown, never blocking: a filing with a finding is still recorded.
The numbers come from resources/rules/layoffs.json.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from app.paths import resource_path
from app.services.core.messages import N_
from app.services.negotiation.negotiation_rules import Finding


@cache
def rules() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resource_path("rules", "layoffs.json").read_text("utf-8"))
    return data


def threshold_met(total_staff: int, laid_off: int) -> Finding:
    """第41条: ≥ 20 people, or fewer than 20 but ≥ 10% of all staff."""
    t = rules()["threshold"]
    if total_staff <= 0:
        return Finding(False, N_("请填写企业职工总数"), t["basis"])
    if laid_off >= t["people"]:
        return Finding(
            True,
            N_(
                "裁减 {laid_off} 人，达到 {people} 人以上，属于经济性裁员，须依第41条程序报告",
                laid_off=laid_off,
                people=t["people"],
            ),
            t["basis"],
        )
    # Integer arithmetic: 19 of 190 is exactly 10%.
    if laid_off * 100 >= total_staff * t["share_percent"]:
        share = f"{laid_off * 100 / total_staff:.1f}"
        return Finding(
            True,
            N_(
                "裁减 {laid_off} 人，不足 {people} 人但占职工总数 {total_staff} 人的 {share}%（≥{least}%），属于经济性裁员",
                laid_off=laid_off,
                people=t["people"],
                total_staff=total_staff,
                share=share,
                least=t["share_percent"],
            ),
            t["basis"],
        )
    share = f"{laid_off * 100 / total_staff:.1f}"
    return Finding(
        False,
        N_(
            "裁减 {laid_off} 人，占职工总数 {total_staff} 人的 {share}%，未达到第41条的人数标准",
            laid_off=laid_off,
            total_staff=total_staff,
            share=share,
        ),
        t["basis"],
    )


def notice_days(explained_on: date, layoff_on: date) -> int:
    """Days of notice: explained on 1 March for a layoff on 31 March is 30 days
    (docs/law.md, "Economic layoffs")."""
    return (layoff_on - explained_on).days


def notice_finding(explained_on: date | None, layoff_on: date | None) -> Finding:
    r = rules()
    if explained_on is None or layoff_on is None:
        return Finding(
            False, N_("请填写向工会或全体职工说明情况的日期和计划裁员日期"), r["notice_basis"]
        )
    days = notice_days(explained_on, layoff_on)
    if days < 0:
        return Finding(
            False,
            N_(
                "说明情况的日期 {explained_on} 晚于裁员日期 {layoff_on}，请核对",
                explained_on=explained_on,
                layoff_on=layoff_on,
            ),
            r["notice_basis"],
        )
    ok = days >= r["notice_days"]
    text = (
        N_("提前 {days} 日说明情况（须至少 {least} 日）", days=days, least=r["notice_days"])
        if ok
        else N_(
            "提前 {days} 日说明情况（须至少 {least} 日），不足 {short} 日",
            days=days,
            least=r["notice_days"],
            short=r["notice_days"] - days,
        )
    )
    return Finding(ok, text, r["notice_basis"])


def rehire_until(layoff_on: date) -> date:
    months = rules()["rehire_months"]
    month_index = layoff_on.year * 12 + layoff_on.month - 1 + months
    year, month0 = divmod(month_index, 12)
    import calendar

    return date(year, month0 + 1, min(layoff_on.day, calendar.monthrange(year, month0 + 1)[1]))


@dataclass
class Person:
    name: str
    id_masked: str = ""
    id_problem: str = ""
    gender: str = ""  # 男 / 女, from the ID number when given
    birth_date: date | None = None
    contract_type: str = ""  # 固定期限 / 无固定期限 / 以完成一定工作任务为期限
    contract_years: float | None = None  # length of a fixed-term contract
    years_of_service: float | None = None
    monthly_wage: float | None = None
    flags: set[str] = field(default_factory=set)  # keys of layoffs.json "protected" and "priority"


def protected_reasons(
    person: Person, *, on: date, retirement_age: dict[str, int] | None = None
) -> list[str]:
    """第42条 categories a person falls in: ticked flags, and long service near retirement
    worked out from the birth date when it is known (to be confirmed by the office).

    The service length, the years before retirement and the retirement ages are
    layoffs.json "long_service" (docs/law.md, "Economic layoffs"); `retirement_age`
    overrides the ages for one call."""
    labels = rules()["protected"]
    found = [labels[f] for f in person.flags if f in labels]
    if "long_service_near_retirement" in person.flags or not person.birth_date:
        return found
    long_service = rules()["long_service"]
    retire_at = (retirement_age or long_service["retirement_age"]).get(person.gender)
    if not retire_at or (person.years_of_service or 0) < long_service["years_of_service"]:
        return found
    age = (
        on.year
        - person.birth_date.year
        - ((on.month, on.day) < (person.birth_date.month, person.birth_date.day))
    )
    before = long_service["years_to_retirement"]
    if retire_at - age < before:
        found.append(
            labels["long_service_near_retirement"]
            + f"（按出生日期推算，距 {retire_at} 岁不足{before}年，请核实）"
        )
    return found


def priority_reasons(person: Person) -> list[str]:
    """第41条第2款: people to keep first."""
    labels = rules()["priority"]
    found = [labels[f] for f in person.flags if f in labels]
    if person.contract_type.startswith("无固定") and labels["open_ended"] not in found:
        found.append(labels["open_ended"])
    if (
        person.contract_type.startswith("固定")
        and (person.contract_years or 0) >= rules()["long_fixed_term_years"]
        and labels["long_fixed_term"] not in found
    ):
        found.append(labels["long_fixed_term"])
    return found


def compensation_months(years_of_service: float) -> float:
    """第47条: a month per full year; 6–12 months count as a year; under 6 months, half a month."""
    full = int(years_of_service)
    rest = years_of_service - full
    if rest >= 0.5:
        return full + 1.0
    if rest > 0:
        return full + 0.5
    return float(full)


def compensation(person: Person) -> float | None:
    if person.years_of_service is None or person.monthly_wage is None:
        return None
    return round(compensation_months(person.years_of_service) * person.monthly_wage, 2)
