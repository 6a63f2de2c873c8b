"""Tab 整改台账: every rectification item, filtered and sorted in SQL, with overdue in red."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QLineEdit, QSpinBox

from app.services.core import workdays
from app.services.core.keyset import Seek
from app.services.ledger import ledger, ledger_export
from app.services.ledger.ledger import LedgerFilter, LedgerRow
from app.services.ledger.ledger_spec import RECTIFICATION_ITEM, overdue_days
from app.services.ledger.rectification_status import STATUSES, label
from app.views.common.list_tab import ListTab
from app.views.common.messages import tr_message
from app.views.common.widgets import CountyFilter, named
from app.views.ledger.manual_item_dialog import ManualItemDialog
from app.views.ledger.rectification_dialog import RectificationDialog

OVERDUE = QColor("#fde2e2")
DUE_SOON = QColor("#fff4d6")

# The ledger's columns, written once in its record spec (the list query and the
# .xlsx ledger read the same).
COLUMNS = RECTIFICATION_ITEM.table_columns


class LedgerTab(ListTab):
    COLUMNS = COLUMNS
    SERVICE = ledger
    FILTER = LedgerFilter
    NAME = "ledger"
    EXPORT = False  # its own export: blocks by enterprise, overdue rows filled (ledger_export)
    ALTERNATING_ROWS = False
    SORT_FIELD = "deadline"
    SORT_COLUMN = 6

    def search_hint(self) -> str:
        return self.tr("企业名称、信用代码、拼音首字母或整改事类")

    def build(self) -> None:
        self.county = self.choice("ledger_county", (), CountyFilter(self.english))
        self.status = self.choice(
            "ledger_status",
            [(self.tr("全部状态"), ""), (self.tr("未销号"), "open")]
            + [(label(key, self.english), key) for key in STATUSES],
        )
        self.overdue = self.tick("ledger_overdue", self.tr("逾期"))
        self.due_soon = self.tick("ledger_due_soon", self.tr("即将到期"))
        self.due_days = named(QSpinBox(), "ledger_due_days")
        self.due_days.setRange(1, 60)
        self.due_days.setValue(int(self.db.get_setting("ledger.remind_workdays", "5")))
        self.due_days.setSuffix(self.tr(" 个工作日内"))
        self.due_days.valueChanged.connect(self.apply_filter)
        self.filters.addWidget(self.due_days)
        # The second row: who, when, and the buttons.
        self.person = named(QLineEdit(), "ledger_person")
        self.person.setPlaceholderText(self.tr("负责人"))
        self.person.setMaximumWidth(110)
        self.person.textChanged.connect(self._timer.start)
        self.buttons.addWidget(self.person)
        self.use_dates = self.tick("ledger_use_dates", self.tr("整改时限"), self.buttons)
        year = self.today.year
        self.date_from, self.date_to = self.date_range(
            date(year, 1, 1), date(year, 12, 31), self.buttons
        )
        self.buttons.addWidget(self.enterprise_chip)
        self.buttons.addWidget(self.add_origin())
        self.buttons.addStretch(1)
        self.add_button = self.button(self.tr("登记整改事项…"), "ledger_add", self.add_item)
        self.open_button = self.button(self.tr("办理…"), "ledger_open", self.open_selected)
        self.export_button = self.button(self.tr("导出 Excel…"), "ledger_export", self.export_xlsx)
        self.warning = named(QLabel(), "calendar_warning")
        self.warning.setStyleSheet("color: #8a5300;")
        self.warning.setWordWrap(True)
        self.body.addWidget(self.warning)

    def finish_layout(self) -> None:
        # The chip and the origin stand in the second row, the count at its end.
        self.buttons.addWidget(self.count_label)
        self.install_preset()
        self.body.addWidget(self.table)
        self._built = True
        self.apply_filter()

    # -- data ---------------------------------------------------------------------------------
    def read_page(self, flt: Any, offset: Seek, limit: int, sort: str, descending: bool) -> Any:
        return ledger.page(
            self.db, flt, sort=sort, descending=descending, offset=offset, limit=limit
        )

    def extra(self, row: LedgerRow) -> tuple[Any, ...]:
        """Days overdue, status and deadline: what row_colour reads."""
        return overdue_days(row, self.today), row.status, row.deadline

    def row_colour(self, values: tuple[Any, ...]) -> QColor | None:
        late, status, deadline = values[-3], values[-2], values[-1]
        if late:
            return OVERDUE
        if status != "closed" and (deadline - self.today).days <= 3:
            return DUE_SOON
        return None

    def make_filter(self) -> LedgerFilter:
        qf, qt = self.date_from.date(), self.date_to.date()
        dates = self.use_dates.isChecked()
        return self.filter_of(
            county_code=self.county.currentData() or "",
            status=self.status.currentData() or "",
            overdue=self.overdue.isChecked(),
            due_within_workdays=self.due_days.value() if self.due_soon.isChecked() else None,
            person=self.person.text(),
            deadline_from=date(qf.year(), qf.month(), qf.day()) if dates else None,
            deadline_to=date(qt.year(), qt.month(), qt.day()) if dates else None,
        )

    def filtered(self) -> None:
        calendar = workdays.load(self.db)
        probe = [self.today, calendar.add_working_days(self.today, self.due_days.value())]
        self.warning.setText(tr_message(calendar.warning_for(probe)))
        self.warning.setVisible(bool(self.warning.text()))

    def show_reminders(self, overdue: bool) -> None:
        """From the reminder panel: all overdue, or all due soon."""
        self.status.setCurrentIndex(self.status.findData("open"))
        self.overdue.setChecked(overdue)
        self.due_soon.setChecked(not overdue)

    # -- actions --------------------------------------------------------------------------------
    def pick_first(self) -> tuple[str, str]:
        return self.tr("办理"), self.tr("请先在台账中选中一条整改事项。")

    def saved_what(self) -> str:
        return self.tr("整改事项")

    def open_record(self, record_id: str) -> RectificationDialog:
        dialog = RectificationDialog(self.db, record_id, english=self.english, parent=self)
        return self.keep(dialog, dialog.changed)  # type: ignore[return-value]

    open_item = open_record

    def add_item(self, enterprise_id: str | None = None) -> ManualItemDialog:
        dialog = ManualItemDialog(self.db, enterprise_id or self.enterprise_id or None, self)
        dialog.accepted.connect(lambda: self.after_save(dialog.item_id or ""))
        dialog.open()
        self._manual_dialog = dialog
        return dialog

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
