"""The ledger as offices keep it in Excel: a title, the header, one block per
enterprise with its name merged down the block, A4 landscape with the header
repeated on every printed page. Streams rows (openpyxl write-only), so 100,000
items stay within memory."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from datetime import date
from itertools import groupby
from pathlib import Path

from app.models.db import Database
from app.services import ledger, office, reference
from app.services.documents import chinese_date
from app.services.ledger import LedgerFilter, LedgerRow
from app.services.progress import Progress, Work
from app.services.rectification_status import label

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
WIDTHS = (6, 30, 11, 14, 46, 26, 11, 11, 11, 11, 11, 12, 11)
PAGE = 2000


def _remaining(row: LedgerRow, today: date) -> str:
    if row.status == "closed":
        return ""
    late = row.overdue_days(today)
    return f"逾期 {late} 天" if late else f"剩 {row.days_left(today)} 天"


def export(db: Database, flt: LedgerFilter, out: str | Path, *, campaign: str = "") -> Work[Path]:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    out = Path(out)
    total = ledger.count(db, flt)
    o = office.current(db)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("整改台账")
    for n, width in enumerate(WIDTHS):
        ws.column_dimensions[chr(65 + n)].width = width
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4 (ECMA-376 paper size code)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "3:3"
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
        if bold:
            c.font = Font(bold=True)
        if fill:
            c.fill = PatternFill("solid", fgColor=fill)
        return c

    title = WriteOnlyCell(ws, value=f"{o.name if o else ''}整改台账")
    title.font = Font(bold=True, size=16)
    title.alignment = Alignment(horizontal="center")
    ws.append([title])
    ws.merged_cells.add(f"A1:{chr(64 + len(HEADERS))}1")
    subtitle = (
        f"{campaign + '　' if campaign else ''}导出日期：{chinese_date(flt.today)}　共 {total} 条"
    )
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
            for i, row in enumerate(block):
                number += 1
                late = row.overdue_days(flt.today) > 0
                source = (
                    f"体检 {row.check_date}"
                    if row.source == "check" and row.check_date
                    else "手工登记"
                )
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
