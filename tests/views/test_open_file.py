"""文件 → 打开 → 数据库文件…: another office file on this PC opens in the window's place, as
`hexie FILE` does (README, 命令行); the file already open, or a file that is not an
office database, leaves the window on its own database."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from app.services.core import office
from app.settings import AppSettings
from app.tasks import SyncTaskRunner
from tests.records import enterprise

pytestmark = pytest.mark.sqlite_file  # about opening a file


@pytest.fixture
def watched(qtbot, db, fresh_database, monkeypatch):
    """A window on a fresh start file, wired as the app wires it (app.gui.watch)."""
    from app import gui
    from app.views.main_window import MainWindow

    monkeypatch.setattr("app.settings.AppSettings.save", lambda self: None)
    start = fresh_database("start", operator="测试员")
    office.configure(start, "410482", level="county")
    settings = AppSettings(operator="测试员")
    window = MainWindow(start, settings, SyncTaskRunner())
    qtbot.addWidget(window)
    window.show()
    holder = [window]
    gui.watch(holder, settings)
    yield holder
    for w in holder:
        w.db.close()


def test_open_menu_offers_a_database_file_and_opens_it_in_place(qtbot, db, watched, monkeypatch):
    enterprise(db)  # the other office file holds one enterprise
    other = db.address
    db.close()
    window = watched[0]
    actions = [a.objectName() for a in window.open_file_action.associatedObjects()[0].actions()]
    assert actions[:2] == ["open_file", "connect_server"]  # 文件 → 打开 → 数据库文件…, 服务器…
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (other, ""))
    window.open_file_action.trigger()
    opened = watched[0]
    qtbot.addWidget(opened)
    assert opened is not window and opened.db.address == other
    assert "企业 1 家" in opened.counts_label.text()


def test_the_file_already_open_or_no_database_keeps_the_window(
    qtbot, watched, tmp_path, monkeypatch, messages
):
    window = watched[0]
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: said.append(text))
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a: said.append(text))
    assert not window.open_database_file(window.db.address)
    assert said == ["这个文件已在本窗口中打开。"] and watched[0] is window
    notes = tmp_path / "notes.db"
    notes.write_bytes(b"not a database at all")
    assert not window.open_database_file(str(notes))
    assert len(said) == 2 and watched[0] is window and window.isVisible()
    # Said in terms that hold in the window too (it said "check the file given with --db").
    assert "notes.db" in said[1] and "请检查打开的是不是本单位的数据库文件" in said[1]
    QApplication.processEvents()
    assert window.db.address != str(notes)
