from __future__ import annotations

import sys

from PySide6.QtWidgets import QInputDialog

from app.services.core import office
from app.views.settings.office_dialog import OfficeDialog


def test_status_bar_names_office_file_and_counts(window, db):
    assert "汝州市协调劳动关系三方委员会办公室" in window.db_label.text()
    assert str(db.path) in window.db_label.text()
    assert window.counts_label.text() == "企业 0 家　体检 0 次　整改事项 0 条（逾期 0）"


def test_only_working_tabs_are_shown(window):
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "总览",
        "企业名录",
        "法治体检",
        "整改台账",
        "要约行动",
        "裁员备案",
        "风险研判",
        "重大风险隐患",
        "指导服务",
    ]


def test_demo_from_menu_fills_register(qtbot, window, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getInt", lambda *a, **k: (25, True))
    window.demo_action.trigger()
    assert window.enterprise_tab.model.rowCount() == 25
    assert window.counts_label.text().startswith("企业 25 家　体检 2 次")
    assert window.check_tab.model.rowCount() == 2


def test_about_names_version_and_data_folder(window, messages):
    window.about_action.trigger()
    kind, _title, text = messages[-1]
    from app import __version__

    assert kind == "about" and __version__ in text and "不联网" in text


def test_office_dialog_validates_and_saves(qtbot, window, monkeypatch):
    dialog = OfficeDialog(office.current(window.db), "测试员")
    qtbot.addWidget(dialog)
    assert dialog.code.text() == "410482"
    dialog.division.setCurrentIndex(dialog.division.findData("410422"))
    assert dialog.name.text() == "叶县协调劳动关系三方委员会办公室"
    dialog.operator.clear()
    dialog.try_accept()
    assert "操作员" in dialog.error.text() and dialog.result() == 0
    dialog.operator.setText("李四")
    dialog.code.setText("4104")
    dialog.try_accept()
    assert "6 位数字" in dialog.error.text()
    dialog.code.setText("410422")
    dialog.mark.setText("叶县协调劳动关系三方委员会办公室文件")
    dialog.number_prefix.setText("叶协三办")
    dialog.try_accept()
    assert dialog.result() == OfficeDialog.DialogCode.Accepted
    window.apply_office_dialog(dialog)
    assert office.current(window.db).code == "410422"
    head = office.letterhead(window.db)  # what heads the summary report
    assert head.mark == "叶县协调劳动关系三方委员会办公室文件"
    assert head.number(2023, "5") == "叶协三办〔2023〕5号"
    assert window.settings.operator == "李四" and window.db.operator == "李四"
    assert "叶县" in window.db_label.text()


def test_unhandled_exception_shows_dialog_with_log_path(qtbot, messages, tmp_path, monkeypatch):
    from app.gui import install_excepthook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook(tmp_path / "hexie.log")
    try:
        raise RuntimeError("意外")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    kind, _title, text = messages[-1]
    assert kind == "critical" and "意外" in text and "hexie.log" in text


def test_network_guard_itself():
    import socket

    import pytest

    from tests.network_guard import NetworkUsed

    with pytest.raises(NetworkUsed):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(NetworkUsed):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)


def test_first_start_asks_for_the_office_then_opens(qtbot, tmp_path, monkeypatch, messages):
    from app.gui import open_main_window
    from app.settings import AppSettings

    def accept(dialog):
        dialog.division.setCurrentIndex(dialog.division.findData("410423"))
        dialog.operator.setText("王科员")
        return OfficeDialog.DialogCode.Accepted

    monkeypatch.setattr(OfficeDialog, "exec", accept)
    settings = AppSettings()
    window = open_main_window(tmp_path / "new.sqlite3", settings)
    qtbot.addWidget(window)
    assert office.current(window.db).code == "410423"
    assert window.db.operator == "王科员" and AppSettings.load().last_db.endswith("new.sqlite3")
    window.db.close()


def test_first_start_cancelled_opens_nothing(qtbot, tmp_path, monkeypatch):
    from app.gui import open_main_window
    from app.models.db import open_database
    from app.settings import AppSettings

    monkeypatch.setattr(OfficeDialog, "exec", lambda self: OfficeDialog.DialogCode.Rejected)
    assert open_main_window(tmp_path / "new.sqlite3", AppSettings()) is None
    open_database(tmp_path / "new.sqlite3").close()  # the lock was released


def test_second_instance_gets_a_message(qtbot, db, messages):
    from app.gui import open_main_window
    from app.settings import AppSettings

    assert open_main_window(db.path, AppSettings()) is None
    assert messages[-1][0] == "critical" and "另一个" in messages[-1][2]
