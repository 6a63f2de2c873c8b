"""A health check's entry rules: the date, the employment snapshot, the team.

What a check records about the workforce must add up (counts within the staff,
wages paid up to a month that had begun by the check date), and a final check
has a team and no item left unchecked. Rules that need the checklist (which
items apply, unknown item codes) are in app/services/checks/check_rules.py.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from app.services.core.messages import N_, Label
from app.services.core.record_rules import given_or_stored
from app.services.core.validation import (
    Problems,
    add,
    as_date,
    as_int,
    at_most,
    not_future,
    not_negative,
)

ROLES = ("劳动关系协调员", "劳动争议仲裁调解员", "工会劳动法律监督员", "集体协商指导员")
ROLES_EN = {
    "劳动关系协调员": "Labour relations coordinator",
    "劳动争议仲裁调解员": "Dispute arbitration mediator",
    "工会劳动法律监督员": "Union labour-law supervisor",
    "集体协商指导员": "Collective negotiation adviser",
}
CHECK_DATE = Label("体检日期", "Check date")
STAFF = Label("职工人数", "Staff")
CONTRACTS = Label("已签劳动合同人数", "Signed contracts")
MIGRANT = Label("农民工人数", "Migrant workers")
DISPATCHED = Label("劳务派遣人数", "Dispatched workers")
OWED_YUAN = Label("拖欠工资金额", "Wages owed")
OWED_PEOPLE = Label("被拖欠工资人数", "Workers owed wages")
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
COUNTS = {
    "staff_count": STAFF,
    "contracts_signed": CONTRACTS,
    "migrant_workers": MIGRANT,
    "dispatched_workers": DISPATCHED,
    "wages_owed_yuan": OWED_YUAN,
    "wages_owed_people": OWED_PEOPLE,
}


def team_of(values: Mapping[str, Any]) -> list[dict[str, str]]:
    team = given_or_stored(values, "team", "[]")
    out = []
    for member in team or []:
        if isinstance(member, dict):
            out.append({"name": str(member.get("name", "")), "role": str(member.get("role", ""))})
        else:  # a TeamMember
            out.append({"name": member.name, "role": member.role})
    return out


def check(values: Mapping[str, Any], *, today: date) -> Problems:
    errors: Problems = {}
    day = as_date(values.get("check_date"))
    if day is None:
        add(errors, "check_date", N_("请填写体检日期。"))
    not_future(errors, values, "check_date", CHECK_DATE, today)
    for name, label in COUNTS.items():
        not_negative(errors, values, name, label)
    # Signed contracts, migrant and dispatched workers are part of the staff the
    # check records (劳动合同法 第10条; 劳务派遣暂行规定 第4条 counts dispatched
    # workers within the total headcount).
    at_most(errors, values, "contracts_signed", CONTRACTS, "staff_count", STAFF)
    at_most(errors, values, "migrant_workers", MIGRANT, "staff_count", STAFF)
    at_most(errors, values, "dispatched_workers", DISPATCHED, "staff_count", STAFF)
    at_most(errors, values, "wages_owed_people", OWED_PEOPLE, "staff_count", STAFF)
    owed_yuan, owed_people = (
        as_int(values.get("wages_owed_yuan")),
        as_int(values.get("wages_owed_people")),
    )
    if owed_yuan is not None and owed_people is not None and (owed_yuan > 0) != (owed_people > 0):
        add(
            errors,
            "wages_owed_people" if owed_yuan > 0 else "wages_owed_yuan",
            N_(
                "拖欠工资金额 {yuan} 元与被拖欠人数 {people} 人不相符：有欠薪就有被欠薪的人，反之亦然。",
                yuan=owed_yuan,
                people=owed_people,
            ),
        )
    paid = values.get("wages_paid_through") or ""
    if paid:
        m = _MONTH.match(str(paid))
        if not m:
            add(
                errors,
                "wages_paid_through",
                N_(
                    "工资已足额发放至的月份应写作 2023-05 这样的“年-月”，现为“{value}”。",
                    value=paid,
                ),
            )
        elif day is not None and (int(m[1]), int(m[2])) > (day.year, day.month):
            add(
                errors,
                "wages_paid_through",
                N_(
                    "工资已足额发放至 {month}，晚于体检日期 {day} 所在的月份：工资不能发放到尚未开始的月份。",
                    month=paid,
                    day=day,
                ),
            )
    for n, member in enumerate(team_of(values), start=1):
        if not member["name"].strip():
            add(errors, "team", N_("检查组第 {n} 人缺少姓名。", n=n))
        elif member["role"] not in ROLES:
            add(
                errors,
                "team",
                N_(
                    "检查组成员“{name}”的角色应为：{roles}。",
                    name=member["name"],
                    roles=list(ROLES),
                ),
            )
    if values.get("status") == "final" and not team_of(values):
        add(errors, "team", N_("定稿的体检须有检查组成员：请至少填写一名检查人员。"))
    return errors
