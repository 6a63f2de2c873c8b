"""Tab 法治体检: the list of checks, with filters, and everything done with a check."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QMenu, QMessageBox

from app.services.checks import health_checks
from app.services.checks.check_spec import HEALTH_CHECK
from app.services.checks.health_checks import CheckFilter
from app.services.core.keyset import Seek
from app.services.ledger import ledger
from app.views.checks.blank_forms import print_blank_forms
from app.views.checks.check_dialog import CheckDialog
from app.views.common import print_menu
from app.views.common.list_tab import ListTab
from app.views.common.widgets import CountyFilter, named
from app.views.printing import actions, output

# The check list's columns come from the health check's record spec.
LIST_COLUMNS = HEALTH_CHECK.table_columns


class HealthCheckTab(ListTab):
    SPEC = HEALTH_CHECK
    SERVICE = health_checks
    DIALOG = CheckDialog
    FILTER = CheckFilter
    NAME = "check"
    SORT_FIELD = "check_date"
    SORT_DESCENDING = True

    def search_hint(self) -> str:
        return self.tr("按企业名称、信用代码或拼音首字母查找")

    def build(self) -> None:
        self.enterprise_chip.setObjectName("enterprise_chip")
        self.county = self.choice("check_county", (), CountyFilter(self.english))
        # The overview and the report count final checks only (campaign_stats.check_filter).
        self.status = self.choice(
            "check_status",
            [(self.tr("全部状态"), ""), (self.tr("已定稿"), "final"), (self.tr("草稿"), "draft")],
        )
        # A campaign sets the date range to its period: the checks that belong to it.
        self.campaign = named(QComboBox(), "check_campaign")
        self.reload_campaigns()
        self.campaign.activated.connect(lambda _i: self.choose_campaign())
        self.filters.addWidget(self.campaign)
        self.use_dates = self.tick("use_dates", self.tr("日期"))
        today = date.today()
        self.date_from, self.date_to = self.date_range(
            date(today.year, 1, 1), today, names=("date_from", "date_to")
        )
        self.open_only = self.tick("open_only", self.tr("仅有未销号问题的"))
        self.record_buttons("check", self.tr("新建体检…"), self.tr("删除草稿"))
        self.print_menu_button(
            [("check-report", self.tr("体检报告")), ("rectification-notice", self.tr("整改建议书"))]
        )

    def more_print(self, menu: QMenu) -> None:
        sub = menu.addMenu(self.tr("空白现场记录表（选中体检的企业）"))
        print_menu.add_ways(
            self, sub, "print_blank", self.print_blank_for_selected, print_menu.WITHOUT_WORD
        )

    # -- list ------------------------------------------------------------------------------
    def read_page(self, flt: Any, offset: Seek, limit: int, sort: str, descending: bool) -> Any:
        return health_checks.page(self.db, flt, offset=offset, limit=limit, descending=descending)

    def cells(self, rows: Any) -> list[tuple[Any, ...]]:
        """The check's columns and its findings' rectification progress (3 / 5 已销号)."""
        done = ledger.progress(self.db, list({r[9] for r in rows}))
        return [(*r[:9], ledger.progress_text(*done[r[9]]) if r[9] in done else "") for r in rows]

    def make_filter(self) -> CheckFilter:
        qf, qt = self.date_from.date(), self.date_to.date()
        dates = self.use_dates.isChecked()
        return self.filter_of(
            county_code=self.county.currentData() or "",
            status=self.status.currentData() or "",
            date_from=date(qf.year(), qf.month(), qf.day()) if dates else None,
            date_to=date(qt.year(), qt.month(), qt.day()) if dates else None,
            open_findings=self.open_only.isChecked(),
        )

    def count_text(self, count: int) -> str:
        return self.tr("共 %n 次体检", "", count)

    def refresh(self) -> None:
        self.reload_campaigns()
        self.apply_filter()

    def reload_campaigns(self) -> None:
        from app.services.campaign import campaigns

        chosen = self.campaign.currentData()
        self.campaign.blockSignals(True)
        self.campaign.clear()
        self.campaign.addItem(self.tr("按专项行动…"), None)
        for c in campaigns.all_campaigns(self.db):
            self.campaign.addItem(c.label, (c.starts_on, c.ends_on))
        self.campaign.setCurrentIndex(max(self.campaign.findData(chosen), 0))
        self.campaign.blockSignals(False)

    def choose_campaign(self) -> None:
        period = self.campaign.currentData()
        if not period:
            return
        start, end = period
        for edit, day in ((self.date_from, start), (self.date_to, end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        if self.use_dates.isChecked():
            self.apply_filter()
        else:
            self.use_dates.setChecked(True)

    # -- actions -----------------------------------------------------------------------------
    def pick_first(self) -> tuple[str, str]:
        return self.tr("打开体检"), self.tr("请先在列表中选中一次体检。")

    def saved_what(self) -> str:
        return self.tr("体检记录")

    def new_record(self, enterprise_id: str | None = None) -> CheckDialog:
        return self.keep(  # type: ignore[return-value]
            CheckDialog(self.db, enterprise_id=enterprise_id, english=self.english, parent=self)
        )

    new_check = new_record

    def delete_selected(self) -> None:
        self.delete_selected_with(
            health_checks.delete,
            self.tr("确定删除选中的体检草稿及其整改事项吗？"),
            self.tr("删除草稿"),
        )

    # -- printing -------------------------------------------------------------------------------
    def print_selected(self, kind: str, how: str) -> None:
        ids = self.selected_ids()
        if not ids:
            QMessageBox.information(
                self, self.tr("打印"), self.tr("请先在列表中选中要打印的体检。")
            )
            return
        title = output.form_title(kind)
        if how == "preview":
            db = self.db
            actions.preview_built(
                self, self.tasks, title, lambda: output.documents_built(db, kind, ids)
            )
            return
        suggested = f"{output.FORM_KINDS[kind]}-{date.today():%Y%m%d}"
        out = actions.ask_path(self, self.tr("保存%1").replace("%1", title), suggested, how)
        if out is None:
            return
        db, odd = self.db, actions.odd_pages()
        self.tasks.start(
            self,
            self.tr("正在生成%1").replace("%1", title),
            lambda: output.documents_work(db, kind, ids, out, odd_pages=odd),
            lambda path: self.exported.emit(str(path)),
        )

    def print_blank_for_selected(self, how: str) -> None:
        ids = self.selected_ids()
        if not ids:
            QMessageBox.information(self, self.tr("打印"), self.tr("请先在列表中选中体检。"))
            return
        enterprise_ids = list(
            dict.fromkeys(health_checks.get(self.db, cid).input.enterprise_id or "" for cid in ids)
        )
        print_blank_forms(self, self.db, self.tasks, enterprise_ids, how, self.exported)
