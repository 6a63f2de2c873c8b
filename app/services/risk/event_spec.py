"""The major-risk event's record spec: what the event dialog edits, what the list
shows, and the rules every door applies (event_rules)."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.services.core.fields import FieldSpec, Kind
from app.services.core.list_columns import county_column, enterprise_column, yes_column
from app.services.core.messages import N_, Label
from app.services.core.record_spec import (
    ENTERPRISE_FIELD,
    RecordSpec,
    choice_field,
    counted_column,
    date_field,
)
from app.services.risk import event_rules

KINDS = {"mass_layoff": "大规模裁员", "work_stoppage": "集体停工", "wage_claim": "集体讨薪"}
KINDS_EN = {
    "mass_layoff": "Mass layoff",
    "work_stoppage": "Work stoppage",
    "wage_claim": "Collective wage claim",
}
STATUS = {"open": "处置中", "closed": "已化解"}

FIELDS: tuple[FieldSpec, ...] = (
    ENTERPRISE_FIELD,
    choice_field("kind", "类型", "Kind", KINDS, KINDS_EN, default="wage_claim", width=90),
    FieldSpec("people", "涉及人数", "People involved", Kind.INT, width=70),
    FieldSpec("amount_owed_yuan", "拖欠金额（元）", "Owed (yuan)", Kind.INT, width=100),
    date_field("found_on", "发现日期", "Found on", width=86),
    FieldSpec("description", "情况", "Situation", Kind.LONGTEXT),
    FieldSpec(
        "may_spread",
        "可能跨地区蔓延（报送时抄送相邻县区和市办）",
        "May spread across counties (sent on to neighbours and the city)",
        Kind.BOOL,
        editor="check",
        default=False,
    ),
)


def _amount(row: Any, _today: date) -> str:
    amount = row["amount_owed_yuan"]
    return "" if amount is None else f"{amount:,}"


def _status(row: Any, _today: date) -> Any:
    if row["status"] == "open":
        return Label("处置中", "Being handled")
    return N_("已化解 {day}", day=row["closed_on"])


COLUMNS: tuple[FieldSpec | str, ...] = (
    enterprise_column(240),
    county_column(80),
    "kind",
    "people",
    FieldSpec(
        "amount",
        "拖欠金额（元）",
        "Owed (yuan)",
        Kind.INT,
        width=100,
        reads=("amount_owed_yuan",),
        show=_amount,
    ),
    "found_on",
    counted_column("steps", "介入次数", "Interventions", "interventions"),
    yes_column("spread", "可能蔓延", "May spread", reads="may_spread"),
    FieldSpec("status", "状态", "Status", width=110, reads=("status", "closed_on"), show=_status),
)

MAJOR_RISK_EVENT = RecordSpec(
    "major_risk_event",
    Label("重大风险隐患", "Major risk"),
    FIELDS,
    COLUMNS,
    rules=event_rules.check,
    list_title="重大风险隐患台账",
)
