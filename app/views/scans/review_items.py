"""The items of a scanned form, unclear first: the cut-out of each row of boxes
beside the reading, which the coordinator confirms or corrects."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.services.checks.checklists import ChecklistSpec
from app.services.checks.health_checks import RESULTS, RESULTS_EN
from app.services.scans.batch import FormReading
from app.services.scans.messages import unclear_text
from app.services.scans.reading import ItemReading
from app.views.common.widgets import cell_combo, named
from app.views.scans import cutouts

CHOICES = ("compliant", "noncompliant", "na", "unchecked")
UNCLEAR_BG = QColor("#fff4c2")
CUT_HEIGHT = 48
COLUMNS = 6  # checked, code, question, cut-out, reading, note


class ItemReviewTable(QTableWidget):
    def __init__(
        self,
        form: FormReading,
        spec: ChecklistSpec,
        english: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(0, COLUMNS, parent)
        self.setObjectName("items")
        self.english = english
        self.setHorizontalHeaderLabels(
            [self.tr("已核对"), self.tr("编号"), self.tr("检查内容"), self.tr("扫描件"),
             self.tr("读数"), self.tr("说明")]
        )  # fmt: skip
        self.verticalHeader().hide()
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setWordWrap(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column in (0, 1, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Interactive)
        self.setColumnWidth(5, 170)
        self.items = form.unclear_first()
        self.touched: set[str] = set()
        self._combos: dict[str, QComboBox] = {}
        self._checks: dict[str, QTableWidgetItem] = {}
        questions = {i.code: i.question for i in spec.items}
        pictures = self._pictures(form)
        self.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            self._fill(row, item, questions.get(item.code, ""), pictures.get(item.code))
        self.resizeRowsToContents()

    @staticmethod
    def _pictures(form: FormReading) -> dict[str, object]:
        out: dict[str, object] = {}
        for page in form.pages.values():
            shown = [i for i in page.items if i.area_mm]
            for item, pixmap in zip(
                shown, cutouts.pixmaps(page, [i.area_mm for i in shown], CUT_HEIGHT), strict=True
            ):
                out[item.code] = pixmap
        return out

    def _label(self, result: str) -> str:
        return (RESULTS_EN if self.english else RESULTS)[result]

    def _fill(self, row: int, item: ItemReading, question: str, picture: object) -> None:
        check = QTableWidgetItem()
        if item.unclear:
            check.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            check.setCheckState(Qt.CheckState.Unchecked)
        else:
            check.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self._checks[item.code] = check
        self.setItem(row, 0, check)
        self.setItem(row, 1, QTableWidgetItem(item.code))
        self.setItem(row, 2, QTableWidgetItem(question))
        self.setCellWidget(row, 3, cutouts.label(picture, self.tr("（该页未扫描）")))  # type: ignore[arg-type]
        combo = named(QComboBox(), f"reading_{item.code}")
        if item.unclear and not item.suggestion:
            combo.addItem(self.tr("？请选择"), "")
        for choice in CHOICES:
            combo.addItem(self._label(choice), choice)
        wanted = item.reading or item.suggestion
        if wanted:
            combo.setCurrentIndex(combo.findData(wanted))
        combo.currentIndexChanged.connect(lambda _i, code=item.code: self._chosen(code))
        self._combos[item.code] = combo
        cell_combo(self, row, 4, combo)
        if item.unclear:
            note = unclear_text(item.reason, self.english)
            if item.suggestion:
                note += self.tr("；可能是“%1”").replace("%1", self._label(item.suggestion))
        else:
            note = self.tr("可信度 %1").replace("%1", f"{item.confidence:.2f}")
        self.setItem(row, 5, QTableWidgetItem(note))
        if item.unclear:
            for column in (0, 1, 2, 5):
                self.item(row, column).setBackground(QBrush(UNCLEAR_BG))

    def _chosen(self, code: str) -> None:
        self.touched.add(code)
        if self._combos[code].currentData():
            check = self._checks[code]
            if check.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                check.setCheckState(Qt.CheckState.Checked)

    def set_reading(self, code: str, result: str) -> None:
        combo = self._combos[code]
        combo.setCurrentIndex(combo.findData(result))

    def confirm(self, code: str) -> None:
        self._checks[code].setCheckState(Qt.CheckState.Checked)

    def not_confirmed(self) -> list[str]:
        """Unclear items a person has not yet confirmed or corrected (or left with no reading)."""
        return [
            i.code
            for i in self.items
            if i.unclear
            and (
                self._checks[i.code].checkState() != Qt.CheckState.Checked
                or not self._combos[i.code].currentData()
            )
        ]

    def results(self) -> dict[str, str]:
        return {code: combo.currentData() or "unchecked" for code, combo in self._combos.items()}

    def reading_of(self, code: str) -> str:
        return self._combos[code].currentData() or ""
