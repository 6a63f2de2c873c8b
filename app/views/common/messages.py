"""Showing service messages in the window's language, and beside their fields.

A service message (app/services/core/messages.py) is translated here through Qt's
translator, context "services", and its values are filled in after: the same
.ts file the rest of the window uses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from PySide6.QtWidgets import QLabel, QMessageBox, QVBoxLayout, QWidget

from app.i18n import tr_message
from app.services.core.edit_lock import EditConflict
from app.services.core.fields import ValidationError
from app.views.common.widgets import named

ERROR_STYLE = "color: #b00020;"


def exc_text(exc: BaseException) -> str:
    """An exception's message in the window's language: str(exc) would make the
    service message inside it plain Chinese text (a file that cannot be read)."""
    return tr_message(exc.args[0]) if exc.args and isinstance(exc.args[0], str) else str(exc)


def error_label(name: str = "error") -> QLabel:
    """An empty label in the error colour that wraps: where a dialog says what it refused
    or could not read (`name` is its object name, which tests find it by)."""
    label = named(QLabel(), name)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    return label


def tr_lines(texts: Iterable[str]) -> str:
    return "\n".join(tr_message(t) for t in texts)


def warn_if_refused(parent: QWidget, title: str, action: Callable[[], object]) -> bool:
    """Run `action`; a refusal (a ValidationError: a rule, or a colleague's change that
    came first) is shown in a warning box. False when it was refused."""
    try:
        action()
    except EditConflict as exc:  # nothing to merge: the list shows their change
        QMessageBox.warning(parent, title, tr_message(exc.shown_again("list")))
        return False
    except ValidationError as exc:
        QMessageBox.warning(parent, title, tr_lines(exc.errors.values()))
        return False
    return True


class FieldErrors:
    """Each field's problem in red right under the field; problems of no field in
    one general label. A field's message goes as soon as the field is fixed:
    the dialog re-checks on every change once a save has been refused."""

    def __init__(self, general: QLabel) -> None:
        self.general = general
        self.general.setStyleSheet(ERROR_STYLE)
        self.general.setWordWrap(True)
        self.labels: dict[str, QLabel] = {}
        self.widgets: dict[str, QWidget] = {}
        self.shown: dict[str, str] = {}

    def wrap(self, name: str, widget: QWidget, *also: str) -> QWidget:
        """`widget` with its message label under it; `also` are further field
        names whose problems show in the same place."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(widget)
        label = error_label(f"error_{name}")
        label.hide()
        layout.addWidget(label)
        for key in (name, *also):
            self.labels[key] = label
            self.widgets[key] = widget
        return box

    def show(self, errors: Mapping[str, str]) -> None:
        self.shown = {k: tr_message(v) for k, v in errors.items()}
        by_label: dict[int, list[str]] = {}
        for name, text in self.shown.items():
            label = self.labels.get(name)
            if label is not None:
                by_label.setdefault(id(label), []).append(text)
        for label in {id(lb): lb for lb in self.labels.values()}.values():
            texts = by_label.get(id(label), [])
            label.setText("\n".join(dict.fromkeys(texts)))
            label.setVisible(bool(texts))
        unplaced = [t for n, t in self.shown.items() if n not in self.labels]
        self.general.setText("\n".join(unplaced))
        self.general.setVisible(bool(unplaced))

    def clear(self) -> None:
        self.show({})

    def text(self, name: str) -> str:
        label = self.labels.get(name)
        return label.text() if label is not None and not label.isHidden() else ""
