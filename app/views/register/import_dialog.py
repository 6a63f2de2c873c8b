"""The enterprise import: preview (mapping, rows to add/update/skip and why), then import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QMessageBox, QTableWidgetItem, QWidget

from app.services.core.storage import Database
from app.services.documents.import_problems import save_problems
from app.services.register.enterprise_fields import ENTERPRISE_FIELDS
from app.services.register.enterprise_import import (
    ImportPlan,
    apply_import,
    plan_import,
)
from app.tasks import TaskRunner
from app.views.common.import_preview import ImportPreview, problem_table
from app.views.common.layouts import hbox, vbox
from app.views.common.messages import exc_text
from app.views.common.widgets import named, push_button

NOT_IMPORTED = ""


class ImportDialog(ImportPreview):
    plan: ImportPlan | None

    def __init__(
        self,
        db: Database,
        path: Path,
        tasks: TaskRunner,
        *,
        english: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, path, tasks, parent)
        self.english = english
        self.result_summary: dict[str, Any] | None = None
        self.setWindowTitle(self.tr("导入企业名录：%1").replace("%1", path.name))

        self.sheet = named(QComboBox(), "sheet")
        self.problem_table = problem_table([self.tr("行号"), self.tr("处理"), self.tr("原因")])
        self.save_problems_button = push_button(
            self.tr("保存问题清单…"), "save_problems", self.save_problem_list
        )
        self.import_button.clicked.connect(self.do_import)
        self.import_button.setDefault(True)
        for button in (self.recheck_button, self.save_problems_button, self.import_button):
            button.setEnabled(False)
        self.sheet.activated.connect(
            lambda _i: self.check(sheet=self.sheet.currentText(), mapping=None)
        )

        top = hbox(QLabel(self.tr("工作表：")), (self.sheet, 1))
        buttons = hbox(
            self.recheck_button,
            self.save_problems_button,
            1,
            self.import_button,
            self.cancel_button,
        )
        vbox(
            top,
            QLabel(self.tr("列对应关系（可修改）：")),
            (self.mapping, 2),
            self.summary,
            QLabel(self.tr("问题行：")),
            (self.problem_table, 3),
            buttons,
            owner=self,
        )
        self.resize(760, 640)

    # -- preview --------------------------------------------------------------
    def check(self, *, mapping: dict[int, str] | None = None, sheet: str | None = None) -> None:
        for button in (self.recheck_button, self.save_problems_button, self.import_button):
            button.setEnabled(False)
        self.summary.setText(self.tr("正在检查…"))
        self.tasks.start(
            self,
            self.tr("正在检查 %1").replace("%1", self.path.name),
            lambda: plan_import(self.db, self.path, sheet=sheet, mapping=mapping),
            self.show_plan,
            on_error=self.show_unreadable,
        )

    def show_unreadable(self, exc: BaseException) -> None:
        self.refuse(exc_text(exc))
        self.recheck_button.setEnabled(self.mapping.rowCount() > 0)

    def show_plan(self, plan: ImportPlan) -> None:
        self.take_plan(plan)
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItems(plan.sheet_names)
        self.sheet.setCurrentText(plan.sheet_name)
        self.sheet.blockSignals(False)
        self._fill_mapping(plan)
        self._fill_problems(plan)
        self.summary.setText(
            self.tr("第 %1 行为表头。将新增 %2 家，更新 %3 家，无变化 %4 家，跳过 %5 行。")
            .replace("%1", str(plan.header_row + 1))
            .replace("%2", str(len(plan.to_add)))
            .replace("%3", str(len(plan.to_update)))
            .replace("%4", str(plan.unchanged))
            .replace("%5", str(plan.skipped))
        )
        self.recheck_button.setEnabled(True)
        self.save_problems_button.setEnabled(bool(plan.problems))
        self.import_button.setEnabled(bool(plan.to_add or plan.to_update))

    def _fill_mapping(self, plan: ImportPlan) -> None:
        self.mapping.setRowCount(0)
        for column, label in enumerate(plan.labels):
            if not label and column not in plan.mapping:
                continue
            shown = label or self.tr("（第 %1 列）").replace("%1", str(column + 1))
            combo = self.mapping.add(column, shown)
            for spec in ENTERPRISE_FIELDS:
                combo.addItem(spec.label_en if self.english else spec.label_zh, spec.name)
            combo.setCurrentIndex(max(combo.findData(plan.mapping.get(column, NOT_IMPORTED)), 0))

    def _fill_problems(self, plan: ImportPlan) -> None:
        shown = plan.problems[:5000]  # the full list goes to the saved .xlsx
        self.problem_table.setRowCount(len(shown))
        for row, problem in enumerate(shown):
            self.problem_table.setItem(row, 0, QTableWidgetItem(str(problem.row)))
            self.problem_table.setItem(
                row, 1, QTableWidgetItem(self.tr("跳过") if problem.skipped else self.tr("提示"))
            )
            self.problem_table.setItem(row, 2, QTableWidgetItem(problem.reason))

    def recheck(self) -> None:
        self.check(sheet=self.sheet.currentText() or None, mapping=self.current_mapping())

    def save_problem_list(self) -> None:
        if self.plan is None:
            return
        target, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("保存问题清单"),
            str(self.path.with_name(self.path.stem + "-问题清单.xlsx")),
            "Excel (*.xlsx)",
        )
        if target:
            save_problems(self.plan, target)

    # -- import ---------------------------------------------------------------
    def do_import(self) -> None:
        plan = self.plan
        if plan is None:
            return
        self.import_button.setEnabled(False)
        # apply_import backs the database up first, on the worker thread.
        self.tasks.start(
            self,
            self.tr("正在导入 %1").replace("%1", self.path.name),
            lambda: apply_import(self.db, plan),
            self._imported,
            on_cancel=self._cancelled,
        )

    def _imported(self, summary: dict[str, Any]) -> None:
        self.result_summary = summary
        self.accept()

    def _cancelled(self) -> None:
        self.import_button.setEnabled(True)
        QMessageBox.information(
            self, self.tr("导入已取消"), self.tr("导入已取消，数据库未作任何改动。")
        )
