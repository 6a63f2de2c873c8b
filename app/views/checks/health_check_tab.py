"""Tab 法治体检: the list of checks, with filters, and everything done with a check."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
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

from app.services.checks import health_checks
from app.services.checks.check_spec import HEALTH_CHECK
from app.services.checks.health_checks import CheckFilter
from app.services.core import edit_lock
from app.services.core.fields import ValidationError
from app.services.core.keyset import Seek, carried
from app.services.core.storage import Database
from app.services.ledger import ledger
from app.tasks import TaskRunner
from app.views.checks.blank_forms import print_blank_forms
from app.views.checks.check_dialog import CheckDialog
from app.views.common import after_save
from app.views.common.messages import tr_lines
from app.views.common.paged_model import PagedTableModel
from app.views.common.widgets import CountyFilter, OriginFilter, PresetFilter
from app.views.printing import actions, output

# The check list's columns come from the health check's record spec.
LIST_COLUMNS = HEALTH_CHECK.table_columns


class HealthCheckTab(PresetFilter, QWidget):
    seen_seq: int | None = None  # the change counter when the list was last read
    changed = Signal()
    exported = Signal(str)  # path of a file just written

    def __init__(
        self,
        db: Database,
        tasks: TaskRunner,
        *,
        english: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.tasks = tasks
        self.english = english
        self.enterprise_filter: tuple[str, str] | None = None  # (id, name)
        self.filter = CheckFilter()
        self.open_dialogs: list[CheckDialog] = []

        self.search = QLineEdit()
        self.search.setObjectName("check_search")
        self.search.setPlaceholderText(self.tr("按企业名称、信用代码或拼音首字母查找"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._timer.start)
        self.county = CountyFilter(english)
        self.county.setObjectName("check_county")
        self.use_dates = QCheckBox(self.tr("日期"))
        self.use_dates.setObjectName("use_dates")
        self.date_from = QDateEdit()
        self.date_from.setObjectName("date_from")
        self.date_to = QDateEdit()
        self.date_to.setObjectName("date_to")
        today = date.today()
        self.date_from.setDate(QDate(today.year, 1, 1))
        self.date_to.setDate(QDate(today.year, today.month, today.day))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self.apply_filter)
        # A campaign sets the date range to its period: the checks that belong to it.
        self.campaign = QComboBox()
        self.campaign.setObjectName("check_campaign")
        self.reload_campaigns()
        self.campaign.activated.connect(lambda _i: self.choose_campaign())
        self.open_only = QCheckBox(self.tr("仅有未销号问题的"))
        self.open_only.setObjectName("open_only")
        self.enterprise_chip = QPushButton()
        self.enterprise_chip.setObjectName("enterprise_chip")
        self.enterprise_chip.setVisible(False)
        self.enterprise_chip.clicked.connect(lambda: self.show_enterprise(None))
        self.county.currentIndexChanged.connect(self.apply_filter)
        self.origin = OriginFilter(db)
        self.origin.currentIndexChanged.connect(self.apply_filter)
        self.use_dates.toggled.connect(self.apply_filter)
        self.open_only.toggled.connect(self.apply_filter)

        self.new_button = QPushButton(self.tr("新建体检…"))
        self.new_button.setObjectName("new_check")
        self.open_button = QPushButton(self.tr("打开"))
        self.open_button.setObjectName("open_check")
        self.delete_button = QPushButton(self.tr("删除草稿"))
        self.delete_button.setObjectName("delete_check")
        self.print_button = QToolButton()
        self.print_button.setObjectName("print_menu")
        self.print_button.setText(self.tr("打印 ▾"))
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.print_button.setMenu(self._print_menu())
        self.new_button.clicked.connect(lambda: self.new_check())
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.delete_selected)

        self.model = PagedTableModel(LIST_COLUMNS, self._count, self._fetch, english=english)
        self.model.sort_field = "check_date"
        self.model.descending = True
        self.table = QTableView()
        self.table.setObjectName("check_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        for column, spec in enumerate(LIST_COLUMNS):
            self.table.setColumnWidth(column, spec.width)
        self.count_label = QLabel()
        self.count_label.setObjectName("check_count")

        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.county)
        filters.addWidget(self.campaign)
        filters.addWidget(self.use_dates)
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel("—"))
        filters.addWidget(self.date_to)
        filters.addWidget(self.open_only)
        filters.addWidget(self.origin)
        filters.addWidget(self.enterprise_chip)
        buttons = QHBoxLayout()
        for widget in (self.new_button, self.open_button, self.delete_button, self.print_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(buttons)
        self.install_preset()
        layout.addWidget(self.table)
        self.apply_filter()

    # -- list ------------------------------------------------------------------------------
    def _count(self) -> int:
        return health_checks.count(self.db, self.filter)

    def _fetch(
        self, offset: Seek, limit: int, _sort: str, descending: bool
    ) -> list[tuple[Any, ...]]:
        rows = health_checks.page(
            self.db, self.filter, offset=offset, limit=limit, descending=descending
        )
        done = ledger.progress(self.db, list({r[9] for r in rows}))
        return carried(
            rows,
            [(*r[:9], ledger.progress_text(*done[r[9]]) if r[9] in done else "") for r in rows],
        )

    def apply_filter(self) -> None:
        self._timer.stop()
        qf, qt = self.date_from.date(), self.date_to.date()
        dates = self.use_dates.isChecked()
        self.filter = CheckFilter(
            county_code=self.county.currentData() or "",
            date_from=date(qf.year(), qf.month(), qf.day()) if dates else None,
            date_to=date(qt.year(), qt.month(), qt.day()) if dates else None,
            open_findings=self.open_only.isChecked(),
            enterprise_id=self.enterprise_filter[0] if self.enterprise_filter else "",
            text=self.search.text(),
            origin_office=self.origin.value(),
        )
        self.filter = self.with_preset(self.filter)
        # What a delete from this list is checked against (app/services/core/edit_lock.py).
        self.seen_seq = edit_lock.current_seq(self.db)
        self.model.reload()
        self.count_label.setText(self.tr("共 %n 次体检", "", self.model.rowCount()))

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
        self.date_from.blockSignals(True)
        self.date_from.setDate(QDate(start.year, start.month, start.day))
        self.date_from.blockSignals(False)
        self.date_to.blockSignals(True)
        self.date_to.setDate(QDate(end.year, end.month, end.day))
        self.date_to.blockSignals(False)
        if self.use_dates.isChecked():
            self.apply_filter()
        else:
            self.use_dates.setChecked(True)

    def show_enterprise(self, enterprise: tuple[str, str] | None) -> None:
        """Show only one enterprise's checks (from the register), or all again."""
        self.enterprise_filter = enterprise
        self.enterprise_chip.setVisible(enterprise is not None)
        if enterprise:
            self.enterprise_chip.setText(self.tr("企业：%1　×").replace("%1", enterprise[1]))
        self.apply_filter()

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [rid for rid in (self.model.row_id(r) for r in rows) if rid]

    # -- actions -----------------------------------------------------------------------------
    def new_check(self, enterprise_id: str | None = None) -> CheckDialog:
        return self._open_dialog(
            CheckDialog(self.db, enterprise_id=enterprise_id, english=self.english, parent=self)
        )

    def open_check(self, check_id: str) -> CheckDialog:
        return self._open_dialog(
            CheckDialog(self.db, check_id=check_id, english=self.english, parent=self)
        )

    def _open_dialog(self, dialog: CheckDialog) -> CheckDialog:
        dialog.saved.connect(self._saved)
        dialog.finished.connect(
            lambda _r: self.open_dialogs.remove(dialog) if dialog in self.open_dialogs else None
        )
        self.open_dialogs.append(dialog)
        dialog.open()
        return dialog

    def _saved(self, check_id: str) -> None:
        """The list follows, the check selected and named on the status bar."""
        self._after_change()
        found = after_save.select_record(self.table, check_id)
        after_save.announce(self, after_save.saved_message(self.tr("体检记录"), found))

    def open_selected(self) -> CheckDialog | None:
        ids = self.selected_ids()
        if not ids:
            QMessageBox.information(
                self, self.tr("打开体检"), self.tr("请先在列表中选中一次体检。")
            )
            return None
        return self.open_check(ids[0])

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        if (
            QMessageBox.question(
                self, self.tr("删除草稿"), self.tr("确定删除选中的体检草稿及其整改事项吗？")
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        try:
            for check_id in ids:
                health_checks.delete(self.db, check_id, seen_seq=self.seen_seq)
        except ValidationError as exc:
            QMessageBox.warning(self, self.tr("删除草稿"), tr_lines(exc.errors.values()))
        self._after_change()

    def _after_change(self) -> None:
        self.apply_filter()
        self.changed.emit()

    # -- printing -------------------------------------------------------------------------------
    def _print_menu(self) -> QMenu:
        menu = QMenu(self)
        for kind, label in (
            ("check-report", self.tr("体检报告")),
            ("rectification-notice", self.tr("整改建议书")),
        ):
            sub = menu.addMenu(label)
            for how, text in (
                ("preview", self.tr("打印预览…")),
                (".pdf", self.tr("另存为 PDF…")),
                (".docx", self.tr("另存为 Word…")),
            ):
                action = QAction(text, self)
                action.setObjectName(f"print_{kind}_{how.strip('.')}")
                action.triggered.connect(lambda _c=False, k=kind, h=how: self.print_checks(k, h))
                sub.addAction(action)
        sub = menu.addMenu(self.tr("空白现场记录表（选中体检的企业）"))
        for how, text in (
            ("preview", self.tr("打印预览…")),
            (".pdf", self.tr("另存为 PDF…")),
        ):
            action = QAction(text, self)
            action.setObjectName(f"print_blank_{how.strip('.')}")
            action.triggered.connect(lambda _c=False, h=how: self.print_blank_for_selected(h))
            sub.addAction(action)
        actions.add_duplex_option(menu)
        return menu

    def print_checks(self, kind: str, how: str) -> None:
        ids = self.selected_ids()
        if not ids:
            QMessageBox.information(
                self, self.tr("打印"), self.tr("请先在列表中选中要打印的体检。")
            )
            return
        title = output.form_title(kind)
        if how == "preview":
            documents = [output.build_document(self.db, kind, cid) for cid in ids]
            actions.preview(
                self, title, lambda printer: actions.paint_documents_on(printer, documents)
            )
            return
        suggested = f"{output.FORM_KINDS[kind]}-{date.today():%Y%m%d}"
        out = actions.ask_path(self, self.tr("保存%1").replace("%1", title), suggested, how)
        if out is None:
            return
        self.tasks.start(
            self,
            self.tr("正在生成%1").replace("%1", title),
            lambda: self._write_documents(kind, ids, out),
            lambda path: self.exported.emit(str(path)),
        )

    def _write_documents(self, kind: str, ids: list[str], out: Any) -> Any:
        from app.services.core.progress import Progress

        yield Progress(0, 1, self.tr("正在生成…"))
        return output.write_documents(self.db, kind, ids, out, odd_pages=actions.odd_pages())

    def print_blank_for_selected(self, how: str) -> None:
        ids = self.selected_ids()
        if not ids:
            QMessageBox.information(self, self.tr("打印"), self.tr("请先在列表中选中体检。"))
            return
        enterprise_ids = list(
            dict.fromkeys(health_checks.get(self.db, cid).input.enterprise_id or "" for cid in ids)
        )
        print_blank_forms(self, self.db, self.tasks, enterprise_ids, how, self.exported)
