"""A health check as the merge view's fields (app/views/common/merge_dialog.py).

A check is more than flat fields: its team and one result per checklist item. For the
merge each becomes a field of its own — the team as one, each item's result and note
as one ("A01 结果") — so a colleague's answer to item B03 and mine to A01 are chosen
separately, and the merged CheckInput is put back into the dialog.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.services.checks import health_checks
from app.services.checks.health_checks import CheckInput, ResultEntry, TeamMember
from app.services.core.edit_lock import EditConflict
from app.views.common.merge_dialog import MergeDialog, differing

SCALARS = (
    "check_date",
    "staff_count",
    "contracts_signed",
    "migrant_workers",
    "dispatched_workers",
    "wages_paid_through",
    "wages_owed_yuan",
    "wages_owed_people",
    "conclusion",
    "advice",
    "enterprise_person",
    "office_person",
)
RESULT = "result:"


def labels(data: CheckInput) -> dict[str, str]:
    """The merge view's row labels, in the dialog's order."""
    out = {
        "check_date": QCoreApplication.translate("CheckMerge", "体检日期"),
        "team": QCoreApplication.translate("CheckMerge", "体检人员"),
        "staff_count": QCoreApplication.translate("CheckMerge", "职工人数"),
        "contracts_signed": QCoreApplication.translate("CheckMerge", "已签劳动合同人数"),
        "migrant_workers": QCoreApplication.translate("CheckMerge", "农民工人数"),
        "dispatched_workers": QCoreApplication.translate("CheckMerge", "劳务派遣人数"),
        "wages_paid_through": QCoreApplication.translate("CheckMerge", "工资已足额发放至（年-月）"),
        "wages_owed_yuan": QCoreApplication.translate("CheckMerge", "拖欠工资金额（元）"),
        "wages_owed_people": QCoreApplication.translate("CheckMerge", "被拖欠工资人数"),
    }
    for entry in data.results:
        out[RESULT + entry.item_code] = QCoreApplication.translate(
            "CheckMerge", "第 %1 项检查结果"
        ).replace("%1", entry.item_code)
    out.update(
        {
            "conclusion": QCoreApplication.translate("CheckMerge", "体检结论"),
            "advice": QCoreApplication.translate("CheckMerge", "意见建议"),
            "enterprise_person": QCoreApplication.translate("CheckMerge", "企业负责人"),
            "office_person": QCoreApplication.translate("CheckMerge", "体检机构负责人"),
        }
    )
    return out


def flat(data: CheckInput) -> dict[str, Any]:
    """{merge field: value}: the scalars, the team, each item's (result, note)."""
    out: dict[str, Any] = {name: getattr(data, name) for name in SCALARS}
    out["team"] = tuple((m.name, m.role) for m in data.team)
    for entry in data.results:
        out[RESULT + entry.item_code] = (entry.result, entry.note.strip())
    return out


def text(name: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if name == "team":
        return "、".join(f"{who}（{role}）" if role else who for who, role in value)
    if name.startswith(RESULT):
        result, note = value
        words = {
            "compliant": QCoreApplication.translate("CheckMerge", "合规"),
            "noncompliant": QCoreApplication.translate("CheckMerge", "不合规"),
            "na": QCoreApplication.translate("CheckMerge", "不适用"),
            "unchecked": QCoreApplication.translate("CheckMerge", "未检查"),
        }
        return words.get(result, result) + (f"：{note}" if note else "")
    return str(value)


def merged(mine: CheckInput, chosen: dict[str, Any]) -> CheckInput:
    """`mine` with the merge view's values put in (`chosen`: flat() of the result)."""
    results = [
        ResultEntry(e.item_code, *chosen.get(RESULT + e.item_code, (e.result, e.note)))
        for e in mine.results
    ]
    return replace(
        mine,
        team=[TeamMember(who, role) for who, role in chosen.get("team", ())],
        results=results,
        **{name: chosen[name] for name in SCALARS if name in chosen},
    )


def open_merge(dialog: Any, conflict: EditConflict, *, final: bool) -> MergeDialog | None:
    """The check dialog's merge view: item by item, mine where I changed it, theirs
    otherwise; 保存合并结果 loads the merge into the dialog and saves it against their
    version. None when they deleted the check (the message says so; my input stays)."""
    if conflict.theirs.deleted or not dialog.check_id:
        return None
    mine_input = dialog.collect()
    stored = health_checks.get(dialog.db, dialog.check_id).input
    mine, theirs = flat(mine_input), flat(stored)
    fields = differing(labels(mine_input), mine, theirs, dialog._original, text)
    view = MergeDialog(fields, conflict, dialog)

    def save_merged() -> None:
        amending = dialog.amending
        dialog._load(merged(mine_input, view.merged(mine)))
        dialog.amending = amending
        dialog.loaded = conflict.theirs.version
        dialog._original = theirs
        dialog._save(final=final)

    view.accepted.connect(save_merged)
    view.open()
    return view
