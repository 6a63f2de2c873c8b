"""Feedback after 保存 (issue 19): the dialog closes, the status bar says what was
saved, the saved record is selected in its list; 保存并新建 opens an empty dialog;
the list follows an edit."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.services.layoffs import layoffs
from app.services.register import enterprises
from tests.builders import code
from tests.gui import type_text
from tests.records import enterprise, plain_enterprise


@pytest.fixture
def eid(window):
    value = enterprise(window.db)
    window.refresh_all()
    return value


def _fill_layoff(dialog, staff: str, laid_off: str) -> None:
    dialog.total_staff.setText(staff)
    dialog.laid_off.setText(laid_off)
    dialog.explained_on.set_value(date(2023, 3, 2))
    dialog.layoff_on.set_value(date(2023, 3, 31))


def _selected(tab) -> list[str]:
    return tab.selected_ids()


def test_layoff_save_closes_selects_and_says_so(qtbot, window, eid):
    tab = window.layoffs_tab
    window.tabs.setCurrentWidget(tab)
    dialog = tab.new_filing(eid)
    qtbot.waitUntil(dialog.isVisible)
    _fill_layoff(dialog, "190", "19")
    dialog.save_button.click()
    assert not dialog.isVisible() and dialog not in tab.dialogs
    filing_id = dialog.filing_id
    assert layoffs.count(window.db, tab.filter) == 1
    assert _selected(tab) == [filing_id]
    assert window.statusBar().currentMessage() == "已保存裁员备案。"


def test_layoff_list_follows_an_edit(qtbot, window, eid):
    tab = window.layoffs_tab
    dialog = tab.new_filing(eid)
    _fill_layoff(dialog, "190", "19")
    dialog.save_button.click()
    column = [c.name for c in tab.columns].index("laid_off")
    assert tab.model.index(0, column).data() == "19"
    again = tab.open_record(dialog.filing_id)
    again.laid_off.setText("25")
    again.save_button.click()
    assert not again.isVisible()
    assert tab.model.index(0, column).data() == "25"
    assert layoffs.get(window.db, dialog.filing_id)[0].laid_off == 25


def test_save_and_new_opens_an_empty_dialog(qtbot, window, eid):
    tab = window.offers_tab
    dialog = tab.new_offer(eid)
    qtbot.waitUntil(dialog.isVisible)
    dialog.situation.setCurrentIndex(dialog.situation.findData("platform"))
    dialog.set_topics({"piece_rate", "weather_allowance"})
    dialog.dates["sent_on"].set_value(date(2023, 9, 25))
    dialog.dates["received_on"].set_value(date(2023, 9, 27))
    button = dialog.findChild(type(dialog.save_button), "save_and_new")
    assert button is not None and button.text() == "保存并新建"
    button.click()
    assert not dialog.isVisible()
    assert tab.model.rowCount() == 1
    fresh = tab.dialogs[-1]
    assert fresh is not dialog and fresh.offer_id is None and fresh.isVisible()
    assert window.statusBar().currentMessage() == "已保存集体协商要约。"


def test_refused_save_keeps_the_dialog_open(qtbot, window, eid):
    tab = window.layoffs_tab
    dialog = tab.new_filing(eid)
    dialog.total_staff.setText("10")
    dialog.laid_off.setText("12")
    dialog.save_button.click()
    assert dialog.isVisible() and "超过职工总数" in dialog.errors.text("laid_off")
    dialog.laid_off.setText("2")
    assert dialog.errors.text("laid_off") == ""  # the message clears as the field is fixed
    assert tab.model.rowCount() == 0


def test_risk_event_save_and_new(qtbot, window, eid):
    tab = window.risk_tab
    dialog = tab.new_record(eid)
    dialog.people.setText("35")
    dialog.found_on.set_value(date.today() - timedelta(days=3))
    dialog.findChild(type(dialog.save_button), "save_and_new").click()
    assert tab.model.rowCount() == 1 and tab.dialogs and tab.dialogs[-1] is not dialog
    assert _selected(tab) == [dialog.event_id]


def test_new_enterprise_is_selected_and_scrolled_to(qtbot, window):
    for serial in range(2, 80):
        plain_enterprise(window.db, serial)
    tab = window.enterprise_tab
    window.tabs.setCurrentWidget(tab)
    tab.refresh()
    dialog = tab.add_enterprise()
    type_text(qtbot, dialog.editors["name"], "汝州市中原新材料有限公司")
    type_text(qtbot, dialog.editors["credit_code"], code(999))
    county = dialog.editors["county_code"]
    county.setCurrentIndex(county.findData("410482"))
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog._shown
    new_id = dialog.result_value
    assert enterprises.get(window.db, new_id)["name"] == "汝州市中原新材料有限公司"
    assert tab.selected_ids() == [new_id]
    row = tab.table.selectionModel().selectedRows()[0].row()
    assert row > 40  # far down the pinyin order, and yet shown:
    assert tab.table.visualRect(tab.model.index(row, 0)).intersects(tab.table.viewport().rect())
    assert window.statusBar().currentMessage() == "已保存企业。"
