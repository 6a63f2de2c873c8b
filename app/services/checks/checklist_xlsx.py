"""A checklist edition as an .xlsx to edit outside the app, and read back."""

from __future__ import annotations

from pathlib import Path

from app.services.checks.checklists import DAY_KINDS, ChecklistError, ChecklistSpec, ItemSpec
from app.services.core.fields import clean_text, parse_int

XLSX_COLUMNS = (
    ("code", "编号"),
    ("group", "类别"),
    ("question", "检查内容"),
    ("finding", "问题表述"),
    ("basis", "法律依据"),
    ("severity", "风险程度"),
    ("days", "整改期限"),
    ("day_kind", "期限单位"),
    ("remedy", "整改建议"),
    ("condition", "适用条件"),
    ("retired", "停用"),
)


def export_xlsx(spec: ChecklistSpec, out: str | Path) -> Path:
    """The edition as a workbook to edit and read back, that also prints as it is (an
    office hands a new edition up for approval): the title over all columns, the
    header repeated on every page, text wrapped in 宋体 with rows as tall as it, A4
    landscape one page wide, page numbers. Printed as it was, the title was cut at
    the second column and the columns ran over six portrait pages in Calibri."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    from app.services.documents import xlsx_print as xlsx

    out = Path(out)
    wb = xlsx.chinese_workbook(10)
    ws = wb.active
    ws.title = "体检清单"
    widths = (6, 12, 40, 24, 26, 6, 6, 8, 34, 10, 5)
    ws.append([f"{spec.name}（第 {spec.edition} 版）"])
    ws["A1"].font = Font(name=xlsx.TITLE_FONT, size=14)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(widths))
    ws.row_dimensions[1].height = 24
    ws.append([label for _, label in XLSX_COLUMNS])
    for cell in ws[2]:
        cell.font = Font(name=xlsx.BODY_FONT, size=10, bold=True)
    for item in spec.items:
        ws.append(
            [
                item.code,
                item.group,
                item.question,
                item.finding,
                item.basis,
                item.severity,
                item.days,
                DAY_KINDS[item.day_kind],
                item.remedy,
                item.condition,
                "是" if item.retired else "",
            ]
        )
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    box = xlsx.box_border()
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.border = box
        values = [cell.value for cell in row]
        ws.row_dimensions[row[0].row].height = xlsx.row_height(values, widths, 10)
    xlsx.setup_print(ws, landscape=True, title_rows="2:2")
    ws.freeze_panes = "A3"
    cond = wb.create_sheet("适用条件")
    cond.append(["条件", "说明"])
    for key, rule in spec.conditions.items():
        cond.append([key, rule.get("label", "")])
    cond.column_dimensions["A"].width = 16
    cond.column_dimensions["B"].width = 60
    xlsx.setup_print(cond, landscape=False, title_rows="1:1")
    wb.save(out)
    return out


def import_xlsx(path: str | Path) -> list[ItemSpec]:
    """Items from a checklist workbook; ChecklistError lists every problem."""
    from app.services.core.fields import FieldSpec
    from app.services.core.spreadsheet import data_rows, find_header, read_sheets

    specs = [FieldSpec(name, label, "") for name, label in XLSX_COLUMNS]
    sheets = read_sheets(path)
    header = find_header(sheets, specs, min_fields=3, key_fields=("code", "question"))
    found = set(header.mapping.values())
    missing = [label for name, label in XLSX_COLUMNS[:3] if name not in found]
    if missing:
        raise ChecklistError(
            "清单表格缺少以下列："
            + "、".join(missing)
            + "。请使用“导出清单”得到的表格修改后再导入。"
        )
    kinds = {v: k for k, v in DAY_KINDS.items()}
    items: list[ItemSpec] = []
    problems: list[str] = []
    for row in data_rows(header).rows:
        raw = {
            name: row.cells[j] if j < len(row.cells) else None for j, name in header.mapping.items()
        }
        try:
            days = parse_int(raw.get("days")) or 30
        except ValueError:
            problems.append(f"第 {row.number} 行：整改期限“{raw.get('days')}”不是整数")
            continue
        items.append(
            ItemSpec(
                code=clean_text(raw.get("code")),
                group=clean_text(raw.get("group")),
                question=clean_text(raw.get("question")),
                finding=clean_text(raw.get("finding")),
                basis=clean_text(raw.get("basis")),
                severity=clean_text(raw.get("severity")) or "中",
                days=days,
                day_kind=kinds.get(
                    clean_text(raw.get("day_kind")), clean_text(raw.get("day_kind")) or "calendar"
                ),
                remedy=clean_text(raw.get("remedy")),
                condition=clean_text(raw.get("condition")),
                retired=clean_text(raw.get("retired")) in ("是", "停用", "1", "y", "yes"),
            )
        )
    if problems:
        raise ChecklistError("\n".join(problems))
    return items
