"""A titled box of a short list with its buttons beneath (添加… / 移除, 添加… / 打开):
the enterprises a guidance activity reached, a record's files."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QListWidget, QWidget

from app.views.common.layouts import vbox
from app.views.common.widgets import named, push_button


class ListBox(QGroupBox):
    def __init__(
        self,
        title: str,
        name: str,
        height: int,
        buttons: Sequence[tuple[str, str, Callable[[], object]]],
        parent: QWidget | None = None,
    ) -> None:
        """`buttons`: (text, object name or "", what a click does)."""
        super().__init__(title, parent)
        self.list = named(QListWidget(), name)
        self.list.setMaximumHeight(height)
        row = QHBoxLayout()
        for text, button_name, slot in buttons:
            button = push_button(text, slot=lambda _c=False, s=slot: s())
            if button_name:
                button.setObjectName(button_name)
            row.addWidget(button)
        row.addStretch(1)
        vbox(self.list, row, owner=self)
