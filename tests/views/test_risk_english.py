"""Risk grading in the English window: the reasons a grade gives (stored with their
Chinese text, as printed and sent to the city) are shown in English, and a department
file of another source is refused with what to do in the window (the 数据来源 box), not
the command line's --source."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest

from app.services.register import enterprises
from app.services.risk import risk_grading
from tests import gui
from tests.builders import code, social_xlsx

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def english_window(qtbot, qapp, db, messages) -> Iterator:
    with gui.english_window(qtbot, qapp, db) as window:
        yield window


def test_grade_reasons_are_english_in_the_english_window(qtbot, english_window, tmp_path):
    db = english_window.db
    eid = enterprises.create(
        db, {"name": "汝州市甲公司", "credit_code": code(1), "county_code": "410482"}
    )
    month = f"{date.today():%Y-%m}"
    path = social_xlsx(
        tmp_path / "社保.xlsx", [["汝州市甲公司", code(1), month, "50", "4", "1000"]]
    )
    tab = english_window.grading_tab
    english_window.tabs.setCurrentWidget(tab)
    tab.source.setCurrentIndex(tab.source.findData("social"))
    dialog = tab.import_file(str(path))
    qtbot.waitUntil(lambda: dialog.plan is not None)
    dialog.import_button.click()
    assert tab.visits.rowCount() == 1
    shown = tab.visits.item(0, 3).text()
    assert "Social insurance owed for 3 months or more" in shown and "red line" in shown
    assert f"data for {month}" in shown and not CJK.search(shown), shown
    assert not CJK.search(tab.visits.item(0, 3).toolTip())
    # Stored and printed as before: the Chinese text (a str everywhere but the window).
    stored = risk_grading.enterprise_grade(db, eid)["reasons"]
    assert str(stored[0]) == f"社保欠缴3个月及以上（社保欠费月数 4，{month} 数据）：+40，红线"


def test_another_sources_file_says_what_to_do_in_the_window(qtbot, english_window, tmp_path):
    path = social_xlsx(
        tmp_path / "社保.xlsx", [["汝州市甲公司", code(1), "2023-05", "50", "4", "1000"]]
    )
    tab = english_window.grading_tab
    english_window.tabs.setCurrentWidget(tab)
    tab.source.setCurrentIndex(tab.source.findData("tax"))
    dialog = tab.import_file(str(path))
    qtbot.waitUntil(lambda: "Nothing was imported" in dialog.summary.text())
    text = dialog.summary.text()
    assert "“Social insurance”" in text and "Data source" in text
    assert "--source" not in text and not CJK.search(text), text
    assert not CJK.search(dialog.source_box.currentText())  # the box's names in English too
