"""Typing a common fragment in the register at province scale (app/models/name_order.py):
the window's list, scrolled from its first row to its last, is the plain search's
list in pinyin order — read through the name-order snapshot in both directions."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.models import name_order
from app.services.core.progress import drain
from app.services.demo import demo
from app.tasks import TaskRunner
from app.views.register.enterprise_tab import EnterpriseTab

pytestmark = pytest.mark.sqlite_file  # the snapshot is SQLite's


@pytest.fixture
def province(db: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setattr(name_order, "RANKED_FROM", 100)  # "large" is 100 names here
    chunks = demo.enterprise_chunks(900, 5, ["410400", "410482"], date(2024, 9, 20), 500)
    drain(demo.add_generated(db, chunks, 900, "演示数据"))
    return db


def _listed(qtbot: Any, tab: EnterpriseTab) -> list[str]:
    qtbot.waitUntil(lambda: not tab.model.counting, timeout=10000)
    return [tab.model.row_id(row) for row in range(tab.model.rowCount())]


def test_the_typed_fragment_lists_every_match_in_pinyin_order(qtbot, province, monkeypatch):
    reads = []
    real = name_order.first_matches
    monkeypatch.setattr(
        name_order, "first_matches", lambda *a, **k: reads.append(1) or real(*a, **k)
    )
    tab = EnterpriseTab(province, TaskRunner())
    qtbot.addWidget(tab)
    tab.refresh()
    tab.search.setText("平顶山")
    tab.apply_filter()
    ascending = _listed(qtbot, tab)
    tab.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    descending = _listed(qtbot, tab)
    assert reads, "the list was not read through the snapshot"
    monkeypatch.setattr(name_order, "usable", lambda _conn: None)
    tab.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    plain = _listed(qtbot, tab)
    assert len(plain) > 250  # more than a page: the rows after it were scrolled to
    assert ascending == plain and descending == plain[::-1]
    first = tab.model.index(0, 0).data()
    assert first.startswith("平顶山")
