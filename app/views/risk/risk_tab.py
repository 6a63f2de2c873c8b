"""Tab 重大风险隐患: mass layoffs, work stoppages, collective wage claims, and their handling."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor

from app.services.risk.risk_events import KINDS, KINDS_EN, EventFilter
from app.views.common.list_tab import ListTab
from app.views.common.widgets import CountyFilter
from app.views.risk.risk_dialog import RiskDialog


class RiskTab(ListTab):
    DIALOG = RiskDialog
    FILTER = EventFilter
    NAME = "risk"

    def build(self) -> None:
        self.status = self.choice(
            "risk_status",
            [(self.tr("全部"), ""), (self.tr("处置中"), "open"), (self.tr("已化解"), "closed")],
        )
        kinds = (KINDS_EN if self.english else KINDS).items()
        self.kind = self.choice(
            "risk_kind", [(self.tr("全部类型"), ""), *((t, k) for k, t in kinds)]
        )
        self.county = self.choice("", (), CountyFilter(self.english))
        self.spread = self.tick("risk_spread", self.tr("可能跨地区蔓延"))
        self.button(self.tr("登记风险隐患…"), "new_risk", self.new_event)
        self.button(self.tr("打开"), "open_risk", self.open_selected)

    def make_filter(self) -> EventFilter:
        return self.filter_of(
            status=self.status.currentData() or "",
            kind=self.kind.currentData() or "",
            county_code=self.county.currentData() or "",
            may_spread=self.spread.isChecked(),
        )

    def extra(self, row: Any) -> tuple[Any, ...]:
        return (row["status"],)

    def row_colour(self, values: tuple[Any, ...]) -> QColor | None:
        return QColor("#fde2e2") if values[-1] == "open" else None

    new_event = ListTab.new_record
