"""Tab 要约行动: collective negotiation offers, by stage, overdue, county, topic, situation."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor

from app.services.negotiation import negotiation_rules
from app.services.negotiation.offers import STAGES, STAGES_EN, OfferFilter
from app.views.common.list_tab import ListTab
from app.views.common.widgets import CountyFilter
from app.views.negotiation.offer_dialog import OfferDialog


class OffersTab(ListTab):
    DIALOG = OfferDialog
    FILTER = OfferFilter
    NAME = "offer"

    def build(self) -> None:
        rules = negotiation_rules.rules_file()
        stages = (STAGES_EN if self.english else STAGES).items()
        self.stage = self.choice(
            "offer_stage", [(self.tr("全部阶段"), ""), *((t, k) for k, t in stages)]
        )
        self.county = self.choice("", (), CountyFilter(self.english))
        self.situation = self.choice(
            "offer_situation",
            [(self.tr("全部情况"), "")]
            + [
                (negotiation_rules.situation_label(k, self.english), k) for k in rules["situations"]
            ],
        )
        self.topic = self.choice(
            "offer_topic",
            [(self.tr("全部议题"), "")]
            + [(negotiation_rules.topic_label(c, self.english), c) for c in rules["topics"]],
        )
        self.overdue = self.tick("offer_overdue", self.tr("逾期"))
        self.record_buttons("offer", self.tr("新建要约…"))
        self.print_menu_button(
            [("offer-letter", self.tr("要约书")), ("offer-reply", self.tr("要约回复书"))]
        )
        self.button(self.tr("重大风险隐患"), "offer_risks", self.show_risks)

    def make_filter(self) -> OfferFilter:
        return self.filter_of(
            stage=self.stage.currentData() or "",
            overdue=self.overdue.isChecked(),
            county_code=self.county.currentData() or "",
            topic=self.topic.currentData() or "",
            situation=self.situation.currentData() or "",
        )

    def row_colour(self, values: tuple[Any, ...]) -> QColor | None:
        return QColor("#fde2e2") if values[-1] else None

    new_offer = ListTab.new_record

    def delete_question(self) -> str:
        return self.tr("确定删除选中的要约记录吗？")
