from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QFileDialog

from app.services.ledger import attachments, ledger
from app.services.ledger.ledger import ManualItem
from tests.gui import type_text
from tests.records import enterprise


def manual_item(db, eid, what, started_days, deadline_days, person):
    """A manual ledger item started and due that many days from today."""
    today = date.today()
    item = ManualItem(
        eid,
        what,
        today + timedelta(days=started_days),
        today + timedelta(days=deadline_days),
        enterprise_person=person,
    )
    return ledger.add_manual(db, item)


@pytest.fixture
def items(window):
    eid = enterprise(window.db)
    overdue = manual_item(window.db, eid, "未签订劳动合同", -40, -10, "王厂长")
    later = manual_item(window.db, eid, "未设维权告示牌", -5, 60, "李主任")
    window.refresh_all()
    return eid, overdue, later


def cells(tab, row):
    return [tab.model.index(row, c).data() for c in range(tab.model.columnCount())]


def test_ledger_lists_items_with_overdue_marked(qtbot, window, items):
    tab = window.ledger_tab
    assert tab.model.rowCount() == 2
    first = cells(tab, 0)  # sorted by deadline
    assert first[0] == "汝州市测试1有限公司" and first[3] == "未签订劳动合同"
    assert first[9] == "待整改（逾期）" and first[10] == "逾期 10 天"
    assert tab.model.index(0, 0).data(8) is not None  # BackgroundRole: red row
    tab.overdue.setChecked(True)
    assert tab.model.rowCount() == 1
    tab.overdue.setChecked(False)
    type_text(qtbot, tab.person, "李主任")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert cells(tab, 0)[3] == "未设维权告示牌"


def test_close_an_item_through_the_dialog(qtbot, window, items, tmp_path, messages):
    _eid, overdue, _later = items
    tab = window.ledger_tab
    tab.table.selectRow(0)
    dialog = tab.open_selected()
    qtbot.waitUntil(dialog.isVisible)
    dialog.to_status.setCurrentIndex(dialog.to_status.findData("awaiting_verification"))
    assert not dialog.apply_status() and "说明" in dialog.error.text()
    type_text(qtbot, dialog.note, "企业补签了全部劳动合同")
    assert dialog.apply_status()
    dialog.to_status.setCurrentIndex(dialog.to_status.findData("closed"))
    type_text(qtbot, dialog.note, "核验属实")
    type_text(qtbot, dialog.verified_by, "李四")
    assert not dialog.apply_status() and "佐证" in dialog.error.text()
    scan = tmp_path / "合同扫描件.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    dialog.add_files([str(scan)])
    assert dialog.files.rowCount() == 1 and dialog.files.item(0, 2).text() == "完好"
    type_text(qtbot, dialog.note, "核验属实")
    assert dialog.apply_status()
    assert ledger.get(window.db, overdue).status == "closed"
    assert dialog.history.count() == 2
    assert cells(tab, 0)[9] == "已销号"
    assert "1 / 2 已销号" in [
        window.enterprise_tab.model.index(0, c).data()
        for c in range(window.enterprise_tab.model.columnCount())
    ]


def test_extend_deadline_through_the_dialog(qtbot, window, items):
    _eid, overdue, _later = items
    dialog = window.ledger_tab.open_item(overdue)
    qtbot.waitUntil(dialog.isVisible)
    from PySide6.QtCore import QDate

    new = date.today() + timedelta(days=20)
    dialog.new_deadline.setDate(QDate(new.year, new.month, new.day))
    assert not dialog.extend() and "理由" in dialog.error.text()
    type_text(qtbot, dialog.extend_reason, "企业申请延期一个月")
    assert dialog.extend()
    assert "原定" in dialog.details.text()
    assert (
        "（已延期）" in cells(window.ledger_tab, 1)[6]
        or "（已延期）" in cells(window.ledger_tab, 0)[6]
    )


def test_missing_attachment_reported_record_kept(qtbot, window, items, tmp_path):
    _eid, overdue, _later = items
    scan = tmp_path / "照片.jpg"
    scan.write_bytes(b"jpeg")
    attachments.add(window.db, overdue, scan)
    attachments.list_for(window.db, overdue)[0].path.unlink()
    dialog = window.ledger_tab.open_item(overdue)
    assert dialog.files.item(0, 2).text() == "文件缺失"


def test_manual_item_dialog_refuses_deadline_before_finding(qtbot, window, items):
    eid, *_ = items
    tab = window.ledger_tab
    dialog = tab.add_item(eid)
    type_text(qtbot, dialog.matter, "拖欠加班费")
    from PySide6.QtCore import QDate

    dialog.found_on.setDate(QDate(2023, 9, 10))
    dialog.deadline.setDate(QDate(2023, 9, 1))
    dialog.save()
    assert "早于" in dialog.error.text() and tab.model.rowCount() == 2
    # Said once: the new item's original deadline (not a field here) is the same date.
    assert dialog.error.text().count("早于") == 1 and "原定" not in dialog.error.text()
    dialog.deadline.setDate(QDate(2023, 10, 1))
    dialog.save()
    assert tab.model.rowCount() == 3


def test_export_uses_current_filter(qtbot, window, items, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    tab = window.ledger_tab
    tab.overdue.setChecked(True)
    out = tmp_path / "台账.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    tab.export_button.click()
    ws = load_workbook(out)["整改台账"]
    assert ws.max_row == 4 and ws["E4"].value == "未签订劳动合同"


def test_reminder_panel_lists_and_opens(qtbot, window, items):
    _eid, overdue, _later = items
    panel = window.reminders
    window.reminder_layout.unfold()  # folded into the status-bar badge by default
    panel.show_if_needed()
    assert panel.isVisible() and panel.overdue.count() == 1
    panel.overdue.itemDoubleClicked.emit(panel.overdue.item(0))
    assert window.tabs.currentWidget() is window.ledger_tab
    assert window.ledger_tab.dialogs[-1].item_id == overdue
    panel.hide()
    panel.check_date(panel.shown_for)  # same day: stays hidden
    assert not panel.isVisible()
    panel.check_date(panel.shown_for + timedelta(days=1))  # the next day: back again
    assert panel.isVisible()


def test_ledger_of_one_enterprise_from_register(qtbot, window, items):
    tab = window.enterprise_tab
    tab.table.selectRow(0)
    tab.ledger_button.click()
    assert window.tabs.currentWidget() is window.ledger_tab
    assert window.ledger_tab.enterprise_chip.isVisible() and window.ledger_tab.model.rowCount() == 2


def test_holidays_dialog(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtCore import QDate

    from app.services.core import holidays, workdays

    window.holidays_action.trigger()
    dialog = window._holidays_dialog
    dialog.year.setValue(2030)
    assert "尚未录入" in dialog.coverage.text() and "估算" in dialog.coverage.text()
    # Until the office enters 2030, the estimated holidays are listed, marked as such.
    shown = {
        dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text()
        for r in range(dialog.table.rowCount())
    }
    assert shown["2030-02-03"] == "放假（估算）"  # 正月初一 2030, from the lunar calendar
    assert shown["2030-10-01"] == "放假（估算）" and "2030-01-01" in shown
    dialog.day.setDate(QDate(2030, 1, 1))
    type_text(qtbot, dialog.name, "元旦")
    dialog.add_button.click()
    assert dialog.table.item(0, 1).text() == "放假"  # entered: no longer an estimate
    dialog.kind.setCurrentIndex(1)
    dialog.day.setDate(QDate(2030, 1, 2))
    dialog.add_button.click()
    assert "本来就是工作日" in dialog.error.text()
    dialog.complete.setChecked(True)
    assert holidays.coverage(window.db, [2030])[0].source == "office"
    dialog.reload()
    assert dialog.table.rowCount() == 1  # the year is entered: no estimate shown
    assert not workdays.load(window.db).is_workday(date(2030, 1, 1))
    dialog.roll.setChecked(False)
    assert window.db.get_setting("calendar.roll_to_workday") == "0"
    dialog.remind.setValue(8)
    assert window.db.get_setting("ledger.remind_workdays") == "8"


def test_reminder_shortens_long_matters_with_an_ellipsis(qtbot, window):
    eid = enterprise(window.db)
    today = date.today()
    matter = (
        "是否执行每日工作不超过8小时、每周不超过40小时的工时制度（实行特殊工时制的是否经过审批）？"
    )
    ledger.add_manual(
        window.db,
        ManualItem(eid, matter, today - timedelta(days=40), today - timedelta(days=3)),
    )
    window.refresh_all()
    window.reminder_layout.unfold()
    item = window.reminders.overdue.item(0)
    assert "…（逾期" in item.text() and "（（" not in item.text()
    assert item.toolTip() == matter
