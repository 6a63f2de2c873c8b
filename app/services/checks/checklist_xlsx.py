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
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    out = Path(out)
    wb = Workbook()
    ws = wb.active
    ws.title = "体检清单"
    ws.append([f"{spec.name}（第 {spec.edition} 版）"])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([label for _, label in XLSX_COLUMNS])
    for cell in ws[2]:
        cell.font = Font(bold=True)
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
    for col, width in zip("ABCDEFGHIJK", (8, 18, 60, 30, 36, 9, 9, 9, 48, 12, 6), strict=True):
        ws.column_dimensions[col].width = width
    for row in ws.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    cond = wb.create_sheet("适用条件")
    cond.append(["条件", "说明"])
    for key, rule in spec.conditions.items():
        cond.append([key, rule.get("label", "")])
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
