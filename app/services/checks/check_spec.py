"""The health check's record spec: the employment snapshot the check dialog
edits, what the check list shows, and the rules every door applies
(snapshot_rules; the rules that need the checklist are in check_rules)."""

from __future__ import annotations

from app.services.checks import snapshot_rules
from app.services.core.fields import FieldSpec, Kind
from app.services.core.list_columns import county_choice
from app.services.core.messages import Label
from app.services.core.record_spec import ENTERPRISE_FIELD, RecordSpec, choice_field, count_field

STATUS = {"draft": "草稿", "final": "已定稿"}
STATUS_EN = {"draft": "Draft", "final": "Final"}


FIELDS: tuple[FieldSpec, ...] = (
    ENTERPRISE_FIELD,
    FieldSpec("check_date", "体检日期", "Date", Kind.DATE, width=90),
    # The employment snapshot (用工基本情况), in the order the dialog shows it.
    count_field("staff_count", "职工人数", "Staff"),
    count_field("contracts_signed", "已签劳动合同人数", "Contracts signed"),
    count_field("migrant_workers", "农民工人数", "Migrant workers"),
    count_field("dispatched_workers", "劳务派遣人数", "Dispatched workers"),
    FieldSpec(
        "wages_paid_through",
        "工资已足额发放至（年-月）",
        "Wages paid in full through (year-month)",
        placeholder="2023-05",
    ),
    count_field("wages_owed_yuan", "拖欠工资金额（元）", "Wages owed (yuan)"),
    count_field("wages_owed_people", "被拖欠工资人数", "Workers owed wages"),
    FieldSpec("conclusion", "结论", "Conclusion", Kind.LONGTEXT),
    FieldSpec("advice", "建议", "Advice", Kind.LONGTEXT),
    FieldSpec("enterprise_person", "企业负责人", "Enterprise contact"),
    FieldSpec("office_person", "本单位责任人", "Responsible officer"),
)
SNAPSHOT = tuple(f.name for f in FIELDS[2:9])

# The check list's columns (the rows come from health_checks.page()).
COLUMNS: tuple[FieldSpec | str, ...] = (
    "check_date",
    FieldSpec("enterprise", "企业", "Enterprise", width=260, sortable=False),
    county_choice("county", width=90, sortable=False),
    choice_field("status", "状态", "Status", STATUS, STATUS_EN, width=70, sortable=False),
    FieldSpec("noncompliant", "不合规项", "Findings", Kind.INT, width=70, sortable=False),
    FieldSpec("open_items", "未销号", "Open items", Kind.INT, width=70, sortable=False),
    FieldSpec("closed_items", "已销号", "Closed items", Kind.INT, width=70, sortable=False),
    FieldSpec("team", "检查组", "Team", width=200, sortable=False),
    FieldSpec("progress", "企业整改进度", "Enterprise progress", width=110, sortable=False),
)

HEALTH_CHECK = RecordSpec(
    "health_check",
    Label("法治体检", "Health check"),
    FIELDS,
    COLUMNS,
    rules=snapshot_rules.check,
    list_title="法治体检台账",
)
