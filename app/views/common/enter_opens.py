"""Enter on a list opens the selected record, as a double click does.

A coordinator who moves through a list with the arrow keys (README, 语言、快捷键)
had no key to open the row: QTableView only opens on a double click here. An event
filter rather than the view's `activated` signal, which some desktop styles emit on
a single click."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView


class EnterOpens(QObject):
    def __init__(self, view: QAbstractItemView, open_selected: Callable[[], object]) -> None:
        super().__init__(view)
        self.view = view
        self.open_selected = open_selected
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers()
            in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            and self.view.state() != QAbstractItemView.State.EditingState
            and self.view.currentIndex().isValid()
        ):
            self.open_selected()
            return True
        return False
