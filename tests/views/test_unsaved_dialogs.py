"""Dialogs keep what the user typed: Esc / 关闭 / ✕ ask before dropping it (the health
check and every spec dialog: offer, layoff filing, major risk, guidance activity,
typical case), a fixed page's tab stops being red, 添加成员 opens the name for typing."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QMessageBox

from app.services.checks import health_checks
from tests.gui import answer_questions
from tests.views.test_health_check_tab import fill_all, new_check_from_register, registered

__all__ = ["registered"]  # the fixture, shared with the check tab's tests


def answering(monkeypatch, answer):
    """The titles of the questions asked, each answered `answer`."""
    return answer_questions(monkeypatch, answer)


def test_esc_on_a_typed_check_asks_and_no_keeps_everything(qtbot, window, registered, monkeypatch):
    dialog = new_check_from_register(qtbot, window, "汝州市甲机械有限公司")
    fill_all(dialog)
    asked = answering(monkeypatch, QMessageBox.StandardButton.No)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == ["放弃未保存的修改？"]
    assert dialog.isVisible()
    assert dialog.results.combo("A01").currentData() == "noncompliant"
    dialog.close_button.click()  # 关闭 asks the same
    assert len(asked) == 2 and dialog.isVisible()
    asked = answering(monkeypatch, QMessageBox.StandardButton.Yes)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked and not dialog.isVisible()
    assert health_checks.count(window.db, health_checks.CheckFilter()) == 0


def test_an_untouched_or_saved_check_closes_without_asking(qtbot, window, registered, monkeypatch):
    asked = answering(monkeypatch, QMessageBox.StandardButton.No)
    dialog = new_check_from_register(qtbot, window, "汝州市甲机械有限公司")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and asked == []
    dialog = new_check_from_register(qtbot, window, "汝州市甲机械有限公司")
    fill_all(dialog)
    dialog.save_button.click()  # 保存草稿
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and asked == []


def test_a_results_tab_marked_red_turns_back_once_its_problems_are_fixed(qtbot, window, registered):
    dialog = new_check_from_register(qtbot, window, "汝州市甲机械有限公司")
    bar = dialog.pages.tabBar()
    dialog.finalise_button.click()  # 未查 items, no team, no conclusion: refused
    red = QColor("#b00020")
    assert bar.tabTextColor(0) == red and bar.tabTextColor(1) == red
    fill_all(dialog)
    assert dialog.errors.text("results") == ""
    assert bar.tabTextColor(0) != red  # nothing wrong on it any more
    assert bar.tabTextColor(1) == red  # the conclusion is still missing
    dialog.closing.use_proposal.click()
    assert bar.tabTextColor(1) != red


def test_add_member_opens_the_name_for_typing(qtbot, window, registered):
    dialog = new_check_from_register(qtbot, window, "汝州市甲机械有限公司")
    table = dialog.team.table
    dialog.team.add_button.click()
    assert table.state() == QAbstractItemView.State.EditingState
    assert (table.currentRow(), table.currentColumn()) == (0, 0)
    editor = next(e for e in table.viewport().findChildren(QLineEdit) if e.isVisible())
    qtbot.keyClicks(editor, "Zhang San")
    assert editor.text() == "Zhang San"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: [m.name for m in dialog.team.members()] == ["Zhang San"])


@pytest.fixture
def demo_window(qtbot, db):
    from app.services.core.progress import drain
    from app.services.demo import demo
    from app.settings import AppSettings
    from app.tasks import SyncTaskRunner
    from app.views.main_window import MainWindow

    drain(demo.generate(db, enterprises=40, seed=5, today=date.today()))
    w = MainWindow(db, AppSettings(operator="测试员"), SyncTaskRunner())
    qtbot.addWidget(w)
    w.show()
    return w


LISTS = ("offers_tab", "layoffs_tab", "risk_tab", "guidance_tab.activities", "guidance_tab.cases")


@pytest.mark.parametrize("where", LISTS)
def test_spec_dialogs_close_untouched_at_once_and_ask_once_typed_in(
    qtbot, demo_window, monkeypatch, where
):
    tab = demo_window
    for name in where.split("."):
        tab = getattr(tab, name)
    assert tab.model.rowCount() > 0
    asked = answering(monkeypatch, QMessageBox.StandardButton.No)
    tab.table.selectRow(0)
    for dialog in (tab.open_selected(), tab.new_record()):  # stored, and new
        qtbot.waitUntil(dialog.isVisible)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert not dialog.isVisible() and asked == []
    dialog = tab.open_selected()
    qtbot.waitUntil(dialog.isVisible)
    edit = next(
        e
        for e in dialog.form.editors.values()
        if isinstance(e, QLineEdit) and e.isVisible() and not e.isReadOnly()
    )
    qtbot.keyClicks(edit, "x")
    typed = edit.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == ["放弃未保存的修改？"] and dialog.isVisible() and edit.text() == typed
    dialog.close()  # the window's ✕
    assert len(asked) == 2 and dialog.isVisible()
    answering(monkeypatch, QMessageBox.StandardButton.Yes)
    dialog.close()
    assert not dialog.isVisible()


def test_photos_chosen_for_a_guidance_activity_count_as_unsaved(
    qtbot, demo_window, monkeypatch, tmp_path
):
    asked = answering(monkeypatch, QMessageBox.StandardButton.No)
    dialog = demo_window.guidance_tab.activities.new_record()
    qtbot.waitUntil(dialog.isVisible)
    photo = tmp_path / "讲座.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 a photo")
    dialog.files_box.pending.append(photo)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked and dialog.isVisible() and dialog.files_box.pending == [photo]


def test_enterprise_dialog_asks_before_dropping_typed_fields(qtbot, demo_window, monkeypatch):
    tab = demo_window.enterprise_tab
    asked = answering(monkeypatch, QMessageBox.StandardButton.No)
    tab.table.selectRow(0)
    for dialog in (tab.edit_selected(), tab.add_enterprise()):  # untouched: closes at once
        qtbot.waitUntil(dialog.isVisible)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert not dialog.isVisible() and asked == []
    dialog = tab.add_enterprise()
    qtbot.waitUntil(dialog.isVisible)
    name = dialog.editors["name"]
    qtbot.keyClicks(name, "Pingdingshan Test Co")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked and dialog.isVisible() and name.text() == "Pingdingshan Test Co"


def test_enterprise_notes_sit_at_their_label_not_mid_dialog(qtbot, demo_window):
    dialog = demo_window.enterprise_tab.add_enterprise()
    qtbot.waitUntil(dialog.isVisible)
    notes = dialog.editors["notes"]
    assert notes.y() == 0  # at the top of its row, beside 备注 (it floated ~80 px below)


def test_a_hand_entered_rectification_item_asks_before_esc_drops_it(
    qtbot, demo_window, monkeypatch
):
    asked = answering(monkeypatch, QMessageBox.StandardButton.No)
    tab = demo_window.ledger_tab
    dialog = tab.add_item()
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and asked == []  # nothing typed: closes at once
    dialog = tab.add_item()
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.basis, "Labour Contract Law art. 4")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked and dialog.isVisible() and dialog.basis.text() == "Labour Contract Law art. 4"
