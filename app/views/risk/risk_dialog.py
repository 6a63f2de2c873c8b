"""A major-risk event: what was found, the on-site interventions, and its outcome."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
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
from app.services.core.storage import Database
from app.services.register import enterprises
from app.services.risk import risk_events
from app.services.risk.risk_events import KINDS, KINDS_EN, EventInput
from app.views.common.after_save import close_on_save
from app.views.common.enterprise_picker import EnterprisePicker
from app.views.common.messages import FieldErrors
from app.views.common.widgets import OptionalDate


class RiskDialog(QDialog):
    saved = Signal(str)

    def __init__(
        self,
        db: Database,
        *,
        event_id: str | None = None,
        enterprise_id: str | None = None,
        english: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.event_id = event_id
        self.setWindowTitle(self.tr("重大风险隐患"))
        data = (
            risk_events.get(db, event_id)[0]
            if event_id
            else EventInput(enterprise_id, found_on=date.today())
        )
        self.enterprise_id = data.enterprise_id
        self.rechecking = False  # after a refused save, each change re-checks
        self.error = QLabel()
        self.error.setObjectName("error")
        self.errors = FieldErrors(self.error)
        self.enterprise_label = QLabel()
        pick = QPushButton(self.tr("选择企业…"))
        pick.setObjectName("pick_enterprise")
        pick.clicked.connect(self.pick_enterprise)
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for key, text in (KINDS_EN if english else KINDS).items():
            self.kind.addItem(text, key)
        self.people = QLineEdit()
        self.people.setObjectName("people")
        self.amount = QLineEdit()
        self.amount.setObjectName("amount")
        self.found_on = OptionalDate()
        self.found_on.setObjectName("found_on")
        self.description = QPlainTextEdit()
        self.description.setObjectName("description")
        self.description.setFixedHeight(70)
        self.may_spread = QCheckBox(self.tr("可能跨地区蔓延（报送时抄送相邻县区和市办）"))
        self.may_spread.setObjectName("may_spread")
        self.status_label = QLabel()
        self.status_label.setObjectName("status_label")
        self.steps = QListWidget()
        self.steps.setObjectName("steps")
        self.step_date = OptionalDate()
        self.step_date.setObjectName("step_date")
        self.step_date.set_value(date.today())
        self.step_who = QLineEdit()
        self.step_who.setObjectName("step_who")
        self.step_who.setPlaceholderText(self.tr("介入单位和人员"))
        self.step_action = QLineEdit()
        self.step_action.setObjectName("step_action")
        self.step_action.setPlaceholderText(self.tr("采取的措施"))
        self.add_step_button = QPushButton(self.tr("记录介入"))
        self.add_step_button.setObjectName("add_step")
        self.add_step_button.clicked.connect(self.add_step)
        self.outcome = QLineEdit()
        self.outcome.setObjectName("outcome")
        self.outcome.setPlaceholderText(self.tr("处置结果，如：工资已全部发放"))
        self.close_on = OptionalDate()
        self.close_on.setObjectName("close_on")
        self.close_on.set_value(date.today())
        self.close_button = QPushButton(self.tr("化解销号"))
        self.close_button.setObjectName("close_event")
        self.close_button.clicked.connect(self.close_event)
        save = QPushButton(self.tr("保存"))
        save.setObjectName("save")
        save.clicked.connect(self.save)
        done = QPushButton(self.tr("关闭"))
        done.clicked.connect(self.reject)

        who = QHBoxLayout()
        who.addWidget(self.errors.wrap("enterprise_id", self.enterprise_label), 1)
        who.addWidget(pick)
        form = QFormLayout()
        form.addRow(self.tr("企业"), who)
        form.addRow(self.tr("类型"), self.errors.wrap("kind", self.kind))
        form.addRow(self.tr("涉及人数"), self.errors.wrap("people", self.people))
        form.addRow(self.tr("拖欠金额（元）"), self.errors.wrap("amount_owed_yuan", self.amount))
        form.addRow(self.tr("发现日期"), self.errors.wrap("found_on", self.found_on))
        for edit in (self.people, self.amount):
            edit.textChanged.connect(lambda _t: self._recheck())
        self.found_on.changed.connect(self._recheck)
        form.addRow(self.tr("情况"), self.description)
        form.addRow("", self.may_spread)
        form.addRow(self.tr("状态"), self.status_label)
        steps_box = QGroupBox(self.tr("现场介入"))
        steps_layout = QVBoxLayout(steps_box)
        steps_layout.addWidget(self.steps)
        entry = QHBoxLayout()
        for w in (self.step_date, self.step_who, self.step_action, self.add_step_button):
            entry.addWidget(w)
        steps_layout.addLayout(entry)
        closing = QHBoxLayout()
        for w in (self.close_on, self.outcome, self.close_button):
            closing.addWidget(w)
        steps_layout.addLayout(closing)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addStretch(1)  # the buttons keep their size while no message shows
        buttons.addWidget(save)
        buttons.addWidget(done)
        self.save_button = save
        close_on_save(self, save, buttons, with_new=True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(steps_box, 1)
        layout.addLayout(buttons)
        self.resize(760, 680)
        self._load(data)

    def _load(self, data: EventInput) -> None:
        ent = enterprises.get(self.db, self.enterprise_id) if self.enterprise_id else None
        self.enterprise_label.setText(ent["name"] if ent else self.tr("（尚未选择）"))
        self.kind.setCurrentIndex(max(self.kind.findData(data.kind), 0))
        self.people.setText("" if data.people is None else str(data.people))
        self.amount.setText("" if data.amount_owed_yuan is None else str(data.amount_owed_yuan))
        self.found_on.set_value(data.found_on)
        self.description.setPlainText(data.description)
        self.may_spread.setChecked(data.may_spread)
        self._refresh()

    def _refresh(self) -> None:
        self.steps.clear()
        if not self.event_id:
            self.status_label.setText(self.tr("新登记"))
            return
        _data, facts = risk_events.get(self.db, self.event_id)
        for on, who, action in facts["interventions"]:
            self.steps.addItem(f"{on}　{who}：{action}")
        if facts["status"] == "closed":
            self.status_label.setText(
                self.tr("已化解（%1）：%2")
                .replace("%1", str(facts["closed_on"]))
                .replace("%2", facts["outcome"])
            )
        else:
            self.status_label.setText(self.tr("处置中"))
        self.close_button.setEnabled(facts["status"] != "closed")

    def pick_enterprise(self) -> None:
        picker = EnterprisePicker(self.db, self)
        if picker.exec() == QDialog.DialogCode.Accepted and picker.chosen:
            self.enterprise_id = picker.chosen[0]
            self.enterprise_label.setText(picker.chosen[1])

    def collect(self) -> EventInput:
        errors: dict[str, str] = {}
        numbers: dict[str, int | None] = {}
        for name, edit, label in (
            ("people", self.people, self.tr("涉及人数")),
            ("amount_owed_yuan", self.amount, self.tr("拖欠金额（元）")),
        ):
            try:
                numbers[name] = parse_int(edit.text())
            except FieldError as exc:
                errors[name] = field_message(FieldSpec(name, label, label), exc)
        if errors:
            raise ValidationError(errors)
        return EventInput(
            self.enterprise_id,
            self.kind.currentData(),
            numbers["people"],
            numbers["amount_owed_yuan"],
            self.found_on.value(),
            self.description.toPlainText().strip(),
            self.may_spread.isChecked(),
        )

    def _recheck(self) -> None:
        """Once a save was refused, the messages follow the fields as they are fixed."""
        if not self.rechecking:
            return
        try:
            self.errors.show(risk_events.problems(self.collect()))
        except ValidationError as exc:
            self.errors.show(exc.errors)

    def save(self) -> bool:
        try:
            self.event_id = risk_events.save(self.db, self.collect(), self.event_id)
        except ValidationError as exc:
            self.rechecking = True
            self.errors.show(exc.errors)
            return False
        self.rechecking = False
        self.errors.clear()
        self._refresh()
        self.saved.emit(self.event_id)
        return True

    def add_step(self) -> bool:
        if not self.event_id and not self.save():
            return False
        assert self.event_id
        try:
            risk_events.add_intervention(
                self.db,
                self.event_id,
                self.step_date.value(),
                self.step_who.text(),
                self.step_action.text(),
            )
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return False
        self.step_action.clear()
        self.errors.clear()
        self._refresh()
        self.saved.emit(self.event_id)
        return True

    def close_event(self) -> bool:
        if not self.event_id and not self.save():
            return False
        assert self.event_id
        try:
            risk_events.close(
                self.db, self.event_id, self.close_on.value() or date.today(), self.outcome.text()
            )
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return False
        self.errors.clear()
        self._refresh()
        self.saved.emit(self.event_id)
        return True
