"""Driving widgets as a user would, for the view tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
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


def answer_questions(
    monkeypatch: Any, answer: Any, keep: Any = lambda title, _text: title
) -> list[str]:
    """QMessageBox.question answers `answer` at once; returns what `keep(title, text)`
    makes of each question asked (its title unless told otherwise), in order."""
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def question(_parent: Any, title: str, text: str, *_args: Any, **_kwargs: Any) -> Any:
        asked.append(keep(title, text))
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


@contextmanager
def english_window(
    qtbot: Any, qapp: Any, db: Any, *, size: tuple[int, int] | None = None
) -> Iterator[Any]:
    """The main window on `db` in English (resized to `size`), shown; Chinese again after."""
    from app import i18n
    from app.settings import AppSettings
    from app.tasks import SyncTaskRunner
    from app.views.main_window import MainWindow

    i18n.install(qapp, "en")
    window = MainWindow(db, AppSettings(operator="tester", language="en"), SyncTaskRunner())
    qtbot.addWidget(window)
    if size:
        window.resize(*size)
    window.show()
    try:
        yield window
    finally:
        window.close()
        i18n.install(qapp, "zh_CN")
