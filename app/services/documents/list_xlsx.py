"""A record list as the .xlsx an office prints: a title, a line with the date and
the count, the header (repeated on every printed page), numbered rows as tall
as their wrapped text, 宋体, A4 landscape, 第 n 页 共 N 页 in the footer
(app/services/documents/xlsx_print.py). The columns are the record spec's
export columns (app/services/core/record_spec.py); rows stream through openpyxl's
write-only mode, so a long list stays within memory, and the file appears only
when it is complete."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from app.services.core import keyset
from app.services.core.fields import FieldSpec, Kind, display
from app.services.core.keyset import Seek
from app.services.core.messages import Label, Message
from app.services.core.progress import Progress, Work
from app.services.core.record_spec import RecordSpec, cell, export_width
from app.services.documents.documents import chinese_date
from app.services.documents.xlsx_print import (
    BODY_FONT,
    TITLE_FONT,
    row_height,
    setup_print,
    text_units,
    use_chinese_default_font,
)

DATE_FORMAT = 'yyyy"年"m"月"d"日"'  # a real date, shown as 2023年7月20日
NUMBER = ("序号", 6.0)
# The widest date the sheet shows (2023年12月31日) and the cell's padding: Excel does
# not wrap a date, it prints ######## in a column narrower than the date.
DATE_WIDTH = text_units("2023年12月31日") + 1.5
PAGE = 2000
WIDE = 20  # columns at least this wide hold running text: wrapped from the left


def printed(value: Any) -> Any:
    """A list value as a printed sheet holds it: Chinese text, dates inside a
    sentence written 2023年7月20日, a date alone kept a date (the cell's format
    writes it so), numbers as numbers."""
    if isinstance(value, Message):
        params = {k: chinese_date(v) if isinstance(v, date) else v for k, v in value.params.items()}
        return str(Message(value.template, **params))
    if isinstance(value, Label):
        return value.zh
    return value


def _column(n: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(n)


class ListSheet:
    """One sheet being written: title, subtitle and header first, then rows."""

    def __init__(
        self, sheet: str, title: str, subtitle: str, headers: Sequence[tuple[str, float]]
    ) -> None:
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        self._cell_type, self._font, self._fill = WriteOnlyCell, Font, PatternFill
        self.widths = [w for _h, w in headers]
        self._styles: dict[tuple[bool, bool, bool, str | None], str] = {}
        self.workbook = Workbook(write_only=True)
        use_chinese_default_font(self.workbook, 10)
        self.ws = self.workbook.create_sheet(sheet)
        for n, width in enumerate(self.widths, start=1):
            self.ws.column_dimensions[_column(n)].width = width
        setup_print(self.ws, landscape=True, title_rows="3:3")
        self.ws.freeze_panes = "A4"
        thin = Side(style="thin", color="000000")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.wrap = Alignment(wrap_text=True, vertical="center")
        self.centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
        last = _column(len(headers))
        top = WriteOnlyCell(self.ws, value=title)
        top.font = Font(name=TITLE_FONT, size=16)
        top.alignment = Alignment(horizontal="center", vertical="center")
        self.ws.row_dimensions[1].height = 30
        self.ws.append([top])
        self.ws.merged_cells.add(f"A1:{last}1")
        sub = WriteOnlyCell(self.ws, value=subtitle)
        sub.font = Font(name=BODY_FONT, size=10)
        self.ws.append([sub])
        self.ws.merged_cells.add(f"A2:{last}2")
        self.ws.append([self.cell(h, bold=True, fill="DDDDDD", n=0) for h, _w in headers])
        self.row = 4  # the next row to write

    def cell(self, value: Any, *, n: int, bold: bool = False, fill: str | None = None) -> Any:
        """A bordered cell of column `n` (0-based): running text wrapped from the
        left in wide columns, everything else centred."""
        c = self._cell_type(self.ws, value=value)
        wrap = self.widths[n] >= WIDE and not bold
        c.style = self._style(bold, wrap, isinstance(value, date), fill)
        return c

    def _style(self, bold: bool, wrap: bool, dated: bool, fill: str | None) -> str:
        """The named style of a cell of this kind, made once. Setting font, border and
        alignment on every cell made openpyxl hash each of them per cell: four fifths
        of a list export's time (a million-row register took some twenty minutes)."""
        key = (bold, wrap, dated, fill)
        name = self._styles.get(key)
        if name is None:
            from openpyxl.styles import NamedStyle

            name = "列表" + ("表头" if bold else "") + ("靠左" if wrap else "居中")
            name += ("日期" if dated else "") + (f"底色{fill}" if fill else "")
            style = NamedStyle(name=name, border=self.border)
            style.font = self._font(name=BODY_FONT, size=10, bold=bold)
            style.alignment = self.wrap if wrap else self.centre
            if dated:
                style.number_format = DATE_FORMAT
            if fill:
                style.fill = self._fill("solid", fgColor=fill)
            self.workbook.add_named_style(style)
            self._styles[key] = name
        return name

    def append(self, cells: list[Any], height: float) -> None:
        self.ws.row_dimensions[self.row].height = height
        self.ws.append(cells)  # written out now, with its height
        # Kept, each row's height was ~420 bytes until the save: 420 MB for a million
        # rows (docs/architecture.md, speed rules).
        del self.ws.row_dimensions[self.row]
        self.row += 1

    def height(self, values: Sequence[Any]) -> float:
        texts = [chinese_date(v) if isinstance(v, date) else v for v in values]
        return row_height(texts, self.widths, 10)

    def merge_down(self, column: int, first: int, last: int) -> None:
        letter = _column(column)
        self.ws.merged_cells.add(f"{letter}{first}:{letter}{last}")

    def discard(self) -> None:
        """Cancelled: the sheet's rows, streamed to openpyxl's temporary file, are
        closed and the file removed; nothing is written where the user asked."""
        writer = getattr(self.ws, "_writer", None)
        with contextlib.suppress(Exception):  # a half-written sheet may refuse to close
            self.ws.close()
        if writer is not None:
            with contextlib.suppress(OSError, ValueError):
                writer.cleanup()

    def save(self, out: Path) -> Path:
        """Written beside `out` first and moved into place whole."""
        tmp = out.with_name(out.name + ".part")
        finished = False
        try:
            self.workbook.save(tmp)
            os.replace(tmp, out)
            finished = True
        finally:
            if not finished:
                with contextlib.suppress(OSError):
                    tmp.unlink()
        return out


def headers(
    spec: RecordSpec, columns: Sequence[FieldSpec] | None = None
) -> list[tuple[str, float]]:
    """序号 and the columns (the spec's export columns unless given), with their widths."""
    chosen = spec.export_columns if columns is None else columns
    return [NUMBER, *((c.label_zh, _width(c)) for c in chosen)]


def _width(column: FieldSpec) -> float:
    """The column's export width; a date column is never narrower than a date."""
    width = export_width(column)
    return max(width, DATE_WIDTH) if column.kind == Kind.DATE else width


def exported(spec: FieldSpec, value: Any) -> Any:
    """A list cell as the exported sheet holds it, in Chinese whatever the window's
    language: words and choices as the table shows them in Chinese, dates and
    numbers kept as such (the sheet formats them)."""
    if isinstance(value, Label | Message):
        return printed(value)
    if value is None or isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and not spec.choices:
        return value
    return display(spec, value)


def spec_values(
    columns: Sequence[FieldSpec], today: date
) -> Callable[[Sequence[Any]], list[list[Any]]]:
    """The export columns' values of a page of list rows (mappings or records)."""
    return lambda rows: [[printed(cell(c, row, today)) for c in columns] for row in rows]


def export(
    spec: RecordSpec,
    count: Callable[[], int],
    page: Callable[[Seek, int], Sequence[Any]],
    out: str | Path,
    *,
    title: str,
    today: date | None = None,
    columns: Sequence[FieldSpec] | None = None,
    values: Callable[[Sequence[Any]], Sequence[Sequence[Any]]] | None = None,
) -> Work[Path]:
    """Every row of a list (count() rows, read page(seek, limit) a page at a time,
    each after the last key of the one before: app/services/core/keyset.py) as an
    .xlsx of `columns` (the spec's export columns), each page's values made by
    `values` (the spec's cells); progress every 1,000 rows. Cancelled, it leaves no
    file."""
    today = today or date.today()
    out = Path(out)
    total = count()
    columns = tuple(columns if columns is not None else spec.export_columns)
    sheet = ListSheet(
        spec.label.zh,
        title,
        f"导出日期：{chinese_date(today)}　共 {total} 条",
        headers(spec, columns),
    )
    values = values or spec_values(columns, today)
    done = 0
    try:
        for rows in keyset.pages(page, PAGE):
            for row in values(rows):
                done += 1
                line = [done, *row]
                sheet.append([sheet.cell(v, n=n) for n, v in enumerate(line)], sheet.height(line))
                if done % 1000 == 0:
                    yield Progress(done, total, f"已写入 {done}/{total} 条")
        yield Progress(done, total, f"已写入 {done}/{total} 条")
    except BaseException:  # Cancel (GeneratorExit) or a failure: no file, no temporary left
        sheet.discard()
        raise
    return sheet.save(out)
