"""The dialogs that edit data beyond the record dialogs keep what was typed too: Esc /
关闭 / ✕ ask before dropping it (专项行动, a ledger item's 办理 and 延期, the checklist, the
risk rules, the summary report, a holiday typed but not added), default No; untouched or
just-saved, they close at once (app/views/common/unsaved.py)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from app.services.campaign import campaigns
from app.services.ledger import ledger
from tests.gui import answer_questions, type_text
from tests.records import enterprise, manual

NO, YES = QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes
ASKED = "放弃未保存的修改？"


def close_button(dialog):
    return next(b for b in dialog.findChildren(QPushButton) if b.text() == "关闭")


def test_campaign_dialog_asks_before_esc_close_or_another_campaign_drops_edits(
    qtbot, window, monkeypatch
):
    first = campaigns.save(window.db, campaigns.load_template(year=2023))
    campaigns.save(window.db, campaigns.load_template(year=2024))
    asked = answer_questions(monkeypatch, NO)
    dialog = window.edit_campaigns()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and asked == []  # untouched: closes at once
    dialog = window.edit_campaigns()
    dialog.list.setCurrentRow(next(r for r in range(2) if dialog.list.item(r).data(256) == first))
    type_text(qtbot, dialog.name, "（修订）")
    dialog.phases.item(0, 0).setText("动员部署")
    typed = dialog.name.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == [ASKED] and dialog.isVisible() and dialog.name.text() == typed
    close_button(dialog).click()
    assert len(asked) == 2 and dialog.isVisible()
    dialog.list.setCurrentRow(1 - dialog.list.currentRow())  # the other campaign: asks, No stays
    assert len(asked) == 3 and dialog.editing == first and dialog.name.text() == typed
    assert dialog.list.currentItem().data(256) == first
    dialog.make_current()  # 设为当前 keeps the form as typed
    assert dialog.name.text() == typed and dialog.unsaved()
    dialog.save_button.click()
    assert campaigns.get(window.db, first).name == typed
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # just saved
    assert not dialog.isVisible() and len(asked) == 3


def test_a_ledger_items_handling_fields_are_kept_until_applied(qtbot, window, monkeypatch):
    item_id = manual(window.db, enterprise(window.db))
    asked = answer_questions(monkeypatch, NO)
    dialog = window.ledger_tab.open_record(item_id)
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and asked == []
    dialog = window.ledger_tab.open_record(item_id)
    qtbot.waitUntil(dialog.isVisible)
    type_text(qtbot, dialog.note, "企业已补签合同")
    close_button(dialog).click()
    assert asked == [ASKED] and dialog.isVisible() and dialog.note.text() == "企业已补签合同"
    dialog.to_status.setCurrentIndex(dialog.to_status.findData("in_progress"))
    assert dialog.apply_status()
    assert ledger.get(window.db, item_id).status == "in_progress"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # applied: nothing left unsaved
    assert not dialog.isVisible() and len(asked) == 1
    dialog = window.ledger_tab.open_record(item_id)
    qtbot.waitUntil(dialog.isVisible)
    dialog.new_deadline.setDate(QDate(2024, 1, 31))  # a new deadline chosen, not applied
    dialog.close()  # the window's ✕
    assert len(asked) == 2 and dialog.isVisible()


def test_checklist_edits_and_an_unsaved_import_ask_before_closing(qtbot, window, monkeypatch):
    asked = answer_questions(monkeypatch, NO)
    window.edit_checklist()
    dialog = window._checklist_dialog
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and asked == []
    window.edit_checklist()
    dialog = window._checklist_dialog
    dialog.table.item(0, 2).setText("是否与全部职工订立书面劳动合同")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == [ASKED] and dialog.isVisible()
    dialog.table.item(0, 2).setText(dialog.spec.items[0].question)  # put back as it was
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and len(asked) == 1
    window.edit_checklist()
    dialog = window._checklist_dialog
    dialog.table.cellWidget(0, 4).setCurrentIndex(2)  # a risk level chosen in its box
    close_button(dialog).click()
    assert len(asked) == 2 and dialog.isVisible()


def test_risk_rules_typed_ask_before_closing(qtbot, window, monkeypatch):
    asked = answer_questions(monkeypatch, NO)
    from app.views.risk.rules_dialog import RulesDialog

    dialog = RulesDialog(window.db, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and asked == []
    dialog.show()
    dialog.text.setPlainText(dialog.text.toPlainText().replace('"', "'", 1))  # a slip
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == [ASKED] and dialog.isVisible()


def test_summary_report_edits_ask_until_saved(qtbot, window, counted, monkeypatch):
    asked = answer_questions(monkeypatch, NO)
    window.dashboard.refresh()
    dialog = window.write_report()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and asked == []  # the drafts, untouched
    dialog = window.write_report()
    type_text(qtbot, dialog.editors["risk"], "组建体检小分队")
    close_button(dialog).click()
    assert asked == [ASKED] and dialog.isVisible()
    assert dialog.save()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and len(asked) == 1


def test_a_holiday_typed_but_not_added_asks(qtbot, window, monkeypatch):
    asked = answer_questions(monkeypatch, NO)
    window.edit_holidays()
    dialog = window._holidays_dialog
    type_text(qtbot, dialog.name, "春节")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == [ASKED] and dialog.isVisible()
    dialog.day.setDate(QDate(date.today().year + 1, 2, 1))
    dialog.add_button.click()  # added: nothing left
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and len(asked) == 1


def test_an_intervention_or_a_session_typed_but_not_recorded_asks(qtbot, window, monkeypatch):
    from tests.records import offer

    eid = enterprise(window.db)
    asked = answer_questions(monkeypatch, NO)
    risk = window.risk_tab.new_record()
    qtbot.waitUntil(risk.isVisible)
    qtbot.keyClick(risk, Qt.Key.Key_Escape)
    assert not risk.isVisible() and asked == []  # nothing typed
    risk = window.risk_tab.new_record()
    qtbot.waitUntil(risk.isVisible)
    type_text(qtbot, risk.step_who, "县人社局劳动关系科")
    qtbot.keyClick(risk, Qt.Key.Key_Escape)
    assert asked == [ASKED] and risk.isVisible() and risk.step_who.text() == "县人社局劳动关系科"
    answer_questions(monkeypatch, YES)
    risk.close()  # the ✕, answered 是: dropped
    assert not risk.isVisible()
    asked = answer_questions(monkeypatch, NO)
    offers = window.offers_tab
    dialog = offers.open_record(offer(window.db, eid))
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and asked == []
    dialog = offers.open_record(offer(window.db, enterprise(window.db, serial=2)))
    qtbot.waitUntil(dialog.isVisible)
    type_text(qtbot, dialog.sessions_box.worker_chief, "Wang Wu")
    dialog.close()
    assert asked == [ASKED] and dialog.isVisible()
    assert dialog.add_session()  # recorded: nothing left unsaved
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and len(asked) == 1


def test_a_closed_items_extension_fields_cannot_be_typed_in(qtbot, window, tmp_path):
    from tests.records import close

    item_id = manual(window.db, enterprise(window.db))
    evidence = tmp_path / "整改说明.pdf"
    evidence.write_bytes(b"%PDF-1.4 evidence")
    close(window.db, item_id, evidence)
    dialog = window.ledger_tab.open_record(item_id)
    qtbot.waitUntil(dialog.isVisible)
    assert ledger.get(window.db, item_id).status == "closed"
    assert not dialog.new_deadline.isEnabled() and not dialog.extend_reason.isEnabled()
    assert dialog.note.isEnabled()  # re-opening it is still possible, with a reason
