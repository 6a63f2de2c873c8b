"""Tab 指导服务: the campaign's guidance activities and its typical cases."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.campaign import campaigns, guidance
from app.services.core.storage import Database
from app.tasks import TaskRunner
from app.views.campaign.guidance_dialogs import ActivityDialog, CaseDialog
from app.views.common.list_tab import ListTab
from app.views.common.widgets import CountyFilter, named


def _campaign_choice(db: Database, combo: QComboBox) -> None:
    combo.blockSignals(True)
    chosen = combo.currentData()
    combo.clear()
    combo.addItem(QCoreApplication.translate("GuidanceTab", "全部专项行动"), "")
    current = campaigns.current(db)
    for c in campaigns.all_campaigns(db):
        combo.addItem(c.label, c.id)
    index = combo.findData(chosen if chosen is not None else (current.id if current else ""))
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


class _CampaignList(ListTab):
    """A list of records kept under a campaign (activities, cases): the campaign and
    kind filters, and 新增 / 打开 / 删除 with the record type's dialog (DIALOG)."""

    def campaign_filters(self, name: str, all_kinds: str, kinds: dict[str, str]) -> None:
        self.campaign = named(QComboBox(), f"{name}_campaign")
        _campaign_choice(self.db, self.campaign)
        self.choice("", (), self.campaign)
        self.kind = self.choice("", [(all_kinds, ""), *((t, k) for k, t in kinds.items())])

    def campaign_for_new(self) -> str | None:
        chosen = self.campaign.currentData() or (c.id if (c := campaigns.current(self.db)) else "")
        if not chosen:
            QMessageBox.information(
                self,
                self.tr("指导服务"),
                self.tr(
                    "请先在“设置 → 专项行动…”中新建专项行动，指导服务和典型案例记在专项行动之下。"
                ),
            )
            return None
        return chosen

    def dialog(self, campaign_id: str, **more: Any) -> QDialog:
        return self.keep(
            self.DIALOG(self.db, campaign_id=campaign_id, english=self.english, parent=self, **more)
        )

    def new_record(self, enterprise_id: str | None = None) -> QDialog | None:
        campaign_id = self.campaign_for_new()
        return self.dialog(campaign_id) if campaign_id else None

    def open_record(self, record_id: str) -> QDialog:
        return self.dialog("", **{self.DIALOG.RECORD_ARG: record_id})

    def reload_campaigns(self) -> None:
        _campaign_choice(self.db, self.campaign)


class ActivitiesList(_CampaignList):
    DIALOG = ActivityDialog
    FILTER = guidance.ActivityFilter
    NAME = "activity"

    def search_hint(self) -> str:
        return self.tr("活动名称")

    def build(self) -> None:
        kinds = guidance.ACTIVITY_KINDS_EN if self.english else guidance.ACTIVITY_KINDS
        self.campaign_filters("activity", self.tr("全部方式"), kinds)
        self.county = self.choice("", (), CountyFilter(self.english))
        self.record_buttons("activity", self.tr("登记指导服务…"))

    def make_filter(self) -> guidance.ActivityFilter:
        return self.filter_of(
            campaign_id=self.campaign.currentData() or "",
            kind=self.kind.currentData() or "",
            county_code=self.county.currentData() or "",
        )

    def dialog(self, campaign_id: str, **more: Any) -> QDialog:
        return super().dialog(campaign_id, new_months=self.new_months, **more)

    new_activity = _CampaignList.new_record

    def delete_question(self) -> str:
        return self.tr("删除选中的指导服务活动？")


class CasesList(_CampaignList):
    DIALOG = CaseDialog
    FILTER = guidance.CaseFilter
    NAME = "case"

    def search_hint(self) -> str:
        return self.tr("案例标题")

    def build(self) -> None:
        kinds = guidance.CASE_KINDS_EN if self.english else guidance.CASE_KINDS
        self.campaign_filters("case", self.tr("全部类别"), kinds)
        self.in_report = self.tick("", self.tr("只看写入总结的"))
        self.record_buttons("case", self.tr("新增典型案例…"))

    def make_filter(self) -> guidance.CaseFilter:
        return self.filter_of(
            campaign_id=self.campaign.currentData() or "",
            kind=self.kind.currentData() or "",
            in_report=self.in_report.isChecked(),
        )

    new_case = _CampaignList.new_record

    def delete_question(self) -> str:
        return self.tr("删除选中的典型案例？")


class GuidanceTab(QWidget):
    def __init__(
        self,
        db: Database,
        tasks: TaskRunner,
        *,
        english: bool = False,
        new_months: int = 12,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.activities = ActivitiesList(db, tasks, english=english, new_months=new_months)
        self.cases = CasesList(db, tasks, english=english)
        self.inner = named(QTabWidget(), "guidance_inner")
        self.inner.addTab(self.activities, self.tr("指导服务活动"))
        self.inner.addTab(self.cases, self.tr("典型案例"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.inner)

    def refresh(self) -> None:
        for lst in (self.activities, self.cases):
            lst.reload_campaigns()
            lst.apply_filter()

    def show_preset(self, flt: Any, label: str) -> None:
        self.inner.setCurrentWidget(self.activities)
        self.activities.show_preset(flt, label)
