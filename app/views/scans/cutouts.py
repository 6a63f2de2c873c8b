"""Cut-outs of a straightened scan as pixmaps, made once per page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QLabel, QWidget

from app.services.scans import reading
from app.services.scans.reading import PageReading


def pixmaps(
    page: PageReading, areas: list[list[float]], height: int = 0, width: int = 0
) -> list[QPixmap]:
    """One pixmap per area (millimetres), shrunk to fit `width` × `height` pixels when given."""
    out = []
    for data in reading.cutouts(page, areas):
        pixmap = QPixmap()
        pixmap.loadFromData(data, "PNG")
        w, h = width or pixmap.width(), height or pixmap.height()
        if pixmap.width() > w or pixmap.height() > h:
            pixmap = pixmap.scaled(
                w,
                h,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        out.append(pixmap)
    return out


def label(pixmap: QPixmap | None, missing: str, parent: QWidget | None = None) -> QLabel:
    """A cut-out beside its field; `missing` when that part of the form was not scanned."""
    widget = QLabel(parent)
    if pixmap is None or pixmap.isNull():
        widget.setText(missing)
        widget.setStyleSheet("color: #888;")
    else:
        widget.setPixmap(pixmap)
        widget.setStyleSheet("border: 1px solid #bbb; background: white;")
    return widget
