"""A layoff filing's entry rules (劳动合同法 第41条): counts within the staff,
the explanation before the layoff, and re-employment only after it. Whether the
plan meets the law (30 days' notice, protected people) is shown as findings and
never blocks saving (app/services/layoffs/layoffs.py)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from app.services.core.messages import N_, Label
from app.services.core.record_rules import RuleTable
from app.services.core.validation import Problems, add, as_date, as_int
from app.services.layoffs import layoff_rules

STAFF = Label("职工总数", "Total staff")
LAID_OFF = Label("拟裁减人数", "To be laid off")
EXPLAINED = Label("向工会或职工说明情况日期", "Explained to the union or staff")
LAYOFF = Label("裁员日期", "Layoff date")
REPORTED = Label("向人社部门报告日期", "Reported to the labour bureau")
FOLLOW_UP = {
    "reemployment_assistance": Label("就业援助人数", "Employment assistance"),
    "psychological_support": Label("心理疏导人数", "Psychological support"),
    "skills_training": Label("技能培训人数", "Skills training"),
    "reemployed": Label("已再就业人数", "Re-employed"),
}
# The explanation and the report have happened when they are recorded; the layoff
# itself may be planned for a later day.
RULES = RuleTable(
    past=(("explained_on", EXPLAINED), ("reported_on", REPORTED)),
    order=(("explained_on", EXPLAINED, "layoff_on", LAYOFF),),
    counts=tuple(FOLLOW_UP.items()),
)


def check(values: Mapping[str, Any], *, today: date) -> Problems:
    errors: Problems = {}
    if values.get("ground") not in layoff_rules.rules()["grounds"]:
        add(errors, "ground", N_("请选择裁员的法定情形（第41条第1款第一至四项）。"))
    staff, laid_off = as_int(values.get("total_staff")), as_int(values.get("laid_off"))
    if not staff or staff <= 0:
        add(errors, "total_staff", N_("请填写企业职工总数。"))
    if not laid_off or laid_off <= 0:
        add(errors, "laid_off", N_("请填写拟裁减人数。"))
    elif staff and laid_off > staff:
        add(
            errors,
            "laid_off",
            N_("拟裁减 {n} 人，超过职工总数 {staff} 人，请核对。", n=laid_off, staff=staff),
        )
    RULES.check_into(errors, values, today=today)
    for name, label in FOLLOW_UP.items():
        n = as_int(values.get(name))
        if n and laid_off and n > laid_off:
            add(
                errors,
                name,
                N_(
                    "{label} {n} 人，超过被裁减人数 {laid_off} 人。",
                    label=label,
                    n=n,
                    laid_off=laid_off,
                ),
            )
    reemployed = as_int(values.get("reemployed")) or 0
    layoff_on = as_date(values.get("layoff_on"))
    if reemployed > 0 and (layoff_on is None or layoff_on > today):
        add(
            errors,
            "reemployed",
            N_(
                "已再就业 {n} 人，但裁员日期 {day} 还没有到：被裁减人员在裁员之后才会再就业。请核对裁员日期或人数。",
                n=reemployed,
                day=layoff_on or "（未填写）",
            )
            if layoff_on
            else N_("已再就业 {n} 人，但没有填写裁员日期：请先填写裁员日期。", n=reemployed),
        )
    if values.get("status") not in ("open", "closed"):
        add(errors, "status", N_("状态应为办理中或已办结。"))
    return errors
