"""Tab 要约行动: collective negotiation offers, by stage, overdue, county, topic, situation."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from app.services.core.storage import Database
from app.services.negotiation import negotiation_rules, offers
from app.services.negotiation.offer_spec import NEGOTIATION_OFFER
from app.services.negotiation.offers import STAGES, STAGES_EN, OfferFilter
from app.tasks import TaskRunner
from app.views.common.list_tab import ListTab
from app.views.common.widgets import CountyFilter
from app.views.negotiation.offer_dialog import OfferDialog


class OffersTab(ListTab):
    SPEC = NEGOTIATION_OFFER
    SERVICE = offers
    DIALOG = OfferDialog
    RECORD_ARG = "offer_id"

    def __init__(
        self,
        db: Database,
        tasks: TaskRunner,
        *,
        english: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        self.filter = OfferFilter()
        super().__init__(db, tasks, english=english, parent=parent, name="offer")
        self.stage = QComboBox()
        self.stage.setObjectName("offer_stage")
        self.stage.addItem(self.tr("全部阶段"), "")
        for key, text in (STAGES_EN if english else STAGES).items():
            self.stage.addItem(text, key)
        self.overdue = QCheckBox(self.tr("逾期"))
        self.overdue.setObjectName("offer_overdue")
        self.county = CountyFilter(english)
        self.situation = QComboBox()
        self.situation.setObjectName("offer_situation")
        self.situation.addItem(self.tr("全部情况"), "")
        for key in negotiation_rules.rules_file()["situations"]:
            self.situation.addItem(negotiation_rules.situation_label(key, english), key)
        self.topic = QComboBox()
        self.topic.setObjectName("offer_topic")
        self.topic.addItem(self.tr("全部议题"), "")
        for code in negotiation_rules.rules_file()["topics"]:
            self.topic.addItem(negotiation_rules.topic_label(code, english), code)
        for widget in (self.stage, self.county, self.situation, self.topic):
            widget.currentIndexChanged.connect(self.apply_filter)
            self.filters.addWidget(widget)
        self.overdue.toggled.connect(self.apply_filter)
        self.filters.addWidget(self.overdue)
        self.button(self.tr("新建要约…"), "new_offer", self.new_offer)
        self.button(self.tr("打开"), "open_offer", self.open_selected)
        self.button(self.tr("删除"), "delete_offer", self.delete_selected)
        self.print_button(
            [("offer-letter", self.tr("要约书")), ("offer-reply", self.tr("要约回复书"))]
        )
        self.button(self.tr("重大风险隐患"), "offer_risks", self.show_risks)
        self.finish_layout()

    def apply_filter(self) -> None:
        if not hasattr(self, "stage"):
            return
        self.today = date.today()
        self.filter = OfferFilter(
            stage=self.stage.currentData() or "",
            overdue=self.overdue.isChecked(),
            county_code=self.county.currentData() or "",
            topic=self.topic.currentData() or "",
            situation=self.situation.currentData() or "",
            enterprise_id=self.enterprise_id,
            text=self.search.text(),
            today=self.today,
            origin_office=self.origin_office,
        )
        super().apply_filter()

    def row_colour(self, values: tuple[Any, ...]) -> QColor | None:
        return QColor("#fde2e2") if values[-1] else None

    new_offer = ListTab.new_record

    def delete_question(self) -> str:
        return self.tr("确定删除选中的要约记录吗？")
