"""Judging tick boxes on a straightened page: how much ink is inside each box,
and what a row of boxes (合规 / 不合规 / 不适用) says.

Like SDAPS, a box is judged by its ink coverage inside the printed outline: a
tick or a cross covers some of it, a box blacked out to cancel a tick covers
most of it. Ink is measured against the paper around the box, so a grey scan,
a shadow or a coffee stain does not read as ink. Anything between the clear
cases is not guessed: the row is flagged for a person.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from app.services.scans.align import PX_PER_MM

# Darkness relative to the paper nearby: above INK a pixel is pen or print,
# between GREY and INK a stain, a shadow or a pencil smear.
INK, GREY = 0.42, 0.14
# Coverage of the box's inside (within the outline) by ink.
EMPTY_BELOW = 0.035  # specks of dust or toner
TICK_FROM = 0.085  # the smallest clear tick
HEAVY_FROM = 0.75  # more ink than any tick or cross leaves
# Of the inside still ink after thinning every stroke by PEN_MM: pen lines vanish,
# a blacked-out box (a cancelled tick) stays.
PEN_MM = 1.0
SOLID_FROM = 0.10  # too solid for strokes: unclear
FILLED_FROM = 0.30  # blacked out
SMUDGE_FROM = 0.30  # of the inside grey (not ink): a stain over the box
OUTSIDE_FROM = 0.05  # ink just outside an otherwise empty box
# The outline is searched this far around its recorded place (scan and print
# tolerances); its line is printed 0.35 mm wide.
SEARCH_MM = 1.2
LINE_MM = 0.35
INSET_MM = 0.35  # the inside starts this far within the line (blur, a pixel of misfit)
POSITION_FROM = 0.45  # mean darkness along the found outline


@dataclass(frozen=True)
class BoxMark:
    state: str  # empty / ticked / filled / faint / heavy / smudge / outside / lost
    coverage: float
    solid: float
    grey: float
    outside: float
    position: float  # how clearly the outline was found, 0–1
    confidence: float  # how far from the nearest threshold, 0–1

    @property
    def clear(self) -> bool:
        return self.state in ("empty", "ticked", "filled")


def _confidence(value: float, low: float, high: float, band: float = 0.04) -> float:
    """1 in the middle of [low, high), falling to 0 at its ends over `band`."""
    return float(min(1.0, max(0.0, value - low) / band, max(0.0, high - value) / band))


def darkness(region: np.ndarray) -> np.ndarray:
    """Each pixel's darkness relative to the paper around it (0 paper, 1 black)."""
    paper = max(float(np.percentile(region, 92)), 40.0)
    return np.clip(1.0 - region.astype(np.float32) / paper, 0.0, 1.0)


def measure(page: np.ndarray, rect_mm: list[float]) -> BoxMark:
    """Ink in one box of a straightened page."""
    k = PX_PER_MM
    x, y, w, h = (v * k for v in rect_mm)
    pad = round(max(SEARCH_MM + 2.0, 6.0) * k)
    x0, y0 = max(0, round(x) - pad), max(0, round(y) - pad)
    region = page[y0 : round(y + h) + pad, x0 : round(x + w) + pad]
    if region.size == 0:
        return BoxMark("lost", 0, 0, 0, 0, 0, 0)
    dark = darkness(region)
    # Find the outline: the offset within SEARCH_MM where a hollow square of the
    # box's size, its line centred on the recorded edges, lies on the most darkness.
    bw, bh = round(w), round(h)
    line = max(2, round(LINE_MM * k))
    ring = np.ones((bh + line, bw + line), np.float32)
    ring[line:-line, line:-line] = 0
    s = round(SEARCH_MM * k)
    ox, oy = round(x - line / 2) - x0, round(y - line / 2) - y0
    wx, wy = max(0, ox - s), max(0, oy - s)
    window = dark[wy : oy + s + ring.shape[0], wx : ox + s + ring.shape[1]]
    if window.shape[0] < ring.shape[0] or window.shape[1] < ring.shape[1]:
        return BoxMark("lost", 0, 0, 0, 0, 0, 0)
    scores = cv2.matchTemplate(window, ring, cv2.TM_CCORR) / float(ring.sum())
    _min, position, _minloc, (dx, dy) = cv2.minMaxLoc(scores)
    bx, by = wx + dx, wy + dy  # the outline's outer corner
    inset = line + round(INSET_MM * k)
    inside = dark[by + inset : by + bh + line - inset, bx + inset : bx + bw + line - inset]
    ink = (inside > INK).astype(np.uint8)
    coverage = float(np.mean(ink))
    pen = max(3, round(PEN_MM * k) | 1)
    solid = float(np.mean(cv2.erode(ink, np.ones((pen, pen), np.uint8)))) if ink.size else 0.0
    grey = float(np.mean((inside > GREY) & (inside <= INK)))
    margin, reach = round(0.5 * k), round(1.5 * k)
    bw, bh = bw + line, bh + line
    around = dark[max(0, by - reach) : by + bh + reach, max(0, bx - reach) : bx + bw + reach] > INK
    near = dark[max(0, by - margin) : by + bh + margin, max(0, bx - margin) : bx + bw + margin]
    outside_ink = float(around.sum() - (near > INK).sum())
    outside = outside_ink / max(1.0, float(around.size - near.size))
    return _state(coverage, solid, grey, outside, float(position))


def _state(coverage: float, solid: float, grey: float, outside: float, position: float) -> BoxMark:
    def mark(state: str, confidence: float) -> BoxMark:
        return BoxMark(state, coverage, solid, grey, outside, position, confidence)

    if position < POSITION_FROM:
        return mark("lost", 0.0)
    if coverage < EMPTY_BELOW:
        if grey >= SMUDGE_FROM:
            return mark("smudge", 0.0)
        if outside >= OUTSIDE_FROM:
            return mark("outside", 0.0)
        return mark("empty", min(_confidence(coverage, -1, EMPTY_BELOW, 0.02),
                                 _confidence(grey, -1, SMUDGE_FROM, 0.1)))  # fmt: skip
    if coverage < TICK_FROM:
        return mark("faint", 0.0)
    if solid >= FILLED_FROM:
        return mark("filled", _confidence(solid, FILLED_FROM, 2.0, 0.1))
    if solid >= SOLID_FROM or coverage >= HEAVY_FROM:
        return mark("heavy", 0.0)
    return mark("ticked", min(_confidence(coverage, TICK_FROM, HEAVY_FROM),
                              _confidence(solid, -1, SOLID_FROM, 0.05)))  # fmt: skip


# -- a row: one checklist item's boxes -------------------------------------------------------

UNCLEAR_STATES = {"faint": "faint", "heavy": "filled", "smudge": "smudge", "outside": "outside",
                  "lost": "box_lost"}  # fmt: skip
# An item read with at least this confidence may be written without a person.
HIGH = 0.75


@dataclass(frozen=True)
class RowReading:
    reading: str  # compliant / noncompliant / na / unchecked (left blank), or "" when unclear
    suggestion: str  # the likeliest reading when unclear ("" when none stands out)
    reason: str  # a key of messages.UNCLEAR, "" when clear
    confidence: float

    @property
    def unclear(self) -> bool:
        return self.reading == ""


def judge(marks: dict[str, BoxMark]) -> RowReading:
    """What a row of boxes says: exactly one ticked, or none, is clear; anything
    else (several ticked, a box blacked out, a faint mark, a smudge) is unclear."""
    ticked = [c for c, m in marks.items() if m.state == "ticked"]
    filled = [c for c, m in marks.items() if m.state == "filled"]
    doubtful = [m for m in marks.values() if not m.clear]
    guess = ticked[0] if len(ticked) == 1 else ""
    low = min((m.confidence for m in marks.values()), default=0.0)
    clear_confidence = HIGH + (1 - HIGH) * low
    if doubtful:
        worst = doubtful[0].state
        reason = UNCLEAR_STATES[worst]
        if filled and ticked:
            reason = "crossed_out"
        return RowReading("", guess, reason, 0.5 * low)
    if len(ticked) > 1:
        return RowReading("", "", "several", 0.2)
    if filled:
        if ticked:
            return RowReading("", guess, "crossed_out", 0.4)
        return RowReading("", filled[0] if len(filled) == 1 else "", "filled", 0.3)
    if ticked:
        return RowReading(ticked[0], ticked[0], "", clear_confidence)
    return RowReading("unchecked", "unchecked", "", clear_confidence)
