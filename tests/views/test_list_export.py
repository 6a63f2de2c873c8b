"""导出 Excel… on every list tab (app/views/common/list_actions.py): every row of the
list as filtered and sorted, not only those read into the table, in Chinese whatever
the window's language, read page after page by key (app/services/core/keyset.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from app.services.core.keyset import Seek
from app.services.documents import list_xlsx
from app.services.ledger import ledger, ledger_export
from app.services.register import enterprises
from app.services.risk import risk_grading
from app.tasks import SyncTaskRunner
from app.views.printing import actions
from app.views.register.enterprise_tab import EnterpriseTab
from tests.builders import code


@pytest.fixture
def register(db: Any) -> Any:
    for n in range(1, 31):
        name = f"汝州市恒达{n:02d}商贸有限公司" if n % 3 else f"叶县宏兴{n:02d}餐饮有限公司"
        enterprises.create(
            db,
            {"name": name, "credit_code": code(n), "county_code": "410482", "has_union": n % 2},
        )
    return db


@pytest.fixture
def saved_to(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The save dialog answers with this path."""
    out = tmp_path / "导出.xlsx"
    monkeypatch.setattr(actions, "ask_path", lambda *_a, **_k: out)
    return out


def seeks_of(service: Any, monkeypatch: pytest.MonkeyPatch) -> list[Seek]:
    """Where each page the service is asked for starts."""
    seeks: list[Seek] = []
    real_page = service.page

    def page(*args: Any, **kwargs: Any) -> Any:
        seeks.append(kwargs["offset"])
        return real_page(*args, **kwargs)

    monkeypatch.setattr(service, "page", page)
    return seeks


def sheet_rows(path: Path) -> list[tuple[Any, ...]]:
    return list(load_workbook(path).active.iter_rows(values_only=True))


def test_the_register_exports_every_row_as_filtered_and_sorted_in_chinese(
    qtbot, register, saved_to, monkeypatch
):
    monkeypatch.setattr(list_xlsx, "PAGE", 7)  # five pages of the 20 rows found
    seeks = seeks_of(enterprises, monkeypatch)
    tab = EnterpriseTab(register, SyncTaskRunner(), english=True)
    qtbot.addWidget(tab)
    tab.search.setText("恒达")
    tab.apply_filter()
    first_id = tab.model.row_id(0)
    monkeypatch.setattr(risk_grading, "current_levels", lambda _db, ids: {first_id: ("high", True)})
    tab.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    seeks.clear()
    tab.findChild(type(tab.export_button), "enterprise_export").click()

    rows = sheet_rows(saved_to)
    assert rows[0][0].endswith("企业名册")
    assert "共 20 条" in rows[1][0]
    header, body = rows[2], rows[3:]
    assert header[:4] == ("序号", "企业名称", "统一社会信用代码", "所属县（市、区）")
    names = [r[1] for r in body]
    assert len(names) == 20 and all("恒达" in n for n in names)
    assert names == sorted(names, reverse=True)  # the table's order, 恒达29 first
    assert {r[3] for r in body} == {"汝州市"}  # the county's name, not its code
    union = header.index("已建工会")
    assert {r[union] for r in body} == {"是", "否"}
    risk = [r[header.index("风险等级")] for r in body]
    assert risk.count("高 ▲") == 1 and set(risk) == {"高 ▲", None}  # Chinese in an English window
    # Each page after the first starts after the last key read (no OFFSET walk).
    assert len(seeks) == 3 and seeks[0] == Seek()
    assert all(s.after is not None and s.skip == 0 for s in seeks[1:])


def test_every_list_tab_has_an_export_that_ctrl_shift_e_finds(qtbot, window, saved_to):
    tabs = [
        window.enterprise_tab,
        window.check_tab,
        window.offers_tab,
        window.layoffs_tab,
        window.risk_tab,
    ]
    for tab in tabs:
        window.tabs.setCurrentWidget(tab)
        saved_to.unlink(missing_ok=True)
        window.export_current()
        rows = sheet_rows(saved_to)
        assert rows[0][0].endswith(tab.export_title()), tab.NAME
        assert rows[2][0] == "序号"
    guidance = window.guidance_tab
    window.tabs.setCurrentWidget(guidance)
    for inner in (guidance.activities, guidance.cases):
        guidance.inner.setCurrentWidget(inner)
        saved_to.unlink(missing_ok=True)
        window.export_current()
        assert sheet_rows(saved_to)[0][0].endswith(inner.export_title())
    # The ledger keeps its own export (blocks by enterprise), one button.
    window.tabs.setCurrentWidget(window.ledger_tab)
    buttons = [b for b in window.ledger_tab.findChildren(type(tabs[0].export_button))]
    assert [b.objectName() for b in buttons if "export" in b.objectName()] == ["ledger_export"]


def test_the_ledger_export_reads_its_pages_by_key(db, tmp_path, monkeypatch):
    """OFFSET pages walked every row before the page again: quadratic at a million."""
    from datetime import date

    from app.services.core.progress import drain
    from app.services.ledger.ledger import LedgerFilter
    from tests.records import enterprise, manual

    for serial in (1, 2, 3):
        firm = enterprise(db, serial=serial)
        for n in range(3):
            manual(db, firm, matter=f"问题{serial}-{n}")
    monkeypatch.setattr(ledger_export, "PAGE", 2)
    seeks = seeks_of(ledger, monkeypatch)
    out = drain(
        ledger_export.export(db, LedgerFilter(today=date(2023, 10, 9)), tmp_path / "台账.xlsx")
    )
    body = sheet_rows(out)[3:]
    assert [r[0] for r in body] == list(range(1, 10))  # every item once, numbered
    assert len(seeks) == 5 and seeks[0] == Seek()
    assert all(s.after is not None and s.skip == 0 for s in seeks[1:])


def test_a_cancelled_export_leaves_no_file(register, tmp_path):
    from app.services.register.enterprise_fields import ENTERPRISE
    from app.services.register.enterprises import EnterpriseFilter

    flt = EnterpriseFilter()
    out = tmp_path / "名册.xlsx"
    work = list_xlsx.export(
        ENTERPRISE,
        lambda: enterprises.count(register, flt),
        lambda seek, limit: enterprises.page(register, flt, offset=seek, limit=limit),
        out,
        title="企业名册",
    )
    next(work)  # the first progress, then Cancel
    work.close()
    assert not list(tmp_path.glob("名册*"))
