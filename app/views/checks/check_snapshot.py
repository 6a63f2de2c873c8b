"""The employment snapshot of the health-check dialog: the headcounts the check
records, each with its problem shown right under it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QLineEdit, QWidget

from app.services.core.fields import (
    FieldError,
    FieldSpec,
    ValidationError,
    field_message,
    parse_int,
)
from app.views.common.messages import FieldErrors
from app.views.common.widgets import named


def snapshot_labels() -> dict[str, str]:
    """The employment snapshot's fields as the check dialog and the scan review name them."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("SnapshotBox", text)

    return {
        "staff_count": tr("职工人数"),
        "contracts_signed": tr("已签劳动合同人数"),
        "migrant_workers": tr("农民工人数"),
        "dispatched_workers": tr("劳务派遣人数"),
        "wages_paid_through": tr("工资已足额发放至（年-月）"),
        "wages_owed_yuan": tr("拖欠工资金额（元）"),
        "wages_owed_people": tr("被拖欠工资人数"),
    }


class SnapshotBox(QGroupBox):
    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("用工基本情况"), parent)
        self.labels = snapshot_labels()
        self.edits: dict[str, QLineEdit] = {}
        grid = QGridLayout(self)
        top = Qt.AlignmentFlag.AlignTop
        for n, (name, label) in enumerate(self.labels.items()):
            edit = named(QLineEdit(), name)
            if name == "wages_paid_through":
                edit.setPlaceholderText("2023-05")
            self.edits[name] = edit
            grid.addWidget(QLabel(label), n // 2, (n % 2) * 2, top)
            grid.addWidget(errors.wrap(name, edit), n // 2, (n % 2) * 2 + 1, top)

    def int_or_none(self, name: str) -> int | None:
        try:
            return parse_int(self.edits[name].text())
        except FieldError:
            return None

    def values(self) -> dict[str, int | str | None]:
        """The snapshot as typed; ValidationError naming each field that is not a number."""
        errors: dict[str, str] = {}
        out: dict[str, int | str | None] = {}
        for name, edit in self.edits.items():
            if name == "wages_paid_through":
                out[name] = edit.text().strip()
                continue
            try:
                out[name] = parse_int(edit.text())
            except FieldError as exc:
                label = self.labels[name]
                errors[name] = field_message(FieldSpec(name, label, label), exc)
        if errors:
            raise ValidationError(errors)
        return out
