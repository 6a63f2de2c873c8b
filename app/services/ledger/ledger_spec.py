"""The rectification item's record spec: the fields of an item entered by hand,
and the ledger's columns — once, for the list query (what it selects), the
ledger tab's table and the .xlsx ledger (ledger_export), each column saying
where it appears (in_table, xlsx_width)."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.services.core.fields import FieldSpec, Kind
from app.services.core.list_columns import county_label
from app.services.core.messages import N_, Label
from app.services.core.record_spec import RecordSpec
from app.services.ledger import rectification_rules
from app.services.ledger.rectification_status import label

FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("enterprise_id", "企业", "Enterprise", editor="enterprise"),
    FieldSpec("matter", "整改事类", "Matter to rectify", Kind.LONGTEXT),
    FieldSpec("basis", "法律依据", "Legal basis"),
    FieldSpec("remedy", "整改建议", "Remedy"),
    FieldSpec("found_on", "发现日期", "Found on", Kind.DATE, editor="day"),
    # A date, or days from the finding (calendar or working days): the dialog's own row.
    FieldSpec("deadline", "整改时限", "Deadline", Kind.DATE, editor="custom"),
    FieldSpec("enterprise_person", "整改负责人", "Responsible person"),
    FieldSpec("office_person", "本单位责任人", "Responsible officer"),
)


def status_label(status: str) -> Label:
    return Label(label(status), label(status, True))


def overdue_days(row: Any, today: date) -> int:
    """Calendar days past the deadline (0 when not overdue or closed)."""
    if row.status == "closed" or today <= row.deadline:
        return 0
    return int((today - row.deadline).days)


def _source(row: Any, _today: date) -> Any:
    if row.source == "check" and row.check_date:
        return N_("{day}体检", day=row.check_date)
    return N_("手工登记")


def _deadline(row: Any, _today: date) -> Any:
    if row.deadline != row.original_deadline:
        return N_("{day}（已延期）", day=row.deadline)
    return row.deadline


def _status(row: Any, today: date) -> Any:
    if overdue_days(row, today):
        return N_("{status}（逾期）", status=status_label(row.status))
    return status_label(row.status)


def _days(row: Any, today: date) -> Any:
    if row.status == "closed":
        return ""
    late = overdue_days(row, today)
    if late:
        return N_("逾期 {days} 天", days=late)
    return N_("剩 {days} 天", days=(row.deadline - today).days)


def _column(name: str, zh: str, en: str, width: int, xlsx: float, **more: Any) -> FieldSpec:
    return FieldSpec(name, zh, en, width=width, xlsx_width=xlsx, **more)


# The ledger as offices keep it (README.md, 整改台账). The printed ledger numbers
# its rows (序号) and merges each enterprise's name down its block (ledger_export).
COLUMNS: tuple[FieldSpec | str, ...] = (
    _column("enterprise", "企业名称", "Enterprise", 230, 28),
    _column(
        "county",
        "所属县区",
        "County",
        90,
        11,
        reads=("county_code",),
        show=lambda row, _t: county_label(row.county_code),
    ),
    _column("source", "问题来源", "Source", 120, 18, reads=("source", "check_date"), show=_source),
    _column("matter", "整改事类", "Matter to rectify", 300, 40),
    _column("basis", "法律依据", "Legal basis", 170, 26),
    _column("found_on", "发现日期", "Found on", 86, 15, kind=Kind.DATE),
    # On screen the deadline says when it was extended; on paper the original
    # deadline has a column of its own.
    _column(
        "deadline",
        "整改时限",
        "Deadline",
        110,
        0,
        reads=("deadline", "original_deadline"),
        show=_deadline,
    ),
    _column(
        "due",
        "整改时限",
        "Deadline",
        0,
        15,
        in_table=False,
        reads=("deadline",),
        show=lambda r, _t: r.deadline,
    ),
    _column(
        "original_deadline",
        "原定时限",
        "Original deadline",
        0,
        15,
        in_table=False,
        show=lambda r, _t: r.original_deadline if r.original_deadline != r.deadline else None,
    ),
    _column("enterprise_person", "整改负责人", "Responsible person", 80, 11),
    _column("office_person", "本单位责任人", "Responsible officer", 80, 11),
    _column("status", "状态", "Status", 110, 16, show=_status),
    _column("days", "剩余／逾期", "Days left", 80, 12, reads=("status", "deadline"), show=_days),
)

RECTIFICATION_ITEM = RecordSpec(
    "rectification_item",
    Label("整改事项", "Rectification item"),
    FIELDS,
    COLUMNS,
    rules=rectification_rules.check,
    title="matter",
)
