"""Real-looking files for the importers, built by the tests themselves."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from app.services.demo.demo import make_credit_code


def code(serial: int, division: str = "410482") -> str:
    return make_credit_code(division, 10_000_000 + serial)


def messy_enterprise_xlsx(path: Path, rows: list[list[Any]] | None = None) -> Path:
    """A notes sheet first; then a title row, a subtitle, a two-row merged header,
    text numbers, full-width digits, blank rows and a totals row."""
    from openpyxl import Workbook

    wb = Workbook()
    notes = wb.active
    notes.title = "填表说明"
    notes.append(["说明：本表由市场监管局提供，仅供三方办工作使用。"])
    notes.append(["信用代码请勿改动。"])
    ws = wb.create_sheet("企业名单")
    ws.append(["汝州市2023年新登记企业名单"])
    ws.merge_cells("A1:H1")
    ws.append(["填报单位：汝州市市场监督管理局", None, None, None, None, "2023年6月"])
    ws.append(
        ["序号", "企业名称", "统一社会信用代码", "联系人", None, "从业人数", "成立日期", "所属行业"]
    )
    ws.append([None, None, None, "姓名", "电话", None, None, None])
    ws.merge_cells("D3:E3")
    for col in "ABCFGH":
        ws.merge_cells(f"{col}3:{col}4")
    data = (
        rows
        if rows is not None
        else [
            [
                1,
                " 汝州市鑫源建筑工程有限公司 ",
                code(1),
                "王伟",
                "13800000001",
                "1,200",
                "2019-05-06",
                "建筑业",
            ],
            [
                2,
                "汝州市恒达商贸有限公司",
                code(2),
                "李娜",
                "13800000002",
                "３５",
                date(2020, 3, 1),
                "批发和零售业",
            ],
            [None, None, None, None, None, None, None, None],
            [
                3,
                "汝州市华美服饰有限公司",
                code(3).lower(),
                "张敏",
                "13800000003",
                80,
                "2021年7月8日",
                "服装制造",
            ],
            [
                4,
                "汝州市宏兴餐饮管理有限公司",
                code(4),
                "刘强",
                "13800000004",
                "12",
                "20220115",
                "餐饮",
            ],
            [5, "坏代码有限公司", "91410482MA0000000X", "陈", "1", "5", "2020-01-01", "制造业"],
            ["合计", None, None, None, None, 1327, None, None],
        ]
    )
    for r in data:
        ws.append(r)
    wb.save(path)
    return path


def simple_enterprise_xlsx(path: Path, rows: list[dict[str, Any]]) -> Path:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("企业")
    headers = ["企业名称", "统一社会信用代码", "所属县区", "职工人数", "是否建立工会", "注册日期"]
    ws.append(headers)
    for r in rows:
        ws.append(
            [
                r.get(h)
                for h in ("name", "credit_code", "county", "employees", "union", "registered")
            ]
        )
    wb.save(path)
    return path


def social_xlsx(path: Path, rows: list[list[Any]]) -> Path:
    """Social-insurance data as sent: a title row, a merged two-row header, text numbers, a totals row."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["汝州市社会保险中心 单位参保缴费情况（2023年5月）"])
    ws.append(["单位名称", "统一社会信用代码", "费款所属期", "参保人数", "欠费情况", None])
    ws.append([None, None, None, None, "欠费月数", "欠费金额"])
    ws.merge_cells("E2:F2")
    for col in "ABCD":
        ws.merge_cells(f"{col}2:{col}3")
    for r in rows:
        ws.append(r)
    ws.append(["合计", None, None, None, None, None])
    wb.save(path)
    return path


def social_xls(path: Path, rows: list[list[Any]]) -> Path:
    """The social-insurance sheet of social_xlsx as an Excel 97-2003 .xls (xlwt): the
    title row, the two-row header merged the same way, the rows, the totals row."""
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("社保")
    ws.write(0, 0, "汝州市社会保险中心 单位参保缴费情况（2023年5月）")
    for col, label in enumerate(("单位名称", "统一社会信用代码", "费款所属期", "参保人数")):
        ws.write_merge(1, 2, col, col, label)
    ws.write_merge(1, 1, 4, 5, "欠费情况")
    ws.write(2, 4, "欠费月数")
    ws.write(2, 5, "欠费金额")
    for r, row in enumerate([*rows, ["合计"]], start=3):
        for c, value in enumerate(row):
            ws.write(r, c, value)
    wb.save(str(path))
    return path
