"""Walking the window as a user does: every tab, every menu item, every button of every
tab, and the buttons of the dialogs they open, one level down.

Each window that opens (a dialog, a message box, a file dialog) is handed to
`seen(where, widget)` while it is open, then closed (rejected) — a file dialog
returns no file, a question returns No. The walk needs no knowledge of the dialogs:
a new one is reached by the menu item or button that opens it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QMenu,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QToolButton,
    QWidget,
)

Seen = Callable[[str, QWidget], None]
# Menu items that leave the walk nothing to read, or end it.
SKIPPED_ACTIONS = {"quit", "language_zh_CN", "language_en"}


class Walker:
    def __init__(self, window: QWidget, seen: Seen, *, depth: int = 1) -> None:
        self.window = window
        self.seen = seen
        self.depth = depth
        self.opened: list[str] = []
        self._runs: list[object] = []  # only the innermost run catches windows

    # -- catching what opens ----------------------------------------------------------------
    def _open_windows(self) -> list[QWidget]:
        return [
            w
            for w in QApplication.topLevelWidgets()
            if w.isVisible() and w is not self.window and not isinstance(w, QMenu)
        ]

    def run(self, where: str, action: Callable[[], object], level: int = 0) -> None:
        """Do `action`; every window it opens is read, its buttons pressed (while
        `level` < depth), and closed."""
        before = set(map(id, self._open_windows()))
        handled: set[int] = set()
        token = object()

        def catch() -> None:
            if not self._runs or self._runs[-1] is not token:
                return
            for w in self._open_windows():
                if id(w) in before or id(w) in handled:
                    continue
                handled.add(id(w))
                self._handle(f"{where} → {w.windowTitle() or type(w).__name__}", w, level)
                return  # one at a time: handling may open (and close) others

        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(catch)
        timer.start()
        self._runs.append(token)
        try:
            action()
            for _ in range(50):  # windows opened with open()/show() rather than exec()
                QApplication.processEvents()
                catch()
                if all(id(w) in before or id(w) in handled for w in self._open_windows()):
                    break
        finally:
            timer.stop()
            self._runs.pop()
        for w in self._open_windows():
            if id(w) not in before:
                self._close(w)

    def _handle(self, where: str, w: QWidget, level: int) -> None:
        self.opened.append(where)
        QApplication.processEvents()
        self.seen(where, w)
        if level < self.depth and isinstance(w, QDialog) and not _is_simple(w):
            for button in _buttons(w):
                if not w.isVisible():
                    break
                for label, press in _presses(button):
                    self.run(f"{where} / {label}", press, level + 1)
                    if w.isVisible():
                        self.seen(f"{where} after {label}", w)
        self._close(w)

    @staticmethod
    def _close(w: QWidget) -> None:
        if not w.isVisible():
            return
        if isinstance(w, QDialog):
            w.reject()  # a dialog with typed work asks first; the walk reads that box too
            if w.isVisible():  # ... and was told (Esc) to keep the work: end it all the same
                w.done(QDialog.DialogCode.Rejected)
        if w.isVisible():
            w.close()
        QApplication.processEvents()

    # -- the window ------------------------------------------------------------------------------
    def walk_menus(self) -> None:
        bar = self.window.menuBar()  # type: ignore[attr-defined]
        for top in bar.actions():
            for action in _actions(top.menu()):
                if action.objectName() in SKIPPED_ACTIONS or not action.isEnabled():
                    continue
                self.run(f"menu {action.text()}", action.trigger)

    def walk_tab(self, tab: QWidget, name: str) -> None:
        for button in _buttons(tab):
            for label, press in _presses(button):
                _select_first_rows(tab)  # the buttons that act on a selected record
                self.run(f"{name} / {label}", press)


def _select_first_rows(tab: QWidget) -> None:
    for view in tab.findChildren(QAbstractItemView):
        model = view.model()
        if view.isVisible() and model is not None and model.rowCount() > 0:
            if hasattr(view, "selectRow") and not view.selectionModel().hasSelection():
                view.selectRow(0)


def _is_simple(w: QWidget) -> bool:
    """Qt's own dialogs: read, not pressed through (a print preview would print)."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog
    from PySide6.QtWidgets import QFileDialog

    return isinstance(w, QMessageBox | QFileDialog | QPrintPreviewDialog)


def _actions(menu: QMenu | None) -> list[QAction]:
    if menu is None:
        return []
    out: list[QAction] = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        if action.menu() is not None:
            out += _actions(action.menu())
        else:
            out.append(action)
    return out


def _buttons(root: QWidget) -> list[QAbstractButton]:
    """Push and tool buttons, not those of an inner tab widget's bar or a nested
    dialog; the reminders' fold button and the like are pressed like any other."""
    out = []
    for b in root.findChildren(QAbstractButton):
        if not isinstance(b, QPushButton | QToolButton):
            continue
        if b.window() is not root.window():
            continue
        if isinstance(b.parent(), QTabWidget):
            continue
        out.append(b)
    return out


def _presses(button: QAbstractButton) -> list[tuple[str, Callable[[], object]]]:
    """A click, or for a button with a menu each of its items (one at a time)."""
    if not button.isVisible() or not button.isEnabled():
        return []
    menu = button.menu() if hasattr(button, "menu") else None
    if menu is not None and not menu.isEmpty():
        return [
            (f"{button.text()} {a.text()}", a.trigger)
            for a in _actions(menu)
            if a.isEnabled() and not a.isCheckable()
        ]
    return [(button.text(), button.click)]
