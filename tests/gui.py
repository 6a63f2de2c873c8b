"""Driving widgets as a user would, for the view tests."""

from __future__ import annotations

from typing import Any


def type_text(qtbot: Any, widget: Any, text: str) -> None:
    """Type as a user would: ASCII as key clicks, Chinese as an input-method commit
    (QTest can only synthesise ASCII key presses)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QInputMethodEvent

    run = ""
    for ch in text + "\0":
        if ch.isascii() and ch != "\0":
            if run:
                event = QInputMethodEvent()
                event.setCommitString(run)
                QCoreApplication.sendEvent(widget, event)
                run = ""
            qtbot.keyClick(widget, ch)
        elif ch != "\0":
            run += ch
    if run:
        event = QInputMethodEvent()
        event.setCommitString(run)
        QCoreApplication.sendEvent(widget, event)
