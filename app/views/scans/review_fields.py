"""The handwritten part of a scanned form, for a person to type: the check
date, the team, the employment figures and the conclusion, each input beside
its cut-out from the scan. Nothing handwritten is machine-read."""

from __future__ import annotations

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.checks.health_checks import ROLES, SNAPSHOT_FIELDS, TeamMember
from app.services.core.fields import FieldError, ValidationError, parse_date, parse_int
from app.services.scans.batch import FormReading
from app.views.checks.check_snapshot import snapshot_labels
from app.views.common.layouts import form_rows, vbox
from app.views.common.widgets import named
from app.views.scans import cutouts

CUT_SIZE = (200, 32)  # a 7 mm field shrunk beside its input
CONCLUSION_WIDTH = 520
NAME_SEPARATORS = ("、", "，", ",", ";", "；", " ")


class HandwrittenFields(QWidget):
    def __init__(self, form: FormReading, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels = {"check_date": self.tr("体检日期"), **snapshot_labels()}
        self.role_labels = {
            "劳动关系协调员": self.tr("劳动关系协调员"),
            "劳动争议仲裁调解员": self.tr("劳动争议仲裁调解员"),
            "工会劳动法律监督员": self.tr("工会劳动法律监督员"),
            "集体协商指导员": self.tr("集体协商指导员"),
        }
        cut = self._cutouts(form)
        missing = self.tr("（该页未扫描）")
        self.inputs: dict[str, QLineEdit] = {}
        grid = QGridLayout()
        grid.setColumnStretch(2, 1)
        names = ["check_date", *(f"team:{r}" for r in ROLES), *SNAPSHOT_FIELDS]
        for row, name in enumerate(names):
            title = self.labels.get(name) or self.role_labels.get(name[5:], name[5:])
            edit = named(QLineEdit(), name)
            edit.setMinimumWidth(120)
            if name == "check_date":
                edit.setPlaceholderText("2023-07-20")
            elif name == "wages_paid_through":
                edit.setPlaceholderText("2023-05")
            elif name.startswith("team:"):
                edit.setPlaceholderText(self.tr("姓名，多人用顿号分隔"))
            self.inputs[name] = edit
            grid.addWidget(QLabel(title), row, 0)
            picture = cutouts.label(cut.get(name), missing)
            picture.setObjectName(f"cut_{name}")
            grid.addWidget(picture, row, 1)
            grid.addWidget(edit, row, 2)
        fields_box = QGroupBox(self.tr("手写内容（请照扫描件填写）"))
        fields_box.setLayout(grid)

        self.conclusion = named(QPlainTextEdit(), "conclusion")
        self.advice = named(QPlainTextEdit(), "advice")
        for edit in (self.conclusion, self.advice):
            edit.setMaximumHeight(70)
        text_form = form_rows(
            (self.tr("体检结论"), self.conclusion), (self.tr("改进建议"), self.advice)
        )
        closing_box = QGroupBox(self.tr("体检结论与改进建议"))
        vbox(cutouts.label(cut.get("conclusion"), missing), text_form, owner=closing_box)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(fields_box)
        layout.addWidget(closing_box)

    @staticmethod
    def _cutouts(form: FormReading) -> dict[str, QPixmap]:
        out: dict[str, QPixmap] = {}
        for page in form.pages.values():
            for f in page.fields:
                if "field" not in f or "rect" not in f:
                    continue
                width, height = CUT_SIZE if f["field"] != "conclusion" else (CONCLUSION_WIDTH, 0)
                out[f["field"]] = cutouts.pixmaps(page, [f["rect"]], height, width)[0]
        return out

    def collect(self) -> tuple[object, list[TeamMember], dict[str, int | str | None]]:
        """(check date, team, employment figures); ValidationError naming each bad field."""
        errors: dict[str, str] = {}
        try:
            check_date = parse_date(self.inputs["check_date"].text().strip())
        except FieldError as exc:
            errors["check_date"] = f"{self.labels['check_date']}：{exc}"
            check_date = None
        team = []
        for role in ROLES:
            text = self.inputs[f"team:{role}"].text()
            for sep in NAME_SEPARATORS:
                text = text.replace(sep, "\n")
            team += [TeamMember(name, role) for name in text.split("\n") if name.strip()]
        snapshot: dict[str, int | str | None] = {}
        for name in SNAPSHOT_FIELDS:
            raw = self.inputs[name].text().strip()
            if name == "wages_paid_through":
                snapshot[name] = raw
                continue
            try:
                snapshot[name] = parse_int(raw)
            except FieldError as exc:
                errors[name] = f"{self.labels[name]}：{exc}"
        for name, edit in self.inputs.items():
            edit.setStyleSheet("border: 1px solid #b00020;" if name in errors else "")
        if errors:
            raise ValidationError(errors)
        return check_date, team, snapshot

    def show_errors(self, errors: dict[str, str]) -> None:
        for name, edit in self.inputs.items():
            edit.setStyleSheet("border: 1px solid #b00020;" if name in errors else "")
