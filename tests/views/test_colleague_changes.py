"""Colleagues' saves appear in the lists: the window polls the change counter
(app/views/common/colleague_changes.py). The poll slot is called directly: no waiting."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from app.services.register import enterprises
from tests import records
from tests.colleagues import colleague

ROOT = Path(__file__).resolve().parents[2]


def _names(tab: Any) -> list[str]:
    return [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())]


def _selected_ids(tab: Any) -> list[str]:
    return tab.selected_ids()


def test_a_colleagues_saves_refresh_the_list_and_keep_the_selection(
    qtbot: Any, window: Any, other: Any
) -> None:
    ids = [records.enterprise(window.db, serial=n) for n in range(1, 41)]
    tab = window.enterprise_tab
    window.tabs.setCurrentWidget(tab)
    tab.refresh()
    tab.resize(900, 300)
    row = next(r for r in range(tab.model.rowCount()) if tab.model.row_id(r) == ids[30])
    tab.table.selectRow(row)
    tab.table.scrollTo(tab.model.index(row, 0))
    scroll = tab.table.verticalScrollBar().value()
    assert scroll > 0
    assert window.change_watch.poll() == 0  # nothing new

    enterprises.update(other, ids[30], {"name": "汝州市改名后有限公司"})
    enterprises.update(other, ids[5], {"contact_person": "王五"})
    enterprises.create(
        other,
        {"name": "叶县新来有限公司", "credit_code": records.code(99), "county_code": "410422"},
    )

    assert window.change_watch.poll() == 3
    assert "汝州市改名后有限公司" in _names(tab) and "叶县新来有限公司" in _names(tab)
    assert _selected_ids(tab) == [ids[30]]  # the same record, wherever it is now
    assert tab.table.verticalScrollBar().value() == scroll
    assert "其他同事刚更新了 3 条记录" in window.statusBar().currentMessage()
    assert "企业 41 家" in window.counts_label.text()
    assert window.change_watch.poll() == 0  # told once


def test_my_own_saves_are_not_announced(qtbot: Any, window: Any) -> None:
    eid = records.enterprise(window.db)
    window.change_watch.poll()
    window.statusBar().clearMessage()
    enterprises.update(window.db, eid, {"contact_person": "张三"})
    assert window.change_watch.poll() == 0
    assert window.statusBar().currentMessage() == ""


def test_two_pcs_with_the_same_operator_name_see_each_others_saves(
    qtbot: Any, window: Any, second_window: Any
) -> None:
    """Both coordinators typed 测试员 (a shared login is common in a county office):
    the notice keys on each window's opened database, not on the name."""
    eid = records.enterprise(window.db)
    same_name = colleague(window.db, window.db.operator)
    try:
        other_window = second_window(same_name, operator=window.db.operator)
        window.change_watch.poll()
        other_window.change_watch.poll()
        enterprises.update(other_window.db, eid, {"contact_person": "王五"})
        assert other_window.change_watch.poll() == 0  # its own save: not announced there
        assert window.change_watch.poll() == 1
        assert "其他同事刚更新了 1 条记录" in window.statusBar().currentMessage()
        window.statusBar().clearMessage()
        enterprises.update(window.db, eid, {"contact_person": "赵六"})
        assert window.change_watch.poll() == 0
        assert window.statusBar().currentMessage() == ""
        assert other_window.change_watch.poll() == 1
    finally:
        same_name.close()


def test_a_save_by_another_process_on_the_same_sqlite_file_appears(qtbot: Any, window: Any) -> None:
    records.enterprise(window.db)
    window.enterprise_tab.refresh()
    script = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from pathlib import Path
        from app.models.db import Database, make_engine
        from app.services.register import enterprises
        path = Path({str(window.db.path)!r})
        db = Database(path, make_engine(path), None, "另一台电脑")
        enterprises.create(db, {{"name": "郏县远方有限公司", "credit_code": {records.code(77)!r},
                                 "county_code": "410425"}})
        db.close()
        """
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)
    assert window.change_watch.poll() == 1
    assert "郏县远方有限公司" in _names(window.enterprise_tab)


def test_a_poll_that_cannot_read_the_database_tries_again_later(
    qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services.core import edit_lock

    def unreachable(_db: Any) -> int:
        raise OSError("server went away")

    monkeypatch.setattr(edit_lock, "current_seq", unreachable)
    assert window.change_watch.poll() == 0
    assert window.change_watch.timer.isActive()
