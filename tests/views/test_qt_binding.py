"""Guards against a Qt for Python binding that mis-counts references (PySide6 6.12.0
dropped a reference to None on each void QPainter call, crashing after a few
thousand calls — one printed form)."""

import sys

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter


def test_void_painter_calls_keep_none_alive(qapp):
    image = QImage(50, 50, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(2000):
        painter.save()
        painter.fillRect(QRectF(0, 0, 5, 5), QColor("black"))
        painter.drawRect(QRectF(0, 0, 5, 5))
        painter.restore()
    painter.end()
    assert sys.getrefcount(None) >= before - 100
