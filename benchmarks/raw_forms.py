"""The raw limit for `hexie print-form blank-check` (benchmarks/whole_more.py): QPdfWriter
and the libraries alone doing the same work as the blank field form, without the program.

Per enterprise, as ours prints (app/views/printing/blank_form_pdf.py, measured on the
demo register: 4 A4 pages a form, 42.5 texts, 88 rectangles, 4 solid marks and one QR
code a page, 40 font changes a page): the same A4 page without margins at 300 dpi, the
same two bundled fonts (resources/fonts/, loaded with QFontDatabase) at the same sizes,
the same checklist items read with sqlite3 (group rows, and per item six framed cells,
its code, its question and its basis word-wrapped, three tick boxes), the enterprise
block on the first page, and on every page four corner marks, a QR code of the same
kind of payload (zxing-cpp, level Q, as ours: drawn as an image here), the office, the
title, the enterprise line and the page number. What it leaves out is the program's
own work: measuring each row's height and paginating on it (raw puts the rows in four
equal pages), the form's layout record for reading scans back and its database row.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"
PAGES = 4  # a blank form's pages on the demo checklist (32 items in 10 groups)
K = 300 / 25.4  # dots a millimetre at 300 dpi
COLUMNS = (12, 98, 15, 15, 15, 25)  # mm, as ours
HEADS = ("编号", "检查内容及依据", "合规", "不合规", "不适用", "说明")
ROW = 12.0  # an item row, mm (ours measures each; 11 rows fit the first page)


def _data(db_path: str, count: int) -> tuple[str, list[tuple], list[tuple[str, str, str, str]]]:
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    office = con.execute("SELECT value FROM setting WHERE key = 'office.name'").fetchone()
    enterprises = con.execute(
        "SELECT name, credit_code, legal_representative, contact_person, contact_phone, address"
        " FROM enterprise WHERE deleted = 0 ORDER BY name_pinyin, id LIMIT ?",
        (count,),
    ).fetchall()
    items = con.execute(
        "SELECT code, group_name, question, basis FROM checklist_item WHERE deleted = 0"
        " AND retired = 0 AND checklist_id = (SELECT id FROM checklist WHERE deleted = 0"
        " ORDER BY edition DESC LIMIT 1) ORDER BY position"
    ).fetchall()
    con.close()
    return (office[0] if office else ""), enterprises, items


def _rows(items: list[tuple[str, str, str, str]]) -> list[list[tuple[str, ...]]]:
    """Group rows and item rows, in four equal pages."""
    rows: list[tuple[str, ...]] = []
    group = None
    for code, group_name, question, basis in items:
        if group_name != group:
            group = group_name
            rows.append((group_name,))
        rows.append((code, question, basis))
    size = -(-len(rows) // PAGES)
    return [rows[n : n + size] for n in range(0, len(rows), size)]


def forms_pdf_raw(db_path: str, count: str, out: str) -> None:
    import zxingcpp
    from PySide6.QtCore import QMarginsF, QRectF, Qt
    from PySide6.QtGui import (
        QBrush,
        QColor,
        QFont,
        QFontDatabase,
        QGuiApplication,
        QImage,
        QPageLayout,
        QPageSize,
        QPainter,
        QPdfWriter,
        QPen,
    )

    QGuiApplication(sys.argv[:1])
    serif, sans = (
        QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(FONTS / f)))[0]
        for f in ("HexieSerifSC-Regular.otf", "HexieSansSC-Bold.otf")
    )

    def font(size: float, family: str = serif, bold: bool = False) -> QFont:
        made = QFont(family)
        made.setPointSizeF(size)
        made.setBold(bold)
        return made

    body, small, label, title = font(8.5), font(7.5), font(9, sans, True), font(15, sans, True)
    wrap = int(Qt.TextFlag.TextWordWrap)
    middle = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter) | wrap
    top = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | wrap
    center = int(Qt.AlignmentFlag.AlignCenter) | wrap
    grey, fill = QPen(QColor("#444444")), QBrush(QColor("#eeeeee"))
    black = QColor("black")

    def mm(x: float, y: float, w: float, h: float) -> QRectF:
        return QRectF(x * K, y * K, w * K, h * K)

    office, enterprises, items = _data(db_path, int(count))
    pages = _rows(items)
    writer = QPdfWriter(out)
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    p = QPainter(writer)

    def cell(x: float, y: float, w: float, h: float, text: str = "", filled: bool = False) -> None:
        if filled:
            p.save()
            p.setBrush(fill)
            p.drawRect(mm(x, y, w, h))
            p.restore()
        else:
            p.drawRect(mm(x, y, w, h))
        if text:
            p.drawText(mm(x, y, w, h), center, text)

    for n, (name, code, legal, contact, phone, address) in enumerate(enterprises):
        for page, rows in enumerate(pages, start=1):
            if n or page > 1:
                writer.newPage()
            for x, y in ((8, 8), (196, 8), (8, 283), (196, 283)):
                p.fillRect(mm(x, y, 6, 6), black)
            qr = zxingcpp.create_barcode(
                f"HX1:B:{n:026d}:{code}:1:{page}/{PAGES}",
                zxingcpp.BarcodeFormat.QRCode,
                ec_level="Q",
            ).to_image(scale=1, add_quiet_zones=False)
            side = qr.shape[0]
            image = QImage(bytes(qr), side, side, side, QImage.Format.Format_Grayscale8)
            p.drawImage(mm(167, 10, 24, 24), image)
            p.setFont(body)
            p.drawText(mm(17, 10, 120, 5), middle, office)
            p.setFont(title)
            p.drawText(mm(25, 17, 130, 9), center, "劳动用工法治体检现场记录表")
            p.setFont(body)
            p.drawText(mm(17, 28.5, 146, 5), middle, f"{name}　表单编号 {n}　清单第 1 版")
            p.drawText(mm(15, 277, 180, 5), center, f"第 {page} 页　共 {PAGES} 页")
            y = 38.0
            if page == 1:
                p.setFont(label)
                pairs = ("企业名称", name, "统一社会信用代码", code, "法定代表人", legal)
                pairs += ("联系人／电话", f"{contact} {phone}", "地址", address, "体检日期", "")
                for k in range(0, 12, 2):
                    x, yy = 15 + (k // 2 % 2) * 90, y + k // 4 * 7
                    cell(x, yy, 31, 7, pairs[k], filled=True)
                    cell(x + 31, yy, 59, 7, pairs[k + 1])
                y += 24
                for k in range(4):
                    cell(15 + k % 2 * 90, y + k // 2 * 7, 38, 7, "检查组", filled=True)
                    cell(53 + k % 2 * 90, y + k // 2 * 7, 52, 7)
                y += 17
                for k in range(7):
                    cell(15 + k % 2 * 90, y + k // 2 * 7, 44, 7, "用工情况", filled=True)
                    cell(59 + k % 2 * 90, y + k // 2 * 7, 46, 7)
                y += 32
            p.setFont(label)
            x = 15.0
            for w, head in zip(COLUMNS, HEADS, strict=True):
                cell(x, y, w, 7, head, filled=True)
                x += w
            y += 7
            for row in rows:
                if len(row) == 1:
                    p.setFont(label)
                    cell(15, y, 180, 6, row[0], filled=True)
                    y += 6
                    continue
                p.setFont(body)
                x = 15.0
                for w in COLUMNS:
                    p.drawRect(mm(x, y, w, ROW))
                    x += w
                p.drawText(mm(15, y, 12, ROW), center, row[0])
                p.drawText(mm(28.5, y + 1.6, 95, 6), top, row[1])
                p.setFont(small)
                p.setPen(grey)
                p.drawText(mm(28.5, y + 7.6, 95, 3), top, "依据：" + row[2])
                p.setPen(black)
                for bx in (130.25, 145.25, 160.25):
                    p.drawRect(mm(bx, y + 3.75, 4.5, 4.5))
                y += ROW
    p.end()


if __name__ == "__main__":
    forms_pdf_raw(*sys.argv[1:])
