"""总览, 指导服务, the campaign and report dialogs, driven through their widgets."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from app.services.campaign import campaigns, guidance
from app.services.ledger import ledger
from app.services.register import enterprises
from tests.gui import type_text


@pytest.fixture
def demo_window(qtbot, city_db, messages):
    from app.services.core.progress import drain
    from app.services.demo import demo
    from app.settings import AppSettings
    from app.tasks import SyncTaskRunner
    from app.views.main_window import MainWindow

    drain(demo.generate(city_db, enterprises=150, seed=5, today=date.today()))
    w = MainWindow(city_db, AppSettings(operator="测试员"), SyncTaskRunner())
    qtbot.addWidget(w)
    w.resize(1400, 1000)
    w.show()
    return w


def test_overview_is_first_and_bars_open_the_matching_list(qtbot, demo_window):
    w = demo_window
    assert w.tabs.tabText(0) == "总览" and w.tabs.currentWidget() is w.dashboard
    s = w.dashboard.stats
    assert s is not None and w.dashboard.tiles["checks"].text().startswith(
        f"本期体检 {sum(s.checks.values())} 次"
    )
    chart = w.dashboard.ledger_chart
    w.dashboard.scroll.ensureWidgetVisible(chart)
    qtbot.wait(10)
    county = max(s.counties, key=lambda c: s.ledger[c]["closed"])
    point = chart.centre_of(county, "closed")
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=point.toPoint())
    assert w.tabs.currentWidget() is w.ledger_tab
    assert w.ledger_tab.model.rowCount() == s.ledger[county]["closed"]
    assert w.ledger_tab.preset_chip.isVisible() and "已销号" in w.ledger_tab.preset_chip.text()
    qtbot.mouseClick(w.ledger_tab.preset_chip, Qt.MouseButton.LeftButton)
    assert not w.ledger_tab.preset_chip.isVisible()
    assert w.ledger_tab.model.rowCount() == ledger.count(w.db, w.ledger_tab.filter)


def test_tiles_and_risk_bars_click_through(qtbot, demo_window):
    w = demo_window
    s = w.dashboard.stats
    qtbot.mouseClick(w.dashboard.tiles["guidance"], Qt.MouseButton.LeftButton)
    assert w.tabs.currentWidget() is w.guidance_tab
    assert w.guidance_tab.activities.model.rowCount() == s.total(s.guidance_by_kind, "activities")
    w.tabs.setCurrentWidget(w.dashboard)
    county = max(s.counties, key=lambda c: s.risk[c]["high"])
    chart = w.dashboard.risk_chart
    w.dashboard.scroll.ensureWidgetVisible(chart)
    qtbot.wait(10)
    qtbot.mouseClick(
        chart, Qt.MouseButton.LeftButton, pos=chart.centre_of(county, "high").toPoint()
    )
    assert w.tabs.currentWidget() is w.enterprise_tab
    assert w.enterprise_tab.model.rowCount() == s.risk[county]["high"]
    qtbot.mouseClick(w.dashboard.tiles["checks"], Qt.MouseButton.LeftButton)
    assert w.check_tab.model.rowCount() == sum(s.checks.values())


def test_charts_export_as_png(qtbot, demo_window, tmp_path):
    from PySide6.QtGui import QImage

    written = demo_window.dashboard.export_charts(tmp_path)
    assert len(written) == len(demo_window.dashboard.charts)
    image = QImage(str(written[1]))
    assert image.width() > 400
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 7)
    }
    assert "#3b6fb6" in colours  # the bars are drawn, not a blank picture


def test_no_campaign_says_what_to_do(qtbot, window):
    assert window.dashboard.empty.isVisible() and not window.dashboard.scroll.isVisible()
    assert "新建本年度的专项行动" in window.dashboard.empty.text()
    assert window.write_report() is None  # no campaign: the report says to create one first
    qtbot.mouseClick(window.dashboard.create_button, Qt.MouseButton.LeftButton)
    assert window._campaign_dialog.isVisible()
    assert window._campaign_dialog.name.text().startswith(f"{date.today().year}年劳动用工")
    assert window.dashboard.scroll.isVisible() and not window.dashboard.empty.isVisible()


def test_campaign_dialog_new_edit_and_wrong_dates(qtbot, window):
    dialog = window.edit_campaigns()
    new_id = dialog.new_from_template(2023)
    assert dialog.name.text().startswith("2023年劳动用工")
    assert dialog.phases.rowCount() == 4 and dialog.targets.rowCount() == 1
    dialog.targets.item(0, 1).setText("30")
    dialog.starts_on.setText("2023-12-01")  # after the end
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "填反" in dialog.error.text()
    assert campaigns.get(window.db, new_id).starts_on == date(2023, 6, 15)  # nothing saved
    dialog.starts_on.setText("2023-6-15")
    dialog.phases.item(0, 1).setText("六月中旬")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "无法识别" in dialog.error.text()
    dialog.phases.item(0, 1).setText("2023-06-16")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = campaigns.get(window.db, new_id)
    assert saved.targets == {"410482": 30} and saved.phases[0].start == date(2023, 6, 16)
    assert window.dashboard.campaign.currentData() == new_id  # the dashboard followed


def test_guidance_activity_dialog(qtbot, window, monkeypatch, tmp_path):  # noqa: F811
    from tests.records import enterprise

    eid = enterprise(window.db)
    campaign_id = campaigns.save(window.db, campaigns.load_template())
    window.guidance_tab.refresh()
    lst = window.guidance_tab.activities
    dialog = lst.new_activity()
    editors = dialog.form.editors
    type_text(qtbot, editors["title"], "送法进企业活动")
    editors["held_on"].setText("2023-08-01")
    editors["kind"].setCurrentIndex(editors["kind"].findData("law_into_enterprise"))
    editors["people_reached"].setText("abc")
    dialog.add_enterprise(eid)
    photo = tmp_path / "现场.jpg"
    photo.write_bytes(b"\xff\xd8\xff photo")
    dialog.files_box.add_path(photo)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.errors.text("people_reached")  # not a number: nothing saved
    assert guidance.count_activities(window.db, guidance.ActivityFilter()) == 0
    editors["people_reached"].setText("80")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert lst.model.rowCount() == 1
    values, reached, files = guidance.activity(window.db, dialog.record_id)
    assert values["campaign_id"] == campaign_id and [e.id for e in reached] == [eid]
    assert files[0]["file_name"] == "现场.jpg"


def test_report_dialog_writes_and_keeps_the_narrative(qtbot, window, counted, tmp_path):  # noqa: F811
    window.dashboard.refresh()
    dialog = window.write_report()
    draft = dialog.editors["risk"].toPlainText()
    assert "体检企业2家" in draft  # a draft written from the data, to edit and keep
    dialog.editors["risk"].clear()
    type_text(qtbot, dialog.editors["risk"], "组建体检小分队")
    dialog.issued_on.setText("十二月")
    dialog.write(tmp_path / "总结.docx")
    assert "无法识别" in dialog.error.text() and not (tmp_path / "总结.docx").exists()
    dialog.issued_on.setText("2023-12-01")
    dialog.write(tmp_path / "总结.docx")
    assert (tmp_path / "总结.docx").exists() and (tmp_path / "总结-统计表.xlsx").exists()
    from app.services.campaign import campaign_report

    kept = campaign_report.get(window.db, counted[0])
    assert kept.narratives["risk"] == "组建体检小分队" and kept.issued_on == date(2023, 12, 1)
    assert kept.narratives["plans"].startswith("一是持续跟踪")  # the drafts kept too
    dialog.sections.setCurrentIndex(1)
    qtbot.mouseClick(dialog.redraft_button, Qt.MouseButton.LeftButton)
    assert dialog.editors["risk"].toPlainText() == draft


def test_check_list_filters_by_campaign(qtbot, window, counted):  # noqa: F811
    window.check_tab.refresh()
    combo = window.check_tab.campaign
    assert combo.count() == 2
    combo.setCurrentIndex(1)
    combo.activated.emit(1)
    assert window.check_tab.use_dates.isChecked()
    # The third enterprise's final check is after the campaign; its draft is in it.
    assert window.check_tab.model.rowCount() == 3
    status = window.check_tab.status
    status.setCurrentIndex(status.findData("final"))
    assert window.check_tab.model.rowCount() == 2  # what the overview counts
    status.setCurrentIndex(status.findData("draft"))
    assert window.check_tab.model.rowCount() == 1


def test_city_quotes_a_county_narrative(qtbot, pair, tmp_path):
    from app.services.campaign import campaign_report
    from app.services.campaign.campaign_report import ReportInput
    from app.services.sync import bundle
    from app.tasks import SyncTaskRunner
    from app.views.campaign.report_dialog import ReportDialog

    county, city, cpriv, ypriv = pair
    county_campaign = campaigns.save(county, campaigns.load_template())
    campaign_report.save(
        county,
        county_campaign,
        ReportInput(title="汝州市总结", narratives={"screening": "组建三支体检小分队。"}),
    )
    bundle.export(county, "410400", tmp_path / "out", cpriv)
    bundle.import_paths(city, [tmp_path / "out"], ypriv)
    city_campaign = campaigns.save(city, campaigns.load_template())
    received = campaign_report.received(city, city_campaign)
    assert [(r.office_code, r.office_name) for r in received] == [("410482", "汝州市")]
    assert campaign_report.get(city, city_campaign).narratives == {}  # the city's own stays its own
    dialog = ReportDialog(city, SyncTaskRunner(), city_campaign)
    qtbot.addWidget(dialog)
    assert not dialog.quote_box.isHidden()
    dialog.sections.setCurrentIndex(1)  # 查风险 (the county saved it as 强化风险摸排)
    qtbot.mouseClick(dialog.quote_button, Qt.MouseButton.LeftButton)
    assert dialog.editors["risk"].toPlainText().endswith("\n汝州市：组建三支体检小分队。")
    dialog.sections.setCurrentIndex(2)
    assert dialog.quote() is False and "没有填写" in dialog.error.text()


def test_progress_chart_counts_enterprises_as_the_plan_and_the_annex(
    qtbot,
    window,
    counted,  # noqa: F811
):
    """The plan is 家: an enterprise checked twice is one bar unit, as the annex's
    已体检 column counts it (the tile counts 次, and says so)."""
    from app.services.campaign import campaign_stats, report_tables
    from app.services.checks import health_checks
    from tests.records import filled

    campaign_id, a, _b, _c = counted
    health_checks.create(window.db, filled(window.db, a, date(2023, 9, 10), ()), final=True)
    window.dashboard.refresh()
    s = window.dashboard.stats
    assert window.dashboard.checks_chart.values["410482"]["checks"] == 2  # a and b
    annex = campaign_stats.collect(window.db, campaign_id)
    assert report_tables.county_table(annex).rows[-1][2] == "2"
    assert window.dashboard.tiles["checks"].text().startswith("本期体检 3 次") and s.checks == {
        "410482": 3
    }


def test_overview_counts_off_the_gui_thread(qtbot, db, counted):  # noqa: F811
    from app.tasks import TaskRunner
    from app.views.campaign.dashboard_tab import DashboardTab

    tasks = TaskRunner()
    tab = DashboardTab(db, tasks)
    qtbot.addWidget(tab)
    assert tab.campaign.currentData() == counted[0]
    qtbot.waitUntil(lambda: tab.stats is not None, timeout=10000)
    assert tab.tiles["checks"].text().startswith("本期体检 2 次")
    tasks.wait_all()


def test_phases_open_what_was_done_in_them(qtbot, demo_window):
    w = demo_window
    timeline = w.dashboard.timeline
    w.dashboard.scroll.ensureWidgetVisible(timeline)
    qtbot.wait(10)
    qtbot.mouseClick(
        timeline, Qt.MouseButton.LeftButton, pos=timeline.centre_of("offers", "phase").toPoint()
    )
    assert (
        w.tabs.currentWidget() is w.offers_tab and "突出协商要约" in w.offers_tab.preset_chip.text()
    )
    phase = next(p for p in w.dashboard.stats.campaign.phases if p.key == "offers")
    from app.services.negotiation import offers as offer_service
    from app.services.negotiation.offers import OfferFilter

    expected = offer_service.count(w.db, OfferFilter(date_from=phase.start, date_to=phase.end))
    assert w.offers_tab.model.rowCount() == expected
    w.tabs.setCurrentWidget(w.dashboard)
    qtbot.mouseClick(
        timeline, Qt.MouseButton.LeftButton, pos=timeline.centre_of("guidance", "phase").toPoint()
    )
    assert w.tabs.currentWidget() is w.guidance_tab


def test_offer_tile_counts_contracts_as_the_records_do(qtbot, demo_window):
    """The tile's figures, counted again with plain SQL: offers by the offer's date,
    contracts by the day they were signed, both in the campaign's period."""
    import sqlite3
    from datetime import timedelta

    from app.services.negotiation import offers
    from app.services.negotiation.offers import OfferInput

    w = demo_window
    period = w.dashboard.stats.period
    eids = [r[0] for r in enterprises.page(w.db, enterprises.EnterpriseFilter(), limit=2)]
    for eid in eids:  # offered before the campaign, signed during it
        offers.save(
            w.db,
            OfferInput(
                eid,
                topics=["g01_pay"],
                sent_on=period.start - timedelta(days=40),
                received_on=period.start - timedelta(days=38),
                replied_on=period.start - timedelta(days=30),
                reply="accepted",
                signed_on=period.start + timedelta(days=5),
            ),
        )
    w.dashboard.refresh()
    con = sqlite3.connect(w.db.path)
    made, signed = con.execute(
        "SELECT sum(coalesce(received_on, sent_on) BETWEEN :a AND :b),"
        " sum(signed_on BETWEEN :a AND :b) FROM negotiation_offer WHERE deleted = 0",
        {"a": period.start.isoformat(), "b": period.end.isoformat()},
    ).fetchone()
    con.close()
    assert signed and signed > 1
    assert w.dashboard.tiles["offers"].text() == f"本期要约 {made} 份\n签订集体合同 {signed} 份"


def test_each_tile_says_what_it_counts_and_opens_a_list_that_long(qtbot, demo_window):
    """Issue 19: a card's first number is the length of the list its click opens (the
    campaign's period marked 本期, current totals 全部), and the period's checks and
    rectification items are counted again from the records with plain SQL."""
    import re
    import sqlite3

    w = demo_window
    period = w.dashboard.stats.period
    lists = {
        "checks": lambda: w.check_tab.model.rowCount(),
        "ledger": lambda: w.ledger_tab.model.rowCount(),
        "offers": lambda: w.offers_tab.model.rowCount(),
        "layoffs": lambda: w.layoffs_tab.model.rowCount(),
        "events": lambda: w.risk_tab.model.rowCount(),
        "risk": lambda: w.enterprise_tab.model.rowCount(),
    }
    shown = {}
    for key, rows in lists.items():
        w.tabs.setCurrentWidget(w.dashboard)
        tile = w.dashboard.tiles[key]
        assert "本期" in tile.text() or "全部" in tile.text(), tile.text()
        shown[key] = int(re.search(r"\d+", tile.text()).group())
        qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
        assert rows() == shown[key], (key, tile.text(), rows())
    con = sqlite3.connect(w.db.path)
    span = {"a": period.start.isoformat(), "b": period.end.isoformat()}
    checks, every_check = con.execute(
        "SELECT count(CASE WHEN status = 'final' THEN 1 END), count(*) FROM health_check"
        " WHERE deleted = 0 AND check_date BETWEEN :a AND :b",
        span,
    ).fetchone()
    found = con.execute(
        "SELECT count(*) FROM rectification_item WHERE deleted = 0 AND found_on BETWEEN :a AND :b",
        span,
    ).fetchone()[0]
    every_item = con.execute(
        "SELECT count(*) FROM rectification_item WHERE deleted = 0"
    ).fetchone()[0]
    con.close()
    assert (shown["checks"], shown["ledger"]) == (checks, found) and found > 0
    assert every_check > checks  # the demo's drafts are in the period, and not counted
    # The status bar counts every item (全部), which the period's card need not equal.
    assert f"整改事项 {every_item} 条" in w.counts_label.text()


def test_campaign_list_shows_a_long_name_and_its_current_mark_whole(qtbot, window):
    campaigns.set_current(window.db, campaigns.save(window.db, campaigns.load_template()))
    dialog = window.edit_campaigns()
    qtbot.waitUntil(dialog.isVisible)
    item = dialog.list.item(0)
    assert item.text().endswith("（当前）")
    rect = dialog.list.visualItemRect(item)
    # Wrapped inside the list (it ran off the right edge, the mark out of sight).
    assert rect.right() <= dialog.list.viewport().width()
    assert rect.height() > dialog.list.fontMetrics().height() * 1.5
