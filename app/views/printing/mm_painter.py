"""Drawing in millimetres on a page: text, frames, solid marks and QR codes, for
forms laid out on a fixed grid (the blank field form)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QPainter

from app.views.printing import fonts

# Flags as plain ints, combined once: an enum `|` costs more in Python than the
# drawText it is for (a blank form draws 170 texts a form).
_WRAP = int(Qt.TextFlag.TextWordWrap)
LEFT_MIDDLE = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


class MmPainter:
    """Millimetre drawing helpers over a QPainter on a 300 dpi page.

    Fonts, fill colours and measured text heights are kept for the whole batch:
    every form of a batch shows the same checklist in the same fonts, so an item's
    height is measured once, not twice a form (docs/architecture.md, "Printing and
    documents")."""

    def __init__(self, painter: QPainter, dpi: float) -> None:
        self.p = painter
        self.k = dpi / 25.4
        self._fonts: dict[tuple[float, str | None, bool], QFont] = {}
        self._font_key: tuple[float, str | None, bool] | None = None
        self._heights: dict[tuple[object, float, str], float] = {}
        self._brushes: dict[str, QBrush] = {}
        self._black = QColor("black")

    def rect(self, x: float, y: float, w: float, h: float) -> QRectF:
        k = self.k
        return QRectF(x * k, y * k, w * k, h * k)

    def font(self, size: float, family: str | None = None, bold: bool = False) -> QFont:
        key = (size, family, bold)
        font = self._fonts.get(key)
        if font is None:
            font = QFont(family or fonts.body_family())
            font.setPointSizeF(size)
            font.setBold(bold)
            self._fonts[key] = font
        self.p.setFont(font)
        self._font_key = key
        return font

    def text(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        text: str,
        flags: Qt.AlignmentFlag | int = LEFT_MIDDLE,
    ) -> None:
        self.p.drawText(self.rect(x, y, w, h), int(flags) | _WRAP, text)

    def fit_text(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        text: str,
        size: float,
        *,
        smallest: float = 6.0,
        flags: Qt.AlignmentFlag | int = LEFT_MIDDLE,
    ) -> float:
        """`text` in its box on the fixed grid at `size` points, or smaller by half
        points (not below `smallest`) until its wrapped lines fit the box: a long
        enterprise name or address otherwise ran over the cell's borders and over the
        line above it. Returns the size used."""
        while True:
            self.font(size)
            metrics = QFontMetricsF(self.p.font(), self.p.device())
            bounds = metrics.boundingRect(self.rect(0, 0, w, 1000), _WRAP, text)
            if size <= smallest or (bounds.height() <= h * self.k and bounds.width() <= w * self.k):
                break
            size -= 0.5
        self.text(x, y, w, h, text, flags)
        return size

    def text_height(self, width: float, text: str) -> float:
        key = (self._font_key, width, text)
        height = self._heights.get(key) if self._font_key is not None else None
        if height is None:
            metrics = QFontMetricsF(self.p.font(), self.p.device())
            bounds = metrics.boundingRect(self.rect(0, 0, width, 1000), _WRAP, text)
            height = bounds.height() / self.k
            if self._font_key is not None:
                self._heights[key] = height
        return height

    def frame(self, x: float, y: float, w: float, h: float, fill: QColor | None = None) -> None:
        if fill is None:
            self.p.drawRect(self.rect(x, y, w, h))
            return
        name = fill.name()
        brush = self._brushes.get(name)
        if brush is None:
            brush = self._brushes[name] = QBrush(fill)
        self.p.save()
        self.p.setBrush(brush)
        self.p.drawRect(self.rect(x, y, w, h))
        self.p.restore()

    def solid(self, x: float, y: float, w: float, h: float) -> None:
        self.p.fillRect(self.rect(x, y, w, h), self._black)


def _qr_code(payload: str):  # noqa: ANN202 - zxingcpp.Image
    """The QR code's modules as an 8-bit image, a pixel a module (0 dark, 255 light),
    without the quiet zone. Level Q (printed_forms.qr_payload: alphanumeric, version 3
    for our payloads). Encoded by zxing-cpp, the library scans are read with
    (app/services/scans/qr.py): it picks the mask by the standard's penalty rules
    (ISO/IEC 18004 §7.8.3) in C++, where segno's pure-Python scoring of the eight
    masks was most of a blank form's time (docs/architecture.md, "Printing and
    documents")."""
    import zxingcpp

    code = zxingcpp.create_barcode(payload, zxingcpp.BarcodeFormat.QRCode, ec_level="Q")
    return code.to_image(scale=1, add_quiet_zones=False)


def qr_matrix(payload: str) -> list[bytes]:
    """The QR code's modules, row by row (1 dark, 0 light), without the quiet zone."""
    image = memoryview(_qr_code(payload))
    height, width = image.shape
    modules = image.tobytes().translate(_DARK)  # a byte a module: 0 dark, 255 light → 1, 0
    return [modules[r * width : (r + 1) * width] for r in range(height)]


_DARK = bytes([1] + [0] * 255)


def draw_qr(d: MmPainter, payload: str, x: float, y: float, size: float) -> None:
    """The QR code as one image of a pixel a module, scaled to `size` without smoothing:
    every module a sharp square, no seam between modules, and the PDF holds one small
    image (29 × 29) instead of the rectangles of each row's runs (about 220 a page,
    which took the PDF engine several times as long to write; issue 17). Lossless:
    Qt's PDF engine writes an opaque image as a JPEG unless told otherwise, and a
    JPEG's ringing has no place in a code that is read back from scans."""
    code = memoryview(_qr_code(payload))
    height, width = code.shape
    data = code.tobytes()
    image = QImage(data, width, height, width, QImage.Format.Format_Grayscale8)
    d.p.save()
    d.p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
    d.p.setRenderHint(QPainter.RenderHint.LosslessImageRendering, True)
    d.p.drawImage(d.rect(x, y, size, size), image)
    d.p.restore()
