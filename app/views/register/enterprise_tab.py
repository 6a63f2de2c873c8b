"""Tab 企业名录: the enterprise register, searched and filtered in SQL as you type."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services.core import audit, edit_lock, reference
from app.services.core.fields import FieldSpec
from app.services.core.keyset import Seek, carried
from app.services.core.storage import Database
from app.services.ledger import ledger
from app.services.register import enterprises
from app.services.register.enterprise_fields import ENTERPRISE_FIELDS
from app.services.register.enterprises import SIZE_BANDS, EnterpriseFilter
from app.services.risk import risk_grading
from app.services.risk.risk_rules import LEVEL_LABELS, LEVEL_LABELS_EN
from app.views.common import after_save
from app.views.common.history_dialog import HistoryDialog
from app.views.common.messages import warn_if_refused
from app.views.common.paged_model import PagedTableModel
from app.views.common.record_dialog import RecordDialog
from app.views.common.widgets import CountyFilter, OriginFilter, PresetFilter
from app.views.printing import actions as print_actions

SEARCH_DELAY_MS = 120
# The register shows each enterprise's fields and, computed, its rectification progress.
REGISTER_COLUMNS = (
    *ENTERPRISE_FIELDS,
    FieldSpec("rectification", "整改进度", "Rectification", width=110, sortable=False),
    FieldSpec("risk", "风险等级", "Risk", width=80, sortable=False),
)


class EnterpriseTab(PresetFilter, QWidget):
    seen_seq: int | None = None  # the change counter when the list was last read
    changed = Signal()  # records were added, edited or deleted
    import_requested = Signal()
    show_checks_requested = Signal(str, str)  # enterprise id, name
    ledger_requested = Signal(str, str)
    risk_requested = Signal(str, str)
    new_check_requested = Signal(str)
    blank_forms_requested = Signal(list, str)  # enterprise ids, "preview" / ".pdf" / ".docx"

    def __init__(
        self,
        db: Database,
        *,
        english: bool = False,
        new_months: int = 12,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.english = english
        self.new_months = new_months
        self.filter = EnterpriseFilter(new_months=new_months)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(
            self.tr("搜索：企业名称、信用代码开头或拼音首字母（如 pdsmk）")
        )
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._search_timer.start)

        self.county = CountyFilter(english)
        self.county.setObjectName("county_filter")
        self.industry = QComboBox()
        self.industry.setObjectName("industry_filter")
        self.industry.addItem(self.tr("全部行业"), "")
        for ind in reference.industries():
            self.industry.addItem(ind.name_en if english else ind.name, ind.name)
        self.size = QComboBox()
        self.size.setObjectName("size_filter")
        self.size.addItem(self.tr("全部规模"), "")
        for key, (label, label_en, _, _) in SIZE_BANDS.items():
            self.size.addItem(label_en if english else label, key)
        self.platform = QComboBox()
        self.platform.setObjectName("platform_filter")
        self.platform.addItem(self.tr("平台企业：全部"), None)
        self.platform.addItem(self.tr("仅平台企业"), True)
        self.platform.addItem(self.tr("非平台企业"), False)
        self.newly = QCheckBox(self.tr("新办企业（成立不满 %n 个月）", "", new_months))
        self.newly.setObjectName("new_filter")
        self.risk = QComboBox()
        self.risk.setObjectName("risk_filter")
        self.risk.addItem(self.tr("风险：全部"), "")
        for key in ("high", "medium", "low"):
            self.risk.addItem(
                self.tr("风险：") + (LEVEL_LABELS_EN if english else LEVEL_LABELS)[key], key
            )
        self.risk.addItem(self.tr("风险等级上升"), "rose")
        self.origin = OriginFilter(db)
        for combo in (self.county, self.industry, self.size, self.platform, self.risk, self.origin):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.newly.toggled.connect(self.apply_filter)

        self.add_button = QPushButton(self.tr("新增企业"))
        self.add_button.setObjectName("add")
        self.edit_button = QPushButton(self.tr("编辑"))
        self.edit_button.setObjectName("edit")
        self.delete_button = QPushButton(self.tr("删除"))
        self.delete_button.setObjectName("delete")
        self.history_button = QPushButton(self.tr("修改记录"))
        self.history_button.setObjectName("history")
        self.history_button.clicked.connect(self.show_history)
        self.checks_button = QPushButton(self.tr("体检记录"))
        self.checks_button.setObjectName("checks")
        self.checks_button.clicked.connect(self.show_checks)
        self.ledger_button = QPushButton(self.tr("整改台账"))
        self.ledger_button.setObjectName("ledger")
        self.ledger_button.clicked.connect(self.show_ledger)
        self.risk_button = QPushButton(self.tr("风险隐患"))
        self.risk_button.setObjectName("risks")
        self.risk_button.clicked.connect(self.show_risks)
        self.new_check_button = QPushButton(self.tr("新建体检"))
        self.new_check_button.setObjectName("new_check")
        self.new_check_button.clicked.connect(self.new_check)
        self.blank_button = QToolButton()
        self.blank_button.setObjectName("blank_forms")
        self.blank_button.setText(self.tr("打印空白体检表 ▾"))
        self.blank_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        blank_menu = QMenu(self)
        for how, text in (
            ("preview", self.tr("打印预览…")),
            (".pdf", self.tr("另存为 PDF…")),
        ):
            action = QAction(text, self)
            action.setObjectName(f"blank_{how.strip('.')}")
            action.triggered.connect(lambda _c=False, h=how: self.blank_forms(h))
            blank_menu.addAction(action)
        # No Word: the form is read back from scans by its recorded layout (README).
        print_actions.add_duplex_option(blank_menu)
        self.blank_button.setMenu(blank_menu)
        self.import_button = QPushButton(self.tr("导入名录…"))
        self.import_button.setObjectName("import")
        self.add_button.clicked.connect(self.add_enterprise)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button.clicked.connect(self.import_requested)

        self.model = PagedTableModel(REGISTER_COLUMNS, self._count, self._fetch, english=english)
        self.table = QTableView()
        self.table.setObjectName("enterprise_table")
        self.table.setModel(self.model)
        # The indicator first: enabling sorting re-applies it, and the model runs no
        # query for the order it already has (two fewer counts of 100,000 rows).
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        for column, spec in enumerate(REGISTER_COLUMNS):
            self.table.setColumnWidth(column, spec.width)

        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        for widget in (
            self.county,
            self.industry,
            self.size,
            self.platform,
            self.risk,
            self.origin,
            self.newly,
        ):
            filters.addWidget(widget)
        actions = QHBoxLayout()
        for widget in (
            self.add_button,
            self.edit_button,
            self.delete_button,
            self.history_button,
            self.import_button,
            self.checks_button,
            self.new_check_button,
            self.ledger_button,
            self.risk_button,
            self.blank_button,
        ):
            actions.addWidget(widget)
        actions.addStretch(1)
        actions.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        self.install_preset()
        layout.addWidget(self.table)
        self.apply_filter()

    # -- data ----------------------------------------------------------------
    def _count(self) -> int:
        return enterprises.count(self.db, self.filter)

    def _fetch(
        self, offset: Seek, limit: int, sort_field: str, descending: bool
    ) -> list[tuple[Any, ...]]:
        rows = enterprises.page(
            self.db,
            self.filter,
            sort_field=sort_field,
            descending=descending,
            offset=offset,
            limit=limit,
        )
        # "3 / 5 已销号" for the rows on this page only: one grouped query.
        ids = [r[0] for r in rows]
        done = ledger.progress(self.db, ids)
        levels = risk_grading.current_levels(self.db, ids)
        labels = LEVEL_LABELS_EN if self.english else LEVEL_LABELS
        out = []
        for r in rows:
            level, rose = levels.get(r[0], ("", False))
            risk = (labels[level] + (" ▲" if rose else "")) if level else ""
            out.append((*r, ledger.progress_text(*done[r[0]]) if r[0] in done else "", risk))
        return carried(rows, out)

    def apply_filter(self) -> None:
        self._search_timer.stop()
        self.filter = EnterpriseFilter(
            text=self.search.text(),
            county_code=self.county.currentData() or "",
            industry=self.industry.currentData() or "",
            size_band=self.size.currentData() or "",
            platform=self.platform.currentData(),
            newly_registered=self.newly.isChecked(),
            risk_level=self.risk.currentData() if self.risk.currentData() != "rose" else "",
            risk_rose=self.risk.currentData() == "rose",
            origin_office=self.origin.value(),
            new_months=self.new_months,
        )
        self.filter = self.with_preset(self.filter)
        self.seen_seq = edit_lock.current_seq(self.db)  # what a delete is checked against
        self.model.reload()
        self.count_label.setText(self.tr("共 %n 家", "", self.model.rowCount()))

    def refresh(self) -> None:
        self.apply_filter()

    def selected_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [rid for rid in (self.model.row_id(r) for r in rows) if rid]

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
        dialog.accepted.connect(lambda: self._saved(dialog.result_value))
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
        dialog.accepted.connect(lambda: self._saved(ids[0]))
        dialog.open()
        return dialog

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
        self._after_change()

    def _one_selected(self, title: str) -> tuple[str, str] | None:
        ids = self.selected_ids()
        if not ids:
            QMessageBox.information(self, title, self.tr("请先在列表中选中一家企业。"))
            return None
        values = enterprises.get(self.db, ids[0]) or {}
        return ids[0], values.get("name", "")

    def show_checks(self) -> None:
        chosen = self._one_selected(self.tr("体检记录"))
        if chosen:
            self.show_checks_requested.emit(*chosen)

    def show_ledger(self) -> None:
        chosen = self._one_selected(self.tr("整改台账"))
        if chosen:
            self.ledger_requested.emit(*chosen)

    def show_risks(self) -> None:
        chosen = self._one_selected(self.tr("风险隐患"))
        if chosen:
            self.risk_requested.emit(*chosen)

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
        ids = self.selected_ids()
        if not ids:
            QMessageBox.information(
                self, self.tr("修改记录"), self.tr("请先在列表中选中一家企业。")
            )
            return None
        values = enterprises.get(self.db, ids[0])
        name = values["name"] if values else ""
        dialog = HistoryDialog(
            name,
            audit.history(self.db, enterprises.RECORD_TYPE, ids[0]),
            ENTERPRISE_FIELDS,
            english=self.english,
            parent=self,
        )
        dialog.open()
        return dialog

    def _after_change(self) -> None:
        self.refresh()
        self.changed.emit()

    def _saved(self, enterprise_id: str) -> None:
        """The register follows; the saved enterprise selected, scrolled to, and named
        on the status bar (app/views/common/after_save.py)."""
        self._after_change()
        found = after_save.select_record(self.table, enterprise_id)
        after_save.announce(self, after_save.saved_message(self.tr("企业"), found))
