"""Tab 企业名录: the enterprise register, searched and filtered in SQL as you type."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHeaderView, QMenu, QMessageBox

from app.services.core import audit, reference
from app.services.core.keyset import Seek
from app.services.core.messages import Label
from app.services.ledger import ledger
from app.services.register import enterprises
from app.services.register.enterprise_fields import ENTERPRISE, ENTERPRISE_FIELDS
from app.services.register.enterprises import SIZE_BANDS, EnterpriseFilter
from app.services.risk import risk_grading
from app.services.risk.risk_rules import LEVEL_LABELS, LEVEL_LABELS_EN
from app.views.common import print_menu
from app.views.common.history_dialog import HistoryDialog
from app.views.common.list_tab import ListTab
from app.views.common.messages import warn_if_refused
from app.views.common.record_dialog import RecordDialog
from app.views.common.widgets import CountyFilter


class EnterpriseTab(ListTab):
    import_requested = Signal()
    show_checks_requested = Signal(str, str)  # enterprise id, name
    ledger_requested = Signal(str, str)
    new_check_requested = Signal(str)
    blank_forms_requested = Signal(list, str)  # enterprise ids, "preview" / ".pdf" / ".docx"

    # Its fields and, computed per page (cells), rectification progress and risk.
    SPEC = ENTERPRISE
    SERVICE = enterprises
    FILTER = EnterpriseFilter
    NAME = "enterprise"
    SEARCH_DELAY_MS = 120
    SEARCH_STRETCH = 3
    SORT_COLUMN = 0
    ENTERPRISE_CHIP = False

    def search_hint(self) -> str:
        return self.tr("搜索：企业名称、信用代码开头或拼音首字母（如 pdsmk）")

    def build(self) -> None:
        self.filter = EnterpriseFilter(new_months=self.new_months)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.count_label.setObjectName("count_label")
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        english = self.english
        self.county = self.choice("county_filter", (), CountyFilter(english))
        self.industry = self.choice(
            "industry_filter",
            [(self.tr("全部行业"), "")]
            + [(i.name_en if english else i.name, i.name) for i in reference.industries()],
        )
        self.size = self.choice(
            "size_filter",
            [(self.tr("全部规模"), "")]
            + [(b[1] if english else b[0], key) for key, b in SIZE_BANDS.items()],
        )
        self.platform = self.choice(
            "platform_filter",
            [
                (self.tr("平台企业：全部"), None),
                (self.tr("仅平台企业"), True),
                (self.tr("非平台企业"), False),
            ],
        )
        levels = LEVEL_LABELS_EN if english else LEVEL_LABELS
        self.risk = self.choice(
            "risk_filter",
            [(self.tr("风险：全部"), "")]
            + [(self.tr("风险：") + levels[key], key) for key in ("high", "medium", "low")]
            + [(self.tr("风险等级上升"), "rose")],
        )
        self.filters.addWidget(self.add_origin())
        self.newly = self.tick(
            "new_filter", self.tr("新办企业（成立不满 %n 个月）", "", self.new_months)
        )
        self.add_button = self.button(self.tr("新增企业"), "add", self.add_enterprise)
        self.edit_button = self.button(self.tr("编辑"), "edit", self.edit_selected)
        self.delete_button = self.button(self.tr("删除"), "delete", self.delete_selected)
        self.history_button = self.button(self.tr("修改记录"), "history", self.show_history)
        self.import_button = self.button(self.tr("导入名录…"), "import", self.import_requested.emit)
        self.checks_button = self.button(self.tr("体检记录"), "checks", self.show_checks)
        self.new_check_button = self.button(self.tr("新建体检"), "new_check", self.new_check)
        self.ledger_button = self.button(self.tr("整改台账"), "ledger", self.show_ledger)
        self.risk_button = self.button(self.tr("风险隐患"), "risks", self.show_risks)
        blank_menu = QMenu(self)
        # No Word: the form is read back from scans by its recorded layout (README).
        print_menu.add_ways(self, blank_menu, "blank", self.blank_forms, print_menu.WITHOUT_WORD)
        self.blank_button = print_menu.menu_button(
            self.tr("打印空白体检表 ▾"), "blank_forms", blank_menu
        )
        self.buttons.addWidget(self.blank_button)

    # -- data ----------------------------------------------------------------
    def read_page(self, flt: Any, offset: Seek, limit: int, sort: str, descending: bool) -> Any:
        return enterprises.page(
            self.db, flt, sort_field=sort, descending=descending, offset=offset, limit=limit
        )

    def cells(self, rows: Any) -> list[tuple[Any, ...]]:
        # "3 / 5 已销号" for the rows on this page only: one grouped query.
        ids = [r[0] for r in rows]
        done = ledger.progress(self.db, ids)
        levels = risk_grading.current_levels(self.db, ids)
        out = []
        for r in rows:
            level, rose = levels.get(r[0], ("", False))
            mark = " ▲" if rose else ""
            # Both languages: the table shows the window's, an export Chinese.
            risk = Label(LEVEL_LABELS[level] + mark, LEVEL_LABELS_EN[level] + mark) if level else ""
            out.append((*r, ledger.progress_text(*done[r[0]]) if r[0] in done else "", risk))
        return out

    def make_filter(self) -> EnterpriseFilter:
        return self.filter_of(
            county_code=self.county.currentData() or "",
            industry=self.industry.currentData() or "",
            size_band=self.size.currentData() or "",
            platform=self.platform.currentData(),
            newly_registered=self.newly.isChecked(),
            risk_level=self.risk.currentData() if self.risk.currentData() != "rose" else "",
            risk_rose=self.risk.currentData() == "rose",
            new_months=self.new_months,
        )

    def count_text(self, count: int) -> str:
        return self.tr("共 %n 家", "", count)

    # -- actions -------------------------------------------------------------
    def _dialog(self, title: str, save: Any, values: dict[str, Any] | None = None) -> RecordDialog:
        return RecordDialog(
            ENTERPRISE_FIELDS,
            save,
            title=title,
            values=values,
            english=self.english,
            check=enterprises.problems_of,
            parent=self,
        )

    def add_enterprise(self) -> RecordDialog:
        dialog = self._dialog(
            self.tr("新增企业"), lambda values: enterprises.create(self.db, values)
        )
        dialog.accepted.connect(lambda: self.after_save(dialog.result_value))
        dialog.open()
        return dialog

    def edit_selected(self) -> RecordDialog | None:
        ids = self.selected_ids()
        if not ids:
            QMessageBox.information(
                self, self.tr("编辑企业"), self.tr("请先在列表中选中一家企业。")
            )
            return None
        values = enterprises.get(self.db, ids[0])
        if values is None:
            self.refresh()
            return None
        dialog = self._dialog(
            self.tr("编辑企业：%1").replace("%1", values["name"]),
            lambda new: enterprises.update(self.db, ids[0], new, loaded=dialog.loaded),
            values,
        )
        dialog.reload = lambda: enterprises.get(self.db, ids[0])  # for the merge view
        dialog.accepted.connect(lambda: self.after_save(ids[0]))
        dialog.open()
        return dialog

    open_selected = edit_selected  # a double click edits

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            QMessageBox.information(
                self, self.tr("删除企业"), self.tr("请先在列表中选中要删除的企业。")
            )
            return
        answer = QMessageBox.question(
            self,
            self.tr("删除企业"),
            self.tr(
                "确定删除选中的 %n 家企业吗？删除会记入操作日志，并随同步包报送。", "", len(ids)
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        delete = lambda: enterprises.delete(self.db, ids, seen_seq=self.seen_seq)  # noqa: E731
        warn_if_refused(self, self.tr("删除企业"), delete)  # a colleague's change came first
        self.after_change()

    def _one_selected(self, title: str) -> tuple[str, str] | None:
        ids = self.selected_ids()
        if not ids:
            QMessageBox.information(self, title, self.tr("请先在列表中选中一家企业。"))
            return None
        values = enterprises.get(self.db, ids[0]) or {}
        return ids[0], values.get("name", "")

    def _show_one(self, title: str, requested: Any) -> None:
        """The selected enterprise (id, name) sent to the tab that lists its records."""
        chosen = self._one_selected(title)
        if chosen:
            requested.emit(*chosen)

    def show_checks(self) -> None:
        self._show_one(self.tr("体检记录"), self.show_checks_requested)

    def show_ledger(self) -> None:
        self._show_one(self.tr("整改台账"), self.ledger_requested)

    def show_risks(self) -> None:
        self._show_one(self.tr("风险隐患"), self.risk_requested)

    def new_check(self) -> None:
        chosen = self._one_selected(self.tr("新建体检"))
        if chosen:
            self.new_check_requested.emit(chosen[0])

    def blank_forms(self, how: str) -> None:
        ids = self.selected_ids()
        if not ids:
            QMessageBox.information(
                self,
                self.tr("打印空白体检表"),
                self.tr("请先在列表中选中企业（可按住 Ctrl 或 Shift 多选）。"),
            )
            return
        self.blank_forms_requested.emit(ids, how)

    def show_history(self) -> HistoryDialog | None:
        chosen = self._one_selected(self.tr("修改记录"))
        if chosen is None:
            return None
        enterprise_id, name = chosen
        dialog = HistoryDialog(
            name,
            audit.history(self.db, enterprises.RECORD_TYPE, enterprise_id),
            ENTERPRISE_FIELDS,
            english=self.english,
            parent=self,
        )
        dialog.open()
        return dialog

    def saved_what(self) -> str:
        return self.tr("企业")
