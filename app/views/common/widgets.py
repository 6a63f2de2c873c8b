"""Small widgets the dialogs share."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QWidget,
)

from app.i18n import basis_tip, county, paren, tr_message
from app.services.negotiation.negotiation_rules import Finding


def qdate(day: date) -> QDate:
    """A Python date as Qt's, for a QDateEdit."""
    return QDate(day.year, day.month, day.day)


def pydate(qd: QDate) -> date:
    """What a QDateEdit shows, as a Python date."""
    return date(qd.year(), qd.month(), qd.day())


class OptionalDate(QWidget):
    """A date that may be not yet known: a tick box and a calendar."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.known = QCheckBox()
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setDate(qdate(date.today()))
        self.edit.setEnabled(False)
        self.known.toggled.connect(self.edit.setEnabled)
        self.known.toggled.connect(lambda _on: self.changed.emit())
        self.edit.dateChanged.connect(lambda _d: self.changed.emit())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.known)
        layout.addWidget(self.edit, 1)

    def value(self) -> date | None:
        if not self.known.isChecked():
            return None
        return pydate(self.edit.date())

    def set_value(self, day: date | None) -> None:
        self.known.setChecked(day is not None)
        if day is not None:
            self.edit.setDate(qdate(day))


class FindingsList(QListWidget):
    """Rule findings, ✓ or ✗, with the legal basis as tooltip; a long finding wraps
    within the panel (an English one ran off its right edge)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def show_findings(self, findings: list[Finding]) -> None:
        self.clear()
        for f in findings:
            item = QListWidgetItem(("✓ " if f.ok else "✗ ") + tr_message(f.text))
            item.setToolTip(basis_tip(f.basis))
            if not f.ok:
                item.setForeground(QColor("#b00020"))
            self.addItem(item)


class CountyFilter(QComboBox):
    """全部县区 and each division of the city, for the lists' county filter."""

    def __init__(self, english: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from app.services.core import reference

        self.addItem(self.tr("全部县区"), "")
        for d in reference.divisions():
            self.addItem(d.name_en if english else d.name, d.code)


class OriginFilter(QComboBox):
    """At the city office: show one county's records. Hidden while the database holds
    only this office's own."""

    def __init__(self, db: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setObjectName("origin_filter")
        self.reload()

    def reload(self) -> None:
        from app.services.core import stats

        current = self.currentData()
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("全部来源单位"), "")
        offices = stats.origin_offices(self.db)
        for code, name in offices:
            known = county(code)
            self.addItem(paren(known if known != code else name, code), code)
        self.setCurrentIndex(max(self.findData(current), 0) if current else 0)
        self.blockSignals(False)
        self.setVisible(len(offices) > 1)

    def value(self) -> str:
        return self.currentData() or ""


class PresetFilter:
    """Mixin for the list tabs: a filter handed over whole (by the dashboard),
    shown as a chip above the list; clicking the chip returns to the tab's own
    filters. The list then counts exactly what the dashboard counted."""

    preset: Any = None

    def install_preset(self) -> None:
        self.preset_chip = QPushButton()
        self.preset_chip.setObjectName("preset_chip")
        self.preset_chip.setStyleSheet("text-align: left; background: #fff4ce;")
        self.preset_chip.setVisible(False)
        self.preset_chip.clicked.connect(lambda _c=False: self.show_preset(None, ""))
        self.layout().insertWidget(0, self.preset_chip)  # type: ignore[attr-defined]

    def show_preset(self, flt: Any, label: str) -> None:
        self.preset = flt
        self.preset_chip.setVisible(flt is not None)
        self.preset_chip.setText(
            QCoreApplication.translate(
                "PresetFilter", "来自总览：%1　（点击此处恢复本页筛选）"
            ).replace("%1", label)
        )
        self.apply_filter()  # type: ignore[attr-defined]

    def with_preset(self, flt: Any) -> Any:
        return self.preset if self.preset is not None else flt


def push_button(text: str, name: str = "", slot: Callable[..., Any] | None = None) -> QPushButton:
    """A button with its object name (tests and the English walk find it by that) and
    what a click does."""
    button = QPushButton(text)
    if name:
        button.setObjectName(name)
    if slot is not None:
        button.clicked.connect(slot)
    return button


Named = TypeVar("Named", bound=QObject)


def named(widget: Named, name: str) -> Named:
    """The widget with its object name (tests and the English walk find it by that)."""
    widget.setObjectName(name)
    return widget


def headed_table(name: str, headers: list[str]) -> QTableWidget:
    """An empty table with its object name and a column for each of `headers`."""
    table = named(QTableWidget(0, len(headers)), name)
    table.setHorizontalHeaderLabels(headers)
    return table


def ask_open_file(parent: QWidget, title: str, kind: str, patterns: str) -> str:
    """The file the user chose to read ("" when they cancelled): `kind` names the
    files the dialog offers (表格文件) and `patterns` their endings (*.xlsx *.csv)."""
    path, _ = QFileDialog.getOpenFileName(parent, title, "", f"{kind} ({patterns})")
    return path


def ask_open_files(parent: QWidget, title: str, kind: str, patterns: str) -> list[str]:
    """The files the user chose to read (none when they cancelled), as ask_open_file."""
    paths, _ = QFileDialog.getOpenFileNames(parent, title, "", f"{kind} ({patterns})")
    return paths


class _AtOwnHeight(QObject):
    """Puts a cell's box back to its own height, centred in the row, whenever the
    table stretches it to a tall row. (A maximum height would do it too, but Qt
    then bounds the whole row's height hint by it and a long question stops
    wrapping.)"""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            height = watched.sizeHint().height()
            box = watched.geometry()
            if box.height() > height:
                top = box.top() + (box.height() - height) // 2
                watched.setGeometry(box.left(), top, box.width(), height)
        return False


def cell_combo(table: QTableWidget, row: int, column: int, combo: QComboBox) -> QComboBox:
    """`combo` in a table's cell at its own height (a row made tall by a long question
    stretched the box into a tall grey slab), its column wide enough for its longest
    choice ("Non-compliant", "(all enterprises)" were cut)."""
    combo.installEventFilter(_AtOwnHeight(combo))
    table.setCellWidget(row, column, combo)
    table.setColumnWidth(column, max(table.columnWidth(column), combo.sizeHint().width()))
    return combo
