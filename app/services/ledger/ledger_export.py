"""The ledger as offices keep it in Excel: a title, the header, one block per
enterprise with its name merged down the block, A4 landscape with the header
repeated on every printed page and 第 n 页 共 N 页 in the footer, 宋体 throughout,
each row as tall as its wrapped text (app.services.documents.xlsx_print). Streams rows
(openpyxl write-only), so 100,000 items stay within memory."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from datetime import date
from itertools import groupby
from pathlib import Path

from app.models.db import Database
from app.services.core import office, reference
from app.services.core.progress import Progress, Work
from app.services.documents.documents import chinese_date
from app.services.documents.xlsx_print import (
    BODY_FONT,
    TITLE_FONT,
    lines_needed,
    row_height,
    setup_print,
    use_chinese_default_font,
)
from app.services.ledger import ledger
from app.services.ledger.ledger import LedgerFilter, LedgerRow
from app.services.ledger.rectification_status import label

HEADERS = (
    "序号",
    "企业名称",
    "所属县区",
    "问题来源",
    "整改事类",
    "法律依据",
    "发现日期",
    "整改时限",
    "原定时限",
    "整改负责人",
    "本单位责任人",
    "状态",
    "剩余／逾期",
)
WIDTHS = (6, 28, 11, 18, 40, 26, 15, 15, 15, 11, 11, 16, 11)
DATE_FORMAT = 'yyyy"年"m"月"d"日"'  # a real date, shown as 2023年7月20日
PAGE = 2000


def _remaining(row: LedgerRow, today: date) -> str:
    if row.status == "closed":
        return ""
    late = row.overdue_days(today)
    return f"逾期 {late} 天" if late else f"剩 {row.days_left(today)} 天"


def _source(row: LedgerRow) -> str:
    return (
        f"{chinese_date(row.check_date)}体检"
        if row.source == "check" and row.check_date
        else "手工登记"
    )


def _texts(row: LedgerRow, today: date) -> list[object]:
    """The row's cells as text, for measuring (dates as 2023年7月20日 are 9–11 units)."""
    return [
        "",
        "",
        "",
        _source(row),
        row.matter,
        row.basis,
        chinese_date(row.found_on),
        chinese_date(row.deadline),
        "",
        row.enterprise_person,
        row.office_person,
        label(row.status) + ("（逾期）" if row.overdue_days(today) else ""),
        "",
    ]


def export(db: Database, flt: LedgerFilter, out: str | Path, *, campaign: str = "") -> Work[Path]:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    out = Path(out)
    total = ledger.count(db, flt)
    o = office.current(db)
    wb = Workbook(write_only=True)
    use_chinese_default_font(wb, 10)
    ws = wb.create_sheet("整改台账")
    for n, width in enumerate(WIDTHS):
        ws.column_dimensions[chr(65 + n)].width = width
    setup_print(ws, landscape=True, title_rows="3:3")
    ws.freeze_panes = "A4"
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="center")
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)

    def cell(
        value: object, *, bold: bool = False, align: Alignment = wrap, fill: str | None = None
    ) -> WriteOnlyCell:
        c = WriteOnlyCell(ws, value=value)
        c.border = border
        c.alignment = align
        c.font = Font(name=BODY_FONT, size=10, bold=bold)
        if isinstance(value, date):
            c.number_format = DATE_FORMAT
        if fill:
            c.fill = PatternFill("solid", fgColor=fill)
        return c

    title = WriteOnlyCell(ws, value=f"{o.name if o else ''}整改台账")
    title.font = Font(name=TITLE_FONT, size=16)
    title.alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 30
    ws.append([title])
    ws.merged_cells.add(f"A1:{chr(64 + len(HEADERS))}1")
    subtitle = WriteOnlyCell(
        ws,
        value=f"{campaign + '　' if campaign else ''}导出日期：{chinese_date(flt.today)}　共 {total} 条",
    )
    subtitle.font = Font(name=BODY_FONT, size=10)
    ws.append([subtitle])
    ws.merged_cells.add(f"A2:{chr(64 + len(HEADERS))}2")
    ws.append([cell(h, bold=True, align=centre, fill="DDDDDD") for h in HEADERS])

    tmp = out.with_name(out.name + ".part")
    done = 0
    excel_row = 4
    number = 0
    finished = False
    try:
        # Sorted by enterprise so each enterprise is one block; pages of the
        # query are streamed, and a block may run across two of them.
        def stream() -> Iterator[LedgerRow]:
            for offset in range(0, total, PAGE):
                yield from ledger.page(db, flt, sort="enterprise", offset=offset, limit=PAGE)

        for _eid, group in groupby(stream(), key=lambda r: r.enterprise_id):
            block = list(group)
            start = excel_row
            heights = [row_height(_texts(row, flt.today), WIDTHS, 10) for row in block]
            # The enterprise's name is merged down the block: the block as a whole
            # must hold its lines.
            name_lines = max(
                lines_needed(block[0].enterprise, WIDTHS[1]),
                lines_needed(reference.division_name(block[0].county_code), WIDTHS[2]),
            )
            short = name_lines * 10 * 1.3 + 4 - sum(heights)
            if short > 0:
                heights[-1] += round(short, 1)
            for i, row in enumerate(block):
                ws.row_dimensions[excel_row].height = heights[i]
                number += 1
                late = row.overdue_days(flt.today) > 0
                source = _source(row)
                ws.append(
                    [
                        cell(number, align=centre),
                        cell(row.enterprise if i == 0 else None),
                        cell(
                            reference.division_name(row.county_code) if i == 0 else None,
                            align=centre,
                        ),
                        cell(source, align=centre),
                        cell(row.matter),
                        cell(row.basis),
                        cell(row.found_on, align=centre),
                        cell(row.deadline, align=centre, fill="FDE7E7" if late else None),
                        cell(
                            row.original_deadline
                            if row.original_deadline != row.deadline
                            else None,
                            align=centre,
                        ),
                        cell(row.enterprise_person, align=centre),
                        cell(row.office_person, align=centre),
                        cell(label(row.status) + ("（逾期）" if late else ""), align=centre),
                        cell(_remaining(row, flt.today), align=centre),
                    ]
                )
                excel_row += 1
            if len(block) > 1:
                ws.merged_cells.add(f"B{start}:B{excel_row - 1}")
                ws.merged_cells.add(f"C{start}:C{excel_row - 1}")
            previous, done = done, done + len(block)
            if done // 1000 != previous // 1000 or done == total:
                yield Progress(done, total, f"已写入 {done}/{total} 条")
        wb.save(tmp)
        os.replace(tmp, out)
        finished = True
    finally:
        if not finished:
            with contextlib.suppress(OSError):
                tmp.unlink()
    return out
