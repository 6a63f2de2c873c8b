"""Tab 整改台账: every rectification item, filtered and sorted in SQL, with overdue in red."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.core import edit_lock, workdays
from app.services.core.keyset import Seek, carried
from app.services.core.storage import Database
from app.services.ledger import ledger, ledger_export
from app.services.ledger.ledger import LedgerFilter, LedgerRow
from app.services.ledger.ledger_spec import RECTIFICATION_ITEM, overdue_days
from app.services.ledger.rectification_status import STATUSES, label
from app.tasks import TaskRunner
from app.views.common import after_save
from app.views.common.messages import tr_message
from app.views.common.paged_model import PagedTableModel, spec_row
from app.views.common.widgets import CountyFilter, OriginFilter, PresetFilter
from app.views.ledger.manual_item_dialog import ManualItemDialog
from app.views.ledger.rectification_dialog import RectificationDialog

OVERDUE = QColor("#fde2e2")
DUE_SOON = QColor("#fff4d6")

# The ledger's columns, written once in its record spec (the list query and the
# .xlsx ledger read the same).
COLUMNS = RECTIFICATION_ITEM.table_columns


class LedgerTab(PresetFilter, QWidget):
    seen_seq: int | None = None  # the change counter when the list was last read
    changed = Signal()
    exported = Signal(str)

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
        self.today = date.today()
        self.filter = LedgerFilter()
        self.enterprise_filter: tuple[str, str] | None = None
        self.dialogs: list[RectificationDialog] = []

        self.search = QLineEdit()
        self.search.setObjectName("ledger_search")
        self.search.setPlaceholderText(self.tr("企业名称、信用代码、拼音首字母或整改事类"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._timer.start)
        self.county = CountyFilter(english)
        self.county.setObjectName("ledger_county")
        self.status = QComboBox()
        self.status.setObjectName("ledger_status")
        self.status.addItem(self.tr("全部状态"), "")
        self.status.addItem(self.tr("未销号"), "open")
        for key in STATUSES:
            self.status.addItem(label(key, english), key)
        self.overdue = QCheckBox(self.tr("逾期"))
        self.overdue.setObjectName("ledger_overdue")
        self.due_soon = QCheckBox(self.tr("即将到期"))
        self.due_soon.setObjectName("ledger_due_soon")
        self.due_days = QSpinBox()
        self.due_days.setObjectName("ledger_due_days")
        self.due_days.setRange(1, 60)
        self.due_days.setValue(int(db.get_setting("ledger.remind_workdays", "5")))
        self.due_days.setSuffix(self.tr(" 个工作日内"))
        self.person = QLineEdit()
        self.person.setObjectName("ledger_person")
        self.person.setPlaceholderText(self.tr("负责人"))
        self.person.setMaximumWidth(110)
        self.use_dates = QCheckBox(self.tr("整改时限"))
        self.use_dates.setObjectName("ledger_use_dates")
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for edit, day in (
            (self.date_from, date(self.today.year, 1, 1)),
            (self.date_to, date(self.today.year, 12, 31)),
        ):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.dateChanged.connect(self.apply_filter)
        self.enterprise_chip = QPushButton()
        self.enterprise_chip.setObjectName("ledger_enterprise_chip")
        self.enterprise_chip.setVisible(False)
        self.enterprise_chip.clicked.connect(lambda: self.show_enterprise(None))
        for combo in (self.county, self.status):
            combo.currentIndexChanged.connect(self.apply_filter)
        for box in (self.overdue, self.due_soon, self.use_dates):
            box.toggled.connect(self.apply_filter)
        self.due_days.valueChanged.connect(self.apply_filter)
        self.person.textChanged.connect(self._timer.start)
        self.origin = OriginFilter(db)
        self.origin.currentIndexChanged.connect(self.apply_filter)

        self.add_button = QPushButton(self.tr("登记整改事项…"))
        self.add_button.setObjectName("ledger_add")
        self.open_button = QPushButton(self.tr("办理…"))
        self.open_button.setObjectName("ledger_open")
        self.export_button = QPushButton(self.tr("导出 Excel…"))
        self.export_button.setObjectName("ledger_export")
        self.add_button.clicked.connect(self.add_item)
        self.open_button.clicked.connect(self.open_selected)
        self.export_button.clicked.connect(self.export_xlsx)
        self.warning = QLabel()
        self.warning.setObjectName("calendar_warning")
        self.warning.setStyleSheet("color: #8a5300;")
        self.warning.setWordWrap(True)

        self.model = PagedTableModel(
            COLUMNS, self._count, self._fetch, english=english, background=self._colour
        )
        self.model.sort_field = "deadline"
        self.table = QTableView()
        self.table.setObjectName("ledger_table")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(
            6, Qt.SortOrder.AscendingOrder
        )  # by deadline
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        for column, spec in enumerate(COLUMNS):
            self.table.setColumnWidth(column, spec.width)
        self.count_label = QLabel()
        self.count_label.setObjectName("ledger_count")

        row1 = QHBoxLayout()
        row1.addWidget(self.search, 2)
        row1.addWidget(self.county)
        row1.addWidget(self.status)
        row1.addWidget(self.overdue)
        row1.addWidget(self.due_soon)
        row1.addWidget(self.due_days)
        row2 = QHBoxLayout()
        row2.addWidget(self.person)
        row2.addWidget(self.use_dates)
        row2.addWidget(self.date_from)
        row2.addWidget(QLabel("—"))
        row2.addWidget(self.date_to)
        row2.addWidget(self.enterprise_chip)
        row2.addWidget(self.origin)
        row2.addStretch(1)
        for widget in (self.add_button, self.open_button, self.export_button, self.count_label):
            row2.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(row1)
        layout.addLayout(row2)
        self.install_preset()
        layout.addWidget(self.warning)
        layout.addWidget(self.table)
        self.apply_filter()

    # -- data ---------------------------------------------------------------------------------
    def _count(self) -> int:
        return ledger.count(self.db, self.filter)

    def _fetch(
        self, offset: Seek, limit: int, sort: str, descending: bool
    ) -> list[tuple[Any, ...]]:
        rows = ledger.page(
            self.db, self.filter, sort=sort, descending=descending, offset=offset, limit=limit
        )
        return carried(rows, [self._cells(r) for r in rows])

    def _cells(self, r: LedgerRow) -> tuple[Any, ...]:
        late = overdue_days(r, self.today)
        return spec_row(COLUMNS, r, self.today, late, r.status, r.deadline)

    def _colour(self, values: tuple[Any, ...]) -> QColor | None:
        late, status, deadline = values[-3], values[-2], values[-1]
        if late:
            return OVERDUE
        if status != "closed" and (deadline - self.today).days <= 3:
            return DUE_SOON
        return None

    def apply_filter(self) -> None:
        self._timer.stop()
        self.today = date.today()
        qf, qt = self.date_from.date(), self.date_to.date()
        dates = self.use_dates.isChecked()
        self.filter = LedgerFilter(
            county_code=self.county.currentData() or "",
            enterprise_id=self.enterprise_filter[0] if self.enterprise_filter else "",
            text=self.search.text(),
            status=self.status.currentData() or "",
            overdue=self.overdue.isChecked(),
            due_within_workdays=self.due_days.value() if self.due_soon.isChecked() else None,
            person=self.person.text(),
            deadline_from=date(qf.year(), qf.month(), qf.day()) if dates else None,
            deadline_to=date(qt.year(), qt.month(), qt.day()) if dates else None,
            today=self.today,
            origin_office=self.origin.value(),
        )
        self.filter = self.with_preset(self.filter)
        # What a delete from this list is checked against (app/services/core/edit_lock.py).
        self.seen_seq = edit_lock.current_seq(self.db)
        self.model.reload()
        self.count_label.setText(self.tr("共 %n 条", "", self.model.rowCount()))
        calendar = workdays.load(self.db)
        probe = [self.today, calendar.add_working_days(self.today, self.due_days.value())]
        self.warning.setText(tr_message(calendar.warning_for(probe)))
        self.warning.setVisible(bool(self.warning.text()))

    refresh = apply_filter

    def show_enterprise(self, enterprise: tuple[str, str] | None) -> None:
        self.enterprise_filter = enterprise
        self.enterprise_chip.setVisible(enterprise is not None)
        if enterprise:
            self.enterprise_chip.setText(self.tr("企业：%1　×").replace("%1", enterprise[1]))
        self.apply_filter()

    def show_reminders(self, overdue: bool) -> None:
        """From the reminder panel: all overdue, or all due soon."""
        self.status.setCurrentIndex(self.status.findData("open"))
        self.overdue.setChecked(overdue)
        self.due_soon.setChecked(not overdue)

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [rid for rid in (self.model.row_id(r) for r in rows) if rid]

    # -- actions --------------------------------------------------------------------------------
    def open_item(self, item_id: str) -> RectificationDialog:
        dialog = RectificationDialog(self.db, item_id, english=self.english, parent=self)
        dialog.changed.connect(self._saved)
        dialog.finished.connect(
            lambda _r: self.dialogs.remove(dialog) if dialog in self.dialogs else None
        )
        self.dialogs.append(dialog)
        dialog.open()
        return dialog

    def open_selected(self) -> RectificationDialog | None:
        ids = self.selected_ids()
        if not ids:
            QMessageBox.information(
                self, self.tr("办理"), self.tr("请先在台账中选中一条整改事项。")
            )
            return None
        return self.open_item(ids[0])

    def add_item(self, enterprise_id: str | None = None) -> ManualItemDialog:
        dialog = ManualItemDialog(
            self.db,
            enterprise_id or (self.enterprise_filter[0] if self.enterprise_filter else None),
            self,
        )
        dialog.accepted.connect(lambda: self._saved(dialog.item_id or ""))
        dialog.open()
        self._manual_dialog = dialog
        return dialog

    def _after_change(self) -> None:
        self.apply_filter()
        self.changed.emit()

    def _saved(self, item_id: str) -> None:
        """The ledger follows, the item selected and named on the status bar."""
        self._after_change()
        found = after_save.select_record(self.table, item_id)
        after_save.announce(self, after_save.saved_message(self.tr("整改事项"), found))

    def export_xlsx(self) -> None:
        from app.views.printing.actions import ask_path

        out = ask_path(self, self.tr("导出整改台账"), f"整改台账-{self.today:%Y%m%d}", ".xlsx")
        if out is None:
            return
        flt = self.filter
        self.tasks.start(
            self,
            self.tr("正在导出整改台账"),
            lambda: ledger_export.export(self.db, flt, out),
            lambda path: self.exported.emit(str(path)),
        )
