"""The report's annex: the statistics tables as an .xlsx workbook, one sheet per
table, each with a title, the header repeated when printed, totals, A4."""

from __future__ import annotations

from pathlib import Path

from app.services.campaign import report_tables
from app.services.campaign.report_figures import CampaignStats
from app.services.documents.documents import Table
from app.services.documents.whole_file import save_whole


def tables(stats: CampaignStats) -> list[tuple[str, str, Table]]:
    """(sheet name, title, table) for every statistics table of the report."""
    months = report_tables.month_table(stats)
    by_month_county = Table(
        ["月份", *(report_tables.county_name(c) for c in stats.counties), "合计"],
        [
            [
                row[0],
                *(str(stats.checks_by_month.get(m, {}).get(c, 0)) for c in stats.counties),
                str(sum(stats.checks_by_month.get(m, {}).values())),
            ]
            for row, (m, _, _) in zip(months.rows, stats.closure_by_month, strict=True)
        ],
        [3, *([2] * len(stats.counties)), 2],
    )
    return [
        ("体检和整改", "法治体检和整改台账（按县区）", report_tables.county_table(stats)),
        ("风险等级", "企业风险等级（按县区）", report_tables.risk_table(stats)),
        ("按月进度", "体检和整改进度（按月）", months),
        ("按月体检", "体检企业数（按月、按县区）", by_month_county),
        ("要约行动", "集体协商要约（按县区）", report_tables.offers_table(stats)),
        ("指导服务", "指导服务（按服务方式）", report_tables.guidance_table(stats)),
        ("裁员备案", "裁员备案和再就业（按县区）", report_tables.layoffs_table(stats)),
    ]


ANNEX_TITLE = "专项行动统计表"


def _value(text: str) -> tuple[object, str | None]:
    """A table cell as the workbook holds it: counts as numbers, rates as fractions
    shown with a percent format, everything else as text."""
    if text.isdigit():
        return int(text), None
    if text.endswith("%"):
        try:
            return float(text[:-1]) / 100, "0.0%"
        except ValueError:
            return text, None
    return text, None


def write(stats: CampaignStats, out: str | Path) -> Path:
    """The annex (附件) of the summary report: on every sheet "附件" at the top left
    (GB/T 9704-2012 §8: 3号黑体), the annex's title and the table's, the header row
    repeated on every printed page, 宋体, 第 n 页 共 N 页 in the footer."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    from app.services.documents import xlsx_print as xlsx

    box = xlsx.box_border()
    wb = xlsx.chinese_workbook()
    wb.remove(wb.active)
    for sheet, title, table in tables(stats):
        ws = wb.create_sheet(sheet)
        width = len(table.headers)
        widths = [26.0 if c == 1 else 12.0 for c in range(1, width + 1)]
        for c, w in enumerate(widths, 1):
            # County names run to 12 characters (平顶山高新技术产业开发区).
            ws.column_dimensions[get_column_letter(c)].width = w
        # Row 1 "附件"; row 2 the annex's and the table's title; row 3 the campaign;
        # row 4 the header that repeats on every printed page.
        ws.cell(row=1, column=1, value="附件").font = Font(name=xlsx.TITLE_FONT, size=16)
        ws.cell(row=2, column=1, value=f"{ANNEX_TITLE}：{title}").font = Font(
            name=xlsx.TITLE_FONT, size=14
        )
        ws.cell(row=3, column=1, value=stats.campaign.name).font = Font(
            name=xlsx.BODY_FONT, size=10
        )
        for row in (2, 3):
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
            ws.cell(row=row, column=1).alignment = Alignment(
                horizontal="center", vertical="center", wrap_text=True
            )
        ws.row_dimensions[1].height = 24
        ws.row_dimensions[2].height = xlsx.row_height(
            [f"{ANNEX_TITLE}：{title}"], [sum(widths) / 1.3], 14
        )
        ws.row_dimensions[3].height = xlsx.row_height([stats.campaign.name], [sum(widths)], 10)
        for c, header in enumerate(table.headers, 1):
            cell = ws.cell(row=4, column=c, value=header)
            cell.font = Font(name=xlsx.BODY_FONT, size=11, bold=True)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = box
        ws.row_dimensions[4].height = xlsx.row_height(table.headers, widths)
        for r, row in enumerate(table.rows, 5):
            for c, text in enumerate(row, 1):
                value, number_format = _value(text)
                cell = ws.cell(row=r, column=c, value=value)
                if number_format:
                    cell.number_format = number_format
                cell.font = Font(name=xlsx.BODY_FONT, size=11, bold=row[0] == "合计")
                cell.alignment = Alignment(
                    horizontal="left" if c == 1 else "center", vertical="center", wrap_text=True
                )
                cell.border = box
            ws.row_dimensions[r].height = xlsx.row_height(row, widths)
        xlsx.setup_print(ws, landscape=width > 7, title_rows="4:4")
        ws.freeze_panes = "B5"
    return save_whole(out, wb.save)
