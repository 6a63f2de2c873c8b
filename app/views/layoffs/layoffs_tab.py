"""Tab 裁员备案: layoff filings and their checks."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor

from app.services.layoffs import layoff_rules
from app.services.layoffs.layoffs import FilingFilter
from app.views.common.list_tab import ListTab
from app.views.common.widgets import CountyFilter
from app.views.layoffs.layoff_dialog import LayoffDialog


class LayoffsTab(ListTab):
    DIALOG = LayoffDialog
    FILTER = FilingFilter
    NAME = "layoff"

    def build(self) -> None:
        self.county = self.choice("", (), CountyFilter(self.english))
        self.status = self.choice(
            "layoff_status",
            [(self.tr("全部"), ""), (self.tr("办理中"), "open"), (self.tr("已办结"), "closed")],
        )
        self.threshold = self.tick("layoff_threshold", self.tr("达到第41条标准"))
        self.record_buttons("filing", self.tr("新建备案…"))
        self.print_menu_button([("layoff-receipt", self.tr("报告回执"))])
        self.button(self.tr("重大风险隐患"), "layoff_risks", self.show_risks)

    def make_filter(self) -> FilingFilter:
        return self.filter_of(
            county_code=self.county.currentData() or "",
            status=self.status.currentData() or "",
            threshold_only=self.threshold.isChecked(),
        )

    def extra(self, row: Any) -> tuple[Any, ...]:
        """第41条's 30 days' notice given (a short notice colours the row)."""
        return (layoff_rules.notice_finding(row["explained_on"], row["layoff_on"]).ok,)

    def row_colour(self, values: tuple[Any, ...]) -> QColor | None:
        return None if values[-1] else QColor("#fff4d6")

    new_filing = ListTab.new_record

    def delete_question(self) -> str:
        return self.tr("确定删除选中的裁员备案吗？")
