"""Tab 风险研判: the data other departments share, grading, and the list of
high-risk enterprises to visit first. The scoring model is the office's own."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.i18n import county, tr_message
from app.services.core import reference
from app.services.core.office import office_name
from app.services.core.storage import Database
from app.services.documents.documents import Document, Table, chinese_date
from app.services.risk import risk_grading, risk_import
from app.tasks import TaskRunner
from app.views.common.layouts import hbox, vbox
from app.views.common.widgets import ask_open_file, headed_table, named, push_button
from app.views.printing import actions, document_pdf
from app.views.risk.risk_import_dialog import RiskImportDialog
from app.views.risk.rules_dialog import RulesDialog


class RiskGradingTab(QWidget):
    changed = Signal()
    exported = Signal(str)
    blank_forms_requested = Signal(list, str)

    def __init__(
        self,
        db: Database,
        tasks: TaskRunner,
        *,
        english: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.visit_rows: list[dict[str, Any]] = []
        self._visits_stale = False
        self.db = db
        self.tasks = tasks
        self.english = english
        note = QLabel(
            self.tr(
                "说明：风险等级由本单位自定的评分规则算出（设置 → 风险评分规则），国家没有统一的欠薪风险评分公式；每个等级都列出得分理由和数据。"
            )
        )
        note.setObjectName("model_note")
        note.setWordWrap(True)
        self.summary = named(QLabel(), "grading_summary")
        self.source = named(QComboBox(), "risk_source")
        for key, info in risk_import.sources().items():
            self.source.addItem(info["label_en" if english else "label"], key)
        self.import_button = push_button(
            self.tr("导入共享数据…"), "risk_import", lambda: self.import_file()
        )
        self.grade_button = push_button(self.tr("重新评级"), "grade", self.grade)
        self.rules_button = push_button(self.tr("评分规则…"), "rules", self.edit_rules)

        self.batches = headed_table(
            "batches",
            [
                self.tr("导入日期"),
                self.tr("来源"),
                self.tr("文件"),
                self.tr("行数"),
                self.tr("按代码匹配"),
                self.tr("按名称匹配"),
                self.tr("未匹配"),
                self.tr("状态"),
            ],
        )
        self.batches.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.batches.setColumnWidth(1, 150)  # source names such as "税务（纳税、欠税）"
        self.batches.verticalHeader().hide()
        self.rollback_button = push_button(
            self.tr("撤回选中批次"), "rollback", self.rollback_selected
        )
        self.unmatched_button = push_button(
            self.tr("导出未匹配名单…"), "export_unmatched", self.export_unmatched
        )

        self.since = named(QDateEdit(), "visit_since")
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        self.since.setDate(QDate(date.today().year, 1, 1))
        self.since.dateChanged.connect(lambda _d: self.refresh_visits())
        self.visits = headed_table(
            "visits",
            [
                self.tr("企业"),
                self.tr("县区"),
                self.tr("得分"),
                self.tr("理由"),
                self.tr("联系人"),
                self.tr("电话"),
            ],
        )
        self.visits.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        # Enterprise names run to 15–20 characters; the default width cut them to six.
        self.visits.setColumnWidth(0, 240)
        self.visits.verticalHeader().hide()
        self.visit_export = push_button(self.tr("导出 Excel…"), "visit_export", self.export_visits)
        self.visit_print = push_button(
            self.tr("打印清单…"), "visit_print", lambda: self.print_visits("preview")
        )
        self.visit_forms = push_button(
            self.tr("批量打印空白体检表…"), "visit_forms", self.print_forms
        )

        top = hbox(
            (self.summary, 1),
            *(self.source, self.import_button, self.grade_button, self.rules_button),
        )
        batch_box = QGroupBox(self.tr("共享数据批次"))
        batch_layout = QVBoxLayout(batch_box)
        batch_layout.addWidget(self.batches)
        row = hbox(self.rollback_button, self.unmatched_button, 1)
        batch_layout.addLayout(row)
        visit_box = QGroupBox(self.tr("重点走访名单：高风险且未体检的企业"))
        visit_layout = QVBoxLayout(visit_box)
        row = hbox(
            QLabel(self.tr("自此日期以来未体检：")),
            self.since,
            1,
            *(self.visit_export, self.visit_print, self.visit_forms),
        )
        visit_layout.addLayout(row)
        visit_layout.addWidget(self.visits)
        split = QSplitter()
        split.setOrientation(split.orientation().Vertical)
        split.addWidget(batch_box)
        split.addWidget(visit_box)
        # The two lists share what the window has; at 150 % on a laptop screen their
        # own minimums (two group boxes of tables) made the window taller than it.
        split.setMinimumHeight(160)
        vbox(note, top, (split, 1), owner=self)
        self.refresh()

    # -- data -----------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if getattr(self, "_visits_stale", False):
            self.refresh_visits()

    def refresh(self) -> None:
        latest = risk_grading.latest_summary(self.db)
        if latest:
            self.summary.setText(
                self.tr("%1 评级（数据截至 %2）：高 %3　中 %4　低 %5　等级上升 %6")
                .replace("%1", latest["graded_on"])
                .replace("%2", latest["reference_period"] or "—")
                .replace("%3", str(latest["high"]))
                .replace("%4", str(latest["medium"]))
                .replace("%5", str(latest["low"]))
                .replace("%6", str(latest["rose"]))
            )
        else:
            self.summary.setText(self.tr("尚未评级。导入共享数据后点“重新评级”。"))
        self.rows = risk_import.batches(self.db)
        self.batches.setRowCount(len(self.rows))
        for r, b in enumerate(self.rows):
            values = (
                str(b["imported_on"]),
                risk_import.source_label(b["source"], self.english),
                b["file_name"],
                str(b["rows_total"]),
                str(b["matched_by_code"]),
                str(b["matched_by_name"]),
                str(b["unmatched"]),
                self.tr("有效") if b["status"] == "active" else self.tr("已撤回"),
            )
            for c, text in enumerate(values):
                self.batches.setItem(r, c, QTableWidgetItem(text))
        self.refresh_visits()

    def visit_since(self) -> date:
        qd = self.since.date()
        return date(qd.year(), qd.month(), qd.day())

    def refresh_visits(self) -> None:
        # The visit list reads every enterprise's grade and signals: built when the
        # tab is first shown, not while the window opens on another tab.
        if not self.isVisible():
            self._visits_stale = True
            return
        self._visits_stale = False
        self.visit_rows = risk_grading.visit_list(self.db, since=self.visit_since())
        self.visits.setRowCount(len(self.visit_rows))
        for r, v in enumerate(self.visit_rows):
            reasons = [tr_message(reason) for reason in v["reasons"]]
            values = (
                v["name"] + (" ▲" if v["rose"] else ""),
                county(v["county_code"]),
                str(v["score"]),
                self.tr("；").join(reasons),
                v["contact_person"],
                v["contact_phone"],
            )
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip("\n".join(reasons) if c == 3 else text)
                self.visits.setItem(r, c, item)

    # -- actions ---------------------------------------------------------------------------
    def import_file(self, path: str | None = None) -> RiskImportDialog | None:
        if not path:
            path = ask_open_file(
                self,
                self.tr("选择共享数据文件"),
                self.tr("表格文件"),
                "*.xlsx *.xls *.csv *.xlsb *.ods",
            )
        if not path:
            return None
        dialog = RiskImportDialog(self.db, Path(path), self.source.currentData(), self.tasks, self)
        dialog.accepted.connect(self._imported)
        dialog.open()
        dialog.check()
        self._import_dialog = dialog
        return dialog

    def _imported(self) -> None:
        # apply_import graded every enterprise after writing the batch.
        self._graded()

    def grade(self) -> None:
        self.tasks.start(
            self,
            self.tr("正在评级"),
            lambda: risk_grading.grade(self.db),
            lambda _r: self._graded(),
        )

    def _graded(self) -> None:
        self.refresh()
        self.changed.emit()

    def rollback_selected(self) -> None:
        rows = sorted({i.row() for i in self.batches.selectedIndexes()})
        if not rows:
            QMessageBox.information(self, self.tr("撤回"), self.tr("请先选中要撤回的批次。"))
            return
        batch = self.rows[rows[0]]
        if (
            QMessageBox.question(
                self,
                self.tr("撤回"),
                self.tr("撤回“%1”导入的全部数据并重新评级？").replace("%1", batch["file_name"]),
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        # rollback grades again on the data left in force, on the worker.
        self.tasks.start(
            self,
            self.tr("正在撤回并重新评级"),
            lambda: risk_import.rollback(self.db, batch["id"]),
            lambda _n: self._graded(),
        )

    def export_unmatched(self) -> None:
        rows = sorted({i.row() for i in self.batches.selectedIndexes()})
        if not rows:
            return
        batch = self.rows[rows[0]]
        out = actions.ask_path(
            self, self.tr("导出未匹配名单"), f"未匹配-{Path(batch['file_name']).stem}", ".xlsx"
        )
        if out:
            risk_import.save_unmatched(self.db, batch["id"], out)
            self.exported.emit(str(out))

    def _visit_document(self) -> Document:
        rows = [
            [
                str(n),
                v["name"],
                v["credit_code"],
                reference.division_name(v["county_code"]),  # the printed list is Chinese
                str(v["score"]),
                "；".join(v["reasons"]),
            ]
            for n, v in enumerate(self.visit_rows, start=1)
        ]
        doc = Document(
            "重点走访企业名单",
            [
                Table(
                    ["序号", "企业名称", "统一社会信用代码", "县区", "得分", "理由"],
                    rows,
                    [5, 22, 17, 9, 6, 41],
                )
            ],
            office=office_name(self.db),
            subtitle=f"高风险且自{chinese_date(self.visit_since())}以来未体检（{chinese_date(date.today())}）",
            landscape=True,
        )
        return doc

    def print_visits(self, how: str) -> None:
        doc = self._visit_document()
        if how == "preview":
            actions.preview(
                self,
                self.tr("重点走访企业名单"),
                lambda printer: actions.paint_documents_on(printer, [doc]),
            )
            return
        out = actions.ask_path(self, self.tr("重点走访企业名单"), doc.title, ".pdf")
        if out:
            document_pdf.write_pdf([doc], out)
            self.exported.emit(str(out))

    def export_visits(self) -> None:
        from app.services.risk import visit_export

        out = actions.ask_path(
            self, self.tr("导出重点走访名单"), f"重点走访名单-{date.today():%Y%m%d}", ".xlsx"
        )
        if not out:
            return
        visit_export.write(
            self.visit_rows,
            out,
            office=office_name(self.db),
            since=self.visit_since(),
            today=date.today(),
        )
        self.exported.emit(str(out))

    def print_forms(self) -> None:
        if not self.visit_rows:
            QMessageBox.information(self, self.tr("打印"), self.tr("名单为空。"))
            return
        self.blank_forms_requested.emit([v["id"] for v in self.visit_rows], ".pdf")

    def edit_rules(self) -> QDialog:
        dialog = RulesDialog(self.db, self)
        dialog.accepted.connect(self.grade)
        dialog.open()
        self._rules_dialog = dialog
        return dialog
