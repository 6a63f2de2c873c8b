"""The risk visit list (重点走访名单) as an .xlsx an office prints: title, the
date it was drawn up and from when, 宋体, rows as tall as their reasons, A4
landscape with the header repeated and 第 n 页 共 N 页 in the footer."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from app.services.core import reference
from app.services.documents.documents import chinese_date
from app.services.documents.whole_file import save_whole

HEADERS = (
    "序号",
    "企业名称",
    "统一社会信用代码",
    "县区",
    "地址",
    "联系人",
    "电话",
    "得分",
    "等级上升",
    "理由",
)
WIDTHS = (6, 28, 21, 12, 28, 10, 14, 7, 9, 56)


def write(
    rows: list[dict[str, Any]], out: str | Path, *, office: str, since: date, today: date
) -> Path:
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    from app.services.documents import xlsx_print as xlsx

    box = xlsx.box_border()
    wb = xlsx.chinese_workbook(10)
    ws = wb.active
    ws.title = "重点走访名单"
    last = get_column_letter(len(HEADERS))
    ws.append([f"{office}重点走访企业名单"])
    ws["A1"].font = Font(name=xlsx.TITLE_FONT, size=16)
    ws.append(
        [
            f"高风险且自{chinese_date(since)}以来未体检的企业　{chinese_date(today)}　共 {len(rows)} 家"
        ]
    )
    ws["A2"].font = Font(name=xlsx.BODY_FONT, size=10)
    for r in (1, 2):
        ws.merge_cells(f"A{r}:{last}{r}")
        ws[f"A{r}"].alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 28
    ws.append(list(HEADERS))
    for cell in ws[3]:
        cell.font = Font(name=xlsx.BODY_FONT, size=10, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = box
    for n, v in enumerate(rows, start=1):
        values = [
            n,
            v["name"],
            v["credit_code"],
            reference.division_name(v["county_code"]),
            v["address"],
            v["contact_person"],
            v["contact_phone"],
            v["score"],
            "是" if v["rose"] else "",
            "\n".join(v["reasons"]),
        ]
        ws.append(values)
        r = ws.max_row
        ws.row_dimensions[r].height = xlsx.row_height([str(x) for x in values], WIDTHS, 10)
        for c, cell in enumerate(ws[r], start=1):
            cell.font = Font(name=xlsx.BODY_FONT, size=10)
            cell.border = box
            cell.alignment = Alignment(
                horizontal="center" if c in (1, 4, 8, 9) else "left",
                vertical="center",
                wrap_text=True,
            )
            if c == 3:
                cell.number_format = "@"  # 18 characters of code, never a number
    for c, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    xlsx.setup_print(ws, landscape=True, title_rows="3:3")
    ws.freeze_panes = "C4"
    return save_whole(out, wb.save)
