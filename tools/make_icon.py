"""Draw the application icon (resources/icons/hexie.png and .ico): the character
和 in white on a red rounded square, set in the bundled Noto Serif SC subset.

    python tools/make_icon.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter

    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    font_id = QFontDatabase.addApplicationFont(
        str(ROOT / "resources" / "fonts" / "NotoSerifSC-Regular-GB2312.otf")
    )
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    out = ROOT / "resources" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    for size in (256,):
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        p = QPainter(image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setBrush(QColor("#c0392b"))
        p.setPen(Qt.PenStyle.NoPen)
        p.drawRoundedRect(
            QRectF(size * 0.04, size * 0.04, size * 0.92, size * 0.92), size * 0.18, size * 0.18
        )
        font = QFont(family)
        font.setPixelSize(int(size * 0.66))
        font.setBold(True)
        p.setFont(font)
        p.setPen(QColor("white"))
        p.drawText(QRectF(0, -size * 0.03, size, size), Qt.AlignmentFlag.AlignCenter, "和")
        p.end()
        image.save(str(out / "hexie.png"))
        image.save(str(out / "hexie.ico"))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
