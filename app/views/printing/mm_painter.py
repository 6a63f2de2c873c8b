"""Drawing in millimetres on a page: text, frames, solid marks and QR codes, for
forms laid out on a fixed grid (the blank field form)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath

from app.views.printing import fonts


class MmPainter:
    """Millimetre drawing helpers over a QPainter on a 300 dpi page."""

    def __init__(self, painter: QPainter, dpi: float) -> None:
        self.p = painter
        self.k = dpi / 25.4

    def rect(self, x: float, y: float, w: float, h: float) -> QRectF:
        return QRectF(x * self.k, y * self.k, w * self.k, h * self.k)

    def font(self, size: float, family: str | None = None, bold: bool = False) -> QFont:
        font = QFont(family or fonts.body_family())
        font.setPointSizeF(size)
        font.setBold(bold)
        self.p.setFont(font)
        return font

    def text(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        text: str,
        flags: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
    ) -> None:
        self.p.drawText(self.rect(x, y, w, h), int(flags | Qt.TextFlag.TextWordWrap), text)

    def text_height(self, width: float, text: str) -> float:
        metrics = QFontMetricsF(self.p.font(), self.p.device())
        bounds = metrics.boundingRect(
            self.rect(0, 0, width, 1000), int(Qt.TextFlag.TextWordWrap), text
        )
        return bounds.height() / self.k

    def frame(self, x: float, y: float, w: float, h: float, fill: QColor | None = None) -> None:
        self.p.save()
        if fill is not None:
            self.p.setBrush(QBrush(fill))
        self.p.drawRect(self.rect(x, y, w, h))
        self.p.restore()

    def solid(self, x: float, y: float, w: float, h: float) -> None:
        self.p.fillRect(self.rect(x, y, w, h), QColor("black"))


def draw_qr(d: MmPainter, payload: str, x: float, y: float, size: float) -> None:
    """The QR code as one filled path: each row's runs of dark modules one rectangle
    (a page drew 400 separate squares before, most of a blank form's time). Each
    rectangle reaches 0.01 mm into its neighbours, as the squares did, so that no
    hairline shows between rows; the winding fill makes the overlaps one dark area."""
    import segno

    # Level Q in alphanumeric mode (printed_forms.qr_payload): version 3, large modules.
    qr = segno.make(payload, error="q", boost_error=False)
    matrix = [list(row) for row in qr.matrix_iter(scale=1, border=0)]
    module = size / len(matrix)
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for r, line in enumerate(matrix):
        for start, length in dark_runs(line):
            path.addRect(
                d.rect(x + start * module, y + r * module, length * module + 0.01, module + 0.01)
            )
    d.p.fillPath(path, QColor("black"))


def dark_runs(line: list[int]) -> list[tuple[int, int]]:
    """(first column, length) of each run of dark modules in one row of the code."""
    runs: list[tuple[int, int]] = []
    start = None
    for c, dark in enumerate([*line, 0]):
        if dark and start is None:
            start = c
        elif not dark and start is not None:
            runs.append((start, c - start))
            start = None
    return runs
