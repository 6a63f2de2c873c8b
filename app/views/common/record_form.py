"""The editors of a record's fields, built from its record spec's FieldSpecs.

Each field gets the widget its kind and editor hint ask for (docs/architecture-specs.md):
a line for text and numbers, a box for long text, a list for a choice, a tick box for
yes/no, a date that may be unknown for editor "date", a spin box for "count", the
enterprise picker for "enterprise". A field with editor "custom" is the record type's
own widget and is left to its dialog. Every editor sits above its red message label
(FieldErrors), so the dialog shows each problem beside its field.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from app.services.core.fields import FieldSpec, Kind
from app.services.core.messages import Label
from app.services.core.storage import Database
from app.services.register import enterprises
from app.views.common.enterprise_picker import EnterprisePicker
from app.views.common.messages import FieldErrors
from app.views.common.widgets import OptionalDate, push_button

# A row of a form: one field, or a label and the fields shown side by side under it.
Row = str | tuple[str, Sequence[str]]


class EnterpriseField(QWidget):
    """The enterprise a record belongs to: its name and a button that opens the picker."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.enterprise_id: str | None = None
        self.enterprise: dict[str, Any] = {}
        self.on_pick: Callable[[dict[str, Any]], None] | None = None
        self.name = QLabel()
        self.pick_button = push_button(self.tr("选择企业…"), "pick_enterprise", self.pick)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name, 1)
        layout.addWidget(self.pick_button)

    def set_value(self, enterprise_id: str | None) -> None:
        self.enterprise_id = enterprise_id or None
        self.enterprise = (enterprises.get(self.db, enterprise_id) or {}) if enterprise_id else {}
        self.name.setText(self.enterprise.get("name") or self.tr("（尚未选择）"))

    def value(self) -> str | None:
        return self.enterprise_id

    def pick(self) -> None:
        picker = EnterprisePicker(self.db, self)
        if picker.exec() == QDialog.DialogCode.Accepted and picker.chosen:
            self.set_value(picker.chosen[0])
            if self.on_pick is not None:
                self.on_pick(self.enterprise)


def _words(text: str | Label, english: bool) -> str:
    if isinstance(text, Label):
        return text.en if english else text.zh
    return text


class RecordForm:
    """The editors of `fields` (custom ones left out), their message labels, and
    their values by field name. `changed` is called on every edit."""

    def __init__(
        self,
        fields: Iterable[FieldSpec],
        db: Database,
        errors: FieldErrors,
        *,
        english: bool = False,
        changed: Callable[[], None] | None = None,
    ) -> None:
        self.db = db
        self.errors = errors
        self.english = english
        self._changed = changed or (lambda: None)
        self.fields = {f.name: f for f in fields if f.editor != "custom"}
        self.editors: dict[str, QWidget] = {n: self._editor(f) for n, f in self.fields.items()}

    # -- editors ---------------------------------------------------------------------------
    def _editor(self, spec: FieldSpec) -> QWidget:
        editor: QWidget
        if spec.editor == "enterprise":
            editor = EnterpriseField(self.db)
        elif spec.editor in ("date", "day"):
            editor = OptionalDate()
            editor.changed.connect(self._changed)
        elif spec.editor == "count":
            editor = QSpinBox()
            editor.setRange(spec.minimum or 0, 100000)
            editor.valueChanged.connect(lambda _v: self._changed())
        elif spec.kind is Kind.BOOL:
            editor = QCheckBox(self.label(spec) if spec.editor == "check" else "")
            editor.toggled.connect(lambda _on: self._changed())
        elif spec.kind is Kind.CHOICE:
            editor = QComboBox()
            if spec.default is None:
                editor.addItem("", "")
            choices = (spec.choices_en if self.english else None) or spec.choices
            for value, text in choices() if choices else ():
                editor.addItem(text, value)
            # The form's row gives the box its width; its longest choice (an English
            # legal ground) must not make the dialog wider than a 1280-pixel screen.
            # The open list and the tooltip show the whole choice.
            widest = editor.sizeHint().width()
            editor.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            editor.setMinimumContentsLength(16)
            editor.view().setMinimumWidth(widest)
            editor.currentTextChanged.connect(editor.setToolTip)
            editor.currentIndexChanged.connect(lambda _i: self._changed())
        elif spec.kind is Kind.LONGTEXT:
            editor = QPlainTextEdit()
            editor.setFixedHeight(60)
            editor.textChanged.connect(self._changed)
        else:
            editor = QLineEdit()
            placeholder = _words(spec.placeholder, self.english)
            if not placeholder and spec.kind is Kind.DATE:
                placeholder = "2019-05-06"
            editor.setPlaceholderText(placeholder)
            editor.textChanged.connect(lambda _t: self._changed())
        editor.setObjectName(spec.name)
        return editor

    def label(self, spec: FieldSpec) -> str:
        return spec.label_en if self.english else spec.label_zh

    def wrapped(self, name: str) -> QWidget:
        """The field's editor above its message label."""
        return self.errors.wrap(name, self.editors[name])

    def add_rows(self, form: QFormLayout, rows: Iterable[Row]) -> QFormLayout:
        """One row a field (its label beside it; a tick box carries its own), or a
        label and several fields side by side, each with its own label."""
        for row in rows:
            if isinstance(row, str):
                spec = self.fields[row]
                text = "" if spec.editor == "check" else self.label(spec)
                form.addRow(text, self.wrapped(row))
                continue
            text, names = row
            line = QHBoxLayout()
            for name in names:
                # A field the row is named after is not named again beside its box
                # (the offer's 变更／解除 row read "变更／解除  变更／解除 [▾]").
                own = self.label(self.fields[name])
                if len(names) > 1 and own != text:
                    line.addWidget(QLabel(own), 0, _TOP)
                line.addWidget(self.wrapped(name), 1, _TOP)
            form.addRow(text, line)
        return form

    def grid(self, names: Sequence[str], columns: int = 2) -> QGridLayout:
        """Fields `columns` a row, each with its label before it (the offer's dates)."""
        grid = QGridLayout()
        for n, name in enumerate(names):
            row, column = divmod(n, columns)
            grid.addWidget(QLabel(self.label(self.fields[name])), row, column * 2, _TOP)
            grid.addWidget(self.wrapped(name), row, column * 2 + 1)
        return grid

    # -- values ----------------------------------------------------------------------------
    def set_values(self, values: dict[str, Any]) -> None:
        for name, editor in self.editors.items():
            value = values.get(name, self.fields[name].default)
            if isinstance(editor, EnterpriseField | OptionalDate):
                editor.set_value(value)
            elif isinstance(editor, QSpinBox):
                editor.setValue(int(value or 0))
            elif isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(editor.findData(value or ""), 0))
            elif isinstance(editor, QPlainTextEdit):
                editor.setPlainText(str(value or ""))
            elif isinstance(editor, QLineEdit):
                shown = value.isoformat() if isinstance(value, date) else value
                editor.setText("" if shown is None else str(shown))

    def values(self) -> dict[str, Any]:
        """Each field's value as its editor holds it: typed text stays text for the
        record spec to read (RecordSpec.parse), so a wrong number gets its message."""
        out: dict[str, Any] = {}
        for name, editor in self.editors.items():
            if isinstance(editor, EnterpriseField | OptionalDate):
                out[name] = editor.value()
            elif isinstance(editor, QSpinBox):
                out[name] = editor.value()
            elif isinstance(editor, QCheckBox):
                out[name] = editor.isChecked()
            elif isinstance(editor, QComboBox):
                out[name] = editor.currentData() or ""
            elif isinstance(editor, QPlainTextEdit):
                out[name] = editor.toPlainText()
            elif isinstance(editor, QLineEdit):
                out[name] = editor.text()
        return out


_TOP = Qt.AlignmentFlag.AlignTop
