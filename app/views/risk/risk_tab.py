"""Tab 重大风险隐患: mass layoffs, work stoppages, collective wage claims, and their handling."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from app.services.core.storage import Database
from app.services.risk import risk_events
from app.services.risk.event_spec import MAJOR_RISK_EVENT
from app.services.risk.risk_events import KINDS, KINDS_EN, EventFilter
from app.tasks import TaskRunner
from app.views.common.list_tab import ListTab
from app.views.common.widgets import CountyFilter
from app.views.risk.risk_dialog import RiskDialog


class RiskTab(ListTab):
    SPEC = MAJOR_RISK_EVENT
    SERVICE = risk_events
    DIALOG = RiskDialog
    RECORD_ARG = "event_id"

    def __init__(
        self,
        db: Database,
        tasks: TaskRunner,
        *,
        english: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        self.filter = EventFilter()
        super().__init__(db, tasks, english=english, parent=parent, name="risk")
        self.status = QComboBox()
        self.status.setObjectName("risk_status")
        self.status.addItem(self.tr("全部"), "")
        self.status.addItem(self.tr("处置中"), "open")
        self.status.addItem(self.tr("已化解"), "closed")
        self.kind = QComboBox()
        self.kind.setObjectName("risk_kind")
        self.kind.addItem(self.tr("全部类型"), "")
        for key, text in (KINDS_EN if english else KINDS).items():
            self.kind.addItem(text, key)
        self.county = CountyFilter(english)
        self.spread = QCheckBox(self.tr("可能跨地区蔓延"))
        self.spread.setObjectName("risk_spread")
        for widget in (self.status, self.kind, self.county):
            widget.currentIndexChanged.connect(self.apply_filter)
            self.filters.addWidget(widget)
        self.spread.toggled.connect(self.apply_filter)
        self.filters.addWidget(self.spread)
        self.button(self.tr("登记风险隐患…"), "new_risk", self.new_event)
        self.button(self.tr("打开"), "open_risk", self.open_selected)
        self.finish_layout()

    def apply_filter(self) -> None:
        if not hasattr(self, "spread"):
            return
        self.filter = EventFilter(
            self.status.currentData() or "",
            self.kind.currentData() or "",
            self.county.currentData() or "",
            self.spread.isChecked(),
            self.enterprise_id,
            self.search.text(),
            origin_office=self.origin_office,
        )
        super().apply_filter()

    def extra(self, row: Any) -> tuple[Any, ...]:
        return (row["status"],)

    def row_colour(self, values: tuple[Any, ...]) -> QColor | None:
        return QColor("#fde2e2") if values[-1] == "open" else None

    new_event = ListTab.new_record
