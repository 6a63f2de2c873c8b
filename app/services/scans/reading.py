"""One scanned page read: which form and page it is (QR code), where the page
lies (corner marks), and what every tick box on it says."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from app.services.checks import printed_forms
from app.services.scans import align, boxes, qr
from app.services.scans.messages import set_aside_text
from app.services.scans.pages import SourcePage, grey

EVIDENCE_QUALITY = 85  # JPEG quality of the page image kept as evidence


@dataclass(frozen=True)
class FormInfo:
    """A printed form as this office recorded it."""

    form_id: str
    kind: str
    enterprise_id: str
    enterprise_name: str
    credit_code: str
    enterprise_live: bool
    checklist_id: str
    edition: int
    layout: dict[str, Any]
    imported_check: str | None = None  # the live check already made from it


@dataclass(frozen=True)
class SetAside:
    source: str  # file name and page
    code: str  # a key of messages.SET_ASIDE
    detail: str = ""
    form_id: str = ""
    page: int = 0

    def text(self, english: bool = False) -> str:
        return set_aside_text(self.code, self.detail, english, self.page)


@dataclass
class ItemReading:
    code: str
    page: int
    reading: str  # compliant / noncompliant / na / unchecked, "" when unclear
    suggestion: str
    reason: str  # a key of messages.UNCLEAR, "" when clear
    confidence: float
    area_mm: list[float]  # the row's boxes with a margin: the cut-out shown beside it
    boxes: dict[str, boxes.BoxMark] = field(default_factory=dict)

    @property
    def unclear(self) -> bool:
        return self.reading == ""


@dataclass
class PageReading:
    file: Path
    index: int  # page in the file, 0-based
    source: str
    form_id: str
    page: int
    pages: int
    straight_png: bytes  # the straightened page at align.PX_PER_MM, for cut-outs
    evidence_jpeg: bytes  # the page as scanned, kept with the check
    items: list[ItemReading]
    fields: list[dict[str, Any]]  # handwritten fields on this page (layout "fields")
    marks_found: int
    residual_mm: float


def _payload(text: str) -> dict[str, str]:
    try:
        return printed_forms.parse_payload(text)
    except ValueError:
        return {}


def _row_area(rects: list[list[float]]) -> list[float]:
    x0 = min(r[0] for r in rects) - 4.0
    y0 = min(r[1] for r in rects) - 2.5
    x1 = max(r[0] + r[2] for r in rects) + 4.0
    y1 = max(r[1] + r[3] for r in rects) + 2.5
    return [round(x0, 2), round(y0, 2), round(x1 - x0, 2), round(y1 - y0, 2)]


def read_items(straight: np.ndarray, page_layout: dict[str, Any], page: int) -> list[ItemReading]:
    """Every item's row of boxes on a straightened page, in the printed order."""
    rows: dict[str, dict[str, list[float]]] = {}
    for box in page_layout.get("boxes", []):
        rows.setdefault(box["item"], {})[box["choice"]] = box["rect"]
    items = []
    for code, rects in rows.items():
        marks = {choice: boxes.measure(straight, rect) for choice, rect in rects.items()}
        row = boxes.judge(marks)
        items.append(
            ItemReading(
                code,
                page,
                row.reading,
                row.suggestion,
                row.reason,
                round(row.confidence, 3),
                _row_area(list(rects.values())),
                marks,
            )
        )
    return items


def read_page(
    source: SourcePage, lookup: Callable[[str], FormInfo | None]
) -> PageReading | SetAside:
    """Read one page, or say why it is set aside."""
    image = grey(source.image)
    codes = qr.find_codes(image)
    ours = {c.text: c for c in codes if printed_forms.is_payload(c.text)}
    if not ours:
        if codes:
            return SetAside(source.label, "foreign_qr", codes[0].text[:60])
        return SetAside(source.label, "no_qr")
    if len(ours) > 1:
        return SetAside(source.label, "several_forms")
    code = next(iter(ours.values()))
    payload = _payload(code.text)
    form_id = payload.get("F", "")
    info = lookup(form_id) if form_id else None
    if info is None:
        return SetAside(source.label, "unknown_form", form_id or code.text[:60])
    if info.kind != "blank-check":
        return SetAside(source.label, "other_kind", form_id, form_id)
    if payload.get("E", "") != info.credit_code:
        return SetAside(source.label, "enterprise_mismatch", form_id, form_id)
    if not info.enterprise_live:
        return SetAside(source.label, "enterprise_gone", form_id, form_id)
    try:
        page, pages = (int(n) for n in payload.get("P", "").split("/"))
    except ValueError:
        page, pages = 0, 0
    layout_pages = info.layout.get("pages", [])
    if not 1 <= page <= len(layout_pages) or pages != len(layout_pages):
        return SetAside(source.label, "bad_page", form_id, form_id)
    page_layout = layout_pages[page - 1]
    try:
        where = align.align(image, page_layout, code.corners)
    except align.AlignError as exc:
        return SetAside(source.label, exc.code, str(exc.found), form_id)
    straight = align.straighten(image, where, info.layout.get("page", [210.0, 297.0]))
    items = read_items(straight, page_layout, page)
    _ok, png = cv2.imencode(".png", straight, [cv2.IMWRITE_PNG_COMPRESSION, 1])
    _ok, jpeg = cv2.imencode(".jpg", source.image, [cv2.IMWRITE_JPEG_QUALITY, EVIDENCE_QUALITY])
    return PageReading(
        source.file,
        source.index,
        source.label,
        form_id,
        page,
        len(layout_pages),
        png.tobytes(),
        jpeg.tobytes(),
        items,
        list(page_layout.get("fields", [])),
        where.marks_found,
        round(where.residual_mm, 2),
    )


def cutouts(page: PageReading, areas: list[list[float]]) -> list[bytes]:
    """PNG cut-outs of the straightened page (areas in millimetres)."""
    straight = cv2.imdecode(np.frombuffer(page.straight_png, np.uint8), cv2.IMREAD_GRAYSCALE)
    k = align.PX_PER_MM
    out = []
    for x, y, w, h in areas:
        x0, y0 = max(0, round(x * k)), max(0, round(y * k))
        piece = straight[y0 : round((y + h) * k), x0 : round((x + w) * k)]
        _ok, png = cv2.imencode(".png", piece if piece.size else np.full((1, 1), 255, np.uint8))
        out.append(png.tobytes())
    return out
