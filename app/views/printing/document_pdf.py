"""Document values → QTextDocument → PDF file, printer, or print preview.

The same paint routine serves every device: the document is laid out on the
page's text area, drawn page by page, with the office name in the header and
"第 n 页 共 N 页" in the footer. Tables are HTML <thead> tables, which Qt
repeats at the top of each page.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from app.services.documents import (
    Document,
    FieldGrid,
    Heading,
    Paragraph,
    Seal,
    Signatures,
    Spacer,
    Table,
)
from app.views.printing import fonts

MARGINS_MM = QMarginsF(18, 20, 18, 18)
HEADER_MM = 8.0
FOOTER_MM = 8.0


def _esc(text: str) -> str:
    return html.escape(text).replace("\n", "<br/>")


def to_html(doc: Document) -> str:
    body = fonts.body_family()
    title = fonts.title_family()
    parts = [
        f"<html><body style=\"font-family:'{body}'; font-size:10.5pt;\">",
    ]
    if doc.number:
        parts.append(f"<p align='right' style='font-size:9pt; margin:0;'>{_esc(doc.number)}</p>")
    parts.append(
        f"<p align='center' style=\"font-family:'{title}'; font-size:18pt; font-weight:bold; margin-top:6px;"
        f' margin-bottom:{2 if doc.subtitle else 12}px;">{_esc(doc.title)}</p>'
    )
    if doc.subtitle:
        parts.append(
            f"<p align='center' style='font-size:12pt; margin-bottom:10px;'>{_esc(doc.subtitle)}</p>"
        )
    for block in doc.blocks:
        parts.append(_block(block, title))
    parts.append("</body></html>")
    return "".join(parts)


TABLE = "<table border='1' cellspacing='0' cellpadding='4' width='100%' style='border-collapse:collapse; border-color:#000;'>"


def _block(block: object, title_font: str) -> str:
    if isinstance(block, Heading):
        size = "12pt" if block.level == 1 else "11pt"
        return f"<p style=\"font-family:'{title_font}'; font-size:{size}; margin-top:10px; margin-bottom:4px;\">{_esc(block.text)}</p>"
    if isinstance(block, Paragraph):
        indent = "text-indent:21pt;" if block.indent else ""
        weight = "font-weight:bold;" if block.bold else ""
        return f"<p align='{block.align if block.align != 'left' else 'justify'}' style='{indent}{weight} line-height:130%; margin:4px 0;'>{_esc(block.text)}</p>"
    if isinstance(block, FieldGrid):
        share = 100 / block.columns
        rows = []
        for start in range(0, len(block.fields), block.columns):
            cells = []
            for label, value in block.fields[start : start + block.columns]:
                cells.append(
                    f"<td width='{share * 0.36:.0f}%' align='center' style='font-weight:bold;'>{_esc(label)}</td>"
                    f"<td width='{share * 0.64:.0f}%'>{_esc(value)}</td>"
                )
            rows.append("<tr>" + "".join(cells) + "</tr>")
        return TABLE + "".join(rows) + "</table><p style='margin:2px;'></p>"
    if isinstance(block, Table):
        total = sum(block.widths)
        head = "".join(
            f"<th width='{w * 100 / total:.1f}%' style='font-weight:bold;' bgcolor='#eeeeee'>{_esc(h)}</th>"
            for h, w in zip(block.headers, block.widths, strict=True)
        )
        rows = []
        for values in block.rows:
            cells = []
            for c, value in enumerate(values):
                align = block.align[c] if c < len(block.align) else "left"
                cells.append(f"<td align='{align}' style='font-size:9pt;'>{_esc(value)}</td>")
            rows.append("<tr>" + "".join(cells) + "</tr>")
        return (
            TABLE
            + f"<thead><tr>{head}</tr></thead><tbody>"
            + "".join(rows)
            + "</tbody></table><p style='margin:2px;'></p>"
        )
    if isinstance(block, Signatures):
        cells = "".join(
            f"<td width='{100 / len(block.labels):.0f}%'>{_esc(label)}：<br/><br/>＿＿＿＿＿＿＿＿＿＿</td>"
            for label in block.labels
        )
        return f"<table width='100%' cellpadding='6'><tr>{cells}</tr></table>"
    if isinstance(block, Seal):
        return (
            "<p style='margin-top:18px;'></p>"
            f"<p align='right' style='margin-right:40px;'>{_esc(block.office)}（盖章）</p>"
            f"<p align='right' style='margin-right:40px;'>{_esc(block.date)}</p>"
        )
    if isinstance(block, Spacer):
        return "<p>&nbsp;</p>" * block.lines
    raise TypeError(f"unknown block {block!r}")


def setup_device(device: QPagedPaintDevice, landscape: bool = False) -> None:
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait,
        MARGINS_MM,
        QPageLayout.Unit.Millimeter,
    )
    device.setPageLayout(layout)


def paint(documents: Sequence[Document], device: QPagedPaintDevice) -> int:
    """Paint every document on `device`, each starting on a new page; returns pages painted."""
    painter = QPainter(device)
    try:
        return _paint(documents, device, painter)
    finally:
        painter.end()


def _paint(documents: Sequence[Document], device: QPagedPaintDevice, painter: QPainter) -> int:
    dpi = device.logicalDpiY()
    mm = dpi / 25.4
    rect = device.pageLayout().paintRectPixels(device.resolution())
    width, height = rect.width(), rect.height()
    body_top = HEADER_MM * mm
    body_height = height - (HEADER_MM + FOOTER_MM) * mm
    small = QFont(fonts.body_family())
    small.setPointSizeF(9)
    pages_done = 0
    for index, doc in enumerate(documents):
        text = QTextDocument()
        text.documentLayout().setPaintDevice(device)
        text.setDefaultFont(QFont(fonts.body_family(), 10))
        text.setHtml(to_html(doc))
        text.setPageSize(QSizeF(width, body_height))
        text.setDocumentMargin(0)
        pages = text.pageCount()
        for page in range(pages):
            if index or page:
                device.newPage()
            painter.save()
            painter.setFont(small)
            painter.setPen(QPen(Qt.GlobalColor.black))
            painter.drawText(
                QRectF(0, 0, width, body_top - 2 * mm),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                doc.office,
            )
            painter.drawLine(0, int(body_top - 1.5 * mm), int(width), int(body_top - 1.5 * mm))
            painter.drawText(
                QRectF(0, height - FOOTER_MM * mm + 2 * mm, width, FOOTER_MM * mm - 2 * mm),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                f"第 {page + 1} 页　共 {pages} 页",
            )
            painter.translate(0, body_top - page * body_height)
            text.drawContents(painter, QRectF(0, page * body_height, width, body_height))
            painter.restore()
            pages_done += 1
    return pages_done


def write_pdf(documents: Sequence[Document], out: str | Path) -> Path:
    out = Path(out)
    writer = QPdfWriter(str(out))
    writer.setResolution(300)
    writer.setCreator("和谐台账 Hexie Desk")
    writer.setTitle(documents[0].title if documents else "")
    setup_device(writer, documents[0].landscape if documents else False)
    paint(documents, writer)
    return out
