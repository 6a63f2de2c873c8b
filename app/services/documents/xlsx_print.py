"""What every workbook we hand out needs to print as it looks: Chinese fonts, row
heights that fit wrapped text, page numbers in the footer, A4.

Excel does not grow a row for wrapped text that a program wrote, so a long 整改事类
printed over the row below; openpyxl's default font is Calibri. Heights here are
measured from the text: a CJK character is two units of a column's width (one unit
is the width of the digit 0), other characters one.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

BODY_FONT = "宋体"
TITLE_FONT = "黑体"
FOOTER = "第 &P 页 共 &N 页"


def text_units(text: str) -> int:
    """Width of `text` in column-width units: CJK and full-width 2, others 1."""
    return sum(2 if ord(c) > 0x2E7F else 1 for c in text)


def lines_needed(text: object, width: float) -> int:
    """Lines a wrapped cell of `width` column units takes for `text`."""
    if text is None or text == "":
        return 1
    usable = max(1.0, width - 1.5)  # the cell's padding
    return sum(max(1, math.ceil(text_units(part) / usable)) for part in str(text).split("\n"))


def row_height(values: Sequence[object], widths: Sequence[float], font_pt: float = 11) -> float:
    """Points for a row whose cells wrap: the tallest cell's lines at 1.3 × the font size."""
    lines = max((lines_needed(v, w) for v, w in zip(values, widths, strict=False)), default=1)
    return round(lines * font_pt * 1.3 + 4, 1)


def chinese_workbook(size: float = 11) -> Any:
    """A new workbook whose default font is 宋体 of `size` points."""
    from openpyxl import Workbook

    workbook = Workbook()
    use_chinese_default_font(workbook, size)
    return workbook


def box_border() -> Any:
    """The thin line around every cell of a printed table."""
    from openpyxl.styles import Border, Side

    thin = Side(style="thin")
    return Border(left=thin, right=thin, top=thin, bottom=thin)


def use_chinese_default_font(workbook: Any, size: float = 11) -> None:
    """Cells without a font of their own, and what a user types later, in 宋体."""
    from openpyxl.styles import Font

    workbook._fonts[0] = Font(name=BODY_FONT, size=size, charset=134, family=3)


def setup_print(
    ws: Any,
    *,
    landscape: bool,
    title_rows: str = "",
    fit_width: bool = True,
) -> None:
    """A4, the header rows repeated, the footer 第 n 页 共 N 页 in 宋体."""
    ws.page_setup.paperSize = 9  # A4 (ECMA-376 paper size code)
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    if fit_width:
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddFooter.center.text = FOOTER
    ws.oddFooter.center.font = BODY_FONT
    ws.oddFooter.center.size = 10
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = 0.6
    ws.page_margins.bottom = 0.7
    ws.page_margins.footer = 0.3
