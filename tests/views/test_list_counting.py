"""A list longer than a page shows its first page at once and is counted off the
GUI thread (app/views/common/paged_model.py): at a million enterprises counting a
fragment found in most names took the keystroke 0.3–0.6 s."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from app.services.register import enterprises
from app.tasks import TaskRunner
from app.views.common import after_save
from app.views.common.paged_model import PAGE_SIZE
from app.views.register.enterprise_tab import EnterpriseTab
from tests.builders import code

MANY = PAGE_SIZE + 50


@pytest.fixture
def register(db: Any) -> Any:
    for n in range(1, MANY + 1):
        enterprises.create(
            db,
            {
                "name": f"汝州市恒达{n:03d}商贸有限公司"
                if n % 2
                else f"叶县宏兴{n:03d}餐饮有限公司",
                "credit_code": code(n),
                "county_code": "410482",
            },
        )
    return db


@pytest.fixture
def held_count(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The service's count waits until the test lets it go; `release.threads` says
    where each count ran."""
    release = threading.Event()
    release.threads = []  # type: ignore[attr-defined]
    real = enterprises.count

    def slow(db: Any, flt: Any) -> int:
        release.threads.append(threading.current_thread() is threading.main_thread())  # type: ignore[attr-defined]
        release.wait(10)
        return real(db, flt)

    monkeypatch.setattr(enterprises, "count", slow)
    return release


def tab_on(qtbot: Any, db: Any) -> EnterpriseTab:
    tasks = TaskRunner()
    tab = EnterpriseTab(db, tasks)
    qtbot.addWidget(tab)
    tab.refresh()
    return tab


def test_a_long_list_shows_its_first_page_while_it_is_counted(qtbot, register, held_count):
    tab = tab_on(qtbot, register)
    assert tab.model.counting
    assert tab.model.rowCount() == PAGE_SIZE  # the first page, shown at once
    assert tab.count_label.text() == "正在计数…"
    held_count.set()
    qtbot.waitUntil(lambda: not tab.model.counting, timeout=10000)
    assert held_count.threads and not any(held_count.threads)  # type: ignore[attr-defined] # on a worker
    assert tab.model.rowCount() == MANY
    assert tab.count_label.text() == f"共 {MANY} 家"
    assert tab.model.row_id(MANY - 1)  # the rows after the first page are read as scrolled to


def test_a_count_for_an_earlier_search_is_dropped(qtbot, register, held_count):
    tab = tab_on(qtbot, register)  # every enterprise: counting
    tab.search.setText("恒达")  # 125 of them: one short page, no count needed
    tab.apply_filter()
    assert not tab.model.counting and tab.model.rowCount() == (MANY + 1) // 2
    held_count.set()  # the first count (250) arrives now, for a list no longer shown
    tab.tasks.wait_all()
    qtbot.wait(50)
    assert tab.model.rowCount() == (MANY + 1) // 2
    assert tab.count_label.text() == f"共 {(MANY + 1) // 2} 家"


def test_a_short_list_is_counted_from_its_page(qtbot, register, monkeypatch):
    def no_count(*_args: Any) -> int:
        raise AssertionError("a list on one page needs no COUNT")

    tab = tab_on(qtbot, register)
    qtbot.waitUntil(lambda: not tab.model.counting, timeout=10000)
    monkeypatch.setattr(enterprises, "count", no_count)
    tab.search.setText("宏兴")
    tab.apply_filter()
    assert tab.model.rowCount() == MANY // 2
    assert tab.count_label.text() == f"共 {MANY // 2} 家"


def test_a_header_click_keeps_the_known_length(qtbot, register, monkeypatch):
    tab = tab_on(qtbot, register)
    qtbot.waitUntil(lambda: not tab.model.counting, timeout=10000)
    monkeypatch.setattr(enterprises, "count", lambda *_a: pytest.fail("sorting recounted"))
    tab.table.sortByColumn(0, tab.table.horizontalHeader().sortIndicatorOrder().__class__(1))
    assert tab.model.descending and tab.model.rowCount() == MANY


def test_selecting_a_record_beyond_the_first_page_counts_at_once(qtbot, register, held_count):
    tab = tab_on(qtbot, register)
    last = tab.model.rowCount()
    assert tab.model.counting and last == PAGE_SIZE
    held_count.set()
    wanted = enterprises.page(register, tab.filter, limit=MANY)[-1][0]  # the last row's id
    assert after_save.select_record(tab.table, wanted)
    assert tab.model.rowCount() == MANY and not tab.model.counting
    assert True in held_count.threads  # type: ignore[attr-defined] # count_now, here and now
    tab.tasks.wait_all()
