"""The health-check dialog keeps what the user typed: Esc asks before dropping it,
a fixed page's tab stops being red, and 添加成员 opens the name for typing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QMessageBox

from app.services.checks import health_checks
from tests.views.test_health_check_tab import fill_all, new_check_from_register, registered

__all__ = ["registered"]  # the fixture, shared with the check tab's tests


def answering(monkeypatch, answer):
    asked: list[str] = []

    def question(_parent, title, _text, *_args, **_kwargs):
        asked.append(title)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


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
