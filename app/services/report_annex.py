"""The report's annex: the statistics tables as an .xlsx workbook, one sheet per
table, each with a title, the header repeated when printed, totals, A4."""

from __future__ import annotations

from pathlib import Path

from app.services import report_tables
from app.services.campaign_stats import CampaignStats
from app.services.documents import Table


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


def write(stats: CampaignStats, out: str | Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wb = Workbook()
    wb.remove(wb.active)
    for sheet, title, table in tables(stats):
        ws = wb.create_sheet(sheet)
        width = len(table.headers)
        # Row 1 the table's title, row 2 the campaign (both fit over a narrow table),
        # row 3 the header that repeats on every printed page.
        ws.cell(row=1, column=1, value=title).font = Font(name="黑体", size=14, bold=True)
        ws.cell(row=2, column=1, value=stats.campaign.name).font = Font(name="宋体", size=10)
        for row in (1, 2):
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
            ws.cell(row=row, column=1).alignment = Alignment(horizontal="center", wrap_text=True)
        ws.row_dimensions[2].height = 28
        for c, header in enumerate(table.headers, 1):
            cell = ws.cell(row=3, column=c, value=header)
            cell.font = Font(name="宋体", size=11, bold=True)
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            cell.border = box
            # County names run to 12 characters (平顶山高新技术产业开发区).
            ws.column_dimensions[get_column_letter(c)].width = 26 if c == 1 else 12
        for r, row in enumerate(table.rows, 4):
            for c, value in enumerate(row, 1):
                number = value.isdigit()
                cell = ws.cell(row=r, column=c, value=int(value) if number else value)
                cell.font = Font(name="宋体", size=11, bold=row[0] == "合计")
                cell.alignment = Alignment(horizontal="left" if c == 1 else "center")
                cell.border = box
        ws.print_title_rows = "3:3"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "landscape" if width > 7 else "portrait"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.freeze_panes = "B4"
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    wb.save(str(tmp))
    tmp.replace(out)
    return out
