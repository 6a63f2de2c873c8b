"""Scans made by the tests: the real blank form PDF rendered to images, ticked
with hand-like strokes, then turned, blurred, stained and photographed.

`fill_page` draws marks where the form's recorded layout says the boxes are and
returns the truth; `scan` makes the result look like a flatbed scan or a phone
photo at a given resolution.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cv2
import numpy as np

RENDER_DPI = 300
CHOICES = ("compliant", "noncompliant", "na")


def render_pdf(pdf: Path, dpi: int = RENDER_DPI) -> list[np.ndarray]:
    """Every page of a PDF as a BGR image (as printed on white paper)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    pages = []
    for n in range(len(doc)):
        grey = np.array(doc[n].render(scale=dpi / 72, grayscale=True).to_numpy(), copy=True)
        pages.append(cv2.cvtColor(grey[:, :, 0] if grey.ndim == 3 else grey, cv2.COLOR_GRAY2BGR))
    doc.close()
    return pages


@dataclass
class PageTruth:
    """What was drawn on a page: per item the answer a person meant, or "unclear"
    for rows drawn ambiguous on purpose (two ticks, a blacked-out box)."""

    items: dict[str, str] = field(default_factory=dict)
    boxes: dict[tuple[str, str], bool] = field(default_factory=dict)  # inked or not


INKS = ((35, 35, 35), (150, 60, 25), (120, 40, 20), (60, 30, 10))  # BGR: black, blue pens


def _stroke(img: np.ndarray, points: list[tuple[float, float]], k: float, width_mm: float,
            ink: tuple[int, int, int], rng: np.random.Generator) -> None:  # fmt: skip
    """A pen stroke through `points` (mm), slightly curved and uneven."""
    path = []
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        bend = rng.normal(0, 0.25)
        mx, my = (x0 + x1) / 2 - (y1 - y0) * bend * 0.2, (y0 + y1) / 2 + (x1 - x0) * bend * 0.2
        for t in np.linspace(0, 1, 12):
            x = (1 - t) ** 2 * x0 + 2 * (1 - t) * t * mx + t**2 * x1
            y = (1 - t) ** 2 * y0 + 2 * (1 - t) * t * my + t**2 * y1
            path.append((x, y))
    pts = np.array([[x * k * 8, y * k * 8] for x, y in path], np.int32)  # 3 bits of sub-pixel
    thickness = max(1, round(width_mm * k))
    cv2.polylines(img, [pts], False, ink, thickness, cv2.LINE_AA, shift=3)


def draw_mark(img: np.ndarray, rect: list[float], kind: str, rng: np.random.Generator,
              dpi: int = RENDER_DPI) -> None:  # fmt: skip
    """A hand-drawn mark in a box: tick, cross, blacked-out box, or a faint dot."""
    k = dpi / 25.4
    x, y, w, h = rect
    s = rng.uniform(0.8, 1.25)
    cx, cy = x + w / 2 + rng.normal(0, 0.35), y + h / 2 + rng.normal(0, 0.35)
    ink = INKS[rng.integers(len(INKS))]
    width = rng.uniform(0.35, 0.7)
    angle = math.radians(rng.normal(0, 8))

    def at(dx: float, dy: float) -> tuple[float, float]:
        dx, dy = dx * w * s, dy * h * s
        return (cx + dx * math.cos(angle) - dy * math.sin(angle),
                cy + dx * math.sin(angle) + dy * math.cos(angle))  # fmt: skip

    if kind == "tick":
        reach = rng.uniform(0.45, 0.95)  # the long stroke often leaves the box
        _stroke(img, [at(-0.35, 0.0), at(-0.08, 0.3), at(reach, -reach)], k, width, ink, rng)
    elif kind == "cross":
        _stroke(img, [at(-0.35, -0.35), at(0.38, 0.36)], k, width, ink, rng)
        _stroke(img, [at(0.36, -0.36), at(-0.36, 0.35)], k, width, ink, rng)
    elif kind == "filled":  # a tick blacked out to cancel it
        for t in np.linspace(-0.42, 0.42, 9):
            _stroke(img, [at(-0.48, t), at(0.48, t + rng.normal(0, 0.04))], k, 0.7, ink, rng)
    elif kind == "dot":
        _stroke(img, [at(0, 0), at(0.03, 0.02)], k, 0.25, (200, 200, 200), rng)


def fill_page(img: np.ndarray, page_layout: dict[str, Any], rng: np.random.Generator,
              ambiguous: float = 0.0, blank: float = 0.08) -> PageTruth:  # fmt: skip
    """Answer every item on a rendered page as a coordinator would, mostly one tick
    per row; `ambiguous` of the rows get two ticks or a corrected tick."""
    truth = PageTruth()
    rows: dict[str, dict[str, list[float]]] = {}
    for box in page_layout["boxes"]:
        rows.setdefault(box["item"], {})[box["choice"]] = box["rect"]
    for item, rects in rows.items():
        for choice in rects:
            truth.boxes[(item, choice)] = False
        roll = rng.random()
        if roll < blank:
            truth.items[item] = "unchecked"
            if rng.random() < 0.3:
                draw_mark(img, rects[CHOICES[rng.integers(3)]], "dot", rng)
            continue
        answer = CHOICES[int(rng.choice(3, p=(0.6, 0.25, 0.15)))]
        kind = "cross" if rng.random() < 0.15 else "tick"
        if roll < blank + ambiguous:
            other = CHOICES[(CHOICES.index(answer) + 1 + rng.integers(2)) % 3]
            draw_mark(img, rects[other], "filled" if rng.random() < 0.5 else "tick", rng)
            truth.boxes[(item, other)] = True
            truth.items[item] = "unclear"
        else:
            truth.items[item] = answer
        draw_mark(img, rects[answer], kind, rng)
        truth.boxes[(item, answer)] = True
    return truth


def stain(img: np.ndarray, rng: np.random.Generator, count: int = 3) -> None:
    """Coffee rings and grey smears: translucent, lighter than ink."""
    h, w = img.shape[:2]
    for _ in range(count):
        overlay = img.copy()
        centre = (int(rng.uniform(0, w)), int(rng.uniform(0, h)))
        axes = (int(rng.uniform(0.02, 0.08) * w), int(rng.uniform(0.02, 0.06) * w))
        colour = (110, 160, 200) if rng.random() < 0.6 else (150, 150, 150)
        cv2.ellipse(overlay, centre, axes, rng.uniform(0, 180), 0, 360, colour, -1, cv2.LINE_AA)
        alpha = rng.uniform(0.12, 0.3)
        cv2.addWeighted(overlay, alpha, img, 1 - alpha, 0, dst=img)


def scan(img: np.ndarray, rng: np.random.Generator, dpi: int = 200, angle: float = 0.0,
         blur: float = 0.0, noise: float = 0.0, perspective: float = 0.0,
         upside_down: bool = False, jpeg: int | None = 85,
         src_dpi: int = RENDER_DPI) -> np.ndarray:  # fmt: skip
    """The page as a scanner or a phone sees it: turned by `angle` degrees, viewed
    at an angle (`perspective`, a fraction of the page), resampled to `dpi`, on a
    slightly larger grey bed, blurred, noisy and JPEG-compressed."""
    k = dpi / src_dpi
    img = cv2.resize(img, None, fx=k, fy=k, interpolation=cv2.INTER_AREA)
    h, w = img.shape[:2]
    margin = 0.04 * w
    out_w, out_h = int(w + 2 * margin), int(h + 2 * margin)
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    dst = src + margin
    if perspective:
        dst = dst + rng.uniform(-perspective, perspective, (4, 2)).astype(np.float32) * w
    centre = np.float32([out_w / 2, out_h / 2])
    turn = math.radians(angle + (180 if upside_down else 0))
    rot = np.float32([[math.cos(turn), -math.sin(turn)], [math.sin(turn), math.cos(turn)]])
    dst = (dst - centre) @ rot.T + centre
    matrix = cv2.getPerspectiveTransform(src, dst.astype(np.float32))
    bed = (235, 235, 235) if perspective == 0 else (90, 100, 110)
    out = cv2.warpPerspective(img, matrix, (out_w, out_h), flags=cv2.INTER_LINEAR,
                              borderValue=bed)  # fmt: skip
    if perspective:  # uneven light across a photo
        ramp = np.linspace(rng.uniform(0.8, 0.95), 1.0, out_w, dtype=np.float32)
        out = np.clip(out * ramp[None, :, None], 0, 255).astype(np.uint8)
    if blur:
        out = cv2.GaussianBlur(out, (0, 0), blur * dpi / 200)
    if noise:
        out = np.clip(out + rng.normal(0, noise, out.shape), 0, 255).astype(np.uint8)
    if jpeg:
        _ok, data = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, jpeg])
        out = cv2.imdecode(data, cv2.IMREAD_COLOR)
    return out


def save(img: np.ndarray, path: Path) -> Path:
    ok, data = cv2.imencode(path.suffix, img)
    assert ok
    path.write_bytes(data.tobytes())
    return path


@dataclass
class Score:
    """Boxes read right (a deliberately ambiguous row flagged counts as right),
    flagged unclear, and wrong without a flag (the number that must stay 0)."""

    right: int = 0
    flagged: int = 0
    wrong: int = 0
    wrong_items: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.right + self.flagged + self.wrong

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0

    def add(self, other: Score) -> None:
        self.right += other.right
        self.flagged += other.flagged
        self.wrong += other.wrong
        self.wrong_items += other.wrong_items


def score(items: list[Any], truth: PageTruth) -> Score:
    """Compare a page's item readings (reading.ItemReading) with what was drawn."""
    result = Score()
    for item in items:
        meant = truth.items[item.code]
        for choice in CHOICES:
            if item.unclear:
                if meant == "unclear":
                    result.right += 1
                else:
                    result.flagged += 1
            elif meant != "unclear" and (item.reading == choice) == (meant == choice):
                result.right += 1
            else:
                result.wrong += 1
                result.wrong_items.append(f"{item.code}:{choice}")
    return result


def print_forms(
    db: Any, out: Path, serials: tuple[int, ...] = (1, 2)
) -> list[tuple[str, dict[str, Any]]]:
    """Blank forms printed to `out` (the real PDF) for new enterprises; (form id, layout) in print order."""
    import json

    from app.models.printed_form import PrintedForm
    from app.services.core.progress import drain
    from app.views.printing import output
    from tests.records import enterprise

    ids = [enterprise(db, serial=n, industry="建筑业" if n == 2 else "制造业") for n in serials]
    drain(output.blank_forms(db, ids, out))
    with db.session() as session:
        forms = {
            f.enterprise_id: (f.id, json.loads(f.layout_json)) for f in session.query(PrintedForm)
        }
    return [forms[i] for i in ids]


def filled_scans(pdf: Path, forms: list[tuple[str, dict[str, Any]]], seed: int = 1,
                 dpi: int = 200, ambiguous: float = 0.05, **scan_args: Any
                 ) -> list[tuple[np.ndarray, str, int, PageTruth]]:  # fmt: skip
    """Every page of every form, filled in and scanned: (image, form id, page, truth)."""
    rng = np.random.default_rng(seed)
    rendered = render_pdf(pdf)
    out = []
    n = 0
    for form_id, layout in forms:
        for number, page_layout in enumerate(layout["pages"], start=1):
            img = rendered[n].copy()
            n += 1
            truth = fill_page(img, page_layout, rng, ambiguous=ambiguous)
            stain(img, rng, 2)
            args = {"angle": float(rng.uniform(-5, 5)), "blur": 0.8, "noise": 6.0} | scan_args
            out.append((scan(img, rng, dpi=dpi, **args), form_id, number, truth))
    return out


def images_to_pdf(images: list[np.ndarray], path: Path, dpi: int = 200) -> Path:
    """A scanner's multi-page PDF: each image on a page of its own size at `dpi`."""
    from PySide6.QtCore import QMarginsF, QSizeF
    from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setResolution(dpi)
    painter = None
    for n, img in enumerate(images):
        h, w = img.shape[:2]
        size = QPageSize(QSizeF(w / dpi * 25.4, h / dpi * 25.4), QPageSize.Unit.Millimeter)
        writer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF()))
        if n == 0:
            painter = QPainter(writer)
        else:
            writer.newPage()
        rgb = cv2.cvtColor(img, cv2.COLOR_BGR2RGB) if img.ndim == 3 else img
        fmt = QImage.Format.Format_RGB888 if img.ndim == 3 else QImage.Format.Format_Grayscale8
        qimg = QImage(rgb.data, w, h, rgb.strides[0], fmt)
        assert painter is not None
        painter.drawImage(0, 0, qimg)
    assert painter is not None
    painter.end()
    return path
