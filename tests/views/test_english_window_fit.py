"""The English window at 1280×800: the ledger's "Check of 2026-07-18" shown whole on one
line (it wrapped, its second line cut off by the row), a check's result boxes at their
own height in rows made tall by a long question (they stretched into tall slabs), the
question still wrapping, and the checklist's boxes showing their whole choice."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

from app.services.core.progress import drain
from app.services.demo import demo
from tests import gui


@pytest.fixture
def english_window(qtbot, qapp, db, messages) -> Iterator:
    drain(demo.generate(db, enterprises=30, seed=2, today=date.today()))
    with gui.english_window(qtbot, qapp, db, size=(1280, 800)) as window:
        yield window


def test_the_ledgers_check_dates_show_whole_on_one_line(english_window):
    tab = english_window.ledger_tab
    english_window.tabs.setCurrentWidget(tab)
    QApplication.processEvents()
    model, table = tab.model, tab.table
    across = Qt.Orientation.Horizontal
    source = next(c for c in range(model.columnCount()) if model.headerData(c, across) == "Source")
    rows = [
        r for r in range(model.rowCount()) if model.index(r, source).data().startswith("Check of")
    ]
    assert rows  # the demo's checks left items in the ledger
    assert not table.wordWrap()  # a cell stays on one line: no half-shown second line
    assert table.columnWidth(source) >= table.sizeHintForColumn(source)  # shown whole


def test_result_boxes_keep_their_height_and_questions_still_wrap(qtbot, english_window):
    tab = english_window.check_tab
    english_window.tabs.setCurrentWidget(tab)
    tab.table.selectRow(0)
    dialog = tab.open_selected()
    qtbot.waitUntil(dialog.isVisible)
    dialog.resize(1180, 760)
    QApplication.processEvents()
    results = dialog.results
    qtbot.wait(50)  # the rows measured again once the columns have their widths
    for row in range(results.rowCount()):  # as tall as their text at this width, no taller
        assert results.rowHeight(row) <= results.sizeHintForRow(row) + 1, row
    one_line = results.fontMetrics().height()
    tall = [r for r in range(results.rowCount()) if results.rowHeight(r) > 2 * one_line]
    assert tall  # the long questions (A02, A03) wrap onto two lines or more
    for row in range(results.rowCount()):
        combo = results.cellWidget(row, 3)
        assert isinstance(combo, QComboBox)
        assert combo.height() == combo.sizeHint().height(), row
        middle = results.rowViewportPosition(row) + results.rowHeight(row) // 2
        if combo.isVisible():
            assert abs(combo.geometry().center().y() - middle) <= 1, row


def test_checklist_boxes_show_their_choice_and_questions_keep_room(qtbot, english_window):
    english_window.edit_checklist()
    dialog = english_window._checklist_dialog
    qtbot.waitUntil(dialog.isVisible)
    QApplication.processEvents()
    table = dialog.table
    assert table.columnWidth(2) >= 250  # the question (it was squeezed to a few characters)
    for column in (4, 6, 8):
        combo = table.cellWidget(0, column)
        assert table.columnWidth(column) >= combo.sizeHint().width(), column
        assert combo.height() == combo.sizeHint().height(), column


def _label_texts(dialog) -> list[str]:
    from PySide6.QtWidgets import QLabel

    return [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]


def test_the_offer_dialog_names_changed_or_ended_once(qtbot, english_window):
    tab = english_window.offers_tab
    tab.table.selectRow(0)
    dialog = tab.open_selected()
    qtbot.waitUntil(dialog.isVisible)
    texts = _label_texts(dialog)
    # The date, and the row with the kind (changed or ended) and the reason.
    assert texts.count("Changed / ended on") == 1 and texts.count("Changed / ended") == 1
    assert "Date" in texts and "Dates" not in texts  # a session's one date (日期 said "Dates")


def test_the_chinese_offer_dialog_names_it_once_too(qtbot, window):
    dialog = window.offers_tab.new_record()
    qtbot.waitUntil(dialog.isVisible)
    texts = _label_texts(dialog)
    assert texts.count("变更／解除日期") == 1 and texts.count("变更／解除") == 1


def test_record_dialogs_fit_a_1280_screen_in_english(qtbot, english_window):
    """The layoff dialog was 1,339 pixels at least: its legal-ground box asked for its
    longest English choice and the four re-employment counts sat in one row; its
    findings ran off the panel's right edge and the people table's headers were cut."""
    from PySide6.QtWidgets import QListWidget

    for tab in (english_window.layoffs_tab, english_window.offers_tab, english_window.risk_tab):
        tab.table.selectRow(0)
        dialog = tab.open_selected()
        qtbot.waitUntil(dialog.isVisible)
        assert dialog.minimumSizeHint().width() + 8 <= 1280, type(dialog).__name__
        for findings in dialog.findChildren(QListWidget, "findings"):
            assert findings.wordWrap()
            assert findings.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        dialog.close()
    dialog = english_window.layoffs_tab.new_record()
    header = dialog.people.horizontalHeader()
    for column in range(header.count()):
        assert header.sectionSize(column) >= header.sectionSizeHint(column), column
    ground = dialog.form.editors["ground"]
    assert ground.view().minimumWidth() >= ground.fontMetrics().horizontalAdvance(
        max((ground.itemText(i) for i in range(ground.count())), key=len)
    )  # the open list still shows each legal ground whole


def test_a_list_read_after_its_tab_was_built_still_fits_its_short_labels(english_window):
    """The guidance lists are read when their campaign is chosen, after the tab was
    laid out: "Employment guides handed out" was cut to "Employment gui…"."""
    tab = english_window.guidance_tab
    english_window.tabs.setCurrentWidget(tab)
    QApplication.processEvents()
    table = tab.activities.table
    model = table.model()
    across = Qt.Orientation.Horizontal
    kind = next(c for c in range(model.columnCount()) if model.headerData(c, across) == "Kind")
    assert model.rowCount() > 0
    assert table.columnWidth(kind) >= table.sizeHintForColumn(kind)


def test_a_dialog_taller_or_wider_than_the_screen_is_brought_inside_it(qtbot, english_window):
    """A guidance activity opened 900 pixels tall: on a 1280×800 screen its 保存 and 取消
    were below the bottom edge. Every dialog is kept inside the screen's available area
    as it is shown (the offscreen test screen is 800 pixels tall)."""
    tab = english_window.guidance_tab
    english_window.tabs.setCurrentWidget(tab)
    tab.activities.table.selectRow(0)
    dialog = tab.activities.open_selected()
    qtbot.waitUntil(dialog.isVisible)
    area = dialog.screen().availableGeometry()
    assert area.height() < 900  # the screen is smaller than the dialog's own size
    assert dialog.geometry().bottom() <= area.bottom() and dialog.geometry().top() >= area.top()
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    bottom = save.mapTo(dialog, save.rect().bottomLeft()).y()
    assert bottom < dialog.height()  # the buttons inside the dialog, on screen


def test_the_holidays_kind_column_shows_its_text_whole(qtbot, english_window):
    english_window.edit_holidays()
    dialog = english_window._holidays_dialog
    qtbot.waitUntil(dialog.isVisible)
    table = dialog.table
    assert table.rowCount() > 0 and not table.wordWrap()
    widest = max(
        table.fontMetrics().horizontalAdvance(table.item(r, 1).text())
        for r in range(table.rowCount())
    )
    assert table.columnWidth(1) >= widest  # "Holiday (estimate)" wrapped and was cut
