"""Importing a 100,000-row xlsx, against calamine + sqlite3 executemany of the same rows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from app.models.base import new_id
from benchmarks.common import OUT, N, report, timed
from benchmarks.raw_sql import insert_enterprises


def build_xlsx(n: int = N) -> Path:
    OUT.mkdir(exist_ok=True)
    path = OUT / f"enterprises-{n}.xlsx"
    if path.exists():
        return path
    from openpyxl import Workbook

    from app.services.demo.demo import enterprise_rows

    rows = enterprise_rows(n, 99, ["410402", "410421", "410482"], date(2026, 11, 1))
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("企业名单")
    ws.append(["2026年企业名单"])
    headers = [
        "企业名称",
        "统一社会信用代码",
        "所属县区",
        "地址",
        "所属行业",
        "法定代表人",
        "联系人",
        "联系电话",
        "从业人数",
        "是否建立工会",
        "成立日期",
        "平台企业",
    ]
    ws.append(headers)
    for r in rows:
        ws.append(
            [
                r["name"],
                r["credit_code"],
                {"410402": "新华区", "410421": "宝丰县", "410482": "汝州市"}[r["county_code"]],
                r["address"],
                r["industry"],
                r["legal_representative"],
                r["contact_person"],
                r["contact_phone"],
                str(r["employee_count"]),
                "是" if r["has_union"] else "否",
                r["registration_date"],
                "否",
            ]
        )
    wb.save(path)
    return path


def fresh_db(name: str) -> Path:
    from app.models.db import open_database
    from app.services.core import office

    path = OUT / name
    for p in OUT.glob(name + "*"):
        p.unlink()
    with open_database(path, operator="bench") as db:
        office.configure(db, "410400", level="city")
    return path


def ours(xlsx: Path) -> None:
    from app.models.db import open_database
    from app.services.core.progress import drain
    from app.services.register.enterprise_import import apply_import, plan_import

    path = fresh_db("import-ours.sqlite3")
    with open_database(path, operator="bench") as db:
        plan = drain(plan_import(db, xlsx))
        result = drain(apply_import(db, plan))
    assert result["added"] == N, result


def baseline(xlsx: Path) -> None:
    from python_calamine import CalamineWorkbook

    path = fresh_db("import-base.sqlite3")
    rows = CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_name("企业名单").to_python()[2:]
    insert_enterprises(path, rows, new_id)


def run() -> bool:
    xlsx = build_xlsx()
    t_ours = timed(lambda: ours(xlsx), repeat=3)
    t_base = timed(lambda: baseline(xlsx), repeat=3)
    return report(f"import {N:,}-row xlsx", t_ours, t_base, 2.0)


if __name__ == "__main__":
    run()
