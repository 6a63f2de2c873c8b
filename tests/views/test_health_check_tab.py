from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from app.services.checks import checklists, health_checks
from app.services.ledger import ledger
from app.services.register import enterprises
from tests.builders import code
from tests.gui import type_text
from tests.pdf_tools import pdf_text


@pytest.fixture
def registered(window):
    ids = []
    for n, (name, industry) in enumerate(
        (("汝州市甲机械有限公司", "制造业"), ("汝州市乙建筑工程有限公司", "建筑业")), start=1
    ):
        ids.append(
            enterprises.create(
                window.db,
                {
                    "name": name,
                    "credit_code": code(n),
                    "county_code": "410482",
                    "industry": industry,
                    "employee_count": 80,
                },
            )
        )
    window.enterprise_tab.refresh()
    return ids


def select_enterprise(window, name):
    tab = window.enterprise_tab
    for row in range(tab.model.rowCount()):
        if tab.model.index(row, 0).data() == name:
            tab.table.selectRow(row)
            return
    raise AssertionError(name)


def new_check_from_register(qtbot, window, name):
    select_enterprise(window, name)
    window.enterprise_tab.new_check_button.click()
    dialog = window.check_tab.dialogs[-1]
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def fill_all(dialog, noncompliant=("A01", "A02")):
    for entry in dialog.results.entries():
        if entry.result == "unchecked":
            combo = dialog.results.combo(entry.item_code)
            combo.setCurrentIndex(
                combo.findData("noncompliant" if entry.item_code in noncompliant else "compliant")
            )


def ready(dialog):
    """A team and the conclusion drafted from the results: what a final check needs."""
    if not dialog.team.members():
        dialog.team.add_member(health_checks.TeamMember("张三", "劳动关系协调员"))
    dialog.closing.use_proposal.click()


def finalised_and_selected(qtbot, window, name="汝州市甲机械有限公司"):
    """A check of the enterprise made from the register, finalised with its two
    findings, and selected in the check list."""
    dialog = new_check_from_register(qtbot, window, name)
    fill_all(dialog)
    ready(dialog)
    dialog.finalise_button.click()
    tab = window.check_tab
    tab.table.selectRow(0)
    return tab


def reopened(qtbot, tab):
    dialog = tab.open_selected()
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_new_check_from_register_finalised_makes_rectification_items(qtbot, window, registered):
    dialog = new_check_from_register(qtbot, window, "汝州市甲机械有限公司")
    assert "汝州市甲机械有限公司" in dialog.enterprise_label.text()
    assert (
        dialog.results.combo("M03").currentData() == "na"
    )  # construction item, manufacturing firm
    assert dialog.snapshot["staff_count"].text() == "80"
    dialog.team.add_member(health_checks.TeamMember("张三", "劳动关系协调员"))
    type_text(qtbot, dialog.enterprise_person, "王厂长")
    fill_all(dialog)
    assert "不合规 2 项" in dialog.counts.text()
    ready(dialog)
    assert "发现 2 项不合规" in dialog.conclusion.toPlainText()
    dialog.finalise_button.click()
    assert not dialog.isVisible()
    tab = window.check_tab
    assert tab.model.rowCount() == 1
    row = [tab.model.index(0, c).data() for c in range(tab.model.columnCount())]
    assert (
        row[1] == "汝州市甲机械有限公司"
        and row[3] == "已定稿"
        and row[4] == "2"
        and row[5] == "2"
        and row[7] == "张三"
    )
    assert (
        "体检 1 次" in window.counts_label.text() and "整改事项 2 条" in window.counts_label.text()
    )


def test_dispatched_workers_bring_in_dispatch_items(qtbot, window, registered):
    dialog = new_check_from_register(qtbot, window, "汝州市甲机械有限公司")
    assert dialog.results.combo("G02").currentData() == "na"
    type_text(qtbot, dialog.snapshot["dispatched_workers"], "12")
    assert dialog.results.combo("G02").currentData() == "unchecked"
    dialog.results.combo("G01").setCurrentIndex(dialog.results.combo("G01").findData("compliant"))
    dialog.snapshot["dispatched_workers"].clear()
    type_text(qtbot, dialog.snapshot["dispatched_workers"], "0")
    assert dialog.results.combo("G02").currentData() == "na"
    assert dialog.results.combo("G01").currentData() == "compliant"  # set by hand: left alone


def test_a_refused_finalise_saves_nothing_and_messages_go_as_fields_are_fixed(
    qtbot, window, registered
):
    dialog = new_check_from_register(qtbot, window, "汝州市乙建筑工程有限公司")
    combo = dialog.results.combo("A01")
    combo.setCurrentIndex(combo.findData("noncompliant"))
    dialog.finalise_button.click()
    assert dialog.isVisible()
    assert "未查" in dialog.errors.text("results")
    assert "检查组" in dialog.errors.text("team")
    assert "体检结论" in dialog.errors.text("conclusion")
    # Nothing at all was stored: no draft, no rectification item.
    assert health_checks.count(window.db, health_checks.CheckFilter()) == 0
    assert ledger.count(window.db, ledger.LedgerFilter()) == 0
    window.check_tab.refresh()
    assert window.check_tab.model.rowCount() == 0
    fill_all(dialog)
    assert dialog.errors.text("results") == "" and "检查组" in dialog.errors.text("team")
    dialog.team.add_member(health_checks.TeamMember("张三", "劳动关系协调员"))
    assert dialog.errors.text("team") == "" and dialog.errors.text("conclusion")
    dialog.closing.use_proposal.click()
    assert dialog.errors.text("conclusion") == ""
    dialog.finalise_button.click()
    assert not dialog.isVisible()
    assert ledger.count(window.db, ledger.LedgerFilter()) == 2


def test_impossible_values_are_shown_beside_their_fields_and_nothing_saved(
    qtbot, window, registered
):
    dialog = new_check_from_register(qtbot, window, "汝州市甲机械有限公司")
    type_text(qtbot, dialog.snapshot["contracts_signed"], "95")  # staff is 80
    later = dialog.date.date().addMonths(1)
    type_text(qtbot, dialog.snapshot["wages_paid_through"], later.toString("yyyy-MM"))
    dialog.save_button.click()
    assert "超过职工人数 80 人" in dialog.errors.text("contracts_signed")
    assert "尚未开始的月份" in dialog.errors.text("wages_paid_through")
    assert health_checks.count(window.db, health_checks.CheckFilter()) == 0
    dialog.snapshot["contracts_signed"].clear()
    type_text(qtbot, dialog.snapshot["contracts_signed"], "78")
    assert dialog.errors.text("contracts_signed") == ""
    assert dialog.errors.text("wages_paid_through")  # still wrong: still shown
    dialog.snapshot["wages_paid_through"].clear()
    type_text(qtbot, dialog.snapshot["wages_paid_through"], dialog.date.date().toString("yyyy-MM"))
    assert dialog.errors.text("wages_paid_through") == ""
    dialog.save_button.click()
    assert health_checks.count(window.db, health_checks.CheckFilter()) == 1


def test_save_draft_says_what_it_saved_and_makes_no_items(qtbot, window, registered):
    dialog = new_check_from_register(qtbot, window, "汝州市甲机械有限公司")
    fill_all(dialog)
    dialog.save_button.click()
    note = dialog.note.text()
    assert "已保存草稿" in note and "不合规 2 项" in note and "定稿时才生成" in note
    assert dialog.status_label.text() == "草稿" and dialog.rectifications.rowCount() == 0
    assert ledger.count(window.db, ledger.LedgerFilter()) == 0


def test_a_conclusion_that_contradicts_the_results_is_flagged(qtbot, window, registered):
    dialog = new_check_from_register(qtbot, window, "汝州市甲机械有限公司")
    fill_all(dialog)
    assert "发现 2 项不合规" in dialog.conclusion.placeholderText()
    dialog.conclusion.setPlainText("企业用工规范，未发现风险。")
    warning = dialog.closing.warning
    assert not warning.isHidden() and "A01" in warning.text()
    fill_all(dialog, noncompliant=())
    for item_code in ("A01", "A02"):
        combo = dialog.results.combo(item_code)
        combo.setCurrentIndex(combo.findData("compliant"))
    assert warning.isHidden()


def test_bad_snapshot_number_shown_and_nothing_saved(qtbot, window, registered):
    dialog = new_check_from_register(qtbot, window, "汝州市甲机械有限公司")
    type_text(qtbot, dialog.snapshot["migrant_workers"], "很多")
    dialog.save_button.click()
    assert "农民工人数" in dialog.errors.text("migrant_workers")
    assert window.check_tab.model.rowCount() == 0


def test_amend_a_finalised_check_needs_a_reason(qtbot, window, registered, messages):
    tab = finalised_and_selected(qtbot, window)
    dialog = reopened(qtbot, tab)
    assert dialog.conclusion.isReadOnly() and dialog.amend_button.isVisible()
    dialog.amend_button.click()
    assert not dialog.conclusion.isReadOnly()
    combo = dialog.results.combo("A02")
    combo.setCurrentIndex(combo.findData("compliant"))
    dialog.save_button.click()
    assert "理由" in dialog.error.text()
    # The amended conclusion must still follow: a compliant A02 leaves one finding.
    dialog.closing.use_proposal.click()
    type_text(qtbot, dialog.reason, "企业补交了职工名册")
    dialog.save_button.click()
    assert "企业补交了职工名册" in dialog.history.toPlainText()
    assert dialog.rectifications.rowCount() == 1
    assert tab.model.index(0, 5).data() == "1"


def test_checks_of_one_enterprise_from_register(qtbot, window, registered):
    for eid in registered:
        data = health_checks.template(window.db, eid, __import__("datetime").date(2023, 6, 20))
        health_checks.create(window.db, data)
    window.check_tab.refresh()
    assert window.check_tab.model.rowCount() == 2
    select_enterprise(window, "汝州市乙建筑工程有限公司")
    window.enterprise_tab.checks_button.click()
    assert window.tabs.currentWidget() is window.check_tab
    assert window.check_tab.model.rowCount() == 1
    assert window.check_tab.enterprise_chip.isVisible()
    window.check_tab.enterprise_chip.click()
    assert window.check_tab.model.rowCount() == 2


def test_print_report_and_notice_to_files(qtbot, window, registered, monkeypatch, tmp_path):
    tab = finalised_and_selected(qtbot, window)
    target = {"path": ""}
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (target["path"], ""))
    target["path"] = str(tmp_path / "报告.pdf")
    tab.findChild(type(tab.print_button.menu().actions()[0]), "print_check-report_pdf").trigger()
    assert "汝州市甲机械有限公司" in pdf_text(Path(target["path"]))
    target["path"] = str(tmp_path / "建议书")  # no suffix typed: .docx is added
    tab.findChild(
        type(tab.print_button.menu().actions()[0]), "print_rectification-notice_docx"
    ).trigger()
    import docx

    word = docx.Document(str(tmp_path / "建议书.docx"))
    assert len(word.tables[0].rows) == 3  # header and two findings


def test_batch_blank_forms_from_register_selection(
    qtbot, window, registered, monkeypatch, tmp_path
):
    tab = window.enterprise_tab
    tab.table.selectAll()
    out = tmp_path / "空白表.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    tab.findChild(type(tab.blank_button.menu().actions()[0]), "blank_pdf").trigger()
    text = pdf_text(out)
    assert "汝州市甲机械有限公司" in text and "汝州市乙建筑工程有限公司" in text
    assert "已生成" in window.statusBar().currentMessage()


def test_print_preview_paints_on_a_printer(qtbot, window, registered, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from app.services.checks import check_forms
    from app.views.printing import actions

    printer = actions.new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "p.pdf"))
    actions.paint_blank_forms_on(printer, [check_forms.blank_form(window.db, registered[0], "F1")])
    assert "劳动用工法治体检现场记录表" in pdf_text(tmp_path / "p.pdf")
    preview = actions.preview(window, "预览", lambda p: None)
    assert preview.isVisible()
    preview.close()


def test_checklist_settings_save_new_edition(qtbot, window, messages, tmp_path, monkeypatch):
    window.checklist_action.trigger()
    dialog = window._checklist_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert "第 1 版" in dialog.heading.text()
    dialog.table.item(0, 2).setText("是否与全部职工订立书面劳动合同？")
    dialog.save_button.click()
    assert checklists.active(window.db).edition == 2
    assert checklists.active(window.db).items[0].question == "是否与全部职工订立书面劳动合同？"
    dialog.add_item()
    dialog.save_button.click()
    assert "缺少编号" in dialog.error.text() and checklists.active(window.db).edition == 2
    bad = tmp_path / "bad.xlsx"
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["编号", "检查内容", "类别"])
    wb.active.append(["X1", "甲", "组"])
    wb.active.append(["X1", "乙", "组"])
    wb.save(bad)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    dialog.import_button.click()
    assert "重复" in dialog.error.text()


def test_finalised_check_reads_in_normal_text_not_disabled_grey(
    qtbot, window, registered, messages
):
    """Issue 19: a finalised check is shown read-only — every field enabled (painted in
    the normal text colour, selectable) but refusing edits — instead of disabled grey."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import (
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QWidget,
    )

    from app.views.common.readable import is_locked

    dialog = reopened(qtbot, finalised_and_selected(qtbot, window))
    editors = [
        w
        for w in dialog.findChildren(QWidget)
        if isinstance(w, QLineEdit | QPlainTextEdit | QAbstractSpinBox | QComboBox)
    ]
    fields = [
        dialog.conclusion,
        dialog.date,
        *dialog.snapshot.values(),
        dialog.results.combo("A01"),
    ]
    assert all(f in editors for f in fields)
    normal = dialog.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
    for w in fields:
        assert w.isEnabled(), w.objectName()  # not the pale disabled grey
        assert is_locked(w), w.objectName()
        assert w.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Text) == normal
    # A click on a locked result box does not open it; typing into the conclusion does nothing.
    combo = dialog.results.combo("A01")
    before = combo.currentIndex()
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    assert not combo.view().isVisible() and combo.currentIndex() == before
    text = dialog.conclusion.toPlainText()
    qtbot.keyClicks(dialog.conclusion, "x")
    assert dialog.conclusion.toPlainText() == text
    # The role column is wide enough for its longest role.
    team = dialog.team.table
    if team.rowCount():
        role = team.cellWidget(0, 1)
        assert team.columnWidth(1) >= role.sizeHint().width()
