"""A layoff filing: the plan as reported, the people on the list, follow-up
services, and the 第41、42、47条 findings (shown, never blocking)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.core.fields import (
    FieldError,
    FieldSpec,
    ValidationError,
    field_message,
    parse_int,
)
from app.services.core.spreadsheet import SpreadsheetError
from app.services.core.storage import Database
from app.services.layoffs import layoff_rules, layoffs
from app.services.layoffs.layoffs import SERVICES, FilingInput
from app.services.register import enterprises
from app.views.common.after_save import close_on_save
from app.views.common.enterprise_picker import EnterprisePicker
from app.views.common.messages import FieldErrors
from app.views.common.widgets import FindingsList, OptionalDate


class LayoffDialog(QDialog):
    saved = Signal(str)

    def __init__(
        self,
        db: Database,
        *,
        filing_id: str | None = None,
        enterprise_id: str | None = None,
        english: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.filing_id = filing_id
        self.setWindowTitle(self.tr("裁员备案"))
        data = layoffs.get(db, filing_id)[0] if filing_id else FilingInput(enterprise_id)
        self.enterprise_id = data.enterprise_id
        self.rechecking = False  # after a refused save, each change re-checks
        self.error = QLabel()
        self.error.setObjectName("error")
        self.errors = FieldErrors(self.error)
        self.enterprise_label = QLabel()
        pick = QPushButton(self.tr("选择企业…"))
        pick.setObjectName("pick_enterprise")
        pick.clicked.connect(self.pick_enterprise)
        pick.setEnabled(filing_id is None)
        self.ground = QComboBox()
        self.ground.setObjectName("ground")
        for key, text in layoff_rules.rules()["grounds"].items():
            self.ground.addItem(f"（{'一二三四'[int(key) - 1]}）{text}", key)
        self.total_staff = QLineEdit()
        self.total_staff.setObjectName("total_staff")
        self.laid_off = QLineEdit()
        self.laid_off.setObjectName("laid_off")
        self.explained_on = OptionalDate()
        self.explained_on.setObjectName("explained_on")
        self.layoff_on = OptionalDate()
        self.layoff_on.setObjectName("layoff_on")
        self.reported_on = OptionalDate()
        self.reported_on.setObjectName("reported_on")
        self.opinions = QPlainTextEdit()
        self.opinions.setObjectName("opinions")
        self.opinions.setFixedHeight(60)
        self.compensation_plan = QPlainTextEdit()
        self.compensation_plan.setObjectName("compensation_plan")
        self.compensation_plan.setFixedHeight(60)
        self.counts: dict[str, QSpinBox] = {}
        services = QHBoxLayout()
        for name, label in (
            ("reemployment_assistance", self.tr("就业援助")),
            ("psychological_support", self.tr("心理疏导")),
            ("skills_training", self.tr("技能培训")),
            ("reemployed", self.tr("已再就业")),
        ):
            spin = QSpinBox()
            spin.setObjectName(name)
            spin.setRange(0, 100000)
            self.counts[name] = spin
            spin.valueChanged.connect(lambda _v: self._recheck())
            services.addWidget(QLabel(label), 0, Qt.AlignmentFlag.AlignTop)
            services.addWidget(self.errors.wrap(name, spin))
        self.status = QComboBox()
        self.status.setObjectName("status")
        self.status.addItem(self.tr("办理中"), "open")
        self.status.addItem(self.tr("已办结"), "closed")

        who = QHBoxLayout()
        who.addWidget(self.errors.wrap("enterprise_id", self.enterprise_label), 1)
        who.addWidget(pick)
        form = QFormLayout()
        form.addRow(self.tr("企业"), who)
        form.addRow(self.tr("法定情形"), self.errors.wrap("ground", self.ground))
        numbers = QHBoxLayout()
        numbers.addWidget(QLabel(self.tr("职工总数")), 0, Qt.AlignmentFlag.AlignTop)
        numbers.addWidget(self.errors.wrap("total_staff", self.total_staff))
        numbers.addWidget(QLabel(self.tr("拟裁减人数")), 0, Qt.AlignmentFlag.AlignTop)
        numbers.addWidget(self.errors.wrap("laid_off", self.laid_off))
        form.addRow(self.tr("人数"), numbers)
        form.addRow(
            self.tr("向工会或全体职工说明情况"), self.errors.wrap("explained_on", self.explained_on)
        )
        form.addRow(self.tr("计划裁员日期"), self.errors.wrap("layoff_on", self.layoff_on))
        form.addRow(self.tr("工会或职工意见"), self.opinions)
        form.addRow(
            self.tr("向人社部门报告日期"), self.errors.wrap("reported_on", self.reported_on)
        )
        for edit in (self.total_staff, self.laid_off):
            edit.textChanged.connect(lambda _t: self._recheck())
        for widget in (self.explained_on, self.layoff_on, self.reported_on):
            widget.changed.connect(self._recheck)
        form.addRow(self.tr("经济补偿方案"), self.compensation_plan)
        form.addRow(self.tr("再就业服务（人数）"), services)
        form.addRow(self.tr("状态"), self.status)

        self.people = QTableWidget(0, 8)
        self.people.setObjectName("people")
        self.people.setHorizontalHeaderLabels(
            [
                self.tr("姓名"),
                self.tr("身份证号码"),
                self.tr("合同类型"),
                self.tr("工作年限"),
                self.tr("经济补偿估算"),
                self.tr("就业援助"),
                self.tr("心理疏导"),
                self.tr("技能培训"),
            ]
        )
        self.people.verticalHeader().hide()
        self.people.itemChanged.connect(self._service_changed)
        self.import_button = QPushButton(self.tr("导入人员名单…"))
        self.import_button.setObjectName("import_people")
        self.import_button.clicked.connect(lambda: self.import_people())
        people_box = QGroupBox(self.tr("人员名单（身份证号码只显示部分）"))
        people_layout = QVBoxLayout(people_box)
        people_layout.addWidget(self.people)
        people_layout.addWidget(self.import_button)
        self.findings = FindingsList()
        self.findings.setObjectName("findings")
        save = QPushButton(self.tr("保存"))
        save.setObjectName("save")
        save.clicked.connect(self.save)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.reject)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(people_box, 1)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("审查提示（不影响保存）")))
        right.addWidget(self.findings, 1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addStretch(1)  # the buttons keep their size while no message shows
        buttons.addWidget(save)
        buttons.addWidget(close)
        self.save_button = save
        close_on_save(self, save, buttons, with_new=True)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)
        self.resize(1200, 760)
        self._load(data)

    def _load(self, data: FilingInput) -> None:
        ent = enterprises.get(self.db, self.enterprise_id) if self.enterprise_id else None
        self.enterprise_label.setText(ent["name"] if ent else self.tr("（尚未选择）"))
        if ent and data.total_staff is None and ent.get("employee_count"):
            data.total_staff = ent["employee_count"]
        self.ground.setCurrentIndex(max(self.ground.findData(data.ground), 0))
        self.total_staff.setText("" if data.total_staff is None else str(data.total_staff))
        self.laid_off.setText("" if data.laid_off is None else str(data.laid_off))
        self.explained_on.set_value(data.explained_on)
        self.layoff_on.set_value(data.layoff_on)
        self.reported_on.set_value(data.reported_on)
        self.opinions.setPlainText(data.opinions)
        self.compensation_plan.setPlainText(data.compensation_plan)
        for name, spin in self.counts.items():
            spin.setValue(getattr(data, name))
        self.status.setCurrentIndex(max(self.status.findData(data.status), 0))
        self._refresh()

    def _refresh(self) -> None:
        self._filling = True
        self.people.setRowCount(0)
        if self.filing_id:
            for pid, person, services in layoffs.people(self.db, self.filing_id):
                r = self.people.rowCount()
                self.people.insertRow(r)
                comp = layoff_rules.compensation(person)
                id_text = person.id_masked + (
                    f"（{person.id_problem}）" if person.id_problem else ""
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
            self.findings.show_findings(layoffs.findings(self.db, self.filing_id))
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
        layoffs.set_services(self.db, item.data(256), chosen)

    def pick_enterprise(self) -> None:
        picker = EnterprisePicker(self.db, self)
        if picker.exec() == QDialog.DialogCode.Accepted and picker.chosen:
            self.enterprise_id = picker.chosen[0]
            ent = enterprises.get(self.db, self.enterprise_id) or {}
            self.enterprise_label.setText(ent.get("name", ""))
            if not self.total_staff.text() and ent.get("employee_count"):
                self.total_staff.setText(str(ent["employee_count"]))

    def collect(self) -> FilingInput:
        errors = {}
        numbers = {}
        for name, edit, label in (
            ("total_staff", self.total_staff, self.tr("职工总数")),
            ("laid_off", self.laid_off, self.tr("拟裁减人数")),
        ):
            try:
                numbers[name] = parse_int(edit.text())
            except FieldError as exc:
                errors[name] = field_message(FieldSpec(name, label, label), exc)
        if errors:
            raise ValidationError(errors)
        return FilingInput(
            self.enterprise_id,
            self.ground.currentData(),
            numbers["total_staff"],
            numbers["laid_off"],
            self.explained_on.value(),
            self.layoff_on.value(),
            self.opinions.toPlainText().strip(),
            self.reported_on.value(),
            self.compensation_plan.toPlainText().strip(),
            **{name: spin.value() for name, spin in self.counts.items()},
            status=self.status.currentData(),
        )

    def _recheck(self) -> None:
        """Once a save was refused, the messages follow the fields as they are fixed."""
        if not self.rechecking:
            return
        try:
            data = self.collect()
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        self.errors.show(layoffs.problems(self.db, data))

    def save(self) -> bool:
        try:
            self.filing_id = layoffs.save(self.db, self.collect(), self.filing_id)
        except ValidationError as exc:
            self.rechecking = True
            self.errors.show(exc.errors)
            return False
        self.rechecking = False
        self.errors.clear()
        self._refresh()
        self.saved.emit(self.filing_id)
        return True

    def import_people(self, path: str | None = None) -> None:
        if not self.filing_id and not self.save():
            return
        assert self.filing_id
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("导入人员名单"), "", self.tr("表格文件") + " (*.xlsx *.xls *.csv)"
            )
        if not path:
            return
        try:
            result = layoffs.import_people(self.db, self.filing_id, path)
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        except SpreadsheetError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        lines = [self.tr("已导入 %1 人。").replace("%1", str(result.added))]
        lines += [
            self.tr("第 %1 行：").replace("%1", str(n)) + reason for n, reason in result.problems
        ]
        self.error.setText("\n".join(lines))
        self.error.show()
        self._refresh()
        self.saved.emit(self.filing_id)
