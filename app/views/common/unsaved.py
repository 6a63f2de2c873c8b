"""Asking before a dialog drops what the user typed (Esc, 关闭, the window's ✕).

A health check of 32 items is a morning's work; one stray Esc must not throw it
away (README, 法治体检: "loses nothing"). The question defaults to keeping the work."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


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
