"""Importing one department's spreadsheet: preview (mapping, matches, problems), then import."""

from __future__ import annotations

from itertools import chain, islice
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QTableWidgetItem, QWidget

from app.i18n import current_language
from app.services.core.storage import Database
from app.services.risk import risk_import
from app.services.risk.risk_import import RiskPlan
from app.tasks import TaskRunner
from app.views.common.import_preview import ImportPreview, problem_table
from app.views.common.layouts import hbox, vbox
from app.views.common.messages import exc_text, tr_message
from app.views.common.widgets import named


class RiskImportDialog(ImportPreview):
    plan: RiskPlan | None

    def __init__(
        self,
        db: Database,
        path: Path,
        source: str,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, path, tasks, parent)
        self.source = source
        self.batch_id: str | None = None
        self.setWindowTitle(self.tr("导入共享数据：%1").replace("%1", path.name))
        self.source_box = named(QComboBox(), "source")
        english = current_language() == "en"
        for key, info in risk_import.sources().items():
            self.source_box.addItem(info["label_en" if english else "label"], key)
        self.source_box.setCurrentIndex(self.source_box.findData(source))
        self.source_box.activated.connect(lambda _i: self.check())
        self.problems = problem_table([self.tr("行号"), self.tr("说明")])
        self.import_button.clicked.connect(self.do_import)
        self.import_button.setEnabled(False)
        top = hbox(QLabel(self.tr("数据来源：")), (self.source_box, 1))
        buttons = hbox(self.recheck_button, 1, self.import_button, self.cancel_button)
        vbox(top, (self.mapping, 2), self.summary, (self.problems, 2), buttons, owner=self)
        self.resize(760, 620)

    def check(self, *, mapping: dict[int, str] | None = None) -> None:
        self.source = self.source_box.currentData()
        self.import_button.setEnabled(False)
        self.tasks.start(
            self,
            self.tr("正在检查"),
            lambda: risk_import.plan_import(self.db, self.path, self.source, mapping=mapping),
            self.show_plan,
            on_error=self.show_error,
        )

    def show_error(self, exc: BaseException) -> None:
        if isinstance(exc, risk_import.WrongSource):
            # What to do in the window's terms: the box above, which checks again when
            # another source is chosen (the command line's message names --source).
            english = current_language() == "en"
            self.refuse(
                self.tr(
                    "这个文件看起来是“%1”的数据，不是“%2”的：请在上方“数据来源”中改选“%1”，"
                    "文件会随即按它重新检查。未导入任何内容。"
                )
                .replace("%1", risk_import.source_label(exc.other, english))
                .replace("%2", risk_import.source_label(exc.chosen, english))
            )
            return
        self.refuse(exc_text(exc))

    def show_plan(self, plan: RiskPlan) -> None:
        self.take_plan(plan)
        self.mapping.setRowCount(0)
        for column, label in enumerate(plan.labels):
            if not label:
                continue
            combo = self.mapping.add(column, label)
            if column in plan.month_columns:
                combo.addItem(self.tr("月份数据 %1").replace("%1", plan.month_columns[column]), "")
                combo.setCurrentIndex(1)
                combo.setEnabled(False)
            for name, text in risk_import.field_choices(plan.source):
                combo.addItem(text, name)
            if column in plan.mapping:
                combo.setCurrentIndex(combo.findData(plan.mapping[column]))
        # The first 3,000 lines only, read as they are shown: a city-wide file given
        # to a county has hundreds of thousands of unmatched rows (saved whole after
        # the import: 导出未匹配名单).
        unmatched = (
            (r, self.tr("未匹配到企业：%1 %2").replace("%1", n).replace("%2", c))
            for r, n, c in plan.unmatched
        )
        shown = list(islice(chain(plan.problems, unmatched), 3000))
        self.problems.setRowCount(len(shown))
        for r, (number, text) in enumerate(shown):
            self.problems.setItem(r, 0, QTableWidgetItem(str(number)))
            self.problems.setItem(r, 1, QTableWidgetItem(tr_message(text)))
        self.summary.setText(
            self.tr("共 %1 行：按信用代码匹配 %2，按名称匹配 %3，未匹配 %4；将导入数据 %5 条。")
            .replace("%1", str(plan.rows_total))
            .replace("%2", str(plan.matched_by_code))
            .replace("%3", str(plan.matched_by_name))
            .replace("%4", str(len(plan.unmatched)))
            .replace("%5", str(len(plan.facts)))
        )
        self.import_button.setEnabled(bool(plan.facts))

    def do_import(self) -> None:
        plan = self.plan
        if plan is None:
            return
        # apply_import backs the database up first, on the worker thread.
        self.tasks.start(
            self, self.tr("正在导入"), lambda: risk_import.apply_import(self.db, plan), self._done
        )

    def _done(self, batch_id: Any) -> None:
        self.batch_id = batch_id
        self.accept()
