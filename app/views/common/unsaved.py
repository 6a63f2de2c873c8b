"""Asking before a dialog drops what the user typed (Esc, 关闭, the window's ✕).

A health check of 32 items is a morning's work; one stray Esc must not throw it
away (README, 法治体检: "loses nothing"). The question defaults to keeping the work.

A dialog whose fields are plain widgets (a campaign's tables, the checklist, an item's
办理 fields) says which widgets hold its typed work (`KeepsTyped.typed_widgets`); what
they show is compared with what they showed when last loaded or saved."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTextEdit,
    QWidget,
)

from app.views.common.required_hooks import refuse_without

_EDITORS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QAbstractButton)


def confirm_discard(parent: QWidget) -> bool:
    """True when the user chose to drop the unsaved changes; No (the default, and
    Esc) keeps the dialog open with everything in it."""
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("unsaved", "放弃未保存的修改？"),
        QCoreApplication.translate(
            "unsaved",
            "这份记录还有未保存的修改，关闭后将丢失。\n\n"
            "点“是”放弃这些修改并关闭；点“否”回到记录，保存后再关闭。",
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def _value(widget: QWidget) -> Any:
    if isinstance(widget, QTableWidget):
        return tuple(
            (
                (item.text(), item.checkState()) if (item := widget.item(r, c)) else None,
                typed(cell) if (cell := widget.cellWidget(r, c)) else None,
            )
            for r in range(widget.rowCount())
            for c in range(widget.columnCount())
        )
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return (widget.currentIndex(), widget.currentText())
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked() if widget.isCheckable() else None
    # A panel: the editors and tables inside it, in the order they were made (not the
    # parts of an editor or a table, which the editor's or the table's value covers).
    return tuple(
        _value(child)
        for child in widget.findChildren(QWidget)
        if isinstance(child, (QTableWidget, *_EDITORS)) and not _inside_editor(child, widget)
    )


def _inside_editor(child: QWidget, panel: QWidget) -> bool:
    parent = child.parentWidget()
    while parent is not None and parent is not panel:
        if isinstance(parent, (QTableWidget, QComboBox, QAbstractSpinBox)):
            return True
        parent = parent.parentWidget()
    return False


def typed(*widgets: QWidget) -> tuple[Any, ...]:
    """What the widgets show: texts, choices, ticks, a table's cells (its cell widgets
    too); a panel stands for the editors and tables inside it."""
    return tuple(_value(w) for w in widgets)


class KeepsTyped:
    """Mixed into a QDialog (before it): Esc, 关闭 (wired to reject) and the ✕ ask
    before dropping what `typed_widgets` show, unless it is what was last kept."""

    _kept_typed: tuple[Any, ...] | None = None
    # The widgets whose contents are the dialog's typed work; every dialog that mixes
    # this in defines it (refused when the class is defined, views/common/required_hooks).
    typed_widgets: Callable[[], tuple[QWidget, ...]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        refuse_without(cls, "typed_widgets")

    def keep_typed(self) -> None:
        """What the widgets show now is stored (just loaded, or just saved)."""
        self._kept_typed = typed(*self.typed_widgets())

    def unsaved(self) -> bool:
        return self._kept_typed is not None and typed(*self.typed_widgets()) != self._kept_typed

    def reject(self) -> None:
        if self.unsaved() and not confirm_discard(self):  # type: ignore[arg-type]
            return
        super().reject()  # type: ignore[misc]
