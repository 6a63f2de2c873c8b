"""An offer to negotiate: who offers, the situation and its topics, the legal
clock's dates, sessions, the congress vote, and every finding of the rules."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
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
from app.services.negotiation import negotiation_rules, offers
from app.services.negotiation.offers import OfferInput
from app.services.register import enterprises
from app.views.common.after_save import close_on_save
from app.views.common.enterprise_picker import EnterprisePicker
from app.views.common.messages import FieldErrors
from app.views.common.widgets import FindingsList, OptionalDate
from app.views.negotiation.offer_sessions import OfferSessions


class OfferDialog(QDialog):
    saved = Signal(str)

    def __init__(
        self,
        db: Database,
        *,
        offer_id: str | None = None,
        enterprise_id: str | None = None,
        english: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.offer_id = offer_id
        self.english = english
        self.setWindowTitle(self.tr("集体协商要约"))
        data = offers.get(db, offer_id)[0] if offer_id else OfferInput(enterprise_id)
        self.enterprise_id = data.enterprise_id
        self.rechecking = False  # after a refused save, each change re-checks
        self.error = QLabel()
        self.error.setObjectName("error")
        self.errors = FieldErrors(self.error)

        self.enterprise_label = QLabel()
        self.pick_button = QPushButton(self.tr("选择企业…"))
        self.pick_button.setObjectName("pick_enterprise")
        self.pick_button.clicked.connect(self.pick_enterprise)
        self.offeror = QComboBox()
        self.offeror.setObjectName("offeror")
        self.offeror.addItem(self.tr("工会（职工方）"), "union")
        self.offeror.addItem(self.tr("企业（用人单位方）"), "enterprise")
        self.union_name = QLineEdit()
        self.union_name.setObjectName("union_name")
        self.union_name.setPlaceholderText(
            self.tr("如“某某有限公司工会委员会”；空着按企业是否建会自动填写")
        )
        self.situation = QComboBox()
        self.situation.setObjectName("situation")
        for key in negotiation_rules.rules_file()["situations"]:
            self.situation.addItem(negotiation_rules.situation_label(key, english), key)
        self.rules = QComboBox()
        self.rules.setObjectName("rules")
        for key, info in negotiation_rules.rules_file()["sets"].items():
            self.rules.addItem(info["label_en" if english else "label"], key)
        self.topics = QListWidget()
        self.topics.setObjectName("topics")
        self.situation.currentIndexChanged.connect(
            lambda _i: self._fill_topics(self.checked_topics())
        )

        dates_box = self._dates_box()
        other = self._other_form()

        self.sessions_box = OfferSessions()
        box = self.sessions_box
        self.sessions, self.session_date = box.table, box.session_date
        self.employer_reps, self.worker_reps = box.employer_reps, box.worker_reps
        self.employer_chief, self.worker_chief = box.employer_chief, box.worker_chief
        box.add_button.clicked.connect(self.add_session)

        self.findings = FindingsList()
        self.findings.setObjectName("findings")
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setObjectName("save")
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.clicked.connect(self.reject)

        self._arrange(dates_box, other)
        self.resize(1280, 760)
        self._load(data)

    def _arrange(self, dates_box: QGroupBox, other: QFormLayout) -> None:
        """Who and what on the left, the clock and the sessions in the middle, the
        findings on the right, the message and the buttons below."""
        head = QFormLayout()
        who = QHBoxLayout()
        who.addWidget(self.errors.wrap("enterprise_id", self.enterprise_label), 1)
        who.addWidget(self.pick_button)
        head.addRow(self.tr("企业"), who)
        head.addRow(self.tr("要约方"), self.offeror)
        head.addRow(self.tr("工会名称"), self.union_name)
        head.addRow(self.tr("企业情况"), self.situation)
        head.addRow(self.tr("适用规定"), self.rules)
        left = QVBoxLayout()
        left.addLayout(head)
        left.addWidget(QLabel(self.tr("协商议题（按企业情况排列在前的是通知要求的重点议题）")))
        left.addWidget(self.errors.wrap("topics", self.topics), 1)
        middle = QVBoxLayout()
        middle.addWidget(dates_box)
        middle.addLayout(other)
        middle.addWidget(self.sessions_box, 1)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("法定时限与审查提示")))
        right.addWidget(self.findings, 1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(middle, 4)
        body.addLayout(right, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addStretch(1)  # the buttons keep their size while no message shows
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        close_on_save(self, self.save_button, buttons, with_new=True)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)

    def _dates_box(self) -> QGroupBox:
        """The legal clock's dates (each may be unknown yet), two a row."""
        self.dates: dict[str, OptionalDate] = {}
        labels = {
            "sent_on": self.tr("发出要约"),
            "received_on": self.tr("对方收到"),
            "replied_on": self.tr("书面答复"),
            "congress_on": self.tr("职代会表决"),
            "signed_on": self.tr("双方签字"),
            "filed_on": self.tr("报送审查"),
            "objection_on": self.tr("审查意见书"),
            "effective_from": self.tr("合同生效"),
            "expires_on": self.tr("合同期满"),
            "ended_on": self.tr("变更／解除"),
        }
        dates_box = QGroupBox(self.tr("时间"))
        grid = QGridLayout(dates_box)
        for n, (name, label) in enumerate(labels.items()):
            widget = OptionalDate()
            widget.setObjectName(name)
            self.dates[name] = widget
            widget.changed.connect(self._recheck)
            grid.addWidget(QLabel(label), n // 2, (n % 2) * 2, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self.errors.wrap(name, widget), n // 2, (n % 2) * 2 + 1)
        return dates_box

    def _other_form(self) -> QFormLayout:
        """The reply, the congress vote, the review objection and a change or ending."""
        self.reply = QComboBox()
        self.reply.setObjectName("reply")
        self.reply.addItem(self.tr("未答复"), "")
        self.reply.addItem(self.tr("同意协商"), "accepted")
        self.reply.addItem(self.tr("拒绝协商"), "refused")
        self.members = QLineEdit()
        self.members.setObjectName("congress_members")
        self.attended = QLineEdit()
        self.attended.setObjectName("congress_attended")
        self.approved = QLineEdit()
        self.approved.setObjectName("congress_approved")
        self.objection_note = QLineEdit()
        self.objection_note.setObjectName("objection_note")
        self.end_kind = QComboBox()
        self.end_kind.setObjectName("end_kind")
        self.end_kind.addItem("", "")
        self.end_kind.addItem(self.tr("变更"), "changed")
        self.end_kind.addItem(self.tr("解除"), "terminated")
        self.end_reason = QLineEdit()
        self.end_reason.setObjectName("end_reason")
        self.end_reason.setPlaceholderText(self.tr("如：企业被兼并，集体合同部分无法履行"))
        other = QFormLayout()
        other.addRow(self.tr("答复"), self.errors.wrap("reply", self.reply))
        self.reply.currentIndexChanged.connect(lambda _i: self._recheck())
        congress = QHBoxLayout()
        for label, edit in (
            (self.tr("代表总数"), self.members),
            (self.tr("出席"), self.attended),
            (self.tr("同意"), self.approved),
        ):
            congress.addWidget(QLabel(label), 0, Qt.AlignmentFlag.AlignTop)
            congress.addWidget(
                self.errors.wrap(edit.objectName(), edit), 1, Qt.AlignmentFlag.AlignTop
            )
            edit.textChanged.connect(lambda _t: self._recheck())
        other.addRow(self.tr("职代会"), congress)
        other.addRow(self.tr("审查意见"), self.objection_note)
        ending = QHBoxLayout()
        ending.addWidget(self.errors.wrap("end_kind", self.end_kind))
        ending.addWidget(self.errors.wrap("end_reason", self.end_reason), 1)
        for signal in (self.end_kind.currentIndexChanged, self.end_reason.textChanged):
            signal.connect(lambda _v: self._recheck())
        other.addRow(self.tr("变更／解除"), ending)
        return other

    def _load(self, data: OfferInput) -> None:
        self._show_enterprise()
        self.offeror.setCurrentIndex(max(self.offeror.findData(data.offeror), 0))
        self.union_name.setText(data.union_name)
        self.situation.blockSignals(True)
        self.situation.setCurrentIndex(max(self.situation.findData(data.situation), 0))
        self.situation.blockSignals(False)
        self.rules.setCurrentIndex(max(self.rules.findData(data.rules), 0))
        self._fill_topics(set(data.topics))
        for name, widget in self.dates.items():
            widget.set_value(getattr(data, name))
        self.reply.setCurrentIndex(max(self.reply.findData(data.reply), 0))
        for edit, value in (
            (self.members, data.congress_members),
            (self.attended, data.congress_attended),
            (self.approved, data.congress_approved),
        ):
            edit.setText("" if value is None else str(value))
        self.objection_note.setText(data.objection_note)
        self.end_kind.setCurrentIndex(max(self.end_kind.findData(data.end_kind), 0))
        self.end_reason.setText(data.end_reason)
        self._refresh_record()

    def _fill_topics(self, checked: set[str]) -> None:
        situation = self.situation.currentData()
        self.topics.clear()
        specific = set(
            negotiation_rules.rules_file()["situations"].get(situation, {}).get("topics", [])
        )
        for code in negotiation_rules.topics_for(situation):
            item = QListWidgetItem(
                ("★ " if code in specific else "")
                + negotiation_rules.topic_label(code, self.english)
            )
            item.setData(256, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if code in checked else Qt.CheckState.Unchecked
            )
            self.topics.addItem(item)

    def checked_topics(self) -> set[str]:
        return {
            self.topics.item(i).data(256)
            for i in range(self.topics.count())
            if self.topics.item(i).checkState() == Qt.CheckState.Checked
        }

    def set_topics(self, codes: set[str]) -> None:
        for i in range(self.topics.count()):
            item = self.topics.item(i)
            item.setCheckState(
                Qt.CheckState.Checked if item.data(256) in codes else Qt.CheckState.Unchecked
            )

    def _show_enterprise(self) -> None:
        ent = enterprises.get(self.db, self.enterprise_id) if self.enterprise_id else None
        self.enterprise_label.setText(ent["name"] if ent else self.tr("（尚未选择）"))

    def pick_enterprise(self) -> None:
        picker = EnterprisePicker(self.db, self)
        if picker.exec() == QDialog.DialogCode.Accepted and picker.chosen:
            self.enterprise_id = picker.chosen[0]
            self._show_enterprise()

    def _refresh_record(self) -> None:
        if not self.offer_id:
            self.sessions_box.show_sessions([])
            self.findings.show_findings([])
            return
        self.sessions_box.show_sessions(offers.sessions(self.db, self.offer_id))
        self.findings.show_findings(offers.findings(self.db, self.offer_id))

    def _int(self, edit: QLineEdit, label: str, errors: dict[str, str]) -> int | None:
        try:
            return parse_int(edit.text())
        except FieldError as exc:
            spec = FieldSpec(edit.objectName(), label, label)
            errors[edit.objectName()] = field_message(spec, exc)
            return None

    def _recheck(self) -> None:
        """Once a save was refused, the messages follow the fields as they are fixed."""
        if not self.rechecking:
            return
        try:
            data = self.collect()
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return
        self.errors.show(offers.problems(self.db, data))

    def collect(self) -> OfferInput:
        errors: dict[str, str] = {}
        members = self._int(self.members, self.tr("代表总数"), errors)
        attended = self._int(self.attended, self.tr("出席"), errors)
        approved = self._int(self.approved, self.tr("同意"), errors)
        if errors:
            raise ValidationError(errors)
        return OfferInput(
            self.enterprise_id,
            self.offeror.currentData(),
            self.situation.currentData(),
            sorted(self.checked_topics()),
            self.rules.currentData(),
            reply=self.reply.currentData(),
            congress_members=members,
            congress_attended=attended,
            congress_approved=approved,
            objection_note=self.objection_note.text().strip(),
            end_kind=self.end_kind.currentData(),
            end_reason=self.end_reason.text().strip(),
            union_name=self.union_name.text().strip(),
            **{name: widget.value() for name, widget in self.dates.items()},
        )

    def save(self) -> bool:
        try:
            self.offer_id = offers.save(self.db, self.collect(), self.offer_id)
        except ValidationError as exc:
            self.rechecking = True
            self.errors.show(exc.errors)
            return False
        self.rechecking = False
        self.errors.clear()
        self._refresh_record()
        self.saved.emit(self.offer_id)
        return True

    def add_session(self) -> bool:
        if not self.offer_id and not self.save():
            return False
        assert self.offer_id
        data = self.sessions_box.entered()
        try:
            offers.add_session(self.db, self.offer_id, data)
        except ValidationError as exc:
            self.errors.show(exc.errors)
            return False
        self.errors.clear()
        self._refresh_record()
        self.saved.emit(self.offer_id)
        return True
