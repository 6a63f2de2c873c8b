"""设置 → 体检清单: edit, add and retire items, export and import as .xlsx, save as a new edition."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QTableWidgetItem,
    QWidget,
)

from app.services.checks import checklist_xlsx, checklists
from app.services.checks.checklists import SEVERITIES, ChecklistError, ItemSpec
from app.services.core.spreadsheet import SpreadsheetError
from app.views.common.database_dialog import DatabaseDialog
from app.views.common.layouts import hbox, vbox
from app.views.common.messages import error_label, exc_text, tr_lines, tr_message
from app.views.common.unsaved import KeepsTyped
from app.views.common.widgets import (
    ask_open_file,
    cell_combo,
    headed_table,
    named,
    push_button,
)


class ChecklistDialog(KeepsTyped, DatabaseDialog):
    def build(self) -> None:
        self.spec = checklists.active(self.db)
        self.setWindowTitle(self.tr("体检清单设置"))
        self.heading = named(QLabel(), "heading")
        self.used_by = named(QLabel(), "used_by")
        self.used_by.setWordWrap(True)
        self.table = headed_table(
            "items",
            [
                self.tr("编号"),
                self.tr("类别"),
                self.tr("检查内容"),
                self.tr("法律依据"),
                self.tr("风险"),
                self.tr("期限"),
                self.tr("单位"),
                self.tr("整改建议"),
                self.tr("适用条件"),
                self.tr("停用"),
                self.tr("问题表述（不合规时）"),
            ],
        )
        # The question keeps a readable width (stretched, it was squeezed to a few
        # characters beside the boxes' columns); the last column takes what is left.
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for col, width in enumerate((50, 130, 280, 180, 50, 50, 70, 200, 100, 40, 200)):
            self.table.setColumnWidth(col, width)
        header.sectionResized.connect(lambda *_a: self.table.resizeRowsToContents())
        self.table.verticalHeader().hide()
        self.error = error_label()
        self.add_button = push_button(self.tr("新增项目"), "add_item", self.add_item)
        self.export_button = push_button(self.tr("导出 .xlsx…"), "export", self.export_xlsx)
        self.import_button = push_button(self.tr("从 .xlsx 导入…"), "import", self.import_xlsx)
        self.save_button = push_button(self.tr("保存为新版本"), "save", self.save)
        self.close_button = push_button(self.tr("关闭"), slot=self.reject)
        buttons = hbox(
            *(self.add_button, self.export_button, self.import_button),
            1,
            self.save_button,
            self.close_button,
        )
        vbox(self.heading, self.used_by, self.table, self.error, buttons, owner=self)
        self.resize(1200, 700)
        self.show_items(self.spec.items)
        self.keep_typed()

    def typed_widgets(self) -> tuple[QWidget, ...]:
        """The items as edited (and an imported list not yet saved as a new edition)."""
        return (self.table,)

    def _heading(self) -> None:
        editions = checklists.editions(self.db)
        history = self.tr("；").join(
            self.tr("第 %1 版 %2 项").replace("%1", str(e[1])).replace("%2", str(e[3]))
            for e in editions[:5]
        )
        self.heading.setText(
            self.tr("当前：%1 第 %2 版。保存修改会生成新版本，已做过的体检仍按原版本显示和打印。")
            .replace("%1", self.spec.name)
            .replace("%2", str(self.spec.edition))
            + "\n"
            + self.tr("历史版本：")
            + history
        )
        # At the city: which edition each office's checks were made with.
        others = [
            u for u in checklists.editions_used(self.db) if u.office_code != self.db.office_code
        ]
        self.used_by.setVisible(bool(others))
        self.used_by.setText(
            self.tr("各单位体检使用的清单版本：")
            + "；".join(
                self.tr("%1 %2 第 %3 版 %4 次")
                .replace("%1", u.office_name)
                .replace("%2", u.checklist_name)
                .replace("%3", str(u.edition))
                .replace("%4", str(u.checks))
                for u in others
            )
        )

    def show_items(self, items: list[ItemSpec]) -> None:
        self._heading()
        self.table.setRowCount(0)
        for item in items:
            self._append(item)
        self.table.resizeRowsToContents()

    def _append(self, item: ItemSpec) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for col, text in (
            (0, item.code),
            (1, item.group),
            (2, item.question),
            (3, item.basis),
            (5, str(item.days)),
            (7, item.remedy),
            (10, item.finding),
        ):
            self.table.setItem(row, col, QTableWidgetItem(text))
        severity = QComboBox()
        shown = {"高": self.tr("高"), "中": self.tr("中"), "低": self.tr("低")}
        for level in SEVERITIES:  # the checklist keeps 高 / 中 / 低; the box shows them
            severity.addItem(shown.get(level, level), level)
        severity.setCurrentIndex(max(severity.findData(item.severity), 0))
        cell_combo(self.table, row, 4, severity)
        kind = QComboBox()
        for key, label in (("calendar", self.tr("日")), ("working", self.tr("工作日"))):
            kind.addItem(label, key)
        kind.setCurrentIndex(max(kind.findData(item.day_kind), 0))
        cell_combo(self.table, row, 6, kind)
        condition = QComboBox()
        condition.addItem(self.tr("（全部企业）"), "")
        for key, rule in self.spec.conditions.items():
            condition.addItem(rule.get("label", key), key)
        index = condition.findData(item.condition)
        if index < 0 and item.condition:
            condition.addItem(item.condition, item.condition)
            index = condition.count() - 1
        condition.setCurrentIndex(max(index, 0))
        cell_combo(self.table, row, 8, condition)
        retired = QTableWidgetItem()
        retired.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        retired.setCheckState(Qt.CheckState.Checked if item.retired else Qt.CheckState.Unchecked)
        self.table.setItem(row, 9, retired)

    def add_item(self) -> None:
        self._append(ItemSpec(code="", group="", question=""))
        self.table.scrollToBottom()
        self.table.editItem(self.table.item(self.table.rowCount() - 1, 0))

    def items(self) -> list[ItemSpec]:
        out = []
        for row in range(self.table.rowCount()):

            def text(col: int, r: int = row) -> str:
                item = self.table.item(r, col)
                return item.text().strip() if item else ""

            def data(col: int, r: int = row) -> str:
                widget = self.table.cellWidget(r, col)
                assert isinstance(widget, QComboBox)
                return (
                    widget.currentData()
                    if widget.currentData() is not None
                    else widget.currentText()
                )

            try:
                days = int(text(5) or 0)
            except ValueError:
                days = -1
            retired = self.table.item(row, 9)
            out.append(
                ItemSpec(
                    code=text(0),
                    group=text(1),
                    question=text(2),
                    basis=text(3),
                    severity=data(4),
                    days=days,
                    day_kind=data(6),
                    remedy=text(7),
                    condition=data(8),
                    retired=bool(retired and retired.checkState() == Qt.CheckState.Checked),
                    finding=text(10),
                )
            )
        return out

    def save(self) -> bool:
        try:
            self.spec = checklists.save_new_edition(self.db, self.items())
        except ChecklistError as exc:
            self.error.setText(
                self.tr("清单有以下问题，未保存：") + "\n" + tr_lines(exc.problems)
                if len(exc.problems) > 1 or exc.problems[0] != str(exc)
                else tr_message(str(exc))
            )
            return False
        self.error.clear()
        self.show_items(self.spec.items)
        self.keep_typed()
        QMessageBox.information(
            self,
            self.tr("体检清单"),
            self.tr("已保存为第 %1 版。").replace("%1", str(self.spec.edition)),
        )
        return True

    def export_xlsx(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("导出体检清单"),
            f"体检清单-第{self.spec.edition}版.xlsx",
            "Excel (*.xlsx)",
        )
        if path:
            checklist_xlsx.export_xlsx(self.spec, path)

    def import_xlsx(self) -> None:
        path = ask_open_file(
            self, self.tr("导入体检清单"), self.tr("表格文件"), "*.xlsx *.xls *.csv"
        )
        if not path:
            return
        try:
            items = checklist_xlsx.import_xlsx(path)
        except (ChecklistError, SpreadsheetError) as exc:
            self.error.setText(exc_text(exc))
            return
        problems = checklists.validate(items, self.spec.conditions)
        self.show_items(items)
        self.error.setText(
            (self.tr("导入的清单有以下问题，请修改后再保存：") + "\n" + tr_lines(problems))
            if problems
            else self.tr("已读入 %1 项，检查无误后点“保存为新版本”。").replace(
                "%1", str(len(items))
            )
        )
