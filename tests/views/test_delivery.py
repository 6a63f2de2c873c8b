"""Delivery: backup and restore from the menu, the start-up integrity check,
language switching (ours and Qt's own buttons), shortcuts, remembered column
widths, the About box, and no network code anywhere."""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.services.core import backups
from app.services.register import enterprises
from app.services.register.enterprises import EnterpriseFilter
from app.settings import AppSettings
from tests.records import plain_enterprise


def test_backup_and_restore_from_the_menu(qtbot, window, messages, tmp_path):
    plain_enterprise(window.db, 1)
    dialog = window.edit_backups()
    dialog.choose_folder(str(tmp_path / "U盘备份"))
    assert AppSettings.load().backup_folder.endswith("U盘备份")
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 1 and "已备份到" in dialog.message.text()
    plain_enterprise(window.db, 2)
    window.refresh_all()
    assert window.enterprise_tab.model.rowCount() == 2
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    question = [m for m in messages if m[0] == "question"][-1][2]
    assert "企业：1" in question  # what the backup holds, before replacing
    assert enterprises.count(window.db, EnterpriseFilter()) == 1
    assert window.enterprise_tab.model.rowCount() == 1  # the window shows the restored data
    assert dialog.table.rowCount() == 2  # plus the copy made before restoring


def test_damaged_backup_refused_in_the_dialog(qtbot, window, messages, tmp_path):
    plain_enterprise(window.db, 1)
    bad = tmp_path / "county-20230901-100000-manual.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    dialog = window.edit_backups()
    assert dialog.restore_from(bad) is False
    assert "不能恢复" in messages[-1][2]
    assert enterprises.count(window.db, EnterpriseFilter()) == 1


def test_damaged_database_at_start_up(qtbot, db, messages, tmp_path):
    from app.gui import check_file

    plain_enterprise(db, 1)
    settings = AppSettings(backup_folder=str(tmp_path / "备份"))
    backups.make_backup(db.path, settings.backup_dir(), "daily")
    path = db.path
    db.close()
    data = bytearray(path.read_bytes())
    data[4096 + 50 : 4096 * 3] = b"\xff" * (4096 * 2 - 50)
    path.write_bytes(bytes(data))
    assert (
        check_file(path, AppSettings(backup_folder=str(tmp_path / "空"))) is False
    )  # no backup: stop
    assert path.read_bytes() == bytes(data)  # never replaced by an empty file
    assert "没有完好的备份" in messages[-1][2]
    assert check_file(path, settings) is True  # the user accepts the newest sound backup
    assert not backups.integrity_problems(path)
    assert list(path.parent.glob(f"{path.name}.before-restore-*"))  # the damaged file is kept


def test_language_switch_and_qt_buttons(qtbot, window, monkeypatch):
    from app import i18n
    from app.gui import switch_language

    switched = []
    window.language_changed.connect(switched.append)
    window.language_actions["en"].trigger()
    assert switched == ["en"] and AppSettings.load().language == "en"
    app = QApplication.instance()
    try:
        english = switch_language(window, "en")
        qtbot.addWidget(english)
        assert english.tabs.tabText(0) == "Overview" and english.db is window.db
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save)
        assert box.button(QDialogButtonBox.StandardButton.Save).text().replace("&", "") == "Save"
        i18n.install(app, "zh_CN")
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        assert (
            box.button(QDialogButtonBox.StandardButton.Save)
            .text()
            .replace("&", "")
            .startswith("保存")
        )
        assert (
            box.button(QDialogButtonBox.StandardButton.Cancel)
            .text()
            .replace("&", "")
            .startswith("取消")
        )
    finally:
        i18n.install(app, "zh_CN")


def test_ctrl_s_saves_the_dialog_in_front(qtbot, window):
    dialog = window.enterprise_tab.add_enterprise()
    qtbot.waitExposed(dialog)
    dialog.editors["name"].setText("汝州市快捷键有限公司")
    dialog.editors["credit_code"].setText("91410482MA44TEST0X")
    dialog.activateWindow()
    qtbot.keyClick(dialog.editors["name"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    # A wrong credit code: the dialog stays with the reason; nothing saved.
    assert dialog.error_labels["credit_code"].isVisible()
    from app.services.demo.demo import make_credit_code

    dialog.editors["credit_code"].setText(make_credit_code("410482", 77))
    county = dialog.editors["county_code"]
    county.setCurrentIndex(county.findData("410482"))
    qtbot.keyClick(dialog.editors["name"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    shown = {n: lab.text() for n, lab in dialog.error_labels.items() if lab.isVisible()}
    assert enterprises.count(window.db, EnterpriseFilter(text="快捷键")) == 1, shown


def test_print_and_export_shortcuts(qtbot, window, messages, monkeypatch):
    from app.views.printing import actions

    window.tabs.setCurrentWidget(window.check_tab)
    window.print_current()
    assert window._print_menu.isVisible()
    window._print_menu.hide()
    asked: list[str] = []
    monkeypatch.setattr(actions, "ask_path", lambda _p, title, *_a: asked.append(title))
    window.tabs.setCurrentWidget(window.enterprise_tab)
    window.export_current()  # the list's 导出 Excel… (tests/views/test_list_export.py)
    assert asked == ["导出列表"]
    window.enterprise_tab.export_button.setEnabled(False)
    window.export_current()
    assert "没有导出" in window.statusBar().currentMessage() and len(asked) == 1


def test_column_widths_are_remembered(qtbot, db, messages):
    from app.tasks import SyncTaskRunner
    from app.views.main_window import MainWindow

    settings = AppSettings(operator="测试员")
    first = MainWindow(db, settings, SyncTaskRunner())
    qtbot.addWidget(first)
    first.ledger_tab.table.setColumnWidth(0, 333)
    first.close()
    again = MainWindow(db, AppSettings.load(), SyncTaskRunner())
    qtbot.addWidget(again)
    assert again.ledger_tab.table.columnWidth(0) == 333


def test_about_names_version_and_folders(window, messages):
    from app import __version__

    window.show_about()
    text = messages[-1][2]
    assert (
        __version__ in text and "数据文件夹" in text and "备份文件夹" in text and "不联网" in text
    )


def test_no_network_code_in_the_app():
    """Besides the socket guard every test runs under: no module imports a network library."""
    banned = {
        "urllib.request",
        "http.client",
        "requests",
        "httpx",
        "socket",
        "PySide6.QtNetwork",
        "ftplib",
        "smtplib",
    }
    for path in Path("app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            assert not banned & set(names), (path, names)


def test_tab_moves_through_a_dialog_in_field_order(qtbot, window):
    """The focus chain (what Tab follows) visits the fields in the order they are shown."""
    from app.views.campaign.campaign_dialog import CampaignDialog

    dialog = window.enterprise_tab.add_enterprise()
    editors = [dialog.editors[s.name] for s in dialog.specs]
    campaign = CampaignDialog(window.db)
    qtbot.addWidget(campaign)
    fields = [
        campaign.name,
        campaign.issuer,
        campaign.doc_number,
        campaign.issued_on,
        campaign.starts_on,
        campaign.ends_on,
        campaign.report_due,
    ]
    for widgets in (editors, fields):
        order, w = [], widgets[0]
        for _ in range(400):
            if w in widgets and w not in order:
                order.append(w)
            w = w.nextInFocusChain()
            if w is widgets[0]:
                break
        assert order == widgets
    dialog.reject()


def test_app_icon_is_drawn(qtbot):
    from app.views.common.app_icon import app_icon, draw

    image = draw(64)
    assert image.pixelColor(32, 4).name() == "#c0392b"  # the red square
    assert not app_icon().isNull()


def test_daily_backup_at_start_up(qtbot, window, tmp_path):
    from app.gui import daily_backup

    window.settings.backup_folder = str(tmp_path / "备份")
    daily_backup(window)  # the test window's task runner runs it at once
    assert [b.reason for b in backups.list_backups(tmp_path / "备份", window.db.path.stem)] == [
        "daily"
    ]
    window.settings.backup_folder = str(Path("/proc/self/无法写入"))
    daily_backup(window)
    assert "备份" in window.statusBar().currentMessage()
