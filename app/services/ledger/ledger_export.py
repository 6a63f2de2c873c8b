"""The ledger as offices keep it in Excel: a title, the header, one block per
enterprise with its name merged down the block, A4 landscape with the header
repeated on every printed page and 第 n 页 共 N 页 in the footer, 宋体 throughout,
each row as tall as its wrapped text (app.services.documents.list_xlsx). The
columns are the rectification item's export columns (ledger_spec). Streams rows
(openpyxl write-only), so 100,000 items stay within memory."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from pathlib import Path

from app.models.db import Database
from app.services.core import keyset, office
from app.services.core.messages import N_
from app.services.core.progress import Progress, Work
from app.services.core.record_spec import cell
from app.services.documents.documents import chinese_date
from app.services.documents.list_xlsx import ListSheet, headers, printed
from app.services.documents.xlsx_print import lines_needed
from app.services.ledger import ledger
from app.services.ledger.ledger import LedgerFilter, LedgerRow
from app.services.ledger.ledger_spec import RECTIFICATION_ITEM, overdue_days

COLUMNS = RECTIFICATION_ITEM.export_columns
HEADERS = tuple(h for h, _w in headers(RECTIFICATION_ITEM))
WIDTHS = tuple(w for _h, w in headers(RECTIFICATION_ITEM))
# Named once in a block: the enterprise, and its county (merged down the block).
BLOCK = ("enterprise", "county")
PAGE = 2000
LATE_FILL = "FDE7E7"


def export(db: Database, flt: LedgerFilter, out: str | Path, *, campaign: str = "") -> Work[Path]:
    out = Path(out)
    total = ledger.count(db, flt)
    o = office.current(db)
    today = flt.today
    sheet = ListSheet(
        "整改台账",
        f"{o.name if o else ''}整改台账",
        f"{campaign + '　' if campaign else ''}导出日期：{chinese_date(today)}　共 {total} 条",
        headers(RECTIFICATION_ITEM),
    )
    merged = [n for n, c in enumerate(COLUMNS, start=1) if c.name in BLOCK]
    done = number = 0

    # Sorted by enterprise so each enterprise is one block; pages of the query
    # are streamed, and a block may run across two of them.
    def stream() -> Iterator[LedgerRow]:
        def read(seek: keyset.Seek, limit: int) -> keyset.Rows:
            return ledger.page(db, flt, sort="enterprise", offset=seek, limit=limit)

        for rows in keyset.pages(read, PAGE):
            yield from rows

    try:
        for _eid, group in groupby(stream(), key=lambda r: r.enterprise_id):
            items = list(group)
            rows = [[printed(cell(c, item, today)) for c in COLUMNS] for item in items]
            start = sheet.row
            # Measured without the merged cells, which the block as a whole must hold.
            heights = [
                sheet.height(["", *(None if n in merged else v for n, v in enumerate(r, 1))])
                for r in rows
            ]
            name_lines = max(lines_needed(rows[0][n - 1], WIDTHS[n]) for n in merged)
            short = name_lines * 10 * 1.3 + 4 - sum(heights)
            if short > 0:
                heights[-1] += round(short, 1)
            for item, values, height in zip(items, rows, heights, strict=True):
                number += 1
                late = overdue_days(item, today) > 0
                cells = [sheet.cell(number, n=0)]
                for n, value in enumerate(values, start=1):
                    shown = None if n in merged and item is not items[0] else value
                    fill = LATE_FILL if late and COLUMNS[n - 1].name == "due" else None
                    cells.append(sheet.cell(shown, n=n, fill=fill))
                sheet.append(cells, height)
            if len(items) > 1:
                for n in merged:
                    sheet.merge_down(n + 1, start, sheet.row - 1)
            previous, done = done, done + len(rows)
            if done // 1000 != previous // 1000 or done == total:
                yield Progress(done, total, N_("已写入 {done}/{total} 条", done=done, total=total))
    except BaseException:  # Cancel (GeneratorExit) or a failure: no file left
        sheet.discard()
        raise
    return sheet.save(out)
