"""Tab 裁员备案: layoff filings and their checks."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QWidget

from app.services.core import reference
from app.services.core.fields import FieldSpec
from app.services.core.storage import Database
from app.services.layoffs import layoff_rules, layoffs
from app.services.layoffs.layoffs import FilingFilter
from app.tasks import TaskRunner
from app.views.common.list_tab import ListTab
from app.views.common.widgets import CountyFilter
from app.views.layoffs.layoff_dialog import LayoffDialog

COLUMNS = (
    FieldSpec("enterprise", "企业", "Enterprise", width=240),
    FieldSpec("county", "县区", "County", width=80),
    FieldSpec("ground", "情形", "Ground", width=60),
    FieldSpec("staff", "职工总数", "Staff", width=70),
    FieldSpec("laid_off", "拟裁减", "Laid off", width=60),
    FieldSpec("threshold", "第41条标准", "Art. 41", width=90),
    FieldSpec("notice", "提前说明", "Notice", width=110),
    FieldSpec("layoff_on", "裁员日期", "Layoff date", width=86),
    FieldSpec("reported_on", "报告日期", "Reported", width=86),
    FieldSpec("reemployed", "已再就业", "Re-employed", width=70),
    FieldSpec("status", "状态", "Status", width=70),
)


class LayoffsTab(ListTab):
    def __init__(
        self,
        db: Database,
        tasks: TaskRunner,
        *,
        english: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        self.filter = FilingFilter()
        super().__init__(db, tasks, COLUMNS, english=english, parent=parent)
        self.search.setObjectName("layoff_search")
        self.table.setObjectName("layoff_table")
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

    def _count(self) -> int:
        return layoffs.count(self.db, self.filter)

    def _fetch(
        self, offset: int, limit: int, _sort: str, _descending: bool
    ) -> list[tuple[Any, ...]]:
        out = []
        for r in layoffs.page(self.db, self.filter, offset=offset, limit=limit):
            met = layoff_rules.threshold_met(r["total_staff"], r["laid_off"]).ok
            notice = layoff_rules.notice_finding(r["explained_on"], r["layoff_on"])
            days = (
                layoff_rules.notice_days(r["explained_on"], r["layoff_on"])
                if r["explained_on"] and r["layoff_on"]
                else None
            )
            out.append(
                (
                    r["id"],
                    r["enterprise"],
                    reference.division_name(r["county_code"]),
                    f"第{'一二三四'[int(r['ground']) - 1]}项",
                    str(r["total_staff"]),
                    str(r["laid_off"]),
                    self.tr("达到") if met else self.tr("未达到"),
                    ("" if days is None else self.tr("%1 日").replace("%1", str(days)))
                    + ("" if notice.ok else " ✗"),
                    r["layoff_on"].isoformat() if r["layoff_on"] else "",
                    r["reported_on"].isoformat() if r["reported_on"] else "",
                    str(r["reemployed"]),
                    self.tr("办理中") if r["status"] == "open" else self.tr("已办结"),
                    notice.ok,
                )
            )
        return out

    def row_colour(self, values: tuple[Any, ...]) -> QColor | None:
        return None if values[-1] else QColor("#fff4d6")

    def new_filing(self, enterprise_id: str | None = None) -> QDialog:
        return self.keep(
            LayoffDialog(
                self.db,
                enterprise_id=enterprise_id or self.enterprise_id or None,
                english=self.english,
                parent=self,
            )
        )

    def open_record(self, record_id: str) -> QDialog:
        return self.keep(
            LayoffDialog(self.db, filing_id=record_id, english=self.english, parent=self)
        )

    def delete_selected(self) -> None:
        self.delete_selected_with(layoffs.delete, self.tr("确定删除选中的裁员备案吗？"))

    def show_risks(self) -> None:
        self.show_risks_with(layoffs.get)
