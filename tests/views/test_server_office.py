"""A county office on the PostgreSQL server with two coordinators, each with the
real window (issue 20): the second save meets the first in the merge view, each
window hears of the other's saves even under the same operator name, evidence
added on one PC opens on the other, and a server that turns read-only in the
middle of an edit leaves the form open with what was typed, says what to do, and
saves once the server writes again. Runs when HEXIE_TEST_PG names the test server."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from app.services.core import office
from app.services.register import enterprises
from tests import pg_support, records
from tests.colleagues import colleague
from tests.gui import type_text

pytestmark = pytest.mark.skipif(
    not pg_support.PG_URL, reason="needs the test server (HEXIE_TEST_PG, started by .ci/run)"
)


@pytest.fixture
def county(fresh_database: Any) -> Iterator[Any]:
    database = fresh_database("county", operator="测试员", engine="postgresql")
    office.configure(database, "410482", level="county")
    yield database
    database.close()


@pytest.fixture
def two_windows(qtbot: Any, county: Any, second_window: Any, messages: Any) -> Iterator[Any]:
    """Two PCs on the county's server database; both coordinators typed 测试员."""
    first = second_window(county, operator="测试员")
    other = colleague(county, "测试员")
    yield first, second_window(other, operator="测试员")
    other.close()


def _edit(qtbot: Any, window: Any) -> Any:
    tab = window.enterprise_tab
    window.tabs.setCurrentWidget(tab)
    tab.refresh()
    tab.table.selectRow(0)
    dialog = tab.edit_selected()
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _retype(qtbot: Any, dialog: Any, name: str, text: str) -> None:
    dialog.editors[name].clear()
    type_text(qtbot, dialog.editors[name], text)


def test_two_coordinators_merge_and_hear_of_each_other(qtbot: Any, two_windows: Any) -> None:
    first, second = two_windows
    eid = records.enterprise(first.db)
    first.change_watch.poll()
    second.change_watch.poll()
    mine, theirs = _edit(qtbot, first), _edit(qtbot, second)
    _retype(qtbot, theirs, "address", "叶县昆阳镇")
    theirs.try_save()
    assert not theirs.isVisible()
    assert first.change_watch.poll() == 1  # the same operator name, another PC
    assert "其他同事刚更新了 1 条记录" in first.statusBar().currentMessage()
    assert second.change_watch.poll() == 0
    _retype(qtbot, mine, "address", "汝州市煤山街道")
    mine.try_save()
    qtbot.waitUntil(lambda: mine.merge_view is not None and mine.merge_view.isVisible())
    shown = {f.name: (f.mine_text, f.theirs_text) for f in mine.merge_view.fields}
    assert shown["address"] == ("汝州市煤山街道", "叶县昆阳镇")
    assert enterprises.get(first.db, eid)["address"] == "叶县昆阳镇"  # nothing overwritten


def test_evidence_added_on_one_pc_opens_in_the_other_pcs_dialog(
    qtbot: Any, two_windows: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.services.ledger import attachments
    from app.views.ledger.rectification_dialog import RectificationDialog

    first, second = two_windows
    item = records.manual(first.db, records.enterprise(first.db))
    scan = tmp_path / "整改照片.jpg"
    scan.write_bytes(b"\xff\xd8\xff\xe0 photo of the posted notice")
    attachments.add(first.db, item, scan)
    monkeypatch.setenv("HEXIE_DATA_DIR", str(tmp_path / "另一台电脑"))
    dialog = RectificationDialog(second.db, item, parent=second)
    qtbot.addWidget(dialog)
    assert dialog.files.rowCount() == 1 and dialog.files.item(0, 0).text() == "整改照片.jpg"
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog.files.selectRow(0)
    assert dialog.open_file()
    [url] = opened
    path = Path(QUrl(url).toLocalFile())
    assert path.is_relative_to(tmp_path / "另一台电脑") and path.read_bytes() == scan.read_bytes()


def test_a_server_turning_read_only_mid_edit_keeps_the_form(
    qtbot: Any, two_windows: Any, messages: Any, tmp_path: Path
) -> None:
    from app.gui import install_excepthook

    first, _second = two_windows
    eid = records.enterprise(first.db)
    dialog = _edit(qtbot, first)
    _retype(qtbot, dialog, "contact_person", "王芳")
    name = first.db.location.database
    with pg_support.admin() as conn:
        conn.execute(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
    first.db.engine.dispose()  # the next connection is the read-only server's
    try:
        with pytest.raises(Exception) as raised:  # out of the Save button's slot
            dialog.try_save()
        assert dialog.isVisible() and dialog.editors["contact_person"].text() == "王芳"
        previous = sys.excepthook
        install_excepthook(tmp_path / "hexie.log")
        try:
            sys.excepthook(
                raised.type, raised.value, raised.tb
            )  # what the running app does with it
        finally:
            sys.excepthook = previous
        [(kind, _title, text)] = [m for m in messages if m[0] == "warning"]
        assert "只读" in text and "已全部撤销" in text and "窗口中填写的内容仍在" in text
        assert first.db.address in text  # named, not 服务器 办公室服务器 (issue-20 trial)
        assert enterprises.get(first.db, eid)["contact_person"] == ""
    finally:
        with pg_support.admin() as conn:
            conn.execute(f'ALTER DATABASE "{name}" RESET default_transaction_read_only')
        first.db.engine.dispose()
    dialog.try_save()  # the server writes again: the same form saves
    assert not dialog.isVisible()
    assert enterprises.get(first.db, eid)["contact_person"] == "王芳"


def test_the_status_bar_and_about_name_the_server_not_a_local_folder(
    qtbot: Any, two_windows: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found in the issue-20 trial: a window on the server showed this PC's stand-in
    folder (…/servers/127.0.0.1_5432_hexie-…) as its database."""
    from PySide6.QtWidgets import QMessageBox

    first, _second = two_windows
    address = first.db.address
    assert address.startswith("postgresql://")
    assert address in first.db_label.text() and "servers" not in first.db_label.text()
    assert first.db_label.toolTip() == address
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, _title, text: shown.append(text))
    first.show_about()
    assert address in shown[0] and str(first.db.path) not in shown[0]
    assert "办公室服务器" in shown[0] and "保存在本机" not in shown[0]
