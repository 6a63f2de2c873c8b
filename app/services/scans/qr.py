"""Finding the form's QR code on a page, with zxing-cpp.

zxing-cpp (the maintained C++ port of ZXing) was chosen over pyzbar: its wheels
carry the decoder inside them on Windows, Linux x86-64 and ARM64 alike (pyzbar
needs the system's libzbar, which 统信UOS and 银河麒麟 do not ship by default and
PyInstaller does not find), it is released several times a year (pyzbar's last
release was 2022), and it reports the symbol's four corners in the symbol's own
orientation, which is where the page's rotation is first read from.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import zxingcpp


@dataclass(frozen=True)
class QrCode:
    text: str
    # The symbol's corners in image pixels: its own top-left, top-right,
    # bottom-right, bottom-left (so a page upside down has them upside down).
    corners: np.ndarray  # 4×2 float32


def _read(image: np.ndarray, scale: float = 1.0) -> list[QrCode]:
    found = []
    for code in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode):
        if not code.valid:
            continue
        p = code.position
        corners = np.array(
            [
                [p.top_left.x, p.top_left.y],
                [p.top_right.x, p.top_right.y],
                [p.bottom_right.x, p.bottom_right.y],
                [p.bottom_left.x, p.bottom_left.y],
            ],
            dtype=np.float32,
        )
        found.append(QrCode(code.text, corners / scale))
    return found


def find_codes(grey: np.ndarray) -> list[QrCode]:
    """Every QR code on the page. Tries the image as it is, then a smaller copy
    (a blurred 300 dpi phone photo reads better smaller), then a contrast-stretched one
    (a faint or stained print), before giving up."""
    codes = _read(grey)
    if codes:
        return codes
    small = cv2.resize(grey, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    codes = _read(small, 0.5)
    if codes:
        return codes
    clahe = cv2.createCLAHE(clipLimit=3.0, tileGridSize=(8, 8)).apply(grey)
    codes = _read(clahe)
    if codes:
        return codes
    _, otsu = cv2.threshold(cv2.GaussianBlur(grey, (3, 3), 0), 0, 255, cv2.THRESH_OTSU)
    return _read(otsu)
