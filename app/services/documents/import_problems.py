"""The problem list of an enterprise import (app/services/register/enterprise_import.py;
保存问题清单… / `--problems`) as an .xlsx an office can print and hand back to whoever sent the list: the header in row 1 (so the
corrected rows can be imported again) repeated on every printed page, each reason
in full in a wrapped column, every row as tall as its text, 宋体, A4 landscape, page
numbers in the footer (app/services/documents/xlsx_print.py).

Written as it was, every reason but the shortest was cut off at the next column and
the row's cells at Excel's default width, in Calibri, over two portrait pages."""

from __future__ import annotations

from itertools import islice
from pathlib import Path
from typing import Any

from app.services.core.fields import clean_text
from app.services.documents.xlsx_print import (
    BODY_FONT,
    box_border,
    row_height,
    setup_print,
    text_units,
    use_chinese_default_font,
)
from app.services.register.enterprise_check import ImportPlan

FIXED = (("行号", 6.0), ("处理", 14.0), ("原因", 44.0))
MEASURED = 500  # rows measured for a source column's width (the list may be spilled)
NARROWEST, WIDEST = 8.0, 30.0


def _widths(plan: ImportPlan) -> list[float]:
    """Each source column as wide as its header or its longest value in the first rows,
    within NARROWEST..WIDEST (longer text wraps)."""
    widest = [text_units(str(label)) for label in plan.labels]
    for problem in islice(plan.problems, MEASURED):
        for n, value in enumerate((problem.cells or [])[: len(widest)]):
            widest[n] = max(widest[n], text_units(str(clean_text(value) or "")))
    return [min(WIDEST, max(NARROWEST, units + 2.0)) for units in widest]


def save_problems(plan: ImportPlan, out: str | Path) -> Path:
    """The problem list as .xlsx: row, what happened, why, and the row as it was."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.utils import get_column_letter

    out = Path(out)
    workbook = Workbook(write_only=True)
    use_chinese_default_font(workbook, 10)
    sheet = workbook.create_sheet("导入问题")
    widths = [w for _h, w in FIXED] + _widths(plan)
    for n, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(n)].width = width
    setup_print(sheet, landscape=True, title_rows="1:1")
    sheet.freeze_panes = "A2"
    header, centred, left = _styles(workbook)

    def append(number: int, values: list[Any], styles: list[str]) -> None:
        cells = []
        for value, style in zip(values, styles, strict=False):
            cell = WriteOnlyCell(sheet, value=value)
            cell.style = style
            cells.append(cell)
        sheet.row_dimensions[number].height = row_height(values, widths, 10)
        sheet.append(cells)
        del sheet.row_dimensions[number]  # written with its row, not kept for the save

    labels = [h for h, _w in FIXED] + list(plan.labels)
    append(1, labels, [header] * len(labels))
    for number, p in enumerate(plan.problems, start=2):
        raw = [clean_text(c) for c in p.cells or []]
        values = [p.row, "已跳过" if p.skipped else "已导入（提示）", p.reason, *raw]
        append(number, values, [centred, centred] + [left] * (len(values) - 2))
    workbook.save(out)
    return out


def _styles(workbook: Any) -> tuple[str, str, str]:
    """The header's, the centred and the left-aligned cells' named styles: bordered,
    wrapped, 宋体 10."""
    from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill

    names = ("问题清单表头", "问题清单居中", "问题清单靠左")
    kinds = ((True, "center"), (False, "center"), (False, "left"))
    for name, (bold, align) in zip(names, kinds, strict=True):
        style = NamedStyle(name=name, border=box_border())
        style.font = Font(name=BODY_FONT, size=10, bold=bold)
        style.alignment = Alignment(horizontal=align, vertical="center", wrap_text=True)
        if bold:
            style.fill = PatternFill("solid", fgColor="DDDDDD")
        workbook.add_named_style(style)
    return names
