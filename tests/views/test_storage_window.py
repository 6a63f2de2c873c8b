"""Issue 18 in the window: a read-only database opens read-only (says so, editing
disabled), and a damaged, empty or foreign file at start-up is explained in the
window's language with the newest backup offered; the replaced file is kept."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.services.core import backups
from app.services.core.storage import open_office_database
from app.settings import AppSettings
from tests.records import plain_enterprise as add


@pytest.fixture
def office_file(tmp_path: Path) -> Path:
    from app.services.core import office

    path = tmp_path / "county.sqlite3"
    with open_office_database(path, operator="测试员") as db:
        office.configure(db, "410482", level="county")
        add(db, 1)
        add(db, 2)
    return path


def test_read_only_file_opens_read_only_with_editing_disabled(qtbot, office_file, messages):
    from app.gui import open_main_window

    os.chmod(office_file, 0o444)
    try:
        window = open_main_window(office_file, AppSettings(operator="测试员"))
        assert window is not None
        qtbot.addWidget(window)
        window.show()
        assert window.db.read_only
        banner = window.findChild(type(window.db_label), "read_only_banner")
        assert banner is not None and banner.isVisible() and "只读" in banner.text()
        assert "只读" in window.windowTitle()
        for action in (window.import_action, window.new_action, window.demo_action):
            assert not action.isEnabled()
        tab = window.enterprise_tab
        assert tab.model.rowCount() == 2  # reading works
        tab.table.selectRow(0)  # the tab's own logic would enable editing now
        for button in (tab.add_button, tab.edit_button, tab.delete_button, tab.import_button):
            assert not button.isEnabled()
        tab.edit_button.setEnabled(True)
        assert not tab.edit_button.isEnabled()
        offers = window._tab("offers")
        new_offer = offers.findChild(type(tab.add_button), "new_offer")
        assert new_offer is not None and not new_offer.isEnabled()
        dashboard = window._tab("dashboard")
        assert not dashboard.campaign_button.isEnabled()
        assert not dashboard.report_button.isEnabled()
        dialog = window.edit_backups()
        assert not dialog.restore_button.isEnabled()
        assert not [m for m in messages if m[0] == "critical"]  # no "failed the integrity check"
        window.db.close()
    finally:
        os.chmod(office_file, 0o600)


def test_writable_file_keeps_editing(qtbot, office_file, messages):
    from app.gui import open_main_window

    window = open_main_window(office_file, AppSettings(operator="测试员"))
    qtbot.addWidget(window)
    assert not window.db.read_only and window.import_action.isEnabled()
    assert window.findChild(type(window.db_label), "read_only_banner") is None
    window.db.close()


def test_read_only_folder_start_up_check_passes(qtbot, office_file, messages):
    """A healthy file in a read-only folder is not 'damaged'."""
    from app.gui import check_file

    for suffix in ("-wal", "-shm", ".lock"):
        Path(str(office_file) + suffix).unlink(missing_ok=True)
    os.chmod(office_file.parent, 0o555)
    try:
        assert check_file(office_file, AppSettings()) is True
        assert messages == []
    finally:
        os.chmod(office_file.parent, 0o755)


@pytest.mark.parametrize("kind", ["empty", "foreign", "damaged"])
def test_bad_file_at_start_up_in_english_offers_the_backup(
    qtbot, office_file, tmp_path, messages, kind
):
    from app import i18n
    from app.gui import check_file

    settings = AppSettings(backup_folder=str(tmp_path / "备份"))
    backups.make_backup(office_file, settings.backup_dir(), "daily")
    if kind == "empty":
        office_file.write_bytes(b"")
    elif kind == "foreign":
        office_file.write_bytes(b"PK\x03\x04 not a database")
    else:
        with open_office_database(office_file) as db:
            for n in range(3, 300):
                add(db, n)
        data = bytearray(office_file.read_bytes())
        for offset in range(4096 * 2, len(data), 4096):
            data[offset + 8 : offset + 600] = b"\xff" * 592
        office_file.write_bytes(bytes(data))
    bad = office_file.read_bytes()
    app = QApplication.instance()
    i18n.install(app, "en")
    try:
        assert check_file(office_file, AppSettings(backup_folder=str(tmp_path / "空"))) is False
        assert office_file.read_bytes() == bad  # never replaced, never initialised
        kind_, title, text = messages[-1]
        assert kind_ == "critical" and title == "The database cannot be used"
        assert "hexie restore" in text and "no sound backup" in text
        assert not any(
            "\u4e00" <= ch <= "\u9fff" for ch in text.replace("备份", "").replace("空", "")
        )
        assert check_file(office_file, settings) is True  # the user accepts the backup
        question = messages[-1]
        assert question[0] == "question" and "Restore it?" in question[2]
    finally:
        i18n.install(app, "zh_CN")
    assert not backups.integrity_problems(office_file)
    kept = [
        k
        for k in office_file.parent.glob("county.sqlite3.before-restore-*")
        if not k.name.endswith(("-wal", "-shm"))
    ]
    assert len(kept) == 1 and kept[0].read_bytes() == bad  # the bad file, kept as it was


def test_interrupted_migration_is_told_in_the_window(qtbot, office_file, messages):
    import json

    from app.gui import open_main_window

    saved = backups.make_backup(office_file, backups.default_folder(), "migration")
    with open_office_database(office_file) as db:
        add(db, 3)  # written by a half-done upgrade
    marker = Path(str(office_file) + ".migrating")
    marker.write_text(json.dumps({"backup": str(saved), "started": "2023-09-01 08:00"}), "utf-8")
    window = open_main_window(office_file, AppSettings(operator="测试员"))
    qtbot.addWidget(window)
    assert messages[0][0] == "information" and "上次升级数据库时程序中断" in messages[0][2]
    assert window.enterprise_tab.model.rowCount() == 2
    assert not marker.exists()
    window.db.close()


def test_full_disk_during_an_import_in_the_window(qtbot, window, tmp_path, monkeypatch, messages):
    """SQLite's max_page_count fills the 'disk' a few pages on: the window says so
    in words the user can act on, and the import leaves nothing behind."""
    from PySide6.QtWidgets import QFileDialog
    from sqlalchemy import event

    from app.services.register import enterprises
    from app.services.register.enterprises import EnterpriseFilter
    from tests.builders import code

    rows = "\n".join(f"汝州市满盘{n}有限公司,{code(n)},410482" for n in range(100, 1100))
    csv = tmp_path / "big.csv"
    csv.write_text("企业名称,统一社会信用代码,所在县区\n" + rows + "\n", "utf-8")
    with window.db.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    window.db.engine.dispose()
    event.listen(
        window.db.engine,
        "connect",
        lambda c, _r: c.execute(f"PRAGMA max_page_count={pages + 3}"),
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(csv), ""))
    dialog = window.import_enterprises()
    qtbot.waitUntil(lambda: dialog.plan is not None)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: any("磁盘空间不足" in m[2] for m in messages))
    assert not any("Traceback" in m[2] or "OperationalError" in m[2] for m in messages)
    assert enterprises.count(window.db, EnterpriseFilter()) == 0
