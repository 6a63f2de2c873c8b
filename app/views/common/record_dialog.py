"""An edit dialog built from a record type's FieldSpecs.

The dialog never decides validity itself: it hands the typed text to a save
callback (a service function) and shows the per-field problems that come back
next to their fields. Nothing is saved unless the service accepts it all.

An existing record's dialog keeps the version it was loaded from (`loaded`, for the
save callback to hand to the service) and a `reload` of the stored record: a save
that met a colleague's save opens the merge view (app/views/common/merge_dialog.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.core.edit_lock import EditConflict
from app.services.core.fields import FieldSpec, Kind, ValidationError
from app.services.core.messages import Label
from app.views.common.layouts import button_box, scrolled, vbox
from app.views.common.merge_dialog import MergeDialog, open_field_merge, plain_text
from app.views.common.messages import error_label, tr_message
from app.views.common.unsaved import confirm_discard

SaveCallback = Callable[[dict[str, Any]], Any]
CheckCallback = Callable[[dict[str, Any]], dict[str, str]]


class RecordDialog(QDialog):
    def __init__(
        self,
        specs: Sequence[FieldSpec],
        save: SaveCallback,
        *,
        title: str,
        values: dict[str, Any] | None = None,
        english: bool = False,
        check: CheckCallback | None = None,
        reload: Callable[[], dict[str, Any] | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.specs = list(specs)
        self._save = save
        self._check = check
        self._refused = False  # after a refused save, each change re-checks
        self._shown: dict[str, str] = {}
        self._english = english
        self.editors: dict[str, QWidget] = {}
        self.error_labels: dict[str, QLabel] = {}
        self.result_value: Any = None
        # The version the form was loaded from; the save callback hands it to the service.
        self.loaded: int | None = (values or {}).get("version")
        self.reload = reload  # the stored record, for the merge view
        self.merge_view: MergeDialog | None = None

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for spec in self.specs:
            editor = self._editor_for(spec)
            self.editors[spec.name] = editor
            error = error_label(f"error_{spec.name}")
            error.hide()
            self.error_labels[spec.name] = error
            box = QWidget()
            lay = QVBoxLayout(box)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.setSpacing(2)
            lay.addWidget(editor)
            lay.addWidget(error)
            lay.addStretch(1)  # 备注 at its label's height, not adrift in the dialog's spare room
            label = (spec.label_en if english else spec.label_zh) + ("*" if spec.required else "")
            form.addRow(label, box)

        scroll = scrolled(form)

        self.general_error = error_label("")
        self.general_error.hide()

        self.buttons = button_box(QDialogButtonBox.StandardButton.Save, self.try_save, self.reject)

        vbox(scroll, self.general_error, self.buttons, owner=self)
        self.resize(560, 640)
        if values:
            self.set_values(values)
        self._original = self.values()
        for spec in self.specs:
            self._watch(spec.name, self.editors[spec.name])

    def _watch(self, name: str, editor: QWidget) -> None:
        if isinstance(editor, QCheckBox):
            editor.toggled.connect(lambda _on: self._changed(name))
        elif isinstance(editor, QComboBox):
            editor.currentIndexChanged.connect(lambda _i: self._changed(name))
        elif isinstance(editor, QPlainTextEdit):
            editor.textChanged.connect(lambda: self._changed(name))
        elif isinstance(editor, QLineEdit):
            editor.textChanged.connect(lambda _t: self._changed(name))

    def _changed(self, name: str) -> None:
        """Once a save was refused, the messages follow the fields as they are fixed."""
        if not self._refused:
            return
        if self._check is not None:
            self.show_errors(self._check(self.values()))
        else:
            self.show_errors({k: v for k, v in self._shown.items() if k != name})

    def _editor_for(self, spec: FieldSpec) -> QWidget:
        editor: QWidget
        if spec.kind is Kind.BOOL:
            editor = QCheckBox()
        elif spec.kind is Kind.CHOICE:
            combo = QComboBox()
            combo.addItem("", "")
            choices = (spec.choices_en if self._english else None) or spec.choices
            for value, label in choices() if choices else []:
                combo.addItem(label, value)
            editor = combo
        elif spec.kind is Kind.LONGTEXT:
            editor = QPlainTextEdit()
            editor.setFixedHeight(80)
        else:
            line = QLineEdit()
            if spec.max_length:
                # Let a too-long paste through so the user sees why it is refused.
                line.setMaxLength(max(spec.max_length * 2, 100))
            if spec.placeholder:
                placeholder = spec.placeholder
                if isinstance(placeholder, Label):
                    placeholder = placeholder.en if self._english else placeholder.zh
                line.setPlaceholderText(placeholder)
            elif spec.kind is Kind.DATE:
                line.setPlaceholderText("2019-05-06")
            editor = line
        editor.setObjectName(f"field_{spec.name}")
        return editor

    # -- values -------------------------------------------------------------
    def set_values(self, values: dict[str, Any]) -> None:
        for spec in self.specs:
            editor = self.editors[spec.name]
            value = values.get(spec.name)
            if isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif isinstance(editor, QComboBox):
                index = editor.findData(value or "")
                editor.setCurrentIndex(max(index, 0))
            elif isinstance(editor, QPlainTextEdit):
                editor.setPlainText(str(value or ""))
            elif isinstance(editor, QLineEdit):
                if isinstance(value, date):
                    editor.setText(value.isoformat())
                else:
                    editor.setText("" if value is None else str(value))

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for spec in self.specs:
            editor = self.editors[spec.name]
            if isinstance(editor, QCheckBox):
                out[spec.name] = editor.isChecked()
            elif isinstance(editor, QComboBox):
                out[spec.name] = editor.currentData() or ""
            elif isinstance(editor, QPlainTextEdit):
                out[spec.name] = editor.toPlainText()
            elif isinstance(editor, QLineEdit):
                out[spec.name] = editor.text()
        return out

    # -- saving -------------------------------------------------------------
    def show_errors(self, errors: dict[str, str]) -> None:
        self._shown = dict(errors)
        for name, label in self.error_labels.items():
            message = tr_message(errors[name]) if name in errors else ""
            label.setText(message)
            label.setVisible(bool(message))
        unplaced = [tr_message(m) for n, m in errors.items() if n not in self.error_labels]
        self.general_error.setText("\n".join(unplaced))
        self.general_error.setVisible(bool(unplaced))
        if not self._refused:
            for name in self.error_labels:
                if name in errors:
                    self.editors[name].setFocus()
                    break

    def reject(self) -> None:
        """Esc, 取消 and the ✕: what was typed is only dropped when the user says so."""
        if self.values() != self._original and not confirm_discard(self):
            return
        super().reject()

    def try_save(self) -> None:
        try:
            self.result_value = self._save(self.values())
        except EditConflict as exc:
            self.show_errors(exc.errors)
            self.open_merge(exc)
            return
        except ValidationError as exc:
            self.show_errors(exc.errors)
            self._refused = True
            return
        self.accept()

    # -- a colleague saved first -----------------------------------------------------
    def _as_edited(self, values: dict[str, Any]) -> dict[str, Any]:
        """Stored values as the editors would hold them (what values() returns)."""
        out: dict[str, Any] = {}
        for spec in self.specs:
            editor, value = self.editors[spec.name], values.get(spec.name)
            if isinstance(editor, QCheckBox):
                out[spec.name] = bool(value)
            elif isinstance(editor, QComboBox):
                out[spec.name] = value or "" if editor.findData(value or "") >= 0 else ""
            elif isinstance(value, date):
                out[spec.name] = value.isoformat()
            else:
                out[spec.name] = "" if value is None else str(value)
        return out

    def _text(self, name: str, value: Any) -> str:
        editor = self.editors[name]
        if isinstance(editor, QComboBox):
            index = editor.findData(value or "")
            return editor.itemText(index) if index > 0 else ""
        if isinstance(editor, QCheckBox):
            return self.tr("是") if value else self.tr("否")
        return plain_text(value)

    def open_merge(self, conflict: EditConflict) -> MergeDialog | None:
        """Their version beside mine, field by field; None when it cannot be merged
        (the record was deleted): the message says so and the dialog keeps my input."""
        stored = self.reload() if self.reload is not None else None
        if stored is None or conflict.theirs.deleted:
            return None

        def save() -> None:
            self.show_errors({})
            self.try_save()

        return open_field_merge(
            self,
            conflict,
            self.specs,
            self._as_edited(stored),
            english=self._english,
            text=self._text,
            load=self.set_values,
            save=save,
        )
