"""Page flow for printed documents: pieces of known height placed on pages with
keep rules, then painted.

QTextDocument split table rows across pages, left a heading at the foot of a
page and put a letter's signature, date and stamp place alone on its last page.
Here a document is cut into pieces that are never split — a line of a paragraph,
a table row, a signature block — and a piece can be glued to the next one:

- the lines of a heading, and a heading to what follows it;
- the first two and the last two lines of a paragraph (no orphan, no widow);
- a table's header row repeats at the top of every page the table continues on;
- the sign-off (signatures, seal, date, stamp places) is glued to the two body
  pieces before it, so it never stands alone on a page (GB/T 9704-2012 §7.3.5.1
  asks for the standard handling; README, 打印).

Coordinates are device pixels of the paint device; the text is laid out with
QTextLayout on that device, so what is measured is what is painted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPaintDevice, QPainter, QPen, QTextLayout, QTextOption

Paint = Callable[[QPainter, float, float], None]  # painter, left, top


@dataclass(eq=False)
class TableHead:
    """A table's header row, painted again on each page the table continues on."""

    height: float
    paint: Paint


@dataclass(eq=False)
class Piece:
    height: float
    paint: Paint
    keep_with_next: bool = False
    body: bool = True  # body text or a table row: what the sign-off keeps beside it
    head: TableHead | None = None
    space_before: float = 0.0  # dropped at the top of a page


@dataclass
class Placed:
    piece: Piece
    top: float
    with_head: bool


@dataclass
class Page:
    placed: list[Placed] = field(default_factory=list)


def glue_sign_off(pieces: list[Piece], start: int, body_pieces: int = 2) -> None:
    """Glue pieces[start:] together and to the `body_pieces` body pieces before them."""
    for piece in pieces[start:-1]:
        piece.keep_with_next = True
    found, n = 0, start - 1
    while n >= 0 and found < body_pieces:
        pieces[n].keep_with_next = True
        found += pieces[n].body
        n -= 1


def _chains(pieces: Sequence[Piece]) -> list[list[Piece]]:
    chains: list[list[Piece]] = []
    current: list[Piece] = []
    for piece in pieces:
        current.append(piece)
        if not piece.keep_with_next:
            chains.append(current)
            current = []
    if current:
        chains.append(current)
    return chains


def paginate(pieces: Sequence[Piece], page_height: float) -> list[Page]:
    pages = [Page()]
    y = 0.0
    head: TableHead | None = None  # the header last painted on this page

    def cost(piece: Piece, y: float, head: TableHead | None) -> float:
        extra = piece.head.height if piece.head is not None and piece.head is not head else 0.0
        return (piece.space_before if y > 0 else 0.0) + extra + piece.height

    def new_page() -> None:
        nonlocal y, head
        pages.append(Page())
        y, head = 0.0, None

    for chain in _chains(pieces):
        need, sim_y, sim_head = 0.0, y, head
        for piece in chain:
            need += cost(piece, sim_y, sim_head)
            sim_y += cost(piece, sim_y, sim_head)
            sim_head = piece.head
        if y > 0 and y + need > page_height:
            # Not enough room here. A chain taller than a whole page starts on a fresh page too,
            # unless it then still needs breaking, which it does piece by piece below.
            fresh = sum(cost(p, 1.0 if i else 0.0, None) for i, p in enumerate(chain))
            if fresh <= page_height or y > page_height / 2:
                new_page()
        for piece in chain:
            if y > 0 and y + cost(piece, y, head) > page_height:
                new_page()
            top = y + (piece.space_before if y > 0 else 0.0)
            with_head = piece.head is not None and piece.head is not head
            pages[-1].placed.append(Placed(piece, top, with_head))
            y = top + (piece.head.height if with_head and piece.head else 0.0) + piece.height
            head = piece.head
    return pages


def paint_page(painter: QPainter, page: Page, left: float, top: float) -> None:
    for placed in page.placed:
        y = top + placed.top
        if placed.with_head and placed.piece.head is not None:
            placed.piece.head.paint(painter, left, y)
            y += placed.piece.head.height
        placed.piece.paint(painter, left, y)


# -- building pieces ------------------------------------------------------------------------
class Kit:
    """Fonts, units and text layout on one paint device."""

    def __init__(self, device: QPaintDevice, body_family: str, title_family: str) -> None:
        self.device = device
        self.mm = device.logicalDpiY() / 25.4
        self.body_family = body_family
        self.title_family = title_family

    def font(self, size: float, *, title: bool = False, bold: bool = False) -> QFont:
        font = QFont(self.title_family if title else self.body_family)
        font.setPointSizeF(size)
        font.setBold(bold or title)
        return font

    def layout(
        self,
        text: str,
        font: QFont,
        width: float,
        *,
        align: str = "left",
        indent: float = 0.0,
        leading: float = 1.0,
    ) -> tuple[QTextLayout, list[float]]:
        """The text laid out in `width`; returns the layout and each line's height."""
        layout = QTextLayout(text, font, self.device)
        option = QTextOption(
            {
                "center": Qt.AlignmentFlag.AlignHCenter,
                "right": Qt.AlignmentFlag.AlignRight,
                "justify": Qt.AlignmentFlag.AlignJustify,
            }.get(align, Qt.AlignmentFlag.AlignLeft)
        )
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        heights: list[float] = []
        y = 0.0
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            first = not heights
            line.setLineWidth(max(1.0, width - (indent if first else 0.0)))
            line.setPosition(QPointF(indent if first else 0.0, y))
            step = line.height() * leading
            heights.append(step)
            y += step
        layout.endLayout()
        return layout, heights

    def paragraph(
        self,
        text: str,
        font: QFont,
        width: float,
        *,
        align: str = "left",
        indent: float = 0.0,
        leading: float = 1.3,
        space_before: float = 0.0,
        keep_together: bool = False,
    ) -> list[Piece]:
        """One piece per line; the first two and last two lines stay together."""
        pieces: list[Piece] = []
        for part in text.split("\n") or [""]:
            layout, heights = self.layout(
                part, font, width, align=align, indent=indent, leading=leading
            )
            lines: list[Piece] = []
            for n, height in enumerate(heights):
                line = layout.lineAt(n)
                extra = (height - line.height()) / 2

                # The layout is held by the closure: a QTextLine does not keep it alive.
                def paint(p: QPainter, x: float, y: float, n=n, layout=layout, extra=extra) -> None:
                    line = layout.lineAt(n)
                    line.draw(p, QPointF(x, y + extra - line.y()))

                lines.append(Piece(height, paint))
            if lines:
                lines[0].space_before = space_before if not pieces else 0.0
                count = len(lines)
                for n, piece in enumerate(lines[:-1]):
                    piece.keep_with_next = keep_together or n == 0 or n >= count - 2
                pieces += lines
        return pieces

    def draw_layout(self, p: QPainter, layout: QTextLayout, x: float, y: float) -> None:
        layout.draw(p, QPointF(x, y))

    def pen(self, width_mm: float = 0.2, color: str = "black") -> QPen:
        pen = QPen(QColor(color))
        pen.setWidthF(width_mm * self.mm)
        return pen

    def box(self, p: QPainter, x: float, y: float, w: float, h: float, fill: str = "") -> None:
        p.save()
        if fill:
            p.fillRect(QRectF(x, y, w, h), QColor(fill))
        p.setPen(self.pen())
        p.drawRect(QRectF(x, y, w, h))
        p.restore()
