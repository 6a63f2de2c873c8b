from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from app.services.register import enterprises
from app.services.register.enterprises import EnterpriseFilter
from app.views.common.record_dialog import RecordDialog
from tests.builders import code
from tests.gui import type_text


def seed(db, n=3):
    names = ["平顶山煤矿机械有限公司", "汝州市恒达商贸有限公司", "叶县宏兴餐饮管理有限公司"]
    for i in range(n):
        enterprises.create(
            db,
            {
                "name": names[i],
                "credit_code": code(i + 1),
                "county_code": ["410482", "410482", "410422"][i],
                "employee_count": [500, 30, 8][i],
            },
        )


def table_names(tab):
    return [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())]


def open_dialog(qtbot, action) -> RecordDialog:
    dialog = action()
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def new_enterprise_typed(qtbot, tab) -> RecordDialog:
    """新增企业 with a name, a credit code and the county chosen."""
    dialog = open_dialog(qtbot, tab.add_enterprise)
    type_text(qtbot, dialog.editors["name"], "汝州市新开张有限公司")
    type_text(qtbot, dialog.editors["credit_code"], code(9))
    county = dialog.editors["county_code"]
    assert isinstance(county, QComboBox)
    county.setCurrentIndex(county.findData("410482"))
    return dialog


def test_search_as_you_type(qtbot, window, db):
    seed(window.db)
    tab = window.enterprise_tab
    tab.refresh()
    assert tab.model.rowCount() == 3
    type_text(qtbot, tab.search, "pdsmk")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    assert table_names(tab) == ["平顶山煤矿机械有限公司"]
    tab.search.clear()
    type_text(qtbot, tab.search, "恒达")
    qtbot.waitUntil(lambda: table_names(tab) == ["汝州市恒达商贸有限公司"])
    assert "1" in tab.count_label.text()


def test_filters_drive_sql(qtbot, window):
    seed(window.db)
    tab = window.enterprise_tab
    tab.refresh()
    tab.county.setCurrentIndex(tab.county.findData("410422"))
    assert table_names(tab) == ["叶县宏兴餐饮管理有限公司"]
    tab.county.setCurrentIndex(0)
    tab.size.setCurrentIndex(tab.size.findData("medium"))
    assert table_names(tab) == ["平顶山煤矿机械有限公司"]


def test_sort_by_clicking_header(qtbot, window):
    seed(window.db)
    tab = window.enterprise_tab
    tab.refresh()
    assert table_names(tab)[0] == "平顶山煤矿机械有限公司"  # p < r < y
    tab.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert table_names(tab)[0] == "叶县宏兴餐饮管理有限公司"
    tab.table.sortByColumn(8, Qt.SortOrder.AscendingOrder)  # employees
    assert table_names(tab)[0] == "叶县宏兴餐饮管理有限公司"


def test_add_enterprise_through_dialog(qtbot, window):
    tab = window.enterprise_tab
    dialog = new_enterprise_typed(qtbot, tab)
    type_text(qtbot, dialog.editors["employee_count"], "1,200")
    qtbot.mouseClick(dialog.editors["has_union"], Qt.MouseButton.LeftButton)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert not dialog.isVisible()
    assert table_names(tab) == ["汝州市新开张有限公司"]
    stored = enterprises.get(window.db, tab.model.row_id(0))
    assert stored["employee_count"] == 1200 and stored["has_union"] is True
    assert "企业 1 家" in window.counts_label.text()


def test_impossible_values_shown_beside_fields_and_cleared_as_fixed(qtbot, window):
    tab = window.enterprise_tab
    dialog = new_enterprise_typed(qtbot, tab)
    type_text(qtbot, dialog.editors["contact_phone"], "abc")
    type_text(qtbot, dialog.editors["registration_date"], "2030-01-01")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.isVisible() and table_names(tab) == []
    phone = dialog.error_labels["contact_phone"]
    registered = dialog.error_labels["registration_date"]
    assert "不是电话号码" in phone.text() and not phone.isHidden()
    assert "晚于今天" in registered.text() and not registered.isHidden()
    dialog.editors["contact_phone"].clear()
    type_text(qtbot, dialog.editors["contact_phone"], "0375-2345678转801")
    assert phone.isHidden() and not registered.isHidden()
    dialog.editors["registration_date"].clear()
    type_text(qtbot, dialog.editors["registration_date"], "2019-05-06")
    assert registered.isHidden()
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert not dialog.isVisible() and table_names(tab) == ["汝州市新开张有限公司"]


def test_edit_with_invalid_code_shows_error_and_saves_nothing(qtbot, window):
    seed(window.db, 1)
    tab = window.enterprise_tab
    tab.refresh()
    tab.table.selectRow(0)
    dialog = open_dialog(qtbot, tab.edit_selected)
    line = dialog.editors["credit_code"]
    assert isinstance(line, QLineEdit)
    line.clear()
    type_text(qtbot, line, code(1)[:-1] + ("1" if code(1)[-1] != "1" else "2"))
    dialog.editors["name"].clear()
    type_text(qtbot, dialog.editors["name"], "改过的名字")
    dialog.try_save()
    assert dialog.isVisible()
    assert dialog.error_labels["credit_code"].isVisible()
    assert "校验位" in dialog.error_labels["credit_code"].text()
    assert table_names(tab) == ["平顶山煤矿机械有限公司"]
    assert enterprises.page(window.db, EnterpriseFilter())[0][1] == "平顶山煤矿机械有限公司"


def test_duplicate_code_message_names_existing(qtbot, window):
    seed(window.db, 1)
    dialog = open_dialog(qtbot, window.enterprise_tab.add_enterprise)
    type_text(qtbot, dialog.editors["name"], "别家")
    type_text(qtbot, dialog.editors["credit_code"], code(1))
    dialog.editors["county_code"].setCurrentIndex(1)
    dialog.try_save()
    assert "平顶山煤矿机械有限公司" in dialog.error_labels["credit_code"].text()


def test_delete_asks_then_tombstones(qtbot, window, messages):
    seed(window.db, 2)
    tab = window.enterprise_tab
    tab.refresh()
    tab.table.selectRow(0)
    tab.delete_selected()
    assert messages[-1][0] == "question"
    assert tab.model.rowCount() == 1


def test_edit_without_selection_explains(qtbot, window, messages):
    window.enterprise_tab.edit_selected()
    assert "选中" in messages[-1][2]


def test_shortcuts_focus_search(qtbot, window):
    window.find_action.trigger()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.enterprise_tab.search)


def test_history_shows_who_changed_what(qtbot, window):
    seed(window.db, 1)
    tab = window.enterprise_tab
    tab.refresh()
    enterprises.update(window.db, tab.model.row_id(0), {"employee_count": "650"})
    tab.table.selectRow(0)
    dialog = tab.show_history()
    table = dialog.table
    assert table.rowCount() == 2
    assert table.item(1, 1).text() == "测试员" and table.item(1, 2).text() == "修改"
    assert table.item(1, 3).text() == "职工人数：500 → 650"


def test_record_lists_open_for_the_selected_enterprise(qtbot, window, messages):
    """体检记录 / 整改台账 / 风险隐患 of the selected enterprise; none selected: a message."""
    seed(window.db, 1)
    tab = window.enterprise_tab
    tab.refresh()
    tab.show_ledger()
    assert "选中" in messages[-1][2]
    tab.table.selectRow(0)
    expected = [tab.model.row_id(0), "平顶山煤矿机械有限公司"]
    for action, signal in (
        (tab.show_checks, tab.show_checks_requested),
        (tab.show_ledger, tab.ledger_requested),
        (tab.show_risks, tab.risk_requested),
    ):
        with qtbot.waitSignal(signal) as sent:
            action()
        assert sent.args == expected
