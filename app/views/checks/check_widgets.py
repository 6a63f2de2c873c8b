"""Parts of the health-check dialog: the team table and the results table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.i18n import current_language
from app.services.checks.health_checks import RESULTS, RESULTS_EN, ROLES, ResultEntry, TeamMember
from app.services.checks.snapshot_rules import ROLES_EN
from app.views.common.layouts import vbox
from app.views.common.readable import set_readable
from app.views.common.widgets import cell_combo, headed_table, named, push_button

RESULT_ORDER = ("unchecked", "compliant", "noncompliant", "na")
NONCOMPLIANT_BG = QColor("#fde7e7")


NAME_WIDTH = 120  # a member's name, the row header and the frame


class TeamTable(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = headed_table("team", [self.tr("姓名"), self.tr("角色")])
        # The name column takes what the role column (its combo's full width) leaves.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setMaximumHeight(130)
        self.add_button = push_button(self.tr("添加成员"), "add_member", self.add_blank)
        self.remove_button = push_button(self.tr("移除"), "remove_member", self.remove_selected)
        buttons = vbox(self.add_button, self.remove_button, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())

    def add_member(self, member: TeamMember) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(member.name))
        combo = QComboBox()
        english = current_language() == "en"
        for role in ROLES:  # the record keeps the Chinese role
            combo.addItem(ROLES_EN.get(role, role) if english else role, role)
        combo.setCurrentIndex(max(combo.findData(member.role), 0))
        combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.table.setCellWidget(row, 1, combo)
        # Wide enough for the longest role (工会劳动法律监督员 was clipped).
        self.table.horizontalHeader().resizeSection(1, combo.sizeHint().width() + 8)
        # ... and the name beside it still readable (the table no narrower than both).
        self.table.setMinimumWidth(combo.sizeHint().width() + NAME_WIDTH)
        self.changed.emit()

    def add_blank(self) -> None:
        """添加成员: a new row with its name cell open for typing, so the name typed
        next lands in it (it used to need a double-click first)."""
        self.add_member(TeamMember("", ROLES[0]))
        row = self.table.rowCount() - 1
        self.table.setCurrentCell(row, 0)
        self.table.setFocus()
        self.table.editItem(self.table.item(row, 0))

    def remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)
        self.changed.emit()

    def set_members(self, members: list[TeamMember]) -> None:
        self.table.setRowCount(0)
        for m in members:
            self.add_member(m)

    def members(self) -> list[TeamMember]:
        out = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            combo = self.table.cellWidget(row, 1)
            name = item.text().strip() if item else ""
            role = combo.currentData() if isinstance(combo, QComboBox) else ROLES[0]
            if name or role != ROLES[0]:
                out.append(TeamMember(name, role))
        return out

    def set_read_only(self, read_only: bool) -> None:
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.AllEditTriggers
        )
        for row in range(self.table.rowCount()):
            widget = self.table.cellWidget(row, 1)
            if widget:
                set_readable(widget, read_only)
        self.add_button.setEnabled(not read_only)
        self.remove_button.setEnabled(not read_only)


@dataclass
class ResultLine:
    code: str
    group: str
    question: str
    basis: str
    result: str
    note: str = ""


def result_lines(data: Any, stored: Sequence[Any] | None, spec: Any) -> list[ResultLine]:
    """The results table's lines for `data` (a CheckInput): a stored check's own items
    (`stored`, its result rows) or, for a new one, the checklist's live items; each
    answered as in `data` where it has the item (a merge puts a colleague's there)."""
    entries = {r.item_code: r for r in data.results}

    def line(
        code: str, group: str, question: str, basis: str, result: str, note: str
    ) -> ResultLine:
        entry = entries.get(code)
        return ResultLine(
            code,
            group,
            question,
            basis,
            entry.result if entry else result,
            entry.note if entry else note,
        )

    if stored is not None:
        return [line(r.item_code, r.group, r.question, r.basis, r.result, r.note) for r in stored]
    return [line(i.code, i.group, i.question, i.basis, "unchecked", "") for i in spec.live_items()]


class ResultsTable(QTableWidget):
    """One row per checklist item: code, group, question (basis as tooltip), result, note."""

    changed = Signal()

    def __init__(self, english: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setObjectName("results")
        self.english = english
        self.touched: set[str] = set()
        self._filling = False
        self.setHorizontalHeaderLabels(
            [
                self.tr("编号"),
                self.tr("类别"),
                self.tr("检查内容"),
                self.tr("结果"),
                self.tr("说明"),
            ]
        )
        header = self.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # A question wraps to the width its stretched column has once the dialog is laid
        # out (rows measured while it was narrow stayed hundreds of pixels tall): rows
        # are measured again after every resize, once the columns have their widths.
        self._rewrap = QTimer(self)
        self._rewrap.setSingleShot(True)
        self._rewrap.setInterval(0)
        self._rewrap.timeout.connect(self.resizeRowsToContents)
        self.setColumnWidth(0, 48)
        self.setColumnWidth(1, 120)
        self.setColumnWidth(3, 90)
        self.setColumnWidth(4, 150)
        self.setWordWrap(True)
        self.verticalHeader().hide()
        self.itemChanged.connect(lambda _item: None if self._filling else self.changed.emit())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._rewrap.start()

    def fill(self, lines: list[ResultLine]) -> None:
        self._filling = True
        self.setRowCount(0)
        self.touched.clear()
        labels = RESULTS_EN if self.english else RESULTS
        for line in lines:
            row = self.rowCount()
            self.insertRow(row)
            for col, text in enumerate((line.code, line.group, line.question)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if col == 2:
                    item.setToolTip(self.tr("依据：") + line.basis)
                self.setItem(row, col, item)
            combo = named(QComboBox(), f"result_{line.code}")
            for key in RESULT_ORDER:
                combo.addItem(labels[key], key)
            combo.setCurrentIndex(combo.findData(line.result))
            combo.currentIndexChanged.connect(
                lambda _i, code=line.code, r=row: self._result_changed(code, r)
            )
            cell_combo(self, row, 3, combo)  # the whole result word, at the box's height
            self.setItem(row, 4, QTableWidgetItem(line.note))
            self._colour(row)
        self.resizeRowsToContents()
        self._filling = False

    def follow_applicability(self, applicable: set[str]) -> None:
        """Items whose condition changed follow it, unless the user set them by hand."""
        for entry in self.entries():
            if entry.item_code in self.touched:
                continue
            wanted = "unchecked" if entry.item_code in applicable else "na"
            if entry.result in ("unchecked", "na") and entry.result != wanted:
                self.set_result(entry.item_code, wanted, by_user=False)

    def _result_changed(self, code: str, row: int) -> None:
        if not self._filling:
            self.touched.add(code)
        self._colour(row)
        if not self._filling:
            self.changed.emit()

    def _colour(self, row: int) -> None:
        bad = self.result_at(row) == "noncompliant"
        for col in (0, 1, 2, 4):
            item = self.item(row, col)
            if item:
                item.setBackground(QBrush(NONCOMPLIANT_BG) if bad else QBrush())

    def combo(self, code: str) -> QComboBox:
        for row in range(self.rowCount()):
            if self.item(row, 0).text() == code:
                widget = self.cellWidget(row, 3)
                assert isinstance(widget, QComboBox)
                return widget
        raise KeyError(code)

    def result_at(self, row: int) -> str:
        widget = self.cellWidget(row, 3)
        return widget.currentData() if isinstance(widget, QComboBox) else "unchecked"

    def set_result(self, code: str, result: str, *, by_user: bool = True) -> None:
        combo = self.combo(code)
        if not by_user:
            self._filling = True
        combo.setCurrentIndex(combo.findData(result))
        self._filling = False

    def entries(self) -> list[ResultEntry]:
        out = []
        for row in range(self.rowCount()):
            note = self.item(row, 4)
            out.append(
                ResultEntry(
                    self.item(row, 0).text(), self.result_at(row), note.text() if note else ""
                )
            )
        return out

    def count(self, result: str) -> int:
        return sum(1 for row in range(self.rowCount()) if self.result_at(row) == result)

    def set_read_only(self, read_only: bool) -> None:
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.AllEditTriggers
        )
        for row in range(self.rowCount()):
            widget = self.cellWidget(row, 3)
            if widget:
                set_readable(widget, read_only)
