from __future__ import annotations

import pytest

from app.settings import AppSettings
from app.tasks import SyncTaskRunner


@pytest.fixture
def window(qtbot, db, messages):
    from app.views.main_window import MainWindow

    w = MainWindow(db, AppSettings(operator="测试员"), SyncTaskRunner())
    qtbot.addWidget(w)
    w.show()
    return w


def type_text(qtbot, widget, text: str) -> None:
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
