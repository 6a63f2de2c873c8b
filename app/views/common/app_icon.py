"""The application icon — 和 in white on a red rounded square — drawn with the
bundled font rather than stored as image files. The window uses it at run time;
the build writes it out as .ico/.png for the installers (tools/make_icon.py)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QImage, QPainter, QPixmap

from app.paths import resource_path

RED = "#c0392b"


def _family() -> str:
    font_id = QFontDatabase.addApplicationFont(
        str(resource_path("fonts", "HexieSerifSC-Regular.otf"))
    )
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else QFont().family()


def draw(size: int = 256) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor(RED))
        painter.setPen(Qt.PenStyle.NoPen)
        edge = size * 0.04
        painter.drawRoundedRect(
            QRectF(edge, edge, size - 2 * edge, size - 2 * edge), size * 0.18, size * 0.18
        )
        font = QFont(_family())
        font.setPixelSize(int(size * 0.66))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(QRectF(0, -size * 0.03, size, size), Qt.AlignmentFlag.AlignCenter, "和")
    finally:
        painter.end()
    return image


def app_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 32, 48, 256):
        icon.addPixmap(QPixmap.fromImage(draw(size)))
    return icon
