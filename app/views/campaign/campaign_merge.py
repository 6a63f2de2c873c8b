"""The campaign dialog's merge view (app/views/common/merge_dialog.py): the notice's
fields, its phases and measures as one field each, and each county's target by name.
A target of 0 is not stored, so both sides are compared without them."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.services.campaign import campaigns
from app.services.campaign.campaigns import CampaignInput
from app.services.core import reference
from app.services.core.edit_lock import EditConflict
from app.views.common.merge_dialog import MergeDialog, open_input_merge


def _kept(data: CampaignInput) -> CampaignInput:
    return replace(data, targets={k: v for k, v in data.targets.items() if v})


def open_merge(dialog: Any, conflict: EditConflict, mine: CampaignInput) -> MergeDialog | None:
    """Mine (the form) beside theirs (stored); 保存合并结果 shows the merge in the dialog
    and saves it against their version. None when they deleted the campaign."""
    if conflict.theirs.deleted or dialog.editing is None:
        return None
    original = _kept(dialog.loaded_input or mine)
    mine, theirs = _kept(mine), _kept(campaigns.get(dialog.db, dialog.editing))
    codes = sorted({*mine.targets, *theirs.targets, *original.targets})
    labels = {
        "name": QCoreApplication.translate("CampaignMerge", "名称"),
        "issuer": QCoreApplication.translate("CampaignMerge", "发文单位"),
        "doc_number": QCoreApplication.translate("CampaignMerge", "文号"),
        "issued_on": QCoreApplication.translate("CampaignMerge", "发文日期"),
        "starts_on": QCoreApplication.translate("CampaignMerge", "开始日期"),
        "ends_on": QCoreApplication.translate("CampaignMerge", "结束日期"),
        "report_due": QCoreApplication.translate("CampaignMerge", "总结报送截止日期"),
        "phases": QCoreApplication.translate("CampaignMerge", "阶段安排"),
        "plan": QCoreApplication.translate("CampaignMerge", "工作措施"),
        **{f"targets.{c}": reference.division_name(c) for c in codes},
    }

    def save_merged(merged: CampaignInput) -> None:
        dialog.show_input(merged)
        dialog.loaded, dialog.loaded_input = conflict.theirs.version, theirs
        dialog.save()

    return open_input_merge(dialog, conflict, labels, mine, theirs, original, save_merged)
