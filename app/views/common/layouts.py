"""Rows and columns of a dialog in one call each: `hbox(a, b, STRETCH, c)` instead of a
layout and an addWidget / addLayout / addStretch line for every piece."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QBoxLayout,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

STRETCH = 1  # a bare number between the pieces is a stretch of that factor


def fill(layout: QBoxLayout, items: tuple[Any, ...]) -> None:
    """Widgets and layouts in order; (piece, factor) stretches a piece and
    (widget, factor, alignment) aligns it too; a number is an empty stretch."""
    for item in items:
        piece, factor, *alignment = item if isinstance(item, tuple) else (item, 0)
        if isinstance(piece, int):
            layout.addStretch(piece)
        elif isinstance(piece, QLayout):
            layout.addLayout(piece, factor)
        else:
            layout.addWidget(piece, factor, *alignment)


def hbox(*items: Any, owner: QWidget | None = None) -> QHBoxLayout:
    layout = QHBoxLayout(owner) if owner is not None else QHBoxLayout()
    fill(layout, items)
    return layout


def vbox(*items: Any, owner: QWidget | None = None) -> QVBoxLayout:
    layout = QVBoxLayout(owner) if owner is not None else QVBoxLayout()
    fill(layout, items)
    return layout


def scrolled(content: QLayout | QWidget) -> QScrollArea:
    """`content` (a layout is put in a widget of its own) in a scroll area that widens
    and heightens it with the area, scrolling only what does not fit."""
    if isinstance(content, QLayout):
        inner = QWidget()
        inner.setLayout(content)
        content = inner
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(content)
    return scroll


def form_rows(*rows: tuple[Any, Any]) -> QFormLayout:
    """A form of (label, field) rows."""
    layout = QFormLayout()
    for label, field in rows:
        layout.addRow(label, field)
    return layout


def button_box(
    main: QDialogButtonBox.StandardButton,
    accepted: Callable[[], Any],
    rejected: Callable[[], Any],
) -> QDialogButtonBox:
    """保存 (or OK) and 取消, Qt's own (translated by Qt), and what each does."""
    buttons = QDialogButtonBox(main | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(accepted)
    buttons.rejected.connect(rejected)
    return buttons
