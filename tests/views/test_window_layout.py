"""The window's room (issue 19): the reminders folded into a status-bar badge or open
at the height left, the window kept inside the screen, and the register showing at
least 25 rows at 1280×800 with nothing beyond the window's right edge."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QByteArray, QPoint
from PySide6.QtWidgets import QApplication, QWidget

from app.services.ledger import ledger
from app.services.ledger.ledger import ManualItem
from app.services.register import enterprises
from app.settings import AppSettings
from app.tasks import SyncTaskRunner
from tests.records import enterprise, plain_enterprise


def _items(db) -> None:
    eid = enterprise(db)
    today = date.today()
    for n in range(3):
        ledger.add_manual(
            db,
            ManualItem(eid, f"逾期事项{n}", today - timedelta(days=40), today - timedelta(days=3)),
        )
    ledger.add_manual(
        db, ManualItem(eid, "将到期事项", today - timedelta(days=4), today + timedelta(days=1))
    )


def _window(qtbot, db, settings: AppSettings):
    from app.views.main_window import MainWindow

    w = MainWindow(db, settings, SyncTaskRunner())
    qtbot.addWidget(w)
    w.show()
    return w


def test_reminders_start_folded_into_a_badge_with_the_counts(qtbot, db, messages):
    _items(db)
    w = _window(qtbot, db, AppSettings(operator="测试员"))
    w.reminders.show_if_needed()
    assert not w.reminders.isVisible()
    badge = w.reminder_layout.badge
    assert badge.isVisible() and "逾期 3" in badge.text()
    assert "将到期" in badge.text() and "bold" in badge.styleSheet()  # red while overdue
    badge.click()
    assert w.reminders.isVisible() and w.reminders.overdue.count() == 3
    assert w.reminders.due_soon.count() >= 1
    assert w.settings.reminders_folded is False
    # Open, the panel takes no more than 40 % of the window's height.
    assert w.reminders.height() <= w.height() * 0.4 + 1
    w.reminder_layout.fold_button.click()
    assert not w.reminders.isVisible() and w.settings.reminders_folded is True


def test_open_panel_and_its_height_are_remembered(qtbot, db, messages):
    _items(db)
    settings = AppSettings(operator="测试员")
    w = _window(qtbot, db, settings)
    w.resize(1200, 780)
    w.reminders_action.trigger()  # Ctrl+R
    assert w.reminders.isVisible()
    w.resizeDocks([w.reminders], [130], _vertical())
    qtbot.waitUntil(lambda: abs(w.reminders.height() - 130) <= 4)
    w.close()
    assert settings.reminders_folded is False
    assert abs(settings.reminders_height - 130) <= 4
    again = _window(qtbot, db, settings)
    again.reminders.show_if_needed()
    assert again.reminders.isVisible()  # open at start-up, as it was left
    assert again.reminder_layout.height() == settings.reminders_height


def _vertical():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Vertical


def test_saved_geometry_larger_than_the_screen_is_brought_inside(qtbot, db, messages):
    from app.views.main_window import MainWindow

    big = MainWindow(db, AppSettings(operator="测试员"), SyncTaskRunner())
    qtbot.addWidget(big)
    big.resize(2400, 1600)
    big.move(300, 200)
    saved = bytes(big.saveGeometry().toHex().data()).decode()
    w = _window(qtbot, db, AppSettings(operator="测试员", window_geometry=saved))
    area = w.screen().availableGeometry()  # 800×800 on the offscreen platform
    frame = w.geometry()
    assert w.height() <= area.height() - 40 and frame.bottom() <= area.bottom()
    # As narrow as the screen, or as the window's own minimum where that is wider
    # (then its left edge, with the title bar, stays on screen).
    assert w.width() <= max(area.width(), w.minimumSizeHint().width())
    assert frame.top() >= area.top() and frame.left() >= area.left() - 1
    assert QByteArray.fromHex(saved.encode())  # the saved geometry was a real one


def test_main_window_layout_at_1280x800(qtbot, db, messages):
    """The screenshot test: the window grabbed at 1280×800, the register shows at
    least 25 rows, and no visible widget reaches beyond the window's right edge."""
    _items(db)
    for serial in range(2, 42):
        plain_enterprise(db, serial)
    w = _window(qtbot, db, AppSettings(operator="测试员"))
    w.resize(1280, 800)
    w.reminders.show_if_needed()
    for key in ("enterprise", "check", "ledger", "offers", "layoffs", "grading", "risk"):
        tab = w._tab(key)
        w.tabs.setCurrentWidget(tab)
        QApplication.processEvents()
        shot = w.grab()
        assert (shot.width(), shot.height()) == (1280, 800)
        _nothing_beyond_the_right_edge(w, tab)
    tab = w.enterprise_tab
    w.tabs.setCurrentWidget(tab)
    QApplication.processEvents()
    assert enterprises.count(db, tab.filter) == 41
    table = tab.table
    visible = table.rowAt(table.viewport().height() - 1)
    assert visible == -1 or visible + 1 >= 25, visible
    rows_fitting = table.viewport().height() // table.rowHeight(0)
    assert rows_fitting >= 25, (rows_fitting, table.viewport().height(), table.rowHeight(0))


def _nothing_beyond_the_right_edge(window, tab) -> None:
    right = window.width()
    for child in tab.findChildren(QWidget):
        if not child.isVisibleTo(window) or child.isWindow():
            continue
        edge = child.mapTo(window, QPoint(child.width(), 0)).x()
        assert edge <= right, (child.objectName() or type(child).__name__, edge, right)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_window_fits_a_1280_screen_at_150_percent(qtbot, qapp, db, messages, language):
    """At 150 % a 1280×800 screen is 853×533 logical pixels: with every tab built
    (filter and button rows wrap instead of widening the window) and the reminders
    open, the window's minimum size fits inside, in Chinese and in English."""
    from app import i18n

    _items(db)
    i18n.install(qapp, language)
    try:
        w = _window(qtbot, db, AppSettings(operator="测试员", language=language))
        w.reminder_layout.unfold()
        for index in range(w.tabs.count()):
            w.tabs.setCurrentIndex(index)
            QApplication.processEvents()
        w.tabs.setCurrentIndex(0)
        frame = (8, 40)  # borders and a title bar
        least = w.minimumSizeHint().expandedTo(w.minimumSize())
        assert least.width() + frame[0] <= 1280 / 1.5, (language, least)
        assert least.height() + frame[1] <= 800 / 1.5, (language, least)
        # And the register still shows its whole filter row and search box at 1280.
        w.resize(1280, 800)
        tab = w.enterprise_tab
        w.tabs.setCurrentWidget(tab)
        QApplication.processEvents()
        assert tab.search.width() >= 220 and tab.newly.width() >= tab.newly.sizeHint().width()
        header = tab.table.horizontalHeader()
        for column in range(header.count()):
            assert header.sectionSize(column) >= header.sectionSizeHint(column) - 1, column
    finally:
        i18n.install(qapp, "zh_CN")


def test_the_badge_counts_after_opening_another_database_and_switching_language(
    qtbot, db, fresh_database, messages, monkeypatch
):
    """Found in the issue-20 trial: after 文件 → 打开 (a file or the office server) or a
    language switch the new window's badge said 逾期 0 · 将到期 0 until its ten-minute
    date check, while the status bar counted the overdue items."""
    from app import gui, i18n
    from app.services.core import office

    monkeypatch.setattr("app.settings.AppSettings.save", lambda self: None)
    _items(db)
    start = fresh_database("start", operator="测试员")
    office.configure(start, "410482", level="county")
    settings = AppSettings(operator="测试员")
    first = _window(qtbot, start, settings)
    first.reminders.show_if_needed()
    holder = [first]
    gui.watch(holder, settings)
    db.close()  # the county's file is opened by the window, as 文件 → 打开 does
    assert gui.reopen(holder, settings, db.address), messages
    opened = holder[0]
    qtbot.addWidget(opened)
    try:
        assert opened.reminders.counts[0] == 3
        assert "逾期 3" in opened.reminder_layout.badge.text()
        english = gui.switch_language(opened, "en")
        qtbot.addWidget(english)
        assert english.reminders.counts[0] == 3
    finally:
        i18n.install(QApplication.instance(), "zh_CN")
        opened.db.close()
