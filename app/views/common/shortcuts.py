"""Ctrl+S saves the dialog in front, whichever dialog it is.

Every record dialog has a save() (or try_save()) that checks and writes; one
application-wide filter maps the standard Save key to it, so the shortcut works
the same everywhere without each dialog wiring its own.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog


class SaveShortcut(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.ShortcutOverride:
            return False
        if not isinstance(event, QKeyEvent) or not event.matches(QKeySequence.StandardKey.Save):
            return False
        dialog = QApplication.activeModalWidget() or QApplication.activeWindow()
        if not isinstance(dialog, QDialog):
            return False
        save = getattr(dialog, "save", None) or getattr(dialog, "try_save", None)
        if not callable(save):
            return False
        event.accept()
        save()
        return True


_installed: list[SaveShortcut] = []


def install() -> None:
    app = QApplication.instance()
    if app is None or _installed:
        return
    shortcut = SaveShortcut(app)
    app.installEventFilter(shortcut)
    _installed.append(shortcut)
