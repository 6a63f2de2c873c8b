"""登记整改事项: a rectification item entered by hand (found outside a health check)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from app.services.core.fields import ValidationError
from app.services.core.storage import Database
from app.services.ledger import ledger
from app.services.ledger.ledger import ManualItem
from app.services.register import enterprises
from app.views.common.enterprise_picker import EnterprisePicker
from app.views.common.layouts import button_box, form_rows, hbox, vbox
from app.views.common.messages import error_label, tr_lines
from app.views.common.unsaved import confirm_discard
from app.views.common.widgets import named, push_button, pydate, qdate


class ManualItemDialog(QDialog):
    def __init__(
        self, db: Database, enterprise_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.enterprise_id = enterprise_id
        self.item_id: str | None = None
        self.setWindowTitle(self.tr("登记整改事项"))
        self.enterprise_label = QLabel()
        self.pick = push_button(self.tr("选择企业…"), "pick", self.pick_enterprise)
        self.matter = named(QPlainTextEdit(), "matter")
        self.matter.setFixedHeight(70)
        self.basis = named(QLineEdit(), "basis")
        self.remedy = named(QLineEdit(), "remedy")
        self.found_on = named(QDateEdit(), "found_on")
        self.deadline = named(QDateEdit(), "deadline")
        for edit in (self.found_on, self.deadline):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(qdate(date.today()))
        self.by_date = QRadioButton(self.tr("指定日期"))
        self.by_date.setChecked(True)
        self.by_days = named(QRadioButton(self.tr("按期限")), "by_days")
        self.days = named(QSpinBox(), "days")
        self.days.setRange(1, 365)
        self.days.setValue(30)
        self.day_kind = named(QComboBox(), "day_kind")
        self.day_kind.addItem(self.tr("日"), "calendar")
        self.day_kind.addItem(self.tr("个工作日"), "working")
        self.enterprise_person = named(QLineEdit(), "enterprise_person")
        self.office_person = named(QLineEdit(), "office_person")
        self.error = error_label()

        who = hbox((self.enterprise_label, 1), self.pick)
        due = hbox(self.by_date, self.deadline, self.by_days, self.days, self.day_kind)
        form = form_rows(
            (self.tr("企业"), who),
            (self.tr("整改事类"), self.matter),
            (self.tr("法律依据"), self.basis),
            (self.tr("整改建议"), self.remedy),
            (self.tr("发现日期"), self.found_on),
            (self.tr("整改时限"), due),
            (self.tr("整改负责人"), self.enterprise_person),
            (self.tr("本单位责任人"), self.office_person),
        )
        buttons = button_box(QDialogButtonBox.StandardButton.Save, self.save, self.reject)
        self.buttons = buttons
        vbox(form, self.error, buttons, owner=self)
        self._show_enterprise()
        self._opened = self._item()  # what closing compares with (nothing typed yet)
        self.resize(640, 460)

    def _show_enterprise(self) -> None:
        ent = enterprises.get(self.db, self.enterprise_id) if self.enterprise_id else None
        self.enterprise_label.setText(ent["name"] if ent else self.tr("（尚未选择）"))

    def pick_enterprise(self) -> None:
        picker = EnterprisePicker(self.db, self)
        if picker.exec() == QDialog.DialogCode.Accepted and picker.chosen:
            self.enterprise_id = picker.chosen[0]
            self._show_enterprise()

    def reject(self) -> None:
        """Esc, 取消 and the ✕: what was typed is only dropped when the user says so."""
        if self._item() != self._opened and not confirm_discard(self):
            return
        super().reject()

    def _item(self) -> ManualItem:
        by_days = self.by_days.isChecked()
        return ManualItem(
            self.enterprise_id,
            self.matter.toPlainText(),
            pydate(self.found_on.date()),
            None if by_days else pydate(self.deadline.date()),
            self.days.value() if by_days else None,
            self.day_kind.currentData(),
            self.basis.text(),
            self.remedy.text(),
            self.enterprise_person.text(),
            self.office_person.text(),
        )

    def save(self) -> None:
        try:
            self.item_id = ledger.add_manual(self.db, self._item())
        except ValidationError as exc:
            # A new item's original deadline is the deadline typed here: the dialog has no
            # field of that name, so its copy of the deadline's message is not shown twice.
            errors = dict(exc.errors)
            if "deadline" in errors:
                errors.pop("original_deadline", None)
            self.error.setText(tr_lines(errors.values()))
            return
        self.accept()
