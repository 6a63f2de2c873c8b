from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from app.services.layoffs import layoffs
from app.services.negotiation import offers
from app.services.risk import risk_events
from tests.gui import type_text
from tests.pdf_tools import pdf_text
from tests.records import enterprise


def filing_saved(qtbot, tab, eid, staff, explained_on, layoff_on):
    """A layoff filing typed into 新建备案 (staff: total and laid off) and saved."""
    dialog = tab.new_filing(eid)
    qtbot.waitUntil(dialog.isVisible)
    dialog.total_staff.setText(staff[0])
    dialog.laid_off.setText(staff[1])
    dialog.explained_on.set_value(explained_on)
    dialog.layoff_on.set_value(layoff_on)
    assert dialog.save()
    return dialog


def printed(tab, monkeypatch, out, action_name):
    """The first record of the list printed to `out` by the print menu's action."""
    from PySide6.QtGui import QAction

    tab.refresh()
    tab.table.selectRow(0)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    tab.findChild(QAction, action_name).trigger()
    return pdf_text(out)


@pytest.fixture
def eid(window):
    value = enterprise(window.db)
    window.refresh_all()
    return value


def test_new_offer_with_situation_topics_and_clock(qtbot, window, eid):
    tab = window.offers_tab
    dialog = tab.new_offer(eid)
    qtbot.waitUntil(dialog.isVisible)
    dialog.situation.setCurrentIndex(dialog.situation.findData("platform"))
    first = [dialog.topics.item(i).text() for i in range(3)]
    assert first[0].startswith("★ 计件单价") and first[1].startswith("★ 抽成比例")
    dialog.set_topics({"piece_rate", "weather_allowance"})
    dialog.dates["sent_on"].set_value(date(2023, 9, 25))
    dialog.dates["received_on"].set_value(date(2023, 9, 27))
    assert dialog.save()
    texts = [dialog.findings.item(i).text() for i in range(dialog.findings.count())]
    assert any("2023-10-17" in t for t in texts)
    assert tab.model.rowCount() == 1
    row = [tab.model.index(0, c).data() for c in range(tab.model.columnCount())]
    assert (
        row[3] == "平台企业"
        and "计件单价" in row[4]
        and row[6] == "2023-10-17"
        and row[7] == "待答复"
    )
    assert row[8].startswith("答复逾期")  # the reply is long overdue today
    tab.overdue.setChecked(True)
    assert tab.model.rowCount() == 1
    tab.stage.setCurrentIndex(tab.stage.findData("signed"))
    assert tab.model.rowCount() == 0


def test_reply_before_offer_shown_and_nothing_saved(qtbot, window, eid):
    dialog = window.offers_tab.new_offer(eid)
    dialog.set_topics({"g01_pay"})
    dialog.dates["received_on"].set_value(date(2023, 9, 27))
    dialog.dates["replied_on"].set_value(date(2023, 9, 20))
    dialog.reply.setCurrentIndex(dialog.reply.findData("accepted"))
    assert not dialog.save()
    assert "早于" in dialog.errors.text("replied_on") and window.offers_tab.model.rowCount() == 0


def test_impossible_offer_values_are_refused_beside_their_fields(qtbot, window, eid):
    dialog = window.offers_tab.new_offer(eid)
    dialog.set_topics({"g01_pay"})
    dialog.dates["received_on"].set_value(date(2023, 9, 1))
    dialog.dates["replied_on"].set_value(date(2023, 9, 5))  # a reply date, reply 未答复
    dialog.dates["signed_on"].set_value(date(2023, 10, 20))
    type_text(qtbot, dialog.members, "10")
    type_text(qtbot, dialog.attended, "12")
    assert not dialog.save()
    assert "未答复" in dialog.errors.text("reply")
    assert "超过代表总数 10 人" in dialog.errors.text("congress_attended")
    assert window.offers_tab.model.rowCount() == 0
    dialog.reply.setCurrentIndex(dialog.reply.findData("accepted"))
    assert dialog.errors.text("reply") == ""  # fixed: its message goes at once
    dialog.attended.clear()
    type_text(qtbot, dialog.attended, "6")  # fewer than two thirds of 10
    type_text(qtbot, dialog.approved, "6")
    assert "三分之二" not in dialog.errors.text("congress_attended")
    assert "2/3" in dialog.errors.text("congress_attended")
    dialog.attended.clear()
    type_text(qtbot, dialog.attended, "8")
    assert dialog.errors.text("congress_attended") == ""
    assert dialog.save() and window.offers_tab.model.rowCount() == 1


def test_session_with_unequal_sides_is_a_finding(qtbot, window, eid):
    dialog = window.offers_tab.new_offer(eid)
    dialog.set_topics({"g01_pay"})
    dialog.dates["received_on"].set_value(date(2023, 9, 27))
    dialog.session_date.set_value(date(2023, 10, 9))
    dialog.employer_reps.setValue(25)
    dialog.worker_reps.setValue(2)
    type_text(qtbot, dialog.employer_chief, "王总")
    assert dialog.add_session()
    assert dialog.sessions.rowCount() == 1
    bad = [
        dialog.findings.item(i).text()
        for i in range(dialog.findings.count())
        if dialog.findings.item(i).text().startswith("✗")
    ]
    assert any("不相等" in t for t in bad) and any("职工方首席代表 0 名" in t for t in bad)


def test_print_offer_letter(qtbot, window, eid, monkeypatch, tmp_path):
    offers.save(
        window.db,
        offers.OfferInput(
            eid,
            topics=["pay_level", "job_retention"],
            situation="difficult",
            sent_on=date(2023, 9, 25),
        ),
    )
    text = printed(
        window.offers_tab, monkeypatch, tmp_path / "要约书.pdf", "print_offer-letter_pdf"
    )
    assert "集体协商要约书" in text and "调整薪酬水平" in text and "10个工作日内书面答复" in text


def test_layoff_filing_with_people_list(qtbot, window, eid, tmp_path):
    from openpyxl import Workbook

    tab = window.layoffs_tab
    dialog = filing_saved(qtbot, tab, eid, ("190", "19"), date(2023, 3, 2), date(2023, 3, 31))
    texts = [dialog.findings.item(i).text() for i in range(dialog.findings.count())]
    assert any("属于经济性裁员" in t for t in texts) and any("✗ 提前 29 日" in t for t in texts)
    wb = Workbook()
    wb.active.append(["姓名", "身份证号码", "合同类型", "本单位工作年限", "月工资", "特殊情形"])
    wb.active.append(["张丽", "11010519491231002X", "固定期限", 3, 4000, "哺乳期"])
    wb.save(tmp_path / "名单.xlsx")
    dialog.import_people(str(tmp_path / "名单.xlsx"))
    assert dialog.people.rowCount() == 1 and dialog.people.item(0, 1).text() == "110105********002X"
    texts = [dialog.findings.item(i).text() for i in range(dialog.findings.count())]
    assert any("张丽：女职工在孕期" in t for t in texts)
    dialog.people.item(0, 5).setCheckState(Qt.CheckState.Checked)
    pid = layoffs.people(window.db, dialog.filing_id)[0][0]
    assert layoffs.people(window.db, dialog.filing_id)[0][2] == ["assistance"] and pid
    row = [tab.model.index(0, c).data() for c in range(tab.model.columnCount())]
    assert row[5] == "达到" and row[6].startswith("29 日") and row[6].endswith("✗")


def test_more_laid_off_than_staff_is_refused(qtbot, window, eid):
    dialog = window.layoffs_tab.new_filing(eid)
    dialog.total_staff.setText("10")
    dialog.laid_off.setText("12")
    assert not dialog.save() and "超过职工总数" in dialog.errors.text("laid_off")
    assert window.layoffs_tab.model.rowCount() == 0
    dialog.laid_off.setText("2")
    assert dialog.errors.text("laid_off") == ""


def test_reemployment_before_the_layoff_is_refused(qtbot, window, eid):
    dialog = window.layoffs_tab.new_filing(eid)
    dialog.total_staff.setText("100")
    dialog.laid_off.setText("20")
    later = date.today().replace(year=date.today().year + 1)
    dialog.explained_on.set_value(date.today())
    dialog.layoff_on.set_value(later)
    dialog.counts["reemployed"].setValue(5)
    assert not dialog.save()
    assert "还没有到" in dialog.errors.text("reemployed")
    assert window.layoffs_tab.model.rowCount() == 0
    dialog.counts["reemployed"].setValue(0)
    assert dialog.errors.text("reemployed") == ""
    assert dialog.save()


def test_risk_event_from_register_and_close(qtbot, window, eid):
    window.enterprise_tab.table.selectRow(0)
    window.enterprise_tab.risk_button.click()
    tab = window.risk_tab
    assert window.tabs.currentWidget() is tab and tab.enterprise_chip.isVisible()
    dialog = tab.new_event()
    qtbot.waitUntil(dialog.isVisible)
    dialog.people.setText("35")
    dialog.amount.setText("420000")
    dialog.found_on.set_value(date.today() - timedelta(days=3))
    dialog.may_spread.setChecked(True)
    type_text(qtbot, dialog.step_who, "县人社局")
    type_text(qtbot, dialog.step_action, "约谈企业负责人")
    assert dialog.add_step() and dialog.steps.count() == 1
    assert not dialog.close_event() and "处置结果" in dialog.error.text()
    type_text(qtbot, dialog.outcome, "工资已全部发放到位")
    assert dialog.close_event()
    row = [tab.model.index(0, c).data() for c in range(tab.model.columnCount())]
    assert (
        row[2] == "集体讨薪"
        and row[4] == "420,000"
        and row[7] == "是"
        and row[8].startswith("已化解")
    )
    assert risk_events.count(window.db, risk_events.EventFilter(may_spread=True)) == 1


def test_print_layoff_receipt_with_a_chosen_date(qtbot, window, eid, monkeypatch, tmp_path):
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QInputDialog

    from app.services.layoffs import layoffs
    from app.services.layoffs.layoffs import FilingInput

    layoffs.save(
        window.db,
        FilingInput(
            eid,
            total_staff=200,
            laid_off=25,
            explained_on=date(2023, 3, 1),
            layoff_on=date(2023, 4, 10),
            reported_on=date(2023, 3, 10),
        ),
    )
    tab = window.layoffs_tab
    out = tmp_path / "回执.pdf"
    answers = iter([("", True), ("2023-03-13", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    text = printed(tab, monkeypatch, out, "print_layoff-receipt_pdf")
    assert "2023年3月10日第1页" in text  # the day the report was received
    tab.findChild(QAction, "print_layoff-receipt_pdf").trigger()
    assert "2023年3月13日第1页" in pdf_text(out)  # the date chosen when printing


def _headers(tab) -> list[str]:
    model = tab.model
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_tabs_show_their_record_spec_columns(qtbot, window, eid):
    """Each list shows, in order, the columns its record spec declares; a record
    saved through its dialog fills them from the stored record."""
    from app.services.layoffs.layoff_spec import LAYOFF_FILING
    from app.services.negotiation.offer_spec import NEGOTIATION_OFFER
    from app.services.risk.event_spec import MAJOR_RISK_EVENT

    for tab, spec in (
        (window.layoffs_tab, LAYOFF_FILING),
        (window.offers_tab, NEGOTIATION_OFFER),
        (window.risk_tab, MAJOR_RISK_EVENT),
    ):
        assert _headers(tab) == [c.label_zh for c in spec.table_columns]

    dialog = filing_saved(
        qtbot, window.layoffs_tab, eid, ("300", "12"), date(2023, 3, 1), date(2023, 4, 10)
    )
    data, facts = layoffs.get(window.db, dialog.filing_id)
    row = dict(zip(_headers(window.layoffs_tab), cells(window.layoffs_tab), strict=True))
    assert row["企业"] == facts["enterprise"]
    assert row["职工总数"] == str(data.total_staff) and row["拟裁减"] == str(data.laid_off)
    assert row["提前说明"] == f"{(data.layoff_on - data.explained_on).days} 日"
    assert row["第41条标准"] == "未达到"  # 12 of 300: fewer than 20 and under 10%
    assert row["状态"] == "办理中"

    dialog = window.risk_tab.new_event(eid)
    qtbot.waitUntil(dialog.isVisible)
    dialog.people.setText("40")
    dialog.amount.setText("1234567")
    dialog.found_on.set_value(date.today())
    assert dialog.save()
    row = dict(zip(_headers(window.risk_tab), cells(window.risk_tab), strict=True))
    assert row["涉及人数"] == "40" and row["拖欠金额（元）"] == "1,234,567"
    assert row["介入次数"] == "0" and row["可能蔓延"] == "" and row["状态"] == "处置中"


def cells(tab, row: int = 0) -> list[str]:
    return [tab.model.index(row, c).data() for c in range(tab.model.columnCount())]


def test_each_tab_lists_what_its_dialog_edits():
    """A tab of a SpecDialog's type takes the dialog's spec and service; one that names
    its own (the checks, whose dialog is not a SpecDialog) keeps them."""
    from app.services.checks import health_checks
    from app.services.checks.check_spec import HEALTH_CHECK
    from app.services.layoffs.layoff_spec import LAYOFF_FILING
    from app.services.negotiation.offer_spec import NEGOTIATION_OFFER
    from app.services.risk.event_spec import MAJOR_RISK_EVENT
    from app.views.checks.health_check_tab import HealthCheckTab
    from app.views.layoffs.layoffs_tab import LayoffsTab
    from app.views.negotiation.offers_tab import OffersTab
    from app.views.risk.risk_tab import RiskTab

    assert (LayoffsTab.SPEC, LayoffsTab.SERVICE) == (LAYOFF_FILING, layoffs)
    assert (OffersTab.SPEC, OffersTab.SERVICE) == (NEGOTIATION_OFFER, offers)
    assert (RiskTab.SPEC, RiskTab.SERVICE) == (MAJOR_RISK_EVENT, risk_events)
    assert (HealthCheckTab.SPEC, HealthCheckTab.SERVICE) == (HEALTH_CHECK, health_checks)


def test_printing_selected_records_runs_on_the_worker_and_cancel_leaves_no_file(
    qtbot, window, eid, monkeypatch, tmp_path
):
    """The forms of a selection are built and written by the task runner (progress,
    Cancel), not on the GUI thread: a selection may be hundreds of forms."""
    from PySide6.QtGui import QAction

    for sent in (date(2023, 9, 25), date(2023, 9, 26)):
        offers.save(window.db, offers.OfferInput(eid, topics=["pay_level"], sent_on=sent))
    tab = window.offers_tab
    tab.refresh()
    tab.table.selectAll()
    out = tmp_path / "要约书.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    started = []
    monkeypatch.setattr(window.tasks, "start", lambda *args, **_k: started.append(args))
    tab.findChild(QAction, "print_offer-letter_pdf").trigger()
    assert len(started) == 1 and not out.exists()  # nothing written on the GUI thread
    work = started[0][2]()
    next(work)  # the first form built, then Cancel
    work.close()
    assert not list(tmp_path.glob("要约书*"))
    from app.services.core.progress import drain

    assert drain(started[0][2]()) == out
    assert pdf_text(out).count("集体协商要约书") >= 2


def test_the_preview_of_a_selection_is_built_on_the_worker(qtbot, window, eid, monkeypatch):
    """The forms are built by the task runner, and the preview opens on them after."""
    from PySide6.QtGui import QAction

    from app.services.core.progress import drain
    from app.views.printing import actions

    for sent in (date(2023, 9, 25), date(2023, 9, 26)):
        offers.save(window.db, offers.OfferInput(eid, topics=["pay_level"], sent_on=sent))
    tab = window.offers_tab
    tab.refresh()
    tab.table.selectAll()
    started, opened = [], []
    monkeypatch.setattr(window.tasks, "start", lambda *args, **_k: started.append(args))
    monkeypatch.setattr(actions, "preview", lambda _p, title, paint: opened.append(title))
    tab.findChild(QAction, "print_offer-letter_preview").trigger()
    assert len(started) == 1 and opened == []  # nothing built on the GUI thread yet
    _parent, title, work, shown = started[0]
    documents = drain(work())
    assert len(documents) == 2
    shown(documents)
    assert opened == [title]
