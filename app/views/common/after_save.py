"""What a person sees after 保存 (issue 19): the dialog closes, the status bar says what
was saved, and the saved record is selected and scrolled to in its list; dialogs where
people enter many records in a row (offers, layoffs, risk events) also offer 保存并新建,
which saves, closes and opens an empty dialog of the same kind."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QBoxLayout, QMainWindow, QPushButton, QWidget

from app.views.common.widgets import push_button

# Rows searched for the saved record (pages already read are reused); a record beyond
# them (a new enterprise in a register of 100,000 sorted by pinyin) is not selected.
SEARCHED_ROWS = 5000
STATUS_MS = 8000


def close_on_save(
    dialog: Any, save_button: QPushButton, buttons: QBoxLayout, *, with_new: bool
) -> QPushButton | None:
    """保存 closes the dialog once the record is saved (errors keep it open, shown by
    the fields); with `with_new`, 保存并新建 beside it. `dialog.save()` stays the
    dialog's own (adding a session or a step saves first and keeps the dialog open)."""
    dialog.save_and_new = False
    save_button.clicked.disconnect()
    save_button.clicked.connect(lambda _c=False: _save(dialog, new=False))
    if not with_new:
        return None
    again = push_button(
        QCoreApplication.translate("after_save", "保存并新建"),
        "save_and_new",
        lambda _c=False: _save(dialog, new=True),
    )
    again.setToolTip(QCoreApplication.translate("after_save", "保存这一条，再打开一张空白的登记"))
    buttons.insertWidget(buttons.indexOf(save_button) + 1, again)
    return again


def _save(dialog: Any, *, new: bool) -> None:
    if dialog.save():
        dialog.save_and_new = new
        dialog.accept()


def select_record(table: QAbstractItemView, record_id: str) -> bool:
    """Select the record's row and scroll to it; False when it is not in the list's
    first SEARCHED_ROWS rows (filtered out, or far down a very long list)."""
    model: Any = table.model()
    if getattr(model, "counting", False):
        model.count_now()  # the record may sit beyond the first page shown so far
    for row in range(min(model.rowCount(), SEARCHED_ROWS)):
        if model.row_id(row) == record_id:
            table.selectRow(row)
            table.scrollTo(model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
            return True
    return False


def announce(widget: QWidget, text: str) -> None:
    """The message on the main window's status bar (nothing when the widget is not in one)."""
    window = widget.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, STATUS_MS)


def saved_message(what: str, found: bool) -> str:
    text = QCoreApplication.translate("after_save", "已保存%1。").replace("%1", what)
    if not found:
        text += QCoreApplication.translate("after_save", "（当前筛选条件下列表中没有这一条。）")
    return text
