"""The table of an import's columns: each column of the file (its header) and the
field it is imported as, one choice per row, which the person may change before
the preview is checked again (the enterprise register, the shared risk data)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget


class ColumnMapping(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 2, parent)
        self.setObjectName("mapping")
        self.setHorizontalHeaderLabels([self.tr("文件中的列"), self.tr("导入为")])
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().hide()

    def add(self, column: int, label: str) -> QComboBox:
        """A row for the file's `column` shown as `label`; its choice, （不导入） first,
        for the caller to fill with the fields."""
        row = self.rowCount()
        self.insertRow(row)
        item = QTableWidgetItem(label)
        item.setData(256, column)
        self.setItem(row, 0, item)
        combo = QComboBox()
        combo.addItem(self.tr("（不导入）"), "")
        self.setCellWidget(row, 1, combo)
        return combo

    def chosen(self) -> dict[int, str]:
        """{column of the file: field} for every column that is imported."""
        out: dict[int, str] = {}
        for row in range(self.rowCount()):
            combo = self.cellWidget(row, 1)
            if isinstance(combo, QComboBox) and combo.currentData():
                out[int(self.item(row, 0).data(256))] = combo.currentData()
        return out
