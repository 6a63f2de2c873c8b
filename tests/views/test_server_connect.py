"""文件 → 打开 → 连接办公室服务器…: the dialog builds the address (no password),
remembers it among the recent connections, and the window reopens on the server;
a server that asks for a password gets it from the window's prompt."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

from tests import pg_support


def _menu_action(window, name):
    return next(
        a for a in window.findChildren(type(window.connect_server_action)) if a.objectName() == name
    )


def test_the_dialog_asks_for_what_is_missing_and_builds_the_address(window, qtbot):
    seen: list[str] = []
    window.reopen = lambda address: seen.append(address) or True
    _menu_action(window, "connect_server").trigger()
    dialog = window._server_dialog
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.host.setText("192.168.1.10")
    dialog.database.setText("hexie")
    ok.click()
    assert "用户名" in dialog.problem.text() and dialog.isVisible() and seen == []
    dialog.user.setText("ruzhou")
    dialog.port.setValue(5433)
    ok.click()
    assert seen == ["postgresql://ruzhou@192.168.1.10:5433/hexie"]
    assert window.settings.recent_servers == seen
    # Next time the recent connection fills the fields.
    _menu_action(window, "connect_server").trigger()
    again = window._server_dialog
    assert again.recent.currentData() == seen[0]
    assert (again.host.text(), again.port.value(), again.user.text()) == (
        "192.168.1.10",
        5433,
        "ruzhou",
    )
    again.reject()


def test_a_connection_that_fails_is_not_remembered(window):
    window.reopen = lambda address: False
    _menu_action(window, "connect_server").trigger()
    dialog = window._server_dialog
    dialog.host.setText("h")
    dialog.user.setText("u")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert window.settings.recent_servers == []


@pytest.mark.server_only  # skipped only without HEXIE_TEST_PG; .ci/run always sets it
def test_the_window_opens_on_the_server_with_the_prompted_password(
    qtbot, db, messages, pg_template, monkeypatch
):
    from PySide6.QtWidgets import QInputDialog

    from app import gui
    from app.models.db import open_database
    from app.models.location import Location
    from app.services.core import office
    from app.services.core.server_login import set_prompt
    from app.settings import AppSettings
    from app.views.main_window import MainWindow
    from app.views.settings.server_dialog import ask_password

    name = pg_support.new_name("window")
    url = pg_support.create(name, pg_template)
    try:
        with open_database(url, operator="x") as server:
            office.configure(server, "410482", level="county")
        settings = AppSettings(operator="测试员")
        window = MainWindow(db, settings)
        qtbot.addWidget(window)
        holder = [window]
        gui.watch(holder, settings)
        asked: list[str] = []

        def typed(_parent, _title, text, mode):
            asked.append(text)
            assert mode == QLineEdit.EchoMode.Password
            return "the password", True

        monkeypatch.setattr(QInputDialog, "getText", typed)
        monkeypatch.setattr("app.settings.AppSettings.save", lambda self: None)
        set_prompt(ask_password)
        passwords = _server_wants_a_password(monkeypatch)
        where = Location.of(url)
        window.connect_server()
        dialog = window._server_dialog
        dialog.host.setText(where.host)
        dialog.port.setValue(where.port)
        dialog.database.setText(name)
        dialog.user.setText(where.user)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        assert len(asked) == 1 and name in asked[0]
        assert passwords == [None, "the password"]
        assert holder[0] is not window and holder[0].db.is_server
        assert office.current(holder[0].db).code == "410482"
        assert settings.recent_servers == [dialog.address()]
        # 备份与恢复 on a server says where its backups are made, and copies no file.
        assert holder[0].edit_backups() is None
        assert messages[-1][0] == "information" and "hexie backup --db" in messages[-1][2]
        holder[0].db.close()
        holder[0].close()
    finally:
        set_prompt(None)
        pg_support.drop(name)


def _server_wants_a_password(monkeypatch) -> list[str | None]:
    """The scratch server trusts loopback; here it refuses a connection without a
    password as a password-protected server does (libpq's own words), so the
    window must ask. Returns the passwords the connections carried."""
    import psycopg

    from app.models import server_login

    real = psycopg.connect
    carried: list[str | None] = []

    def connect(*args, **kwargs):
        carried.append(kwargs.get("password"))
        if "password" not in kwargs:
            raise psycopg.OperationalError("fe_sendauth: no password supplied")
        return real(*args, **kwargs)

    monkeypatch.setattr(psycopg, "connect", connect)
    monkeypatch.setattr(server_login, "keyring_password", lambda _where: None)
    return carried


@pytest.mark.server_only  # skipped only without HEXIE_TEST_PG; .ci/run always sets it
def test_a_new_pc_goes_from_the_first_start_straight_to_the_server(
    qtbot, messages, pg_template, tmp_path, monkeypatch
):
    """Found in the issue-20 trial: a coordinator's new PC of a server office had to
    name an office for a local file before 文件 → 打开 → 连接办公室服务器… was there.
    The first-start dialog offers the connection itself."""
    from PySide6.QtWidgets import QPushButton

    from app import gui
    from app.models.db import open_database
    from app.models.location import Location
    from app.services.core import office
    from app.settings import AppSettings
    from app.views.settings.office_dialog import OfficeDialog
    from app.views.settings.server_dialog import ServerDialog

    name = pg_support.new_name("newpc")
    url = pg_support.create(name, pg_template)
    try:
        with open_database(url, operator="x") as server:
            office.configure(server, "410482", level="county")
        where = Location.of(url)

        def first_start(dialog):
            [button] = [
                b for b in dialog.findChildren(QPushButton) if b.objectName() == "connect_server"
            ]
            button.click()
            return dialog.result()

        def connect(dialog):
            dialog.host.setText(where.host)
            dialog.port.setValue(where.port)
            dialog.database.setText(name)
            dialog.user.setText(where.user)
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
            return dialog.result()

        monkeypatch.setattr(OfficeDialog, "exec", first_start)
        monkeypatch.setattr(ServerDialog, "exec", connect)
        monkeypatch.setattr("app.settings.AppSettings.save", lambda self: None)
        settings = AppSettings(operator="测试员")
        window = gui.open_main_window(tmp_path / "新电脑.sqlite3", settings)
        assert window is not None and window.db.is_server
        qtbot.addWidget(window)
        assert office.current(window.db).code == "410482"
        assert settings.recent_servers == [str(window.db.address)] == [settings.last_db]
        window.db.close()
    finally:
        pg_support.drop(name)
