"""The layoff filing's record spec: what the filing dialog edits, what the list
shows, the rules every door applies (filing_rules), and the columns of the list
of people an enterprise sends (import header aliases)."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.services.core.fields import FieldSpec, Kind
from app.services.core.list_columns import county_column, enterprise_column
from app.services.core.messages import N_, Label
from app.services.core.record_spec import ENTERPRISE_FIELD, RecordSpec, choice_field, date_field
from app.services.layoffs import filing_rules, layoff_rules

NUMERALS = "一二三四"
STATUS = {"open": "办理中", "closed": "已办结"}
STATUS_EN = {"open": "Open", "closed": "Closed"}


def _grounds() -> list[tuple[str, str]]:
    """第41条第1款's four grounds, numbered as the article numbers them."""
    return [
        (key, f"（{NUMERALS[int(key) - 1]}）{text}")
        for key, text in layoff_rules.rules()["grounds"].items()
    ]


def _grounds_en() -> list[tuple[str, str]]:
    return [(key, f"({key}) {text}") for key, text in layoff_rules.rules()["grounds_en"].items()]


def _served(name: str, zh: str, en: str) -> FieldSpec:
    return FieldSpec(name, zh, en, Kind.INT, minimum=0, editor="count", width=70, default=0)


FIELDS: tuple[FieldSpec, ...] = (
    ENTERPRISE_FIELD,
    FieldSpec(
        "ground",
        "法定情形",
        "Legal ground",
        Kind.CHOICE,
        choices=_grounds,
        choices_en=_grounds_en,
        default="2",
    ),
    FieldSpec("total_staff", "职工总数", "Total staff", Kind.INT, width=70),
    FieldSpec("laid_off", "拟裁减人数", "To be laid off", Kind.INT, width=60),
    date_field(
        "explained_on", "向工会或全体职工说明情况", "Explained to the union or all staff on"
    ),
    date_field("layoff_on", "计划裁员日期", "Planned layoff date"),
    FieldSpec("opinions", "工会或职工意见", "Opinions of the union or staff", Kind.LONGTEXT),
    date_field("reported_on", "向人社部门报告日期", "Reported to the HR bureau on"),
    FieldSpec("compensation_plan", "经济补偿方案", "Compensation plan", Kind.LONGTEXT),
    _served("reemployment_assistance", "就业援助", "Employment assistance"),
    _served("psychological_support", "心理疏导", "Psychological support"),
    _served("skills_training", "技能培训", "Skills training"),
    _served("reemployed", "已再就业", "Re-employed"),
    choice_field("status", "状态", "Status", STATUS, STATUS_EN, default="open", width=70),
    FieldSpec("note", "备注", "Note", Kind.LONGTEXT),
)


def _threshold(row: Any, _today: date) -> Label:
    met = layoff_rules.threshold_met(row["total_staff"], row["laid_off"]).ok
    return Label("达到", "Reached") if met else Label("未达到", "Not reached")


def _notice(row: Any, _today: date) -> Any:
    """Days of notice, ✗ when short of 第41条's 30 days (or a date is missing)."""
    ok = layoff_rules.notice_finding(row["explained_on"], row["layoff_on"]).ok
    if not (row["explained_on"] and row["layoff_on"]):
        return "" if ok else " ✗"
    days = layoff_rules.notice_days(row["explained_on"], row["layoff_on"])
    return N_("{days} 日", days=days) if ok else N_("{days} 日 ✗", days=days)


def _ground(row: Any, _today: date) -> Label:
    n = int(row["ground"])
    return Label(f"第{NUMERALS[n - 1]}项", f"Item {n}")


COLUMNS: tuple[FieldSpec | str, ...] = (
    enterprise_column(240),
    county_column(80),
    FieldSpec("ground", "情形", "Ground", width=60, show=_ground),
    "total_staff",
    FieldSpec("laid_off", "拟裁减", "Laid off", Kind.INT, width=60),
    FieldSpec(
        "threshold",
        "第41条标准",
        "Art. 41",
        width=90,
        reads=("total_staff", "laid_off"),
        show=_threshold,
    ),
    FieldSpec(
        "notice", "提前说明", "Notice", width=110, reads=("explained_on", "layoff_on"), show=_notice
    ),
    FieldSpec("layoff_on", "裁员日期", "Layoff date", Kind.DATE, width=86),
    FieldSpec("reported_on", "报告日期", "Reported", Kind.DATE, width=86),
    "reemployed",
    "status",
)

LAYOFF_FILING = RecordSpec(
    "layoff_filing",
    Label("裁员备案", "Layoff filing"),
    FIELDS,
    COLUMNS,
    rules=filing_rules.check,
    list_title="裁员备案台账",
)

# The list of people an enterprise reports, as its spreadsheet may head the columns.
PEOPLE_FIELDS = (
    FieldSpec("name", "姓名", "Name", required=True),
    FieldSpec(
        "id_number", "身份证号码", "ID number", aliases=("身份证号", "公民身份号码", "身份证")
    ),
    FieldSpec(
        "contract_type",
        "合同类型",
        "Contract type",
        aliases=("劳动合同类型", "合同期限类型", "用工形式"),
    ),
    FieldSpec(
        "contract_years", "合同期限（年）", "Contract years", aliases=("合同期限", "合同年限")
    ),
    FieldSpec(
        "years_of_service",
        "本单位工作年限",
        "Years of service",
        aliases=("工作年限", "工龄", "本单位工龄", "连续工作年限"),
    ),
    FieldSpec(
        "monthly_wage", "月工资", "Monthly wage", aliases=("月平均工资", "工资", "月工资（元）")
    ),
    FieldSpec("flags", "特殊情形", "Circumstances", aliases=("情形", "备注", "说明", "标记")),
)
