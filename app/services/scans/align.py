"""Straightening a page: from the QR code's corners a first guess of where the
page lies, then the four corner marks found near where that guess puts them,
then a perspective transform from the marks (a phone photo is a perspective
view of the page, a flatbed scan a rotation and scale of it).

Every position comes from the form's recorded layout (millimetres from the
page's top-left corner), never from constants here: any form whose layout is
recorded in `printed_form` reads back.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np

# The straightened page: 8 px per millimetre (203 dpi), whatever the scan's resolution.
PX_PER_MM = 8.0
# How far from where the QR code predicts a corner mark may lie: a phone photo
# taken at an angle moves the far corners by a few centimetres.
SEARCH_MM = 40.0
# The marks must agree with the QR code: its corners, mapped through the marks'
# transform, fall within this distance of where they were found.
AGREE_MM = 3.0


class AlignError(ValueError):
    """`code` is a key of messages.SET_ASIDE; `found` the number of marks found."""

    def __init__(self, code: str, found: int) -> None:
        super().__init__(f"{code}: {found} corner marks found")
        self.code = code
        self.found = found


@dataclass(frozen=True)
class Alignment:
    homography: np.ndarray  # 3×3, page millimetres → image pixels
    marks_found: int
    residual_mm: float  # how far the QR corners fall from where the transform puts them
    px_per_mm: float  # the scan's own resolution, near the QR code


def _centre(rect: list[float]) -> tuple[float, float]:
    x, y, w, h = rect
    return x + w / 2, y + h / 2


def _corners(rect: list[float]) -> np.ndarray:
    x, y, w, h = rect
    return np.array([[x, y], [x + w, y], [x + w, y + h], [x, y + h]], dtype=np.float32)


def _project(matrix: np.ndarray, points: np.ndarray) -> np.ndarray:
    return cv2.perspectiveTransform(points.reshape(-1, 1, 2).astype(np.float32), matrix).reshape(
        -1, 2
    )


def _find_mark(
    grey: np.ndarray, predicted: np.ndarray, side_px: tuple[float, float], radius: float
) -> np.ndarray | None:
    """The centre of the solid square nearest `predicted`, or None."""
    h, w = grey.shape
    x0, y0 = int(max(0, predicted[0] - radius)), int(max(0, predicted[1] - radius))
    x1, y1 = int(min(w, predicted[0] + radius)), int(min(h, predicted[1] + radius))
    if x1 - x0 < 4 or y1 - y0 < 4:
        return None
    window = grey[y0:y1, x0:x1]
    white = float(np.percentile(window, 90))
    ink = (window < white * 0.55).astype(np.uint8)
    count, _labels, stats, centroids = cv2.connectedComponentsWithStats(ink, connectivity=8)
    expected = side_px[0] * side_px[1]
    best, best_distance = None, float("inf")
    for n in range(1, count):
        bx, by, bw, bh, area = stats[n]
        if not 0.35 * expected <= area <= 2.5 * expected:
            continue
        if not (0.55 <= bw / side_px[0] <= 1.8 and 0.55 <= bh / side_px[1] <= 1.8):
            continue
        if area / float(bw * bh) < 0.6:  # a solid square, not a character or a line
            continue
        touches = bx == 0 or by == 0 or bx + bw >= x1 - x0 or by + bh >= y1 - y0
        if touches and (x0 == 0 or y0 == 0 or x1 == w or y1 == h):
            continue  # cut by the edge of the scan: its centre would be wrong
        centre = centroids[n] + (x0, y0)
        distance = float(np.hypot(*(centre - predicted)))
        if distance < best_distance:
            best, best_distance = centre, distance
    return best


def align(grey: np.ndarray, page_layout: dict[str, Any], qr_corners: np.ndarray) -> Alignment:
    """Where the page lies in the image. Raises AlignError when fewer than three
    corner marks can be found in agreement with the QR code."""
    qr_mm = _corners(page_layout["qr"])
    guess, _ = cv2.estimateAffinePartial2D(qr_mm, qr_corners)
    if guess is None:
        raise AlignError("no_marks", 0)
    scale = float(np.hypot(guess[0, 0], guess[1, 0]))
    guess3 = np.vstack([guess, [0, 0, 1]])
    marks_mm = np.array([_centre(m) for m in page_layout["marks"]], dtype=np.float32)
    predicted = _project(guess3, marks_mm)
    found: dict[int, np.ndarray] = {}
    for n, (rect, where) in enumerate(zip(page_layout["marks"], predicted, strict=True)):
        centre = _find_mark(grey, where, (rect[2] * scale, rect[3] * scale), SEARCH_MM * scale)
        if centre is not None:
            found[n] = centre
    # All four marks when they agree with the QR code; otherwise (a mark cut off, a
    # stain taken for a mark) the set of three which, with the QR corners, agrees best.
    sets = [tuple(found)] if len(found) == 4 else []
    sets += list(itertools.combinations(found, 3)) if len(found) >= 3 else []
    best: Alignment | None = None
    for chosen in sets:
        src = np.array([marks_mm[i] for i in chosen], dtype=np.float32)
        dst = np.array([found[i] for i in chosen], dtype=np.float32)
        if len(chosen) == 4:
            matrix = cv2.getPerspectiveTransform(src, dst)
        else:
            matrix, _ = cv2.findHomography(np.vstack([src, qr_mm]), np.vstack([dst, qr_corners]), 0)
            if matrix is None:
                continue
        residual = float(np.max(np.hypot(*(_project(matrix, qr_mm) - qr_corners).T))) / scale
        candidate = Alignment(matrix, len(chosen), residual, scale)
        if len(chosen) == 4 and residual <= AGREE_MM:
            return candidate
        if best is None or residual < best.residual_mm:
            best = candidate
    if best is None:
        raise AlignError("no_marks", len(found))
    if best.residual_mm > AGREE_MM:
        raise AlignError("marks_disagree", len(found))
    return best


def straighten(image: np.ndarray, alignment: Alignment, page_mm: list[float]) -> np.ndarray:
    """The page as if scanned straight at PX_PER_MM, white outside the scan."""
    k = PX_PER_MM
    to_out = np.diag([k, k, 1.0]) @ np.linalg.inv(alignment.homography)
    size = (round(page_mm[0] * k), round(page_mm[1] * k))
    return cv2.warpPerspective(
        image, to_out, size, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=255
    )
