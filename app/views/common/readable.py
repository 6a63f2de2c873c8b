"""Read-only editors that stay readable (issue 19).

A finalised check (or any record shown for reading) used to disable its editors:
Qt then paints them in the pale grey of a disabled control, hard to read. Here
text editors, spin boxes and date editors become read-only (normal text colour,
selectable), and combo boxes, check boxes and radio buttons stay enabled but let
no click, key or wheel change them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

LOCKED = "readable_locked"
# What would change a combo box or a check box: clicks, keys, the wheel.
_CHANGING = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.KeyPress,
    QEvent.Type.KeyRelease,
    QEvent.Type.Wheel,
}


class _Lock(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        return bool(watched.property(LOCKED)) and event.type() in _CHANGING


_lock: list[_Lock] = []


def _filter() -> _Lock:
    if not _lock:
        _lock.append(_Lock(QApplication.instance()))
    return _lock[0]


def set_readable(widget: QWidget, read_only: bool) -> None:
    """`widget` and the editors inside it read-only but readable (or editable again)."""
    for w in [widget, *widget.findChildren(QWidget)]:
        if isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit):
            w.setReadOnly(read_only)
            w.setEnabled(True)
        elif isinstance(w, QAbstractSpinBox):
            w.setReadOnly(read_only)
            w.setButtonSymbols(
                QAbstractSpinBox.ButtonSymbols.NoButtons
                if read_only
                else QAbstractSpinBox.ButtonSymbols.UpDownArrows
            )
            w.setEnabled(True)
        elif isinstance(w, QComboBox | QAbstractButton) and w.property("readable_action") is None:
            if isinstance(w, QAbstractButton) and not w.isCheckable():
                continue  # a push button acts; its owner enables or disables it
            w.setEnabled(True)
            w.setProperty(LOCKED, read_only)
            w.installEventFilter(_filter())


def is_locked(widget: QWidget) -> bool:
    """Whether a combo or check box of a read-only record refuses changes."""
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox):
        return widget.isReadOnly()
    return bool(widget.property(LOCKED))
