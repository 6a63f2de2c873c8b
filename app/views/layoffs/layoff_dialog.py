"""A layoff filing: the plan as reported (its record spec's fields), the people on
the list, follow-up services, and the 第41、42、47条 findings (shown, never blocking)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QTableWidgetItem,
)

from app.i18n import paren, tr_message
from app.services.core import edit_lock
from app.services.core.fields import ValidationError
from app.services.core.spreadsheet import SpreadsheetError
from app.services.layoffs import layoff_rules, layoffs
from app.services.layoffs.layoff_spec import LAYOFF_FILING
from app.services.layoffs.layoffs import SERVICES
from app.views.common.layouts import hbox, vbox
from app.views.common.messages import exc_text
from app.views.common.spec_dialog import SpecDialog
from app.views.common.widgets import FindingsList, ask_open_file, headed_table, named, push_button
from app.views.window_layout import fit_headers

COUNTS = ("reemployment_assistance", "psychological_support", "skills_training", "reemployed")


class LayoffDialog(SpecDialog):
    SPEC = LAYOFF_FILING
    RECORD_ARG = "filing_id"
    SERVICE = layoffs

    def build(self) -> None:
        self.setWindowTitle(self.tr("裁员备案"))
        editors = self.form.editors
        self.enterprise.pick_button.setEnabled(self.record_id is None)
        self.ground, self.status = editors["ground"], editors["status"]
        self.total_staff, self.laid_off = editors["total_staff"], editors["laid_off"]
        self.explained_on, self.layoff_on = editors["explained_on"], editors["layoff_on"]
        self.reported_on = editors["reported_on"]
        self.opinions = editors["opinions"]
        self.compensation_plan = editors["compensation_plan"]
        self.counts: dict[str, QSpinBox] = {n: editors[n] for n in COUNTS}  # type: ignore[misc]
        form = self.form.add_rows(
            QFormLayout(),
            [
                "enterprise_id",
                "ground",
                (self.tr("人数"), ("total_staff", "laid_off")),
                "explained_on",
                "layoff_on",
                "opinions",
                "reported_on",
                "compensation_plan",
                # Two and two: the four side by side made the English dialog wider
                # than a 1280-pixel screen.
                (self.tr("再就业服务（人数）"), COUNTS[:2]),
                ("", COUNTS[2:]),
                "status",
                "note",
            ],
        )

        self.people = headed_table(
            "people",
            [
                self.tr("姓名"),
                self.tr("身份证号码"),
                self.tr("合同类型"),
                self.tr("工作年限"),
                self.tr("经济补偿估算"),
                self.tr("就业援助"),
                self.tr("心理疏导"),
                self.tr("技能培训"),
            ],
        )
        self.people.verticalHeader().hide()
        self._filling = False
        self.people.itemChanged.connect(self._service_changed)
        self.import_button = push_button(
            self.tr("导入人员名单…"), "import_people", lambda: self.import_people()
        )
        people_box = QGroupBox(self.tr("人员名单（身份证号码只显示部分）"))
        vbox(self.people, self.import_button, owner=people_box)
        fit_headers(people_box)  # "Compensation (estimate)" and the services, not cut
        self.findings = named(FindingsList(), "findings")
        left = vbox(form, (people_box, 1))
        right = vbox(QLabel(self.tr("审查提示（不影响保存）")), (self.findings, 1))
        body = hbox((left, 3), (right, 2))
        vbox((body, 1), self.button_row(), owner=self)
        self.resize(1200, 760)
        self.load()

    @property
    def filing_id(self) -> str | None:
        return self.record_id

    def load(self, values: dict[str, Any] | None = None) -> None:
        super().load(values)
        staff = self.enterprise.enterprise.get("employee_count")
        if staff and not self.total_staff.text():
            self.total_staff.setText(str(staff))

    def enterprise_picked(self, enterprise: dict[str, Any]) -> None:
        if not self.total_staff.text() and enterprise.get("employee_count"):
            self.total_staff.setText(str(enterprise["employee_count"]))
        super().enterprise_picked(enterprise)

    def refresh(self) -> None:
        self._filling = True
        self.people.setRowCount(0)
        if self.record_id:
            for pid, person, services in layoffs.people(self.db, self.record_id):
                r = self.people.rowCount()
                self.people.insertRow(r)
                comp = layoff_rules.compensation(person)
                id_text = person.id_masked + (
                    paren("", tr_message(person.id_problem)) if person.id_problem else ""
                )
                for c, text in enumerate(
                    (
                        person.name,
                        id_text,
                        person.contract_type,
                        "" if person.years_of_service is None else f"{person.years_of_service:g}",
                        "" if comp is None else f"{comp:,.2f}",
                    )
                ):
                    item = QTableWidgetItem(text)
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    item.setData(256, pid)
                    self.people.setItem(r, c, item)
                for c, key in enumerate(SERVICES, start=5):
                    box = QTableWidgetItem()
                    box.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
                    box.setCheckState(
                        Qt.CheckState.Checked if key in services else Qt.CheckState.Unchecked
                    )
                    box.setData(256, pid)
                    self.people.setItem(r, c, box)
            self.findings.show_findings(layoffs.findings(self.db, self.record_id))
        else:
            self.findings.show_findings([])
        self._filling = False

    def _service_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() < 5:
            return
        row = item.row()
        chosen = [
            key
            for c, key in enumerate(SERVICES, start=5)
            if self.people.item(row, c)
            and self.people.item(row, c).checkState() == Qt.CheckState.Checked
        ]
        try:
            layoffs.set_services(self.db, item.data(256), chosen, loaded=self.loaded)
        except ValidationError as exc:  # a colleague saved the filing: shown, not written
            self.show_problems(exc)
            self.refresh()
            return
        self.loaded = edit_lock.written_version(self.db, self.record_id) or self.loaded

    def import_people(self, path: str | None = None) -> None:
        filing_id = self.saved_first()
        if filing_id is None:
            return
        if not path:
            path = ask_open_file(
                self, self.tr("导入人员名单"), self.tr("表格文件"), "*.xlsx *.xls *.csv"
            )
        if not path:
            return
        try:
            result = layoffs.import_people(self.db, filing_id, path, loaded=self.loaded)
        except ValidationError as exc:
            self.show_problems(exc)
            return
        except SpreadsheetError as exc:
            self.error.setText(exc_text(exc))
            self.error.show()
            return
        lines = [self.tr("已导入 %1 人。").replace("%1", str(result.added))]
        lines += [
            self.tr("第 %1 行：").replace("%1", str(n)) + reason for n, reason in result.problems
        ]
        self.error.setText("\n".join(lines))
        self.error.show()
        self.loaded = edit_lock.written_version(self.db, filing_id) or self.loaded
        self.refresh()
        self.saved.emit(filing_id)
