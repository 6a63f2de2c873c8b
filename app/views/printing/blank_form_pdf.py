"""The blank health-check field form, laid out on a fixed grid for machine reading.

Every page carries four solid corner marks (to find and straighten the page in
a scan), a QR code naming the form, the enterprise, the checklist edition and
the page, and tick boxes in three fixed columns (合规 / 不合规 / 不适用). The
position of every mark and box, in millimetres from the page's top-left
corner, is returned and stored with the form (app.services.checks.printed_forms).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMarginsF, Qt
from PySide6.QtGui import (
    QColor,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from app.services.checks import printed_forms
from app.services.checks.check_forms import TICK_CHOICES, BlankForm
from app.services.checks.health_checks import SNAPSHOT_FIELDS
from app.views.printing import fonts
from app.views.printing.mm_painter import MmPainter as _Painter
from app.views.printing.mm_painter import draw_qr as _draw_qr

PAGE_W, PAGE_H = 210.0, 297.0
MARK = 6.0  # corner mark side
MARK_INSET = 8.0
QR_SIZE = 24.0
# The QR code's right edge 5 mm clear of the corner mark: a quiet zone of four
# modules (3.3 mm) on every side, as QR decoders need (ISO/IEC 18004 §7.3.8).
QR_X, QR_Y = 167.0, 10.0
LEFT, RIGHT = 15.0, 195.0
TOP, BOTTOM = 38.0, 272.0
# Item table columns: code | question and basis | 合规 | 不合规 | 不适用 | note
COLUMNS = (12.0, 98.0, 15.0, 15.0, 15.0, 25.0)
BOX = 4.5
ROW_PAD = 1.6
CHOICE_CODES = ("compliant", "noncompliant", "na")
LABEL_FILL, HEADER_FILL, GROUP_FILL = QColor("#eeeeee"), QColor("#dddddd"), QColor("#f3f3f3")


@dataclass
class _Row:
    kind: str  # "group" or "item"
    text: str
    code: str = ""
    basis: str = ""
    applies: bool = True
    height: float = 0.0


def _rows(form: BlankForm) -> list[_Row]:
    rows: list[_Row] = []
    group = None
    for item in form.items:
        if item.group != group:
            group = item.group
            rows.append(_Row("group", group))
        rows.append(_Row("item", item.question, item.code, item.basis, item.applies))
    return rows


def _page_frame(d: _Painter, form: BlankForm, page: int, pages: int) -> dict[str, Any]:
    marks = [
        (MARK_INSET, MARK_INSET),
        (PAGE_W - MARK_INSET - MARK, MARK_INSET),
        (MARK_INSET, PAGE_H - MARK_INSET - MARK),
        (PAGE_W - MARK_INSET - MARK, PAGE_H - MARK_INSET - MARK),
    ]
    for x, y in marks:
        d.solid(x, y, MARK, MARK)
    qr_x, qr_y = QR_X, QR_Y
    payload = printed_forms.qr_payload(
        form.form_id, form.enterprise.get("credit_code", ""), form.checklist_edition, page, pages
    )
    _draw_qr(d, payload, qr_x, qr_y, QR_SIZE)
    d.font(8.5)
    d.text(LEFT + 2, 10, 120, 5, form.office)
    d.font(15, fonts.title_family(), bold=True)
    d.text(LEFT + 10, 17, 130, 9, "劳动用工法治体检现场记录表", Qt.AlignmentFlag.AlignCenter)
    # One line under the title, two smaller ones for a long name (down to TOP).
    d.fit_text(
        LEFT + 2,
        29.0,
        QR_X - 4 - LEFT - 2,
        TOP - 29.5,
        f"{form.enterprise.get('name', '')}　表单编号 {form.form_id}　清单第 {form.checklist_edition} 版",
        8.5,
        flags=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
    )
    d.font(8.5)
    d.text(
        LEFT,
        PAGE_H - 20,
        RIGHT - LEFT,
        5,
        f"第 {page} 页　共 {pages} 页",
        Qt.AlignmentFlag.AlignCenter,
    )
    return {
        "marks": [[x, y, MARK, MARK] for x, y in marks],
        "qr": [qr_x, qr_y, QR_SIZE, QR_SIZE],
        "qr_payload": payload,
        "boxes": [],
    }


def _field(page_layout: dict[str, Any], name: str, label: str, rect: list[float]) -> None:
    """Where a handwritten value goes, so a scan can show its cut-out for typing."""
    page_layout.setdefault("fields", []).append(
        {"field": name, "label": label, "rect": [round(v, 2) for v in rect]}
    )


def _first_page_fields(
    d: _Painter, form: BlankForm, y: float, page_layout: dict[str, Any]
) -> float:
    ent = form.enterprise
    label_w, width = 31.0, (RIGHT - LEFT) / 2
    pairs = [
        ("企业名称", ent.get("name", "")),
        ("统一社会信用代码", ent.get("credit_code", "")),
        ("法定代表人", ent.get("legal_representative", "")),
        ("联系人／电话", f"{ent.get('contact_person', '')} {ent.get('contact_phone', '')}"),
        ("地址", ent.get("address", "")),
        ("体检日期", "　　　年　　月　　日"),
    ]
    d.font(9)
    for n, (label, value) in enumerate(pairs):
        col, row = n % 2, n // 2
        x, yy = LEFT + col * width, y + row * 7
        d.frame(x, yy, label_w, 7, LABEL_FILL)
        d.frame(x + label_w, yy, width - label_w, 7)
        d.text(x, yy, label_w, 7, label, Qt.AlignmentFlag.AlignCenter)
        d.fit_text(x + label_w + 1.5, yy + 0.3, width - label_w - 2.5, 6.4, value, 9)
        d.font(9)
        if label == "体检日期":
            _field(page_layout, "check_date", label, [x + label_w, yy, width - label_w, 7])
    y += 7 * 3 + 3
    d.font(9, fonts.title_family(), bold=True)
    d.text(LEFT, y, 80, 6, "检查组成员（姓名）")
    y += 6
    d.font(9)
    for n, role in enumerate(form.roles):
        col, row = n % 2, n // 2
        x, yy = LEFT + col * width, y + row * 7
        d.frame(x, yy, 38, 7, LABEL_FILL)
        d.frame(x + 38, yy, width - 38, 7)
        d.text(x, yy, 38, 7, role, Qt.AlignmentFlag.AlignCenter)
        _field(page_layout, f"team:{role}", role, [x + 38, yy, width - 38, 7])
    y += 7 * ((len(form.roles) + 1) // 2) + 3
    d.font(9, fonts.title_family(), bold=True)
    d.text(LEFT, y, 80, 6, "用工基本情况")
    y += 6
    d.font(8.5)
    labels = list(form.snapshot_labels)
    for n, label in enumerate(labels):
        col, row = n % 2, n // 2
        x, yy = LEFT + col * width, y + row * 7
        d.frame(x, yy, 44, 7, LABEL_FILL)
        d.frame(x + 44, yy, width - 44, 7)
        d.text(x, yy, 44, 7, label, Qt.AlignmentFlag.AlignCenter)
        if len(labels) == len(SNAPSHOT_FIELDS):
            _field(page_layout, SNAPSHOT_FIELDS[n], label, [x + 44, yy, width - 44, 7])
    return y + 7 * ((len(labels) + 1) // 2) + 4


def _table_header(d: _Painter, y: float) -> float:
    d.font(9, fonts.title_family(), bold=True)
    x = LEFT
    for width, title in zip(
        COLUMNS, ("编号", "检查内容及依据", *TICK_CHOICES, "说明"), strict=True
    ):
        d.frame(x, y, width, 7, HEADER_FILL)
        d.text(x, y, width, 7, title, Qt.AlignmentFlag.AlignCenter)
        x += width
    return y + 7


def _measure(d: _Painter, rows: Sequence[_Row]) -> None:
    for row in rows:
        if row.kind == "group":
            row.height = 6.0
            continue
        d.font(8.5)
        question = d.text_height(
            COLUMNS[1] - 3, row.text + ("（一般不适用）" if not row.applies else "")
        )
        d.font(7.5)
        basis = d.text_height(COLUMNS[1] - 3, "依据：" + row.basis)
        row.height = max(9.0, question + basis + 2 * ROW_PAD)


def _paginate(rows: Sequence[_Row], first_start: float) -> list[list[_Row]]:
    pages: list[list[_Row]] = [[]]
    y = first_start + 7
    for n, row in enumerate(rows):
        # A group heading stays with its first item.
        needed = row.height + (
            rows[n + 1].height if row.kind == "group" and n + 1 < len(rows) else 0
        )
        if y + needed > BOTTOM and pages[-1]:
            pages.append([])
            y = TOP + 7
        pages[-1].append(row)
        y += row.height
    return pages


class _Pens:
    """The pens of the item rows, made once a batch (three boxes a row, 48 rows a form)."""

    def __init__(self, d: _Painter) -> None:
        self.black = QPen(QColor("black"))
        self.basis = QPen(QColor("#444444"))
        self.box = QPen(QColor("black"))
        self.box.setWidthF(0.35 * d.k)


def _draw_rows(
    d: _Painter, rows: Sequence[_Row], y: float, page_layout: dict[str, Any], pens: _Pens
) -> float:
    y = _table_header(d, y)
    for row in rows:
        if row.kind == "group":
            d.frame(LEFT, y, RIGHT - LEFT, row.height, GROUP_FILL)
            d.font(8.5, fonts.title_family(), bold=True)
            d.text(LEFT + 2, y, RIGHT - LEFT - 4, row.height, row.text)
            y += row.height
            continue
        x = LEFT
        for width in COLUMNS:
            d.frame(x, y, width, row.height)
            x += width
        d.font(8.5)
        d.text(LEFT, y, COLUMNS[0], row.height, row.code, Qt.AlignmentFlag.AlignCenter)
        question = row.text + ("（一般不适用）" if not row.applies else "")
        q_height = d.text_height(COLUMNS[1] - 3, question)
        d.text(
            LEFT + COLUMNS[0] + 1.5,
            y + ROW_PAD,
            COLUMNS[1] - 3,
            q_height,
            question,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
        )
        d.font(7.5)
        d.p.setPen(pens.basis)
        d.text(
            LEFT + COLUMNS[0] + 1.5,
            y + ROW_PAD + q_height,
            COLUMNS[1] - 3,
            row.height - q_height - 2 * ROW_PAD,
            "依据：" + row.basis,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
        )
        d.p.setPen(pens.black)
        x = LEFT + COLUMNS[0] + COLUMNS[1]
        for width, choice in zip(COLUMNS[2:5], CHOICE_CODES, strict=True):
            bx, by = x + (width - BOX) / 2, y + (row.height - BOX) / 2
            d.p.save()
            d.p.setPen(pens.box)
            d.p.drawRect(d.rect(bx, by, BOX, BOX))
            d.p.restore()
            page_layout["boxes"].append(
                {"item": row.code, "choice": choice, "rect": [round(bx, 2), round(by, 2), BOX, BOX]}
            )
            x += width
        y += row.height
    return y


STAMP_W, STAMP_H = 52.0, 44.0  # room for a 42 mm round enterprise seal


def _closing(d: _Painter, y: float, page_layout: dict[str, Any]) -> None:
    """Conclusion box, the two signatures and a framed place for the enterprise's seal."""
    d.font(9, fonts.title_family(), bold=True)
    d.text(LEFT, y + 2, 80, 6, "体检结论与改进建议")
    d.frame(LEFT, y + 8, RIGHT - LEFT, 30)
    _field(page_layout, "conclusion", "体检结论与改进建议", [LEFT, y + 8, RIGHT - LEFT, 30])
    d.font(9)
    sign_y = y + 42
    d.text(LEFT, sign_y, 110, 6, "检查人员（签字）：＿＿＿＿＿＿＿＿＿＿＿＿")
    d.text(LEFT, sign_y + 12, 110, 6, "企业负责人（签字）：＿＿＿＿＿＿＿＿＿＿")
    d.text(LEFT, sign_y + 24, 110, 6, "日期：　　　　年　　月　　日")
    sx = RIGHT - STAMP_W
    d.p.save()
    d.p.setPen(QPen(QColor("#777777")))
    d.p.drawRect(d.rect(sx, sign_y, STAMP_W, STAMP_H))
    d.p.restore()
    d.text(sx, sign_y + 1, STAMP_W, 6, "企业（盖章）", Qt.AlignmentFlag.AlignCenter)
    page_layout["stamp"] = [sx, round(sign_y, 2), STAMP_W, STAMP_H]


CLOSING_HEIGHT = 42.0 + STAMP_H + 4.0


def paint_forms(
    painter: QPainter,
    device: QPagedPaintDevice,
    forms: Sequence[BlankForm],
    *,
    odd_pages: bool = False,
) -> Iterator[tuple[BlankForm, dict[str, Any]]]:
    """Paint each form on new pages; yields (form, layout) as each is finished.
    With `odd_pages` a form that ends on an odd page is followed by a blank page,
    so that on a duplex printer every form starts on a sheet of its own."""
    d = _Painter(painter, painter.device().logicalDpiY())
    pens = _Pens(d)
    first = True
    sheets = 0
    for form in forms:
        if odd_pages and sheets % 2:
            device.newPage()
            sheets += 1
        rows = _rows(form)
        # Measure on the first page's geometry: the enterprise block comes first.
        _measure(d, rows)
        first_start = TOP + 7 * 3 + 3 + 6 + 7 * 2 + 3 + 6 + 7 * 4 + 4
        pages = _paginate(rows, first_start)
        last_end = (TOP + 7 if len(pages) > 1 else first_start + 7) + sum(
            r.height for r in pages[-1]
        )
        needs_closing_page = last_end + CLOSING_HEIGHT > BOTTOM
        total = len(pages) + (1 if needs_closing_page else 0)
        layout: dict[str, Any] = {
            "unit": "mm",
            "page": [PAGE_W, PAGE_H],
            "form": form.form_id,
            "pages": [],
        }
        for number, page_rows in enumerate(pages, start=1):
            if not first:
                device.newPage()
            first = False
            page_layout = _page_frame(d, form, number, total)
            y = _first_page_fields(d, form, TOP, page_layout) if number == 1 else TOP
            y = _draw_rows(d, page_rows, y, page_layout, pens)
            if number == len(pages) and not needs_closing_page:
                _closing(d, y, page_layout)
            layout["pages"].append(page_layout)
            sheets += 1
        if needs_closing_page:
            device.newPage()
            page_layout = _page_frame(d, form, total, total)
            _closing(d, TOP, page_layout)
            layout["pages"].append(page_layout)
            sheets += 1
        yield form, layout


def setup_device(device: QPagedPaintDevice) -> None:
    """A4 with no margins: the form's own coordinates are page coordinates."""
    device.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )


def new_writer(out: str | Path) -> QPdfWriter:
    writer = QPdfWriter(str(out))
    writer.setResolution(300)
    writer.setCreator("和谐台账 Hexie Desk")
    writer.setTitle("劳动用工法治体检现场记录表")
    setup_device(writer)
    return writer
