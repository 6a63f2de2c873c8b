"""The 打印 ▾ menus of the lists: for each form a submenu of 打印预览… / 另存为 PDF… /
另存为 Word…, each action named `print_<kind>_<how>` so tests and shortcuts find it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from app.views.common.widgets import named
from app.views.printing import actions

# preview, PDF, Word; a blank form that is read back from scans has no Word (README).
WITH_WORD = ("preview", ".pdf", ".docx")
WITHOUT_WORD = ("preview", ".pdf")


def _how_text(how: str) -> str:
    texts = {
        "preview": QCoreApplication.translate("ListTab", "打印预览…"),
        ".pdf": QCoreApplication.translate("ListTab", "另存为 PDF…"),
        ".docx": QCoreApplication.translate("ListTab", "另存为 Word…"),
    }
    return texts[how]


def add_ways(
    owner: QWidget,
    menu: QMenu,
    name: str,
    slot: Callable[[str], object],
    hows: Sequence[str] = WITH_WORD,
) -> None:
    """One action per way of printing, named `<name>_<how>`, calling slot(how)."""
    for how in hows:
        action = named(QAction(_how_text(how), owner), f"{name}_{how.strip('.')}")
        action.triggered.connect(lambda _c=False, h=how: slot(h))
        menu.addAction(action)


def form_menu(
    owner: QWidget,
    kinds: Sequence[tuple[str, str]],
    slot: Callable[[str, str], object],
) -> QMenu:
    """A submenu per form kind (kind, label); slot(kind, how). The duplex option is
    added by menu_button, after whatever the tab adds itself."""
    menu = QMenu(owner)
    for kind, label in kinds:
        sub = menu.addMenu(label)
        add_ways(owner, sub, f"print_{kind}", lambda how, k=kind: slot(k, how))
    return menu


def menu_button(text: str, name: str, menu: QMenu) -> QToolButton:
    """A tool button that opens `menu` at once, with the duplex option at its end."""
    button = named(QToolButton(), name)
    button.setText(text)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    actions.add_duplex_option(menu)
    button.setMenu(menu)
    return button
