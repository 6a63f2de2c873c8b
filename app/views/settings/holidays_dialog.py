"""设置 → 节假日与提醒: the office's holiday entries for years the calendar
package does not cover, how period ends are counted, and the reminder horizon."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidgetItem,
    QWidget,
)

from app.services.core import holidays
from app.services.core.holidays import EnteredDay, HolidayError
from app.services.core.spreadsheet import SpreadsheetError
from app.views.common.database_dialog import DatabaseDialog
from app.views.common.layouts import hbox, vbox
from app.views.common.messages import error_label, exc_text
from app.views.common.unsaved import KeepsTyped
from app.views.common.widgets import ask_open_file, headed_table, named, push_button


class HolidaysDialog(KeepsTyped, DatabaseDialog):
    def build(self) -> None:
        self.setWindowTitle(self.tr("节假日与提醒"))
        self.year = named(QSpinBox(), "year")
        self.year.setRange(2004, 2100)
        self.year.setValue(date.today().year + 1)
        self.year.valueChanged.connect(self.reload)
        self.coverage = named(QLabel(), "coverage")
        self.coverage.setWordWrap(True)
        self.table = headed_table("days", [self.tr("日期"), self.tr("类型"), self.tr("名称")])
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)  # one line a day ("Holiday (estimate)" wrapped, cut)
        self.day = named(QDateEdit(), "day")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.kind = named(QComboBox(), "kind")
        self.kind.addItem(self.tr("放假"), False)
        self.kind.addItem(self.tr("调休上班"), True)
        self.name = named(QLineEdit(), "name")
        self.name.setPlaceholderText(self.tr("如：春节"))
        self.add_button = push_button(self.tr("添加"), "add_day", self.add_day)
        self.remove_button = push_button(self.tr("删除选中"), "remove_day", self.remove_selected)
        self.import_button = push_button(self.tr("从表格导入…"), "import_days", self.import_file)
        self.complete = named(QCheckBox(self.tr("该年节假日已全部录入")), "complete")
        self.complete.toggled.connect(
            lambda on: holidays.set_year_complete(self.db, self.year.value(), on)
        )

        self.roll = QCheckBox(
            self.tr("期限最后一天是节假日或周末的，顺延到下一个工作日（《民法典》第203条）")
        )
        self.roll.setObjectName("roll")
        self.roll.setChecked(self.db.get_setting("calendar.roll_to_workday", "1") == "1")
        self.roll.toggled.connect(
            lambda on: self.db.set_settings({"calendar.roll_to_workday": "1" if on else "0"})
        )
        self.remind = named(QSpinBox(), "remind")
        self.remind.setRange(1, 60)
        self.remind.setValue(int(self.db.get_setting("ledger.remind_workdays", "5")))
        self.remind.valueChanged.connect(
            lambda n: self.db.set_settings({"ledger.remind_workdays": str(n)})
        )
        self.error = error_label()

        top = hbox(QLabel(self.tr("年份")), self.year, (self.coverage, 1))
        entry = QHBoxLayout()
        for widget in (
            self.day,
            self.kind,
            self.name,
            self.add_button,
            self.remove_button,
            self.import_button,
        ):
            entry.addWidget(widget)
        settings = QFormLayout()
        settings.addRow(self.roll)
        settings.addRow(self.tr("提前提醒（工作日）"), self.remind)
        close = push_button(self.tr("关闭"), slot=self.reject)  # asks first: a day not added
        vbox(top, self.table, entry, self.complete, self.error, settings, close, owner=self)
        self.resize(700, 560)
        self.reload()
        self.keep_typed()

    def typed_widgets(self) -> tuple[QWidget, ...]:
        """A holiday's name typed but not yet 添加 (every other change is stored at once)."""
        return (self.name,)

    def reload(self) -> None:
        year = self.year.value()
        self.day.setDate(QDate(year, 1, 1))
        [cover] = holidays.coverage(self.db, [year])
        texts = {
            "package": self.tr(
                "%1 年的法定节假日已内置（chinesecalendar），无需录入；此处录入的日期会优先使用。"
            ),
            "office": self.tr("%1 年的节假日已由本单位录入完整。"),
            "missing": self.tr(
                "%1 年的节假日尚未录入：工作日暂按估算计算（周末和法定节假日，春节、清明、端午、中秋按农历推算，"
                "调休上班日未计；下表灰色为估算的放假日）。国务院办公厅公布放假安排后请在此录入。"
            ),
        }
        self.coverage.setText(texts[cover.source].replace("%1", str(year)))
        entered = holidays.days(self.db, year)
        estimated = holidays.estimated_days(year) if cover.source == "missing" else []
        shown = {d.day for d in entered}
        rows = [(d, False) for d in entered] + [(d, True) for d in estimated if d.day not in shown]
        rows.sort(key=lambda pair: pair[0].day)
        self.table.setRowCount(len(rows))
        for r, (d, guess) in enumerate(rows):
            kind = self.tr("调休上班") if d.is_workday else self.tr("放假")
            cells = (
                d.day.isoformat(),
                kind + (self.tr("（估算）") if guess else ""),
                holiday_name(d.name),
            )
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if guess:
                    item.setForeground(QColor("#888888"))
                self.table.setItem(r, c, item)
        self.table.resizeColumnToContents(1)  # the kind shown whole, in either language
        self.complete.blockSignals(True)
        self.complete.setChecked(cover.source == "office")
        self.complete.setEnabled(cover.source != "package")
        self.complete.blockSignals(False)

    def add_day(self) -> None:
        qd = self.day.date()
        day = date(qd.year(), qd.month(), qd.day())
        is_workday = bool(self.kind.currentData())
        if is_workday and day.weekday() < 5:
            self.error.setText(
                self.tr("“调休上班”只用于周六、周日；%1 本来就是工作日。").replace(
                    "%1", day.isoformat()
                )
            )
            return
        self.error.clear()
        holidays.set_days(self.db, [EnteredDay(day, is_workday, self.name.text().strip())])
        self.keep_typed()
        self.reload()

    def remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            if self.tr("（估算）") in self.table.item(row, 1).text():
                continue  # an estimate is not an entry: nothing to remove
            holidays.remove_day(self.db, date.fromisoformat(self.table.item(row, 0).text()))
        self.reload()

    def import_file(self) -> None:
        path = ask_open_file(self, self.tr("导入节假日"), self.tr("表格文件"), "*.xlsx *.xls *.csv")
        if not path:
            return
        try:
            n = holidays.import_file(self.db, path)
        except (HolidayError, SpreadsheetError) as exc:
            self.error.setText(exc_text(exc))
            return
        self.error.setText(self.tr("已导入 %1 天。").replace("%1", str(n)))
        self.reload()


def holiday_name(name: str) -> str:
    """The statutory holidays' names (国务院《全国年节及纪念日放假办法》) in the window's
    language; a name the coordinator typed is shown as typed."""
    names = {
        "元旦": QCoreApplication.translate("holidays", "元旦"),
        "春节": QCoreApplication.translate("holidays", "春节"),
        "清明节": QCoreApplication.translate("holidays", "清明节"),
        "劳动节": QCoreApplication.translate("holidays", "劳动节"),
        "端午节": QCoreApplication.translate("holidays", "端午节"),
        "中秋节": QCoreApplication.translate("holidays", "中秋节"),
        "国庆节": QCoreApplication.translate("holidays", "国庆节"),
    }
    return names.get(name, name)
