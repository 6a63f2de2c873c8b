"""Document values → pages → PDF file, printer, or print preview.

Each document is cut into pieces (app.views.printing.flow) and placed on A4 pages:
table rows and headings are never split from what belongs with them, the header
row repeats on every page a table continues on, and the sign-off never stands
alone on a page. The office name heads each page when the document has one (letters
between a union and an enterprise have none); "第 n 页 共 N 页" in the footer counts
the pages of each document, so in a file of many forms every form starts at 1.
With `odd_pages`, every document starts on an odd page (a blank page is added
after one that ends on an odd page) so that duplex printing never puts two forms
on one sheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
)

from app.services.documents import documents as doc
from app.services.documents.title_lines import break_lines
from app.views.printing import fonts
from app.views.printing.flow import Kit, Page, Piece, TableHead, glue_sign_off, paginate, paint_page

MARGINS_MM = QMarginsF(18, 20, 18, 18)
HEADER_MM = 8.0
FOOTER_MM = 8.0
BODY_PT = 10.5
TABLE_PT = 9.0
PAD_MM = 1.2


class _Builder:
    def __init__(self, kit: Kit, width: float) -> None:
        self.kit = kit
        self.width = width
        self.body = kit.font(BODY_PT)
        self.line = QFontMetricsF(self.body, kit.device).height() * 1.3

    # -- blocks ---------------------------------------------------------------------------
    def title(self, document: doc.Document) -> list[Piece]:
        k = self.kit
        pieces: list[Piece] = []
        if document.number:
            pieces += k.paragraph(
                document.number, k.font(9), self.width, align="right", leading=1.2
            )
        font = k.font(18, title=True)
        metrics = QFontMetricsF(font, k.device)
        lines = break_lines(document.title, lambda s: metrics.horizontalAdvance(s) <= self.width)
        for n, line in enumerate(lines):
            pieces += k.paragraph(
                line,
                font,
                self.width,
                align="center",
                leading=1.25,
                space_before=2 * k.mm * (n == 0),
            )
        if document.subtitle:
            pieces += k.paragraph(document.subtitle, k.font(12), self.width, align="center")
        pieces.append(Piece(3 * k.mm, lambda p, x, y: None, body=False))
        for piece in pieces:
            piece.keep_with_next = True
            piece.body = False
        return pieces

    def heading(self, block: doc.Heading) -> list[Piece]:
        size = 12.0 if block.level == 1 else 11.0
        pieces = self.kit.paragraph(
            block.text,
            self.kit.font(size, title=block.level == 1, bold=block.level > 1),
            self.width,
            leading=1.3,
            space_before=2.5 * self.kit.mm,
            keep_together=True,
        )
        for piece in pieces:
            piece.keep_with_next = True
            piece.body = False
        return pieces

    def paragraph(self, block: doc.Paragraph) -> list[Piece]:
        return self.kit.paragraph(
            block.text,
            self.kit.font(BODY_PT, bold=block.bold),
            self.width,
            align=block.align if block.align != "left" else "justify",
            indent=2 * BODY_PT / 72 * 25.4 * self.kit.mm if block.indent else 0.0,
            space_before=1.0 * self.kit.mm,
        )

    def _row(
        self,
        cells: Sequence[str],
        widths: Sequence[float],
        aligns: Sequence[str],
        fonts_: Sequence[QFont],
        fills: Sequence[str],
    ) -> tuple[float, object]:
        k = self.kit
        pad = PAD_MM * k.mm
        laid = []
        for text, width, align, font in zip(cells, widths, aligns, fonts_, strict=True):
            layout, heights = k.layout(text, font, width - 2 * pad, align=align, leading=1.15)
            laid.append((layout, sum(heights)))
        height = max(h for _l, h in laid) + 2 * pad

        def paint(p: QPainter, x: float, y: float) -> None:
            left = x
            for (layout, h), width, fill in zip(laid, widths, fills, strict=True):
                k.box(p, left, y, width, height, fill)
                k.draw_layout(p, layout, left + pad, y + (height - h) / 2)
                left += width

        return height, paint

    def table(self, block: doc.Table) -> list[Piece]:
        total = sum(block.widths)
        widths = [self.width * w / total for w in block.widths]
        aligns = [block.align[c] if c < len(block.align) else "left" for c in range(len(widths))]
        bold = self.kit.font(TABLE_PT, bold=True)
        plain = self.kit.font(TABLE_PT)
        n = len(widths)
        h, paint = self._row(block.headers, widths, ["center"] * n, [bold] * n, ["#eeeeee"] * n)
        head = TableHead(h, paint)  # type: ignore[arg-type]
        pieces = []
        for row in block.rows:
            total_row = row and row[0] == "合计"
            h, paint = self._row(row, widths, aligns, [bold if total_row else plain] * n, [""] * n)
            pieces.append(Piece(h, paint, head=head))  # type: ignore[arg-type]
        if pieces:
            pieces[0].space_before = 1.0 * self.kit.mm
        # As a paragraph's lines (flow.Kit.paragraph): the first two rows and the last
        # two stay together, so a page never ends on a table's first row nor begins
        # with its last one alone (a 合计 row under the repeated header).
        if len(pieces) >= 2:
            pieces[0].keep_with_next = pieces[-2].keep_with_next = True
        return pieces + [self.gap(1.5)]

    def grid(self, block: doc.FieldGrid) -> list[Piece]:
        k = self.kit
        font = k.font(BODY_PT)
        bold = k.font(BODY_PT, bold=True)
        metrics = QFontMetricsF(bold, k.device)
        share = self.width / block.columns
        # One label width for every grid of a form (that of 统一社会信用代码), unless a
        # label is longer: the grids line up down the page.
        widest = max(
            [metrics.horizontalAdvance(label) for label, _v in block.fields]
            + [metrics.horizontalAdvance("统一社会信用代码")]
        )
        label_w = min(share * 0.45, widest + 2 * PAD_MM * k.mm + 1)
        widths = [label_w, share - label_w] * block.columns
        pieces = []
        for start in range(0, len(block.fields), block.columns):
            pairs = block.fields[start : start + block.columns]
            pairs += [("", "")] * (block.columns - len(pairs))
            cells = [t for pair in pairs for t in pair]
            h, paint = self._row(
                cells,
                widths,
                ["center", "left"] * block.columns,
                [bold, font] * block.columns,
                ["#f2f2f2", ""] * block.columns,
            )
            pieces.append(Piece(max(h, 7.5 * k.mm), paint))  # type: ignore[arg-type]
        for piece in pieces[:-1]:
            piece.keep_with_next = len(pieces) <= 4  # a short grid stays in one piece
        return pieces + [self.gap(1.5)]

    def gap(self, mm: float) -> Piece:
        return Piece(mm * self.kit.mm, lambda p, x, y: None, body=False)

    def signatures(self, block: doc.Signatures) -> list[Piece]:
        k = self.kit
        share = self.width / max(1, len(block.labels))
        layouts = [k.layout(line, self.body, share - 2 * k.mm)[0] for line in block.lines()]

        def paint(p: QPainter, x: float, y: float) -> None:
            for n, layout in enumerate(layouts):
                k.draw_layout(p, layout, x + n * share, y + self.line)

        return [Piece(self.line * 2.5, paint, body=False)]

    def seal(self, block: doc.Seal) -> list[Piece]:
        k = self.kit
        right = 12 * k.mm
        lines = [f"{block.office}（盖章）" if block.office else "（盖章）", block.date]
        metrics = QFontMetricsF(self.body, k.device)
        widest = max(metrics.horizontalAdvance(t) for t in lines)
        pieces = []
        for n, text in enumerate(lines):
            # Both lines centred on one axis: the date under the middle of the name.
            offset = (widest - metrics.horizontalAdvance(text)) / 2

            def paint(p: QPainter, x: float, y: float, text=text, offset=offset) -> None:
                p.setFont(self.body)
                left = x + self.width - right - widest + offset
                p.drawText(
                    QRectF(left, y, widest * 2, self.line), int(Qt.AlignmentFlag.AlignLeft), text
                )

            pieces.append(Piece(self.line, paint, body=False, space_before=self.line * (n == 0)))
        return pieces

    def stamp_boxes(self, block: doc.StampBoxes) -> list[Piece]:
        k = self.kit
        box_w, box_h = 58 * k.mm, 40 * k.mm
        gap = (self.width - box_w * len(block.labels)) / max(1, len(block.labels))

        def paint(p: QPainter, x: float, y: float) -> None:
            p.save()
            p.setFont(self.body)
            for n, label in enumerate(block.labels):
                left = x + gap / 2 + n * (box_w + gap)
                p.setPen(k.pen(0.2, "#777777"))
                p.drawRect(QRectF(left, y, box_w, box_h))
                p.setPen(k.pen(0.2))
                p.drawText(
                    QRectF(left, y + 1.5 * k.mm, box_w, self.line),
                    int(Qt.AlignmentFlag.AlignHCenter),
                    label,
                )
                if block.dated:
                    p.drawText(
                        QRectF(
                            left, y + box_h - self.line - 1.5 * k.mm, box_w - 3 * k.mm, self.line
                        ),
                        int(Qt.AlignmentFlag.AlignRight),
                        "年　　月　　日",
                    )
            p.restore()

        return [Piece(box_h + 2 * k.mm, paint, body=False, space_before=2 * k.mm)]

    def block(self, block: Any) -> list[Piece]:
        """The pieces of one block of the document, by its kind."""
        laid_out = {
            doc.Heading: self.heading,
            doc.Paragraph: self.paragraph,
            doc.Table: self.table,
            doc.FieldGrid: self.grid,
            doc.Signatures: self.signatures,
            doc.Seal: self.seal,
            doc.StampBoxes: self.stamp_boxes,
            doc.Spacer: self.spacer,
        }.get(type(block))
        if laid_out is None:
            raise TypeError(f"unknown block {block!r}")
        return laid_out(block)

    def spacer(self, block: doc.Spacer) -> list[Piece]:
        return [Piece(self.line * block.lines, lambda p, x, y: None, body=False)]

    def build(self, document: doc.Document) -> list[Piece]:
        pieces = self.title(document)
        sign_off = doc.sign_off_start(document.blocks)
        first_sign_off = None
        for n, block in enumerate(document.blocks):
            if n == sign_off:
                first_sign_off = len(pieces)
            pieces += self.block(block)
        if first_sign_off is not None and first_sign_off < len(pieces):
            glue_sign_off(pieces, first_sign_off)
        return pieces


def setup_device(device: QPagedPaintDevice, landscape: bool = False) -> None:
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait,
        MARGINS_MM,
        QPageLayout.Unit.Millimeter,
    )
    device.setPageLayout(layout)


def lay_out(documents: Sequence[doc.Document], device: QPagedPaintDevice) -> list[list[Page]]:
    """The pages of each document, as they will be painted on `device`."""
    kit = Kit(device, fonts.body_family(), fonts.title_family())
    rect = device.pageLayout().paintRectPixels(device.resolution())
    body_height = rect.height() - (HEADER_MM + FOOTER_MM) * kit.mm
    builder = _Builder(kit, rect.width())
    return [paginate(builder.build(document), body_height) for document in documents]


def paint(
    documents: Sequence[doc.Document], device: QPagedPaintDevice, *, odd_pages: bool = False
) -> int:
    """Paint every document on `device`, each starting on a new page (an odd one
    with `odd_pages`); returns the pages painted, blank ones included."""
    painter = QPainter(device)
    try:
        return _paint(documents, device, painter, odd_pages)
    finally:
        painter.end()


def _paint(
    documents: Sequence[doc.Document], device: QPagedPaintDevice, painter: QPainter, odd_pages: bool
) -> int:
    mm = device.logicalDpiY() / 25.4
    rect = device.pageLayout().paintRectPixels(device.resolution())
    width, height = rect.width(), rect.height()
    small = QFont(fonts.body_family())
    small.setPointSizeF(9)
    sheets = 0
    for index, (document, pages) in enumerate(
        zip(documents, lay_out(documents, device), strict=True)
    ):
        if odd_pages and sheets % 2:
            device.newPage()  # the blank back of the previous form's last sheet
            sheets += 1
        for number, page in enumerate(pages, start=1):
            if index or number > 1:
                device.newPage()
            painter.save()
            painter.setFont(small)
            if document.office:
                painter.drawText(
                    QRectF(0, 0, width, HEADER_MM * mm - 2 * mm),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                    document.office,
                )
                painter.drawLine(
                    0, int(HEADER_MM * mm - 1.5 * mm), int(width), int(HEADER_MM * mm - 1.5 * mm)
                )
            painter.drawText(
                QRectF(0, height - FOOTER_MM * mm + 2 * mm, width, FOOTER_MM * mm - 2 * mm),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                f"第 {number} 页  共 {len(pages)} 页",
            )
            paint_page(painter, page, 0.0, HEADER_MM * mm)
            painter.restore()
            sheets += 1
    return sheets


def write_pdf(
    documents: Sequence[doc.Document], out: str | Path, *, odd_pages: bool = False
) -> Path:
    out = Path(out)
    writer = QPdfWriter(str(out))
    writer.setResolution(300)
    writer.setCreator("和谐台账 Hexie Desk")
    writer.setTitle(documents[0].title if documents else "")
    setup_device(writer, documents[0].landscape if documents else False)
    paint(documents, writer, odd_pages=odd_pages)
    return out
