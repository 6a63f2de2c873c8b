"""Tab 裁员备案: layoff filings and their checks."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QComboBox, QWidget

from app.services.core.storage import Database
from app.services.layoffs import layoff_rules, layoffs
from app.services.layoffs.layoff_spec import LAYOFF_FILING
from app.services.layoffs.layoffs import FilingFilter
from app.tasks import TaskRunner
from app.views.common.list_tab import ListTab
from app.views.common.widgets import CountyFilter
from app.views.layoffs.layoff_dialog import LayoffDialog


class LayoffsTab(ListTab):
    SPEC = LAYOFF_FILING
    SERVICE = layoffs
    DIALOG = LayoffDialog
    RECORD_ARG = "filing_id"

    def __init__(
        self,
        db: Database,
        tasks: TaskRunner,
        *,
        english: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        self.filter = FilingFilter()
        super().__init__(db, tasks, english=english, parent=parent, name="layoff")
        self.county = CountyFilter(english)
        self.status = QComboBox()
        self.status.setObjectName("layoff_status")
        self.status.addItem(self.tr("全部"), "")
        self.status.addItem(self.tr("办理中"), "open")
        self.status.addItem(self.tr("已办结"), "closed")
        self.threshold = QCheckBox(self.tr("达到第41条标准"))
        self.threshold.setObjectName("layoff_threshold")
        for widget in (self.county, self.status):
            widget.currentIndexChanged.connect(self.apply_filter)
            self.filters.addWidget(widget)
        self.threshold.toggled.connect(self.apply_filter)
        self.filters.addWidget(self.threshold)
        self.button(self.tr("新建备案…"), "new_filing", self.new_filing)
        self.button(self.tr("打开"), "open_filing", self.open_selected)
        self.button(self.tr("删除"), "delete_filing", self.delete_selected)
        self.print_button([("layoff-receipt", self.tr("报告回执"))])
        self.button(self.tr("重大风险隐患"), "layoff_risks", self.show_risks)
        self.finish_layout()

    def apply_filter(self) -> None:
        if not hasattr(self, "threshold"):
            return
        self.filter = FilingFilter(
            self.county.currentData() or "",
            self.status.currentData() or "",
            self.threshold.isChecked(),
            self.enterprise_id,
            self.search.text(),
            origin_office=self.origin_office,
        )
        super().apply_filter()

    def extra(self, row: Any) -> tuple[Any, ...]:
        """第41条's 30 days' notice given (a short notice colours the row)."""
        return (layoff_rules.notice_finding(row["explained_on"], row["layoff_on"]).ok,)

    def row_colour(self, values: tuple[Any, ...]) -> QColor | None:
        return None if values[-1] else QColor("#fff4d6")

    new_filing = ListTab.new_record

    def delete_question(self) -> str:
        return self.tr("确定删除选中的裁员备案吗？")
