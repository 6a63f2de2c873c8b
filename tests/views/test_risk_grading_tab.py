from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QFileDialog

from app.services.core.progress import drain
from app.services.register import enterprises
from app.services.risk import risk_grading
from tests.builders import code, social_xlsx


def test_import_grade_register_and_visit_list(qtbot, window, tmp_path, monkeypatch, messages):
    ids = [
        enterprises.create(window.db, {"name": n, "credit_code": code(i), "county_code": "410482"})
        for i, n in enumerate(("汝州市甲公司", "汝州市乙公司"), start=1)
    ]
    month = f"{date.today():%Y-%m}"
    path = social_xlsx(
        tmp_path / "社保.xlsx",
        [
            ["汝州市甲公司", code(1), month, "50", "4", "1000"],
            ["汝州市乙公司", code(2), month, "50", "0", "0"],
        ],
    )
    tab = window.grading_tab
    window.tabs.setCurrentWidget(tab)  # the visit list is built when the tab is shown
    tab.source.setCurrentIndex(tab.source.findData("social"))
    dialog = tab.import_file(str(path))
    qtbot.waitUntil(lambda: dialog.plan is not None)
    assert "按信用代码匹配 2" in dialog.summary.text()
    dialog.import_button.click()
    assert tab.batches.rowCount() == 1 and "高 1" in tab.summary.text()
    assert tab.visits.rowCount() == 1 and tab.visits.item(0, 0).text().startswith("汝州市甲公司")
    assert "红线" in tab.visits.item(0, 3).text()
    # the whole enterprise name fits: the column is not cut to the default width
    fm = tab.visits.fontMetrics()
    assert tab.visits.columnWidth(0) > fm.horizontalAdvance("汝州市博鑫装饰工程有限公司")
    register = window.enterprise_tab
    register.refresh()
    levels = {
        register.model.index(r, 0).data(): register.model.index(
            r, register.model.columnCount() - 1
        ).data()
        for r in range(register.model.rowCount())
    }
    assert levels["汝州市甲公司"] == "高 ▲"
    register.risk.setCurrentIndex(register.risk.findData("high"))
    assert register.model.rowCount() == 1
    register.risk.setCurrentIndex(register.risk.findData("rose"))
    assert register.model.rowCount() == 1
    out = tmp_path / "visits.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    tab.visit_export.click()
    from openpyxl import load_workbook

    sheet = load_workbook(out).active
    assert sheet["B4"].value == "汝州市甲公司" and sheet["B3"].value == "企业名称"
    assert sheet.oddFooter.center.text == "第 &P 页 共 &N 页" and sheet["B4"].font.name == "宋体"
    # The row holds its reasons: one line each at least.
    assert sheet.row_dimensions[4].height >= 13 * sheet["J4"].value.count("\n") + 13
    tab.batches.selectRow(0)
    tab.rollback_button.click()
    assert tab.batches.item(0, 7).text() == "已撤回" and tab.visits.rowCount() == 0
    assert risk_grading.enterprise_grade(window.db, ids[0])["level"] == "low"


def test_wrong_source_explained(qtbot, window, tmp_path):
    path = social_xlsx(
        tmp_path / "社保.xlsx", [["汝州市甲公司", code(1), "2023-05", "50", "4", "1000"]]
    )
    tab = window.grading_tab
    window.tabs.setCurrentWidget(tab)  # the visit list is built when the tab is shown
    tab.source.setCurrentIndex(tab.source.findData("tax"))
    dialog = tab.import_file(str(path))
    qtbot.waitUntil(lambda: "无法导入" in dialog.summary.text())
    text = dialog.summary.text()
    # What to do in the window's terms (the box above), not the command line's flag.
    assert "社保" in text and "“数据来源”中改选" in text and "--source" not in text


def test_recheck_after_a_refused_file_reads_it_again_with_the_chosen_source(
    qtbot, window, tmp_path
):
    """Refused as the wrong source, nothing was read into the column table; the
    source changed and 按新的对应关系重新检查 pressed must read the file again, not
    check an empty column choice (it said 没有找到企业名称或统一社会信用代码列)."""
    enterprises.create(
        window.db, {"name": "汝州市甲公司", "credit_code": code(1), "county_code": "410482"}
    )
    path = social_xlsx(
        tmp_path / "社保.xlsx", [["汝州市甲公司", code(1), "2023-05", "50", "4", "1000"]]
    )
    tab = window.grading_tab
    window.tabs.setCurrentWidget(tab)
    tab.source.setCurrentIndex(tab.source.findData("tax"))
    dialog = tab.import_file(str(path))
    qtbot.waitUntil(lambda: "无法导入" in dialog.summary.text())
    dialog.source_box.setCurrentIndex(dialog.source_box.findData("social"))
    dialog.recheck_button.click()
    qtbot.waitUntil(lambda: dialog.plan is not None)
    assert "按信用代码匹配 1" in dialog.summary.text() and dialog.import_button.isEnabled()


def test_rules_dialog_refuses_a_bad_file(qtbot, window):
    dialog = window.grading_tab.edit_rules()
    dialog.text.setPlainText('{"levels": {"high": 10, "medium": 30}, "rules": []}')
    assert not dialog.save() and "0 < 中 < 高" in dialog.error.text()
    from app.services.risk import risk_rules

    dialog.text.setPlainText(risk_rules.default_text().replace('"high": 60', '"high": 50'))
    assert dialog.save()
    assert risk_rules.load(window.db).high == 50
    drain(risk_grading.grade(window.db))


def test_a_city_wide_file_lists_its_unmatched_rows_without_holding_them(
    qtbot, window, tmp_path, monkeypatch
):
    """A department's whole-city file given to a county: the preview shows the first
    3,000 lines (read as shown), the batch list does not read the unmatched rows, and
    导出未匹配名单 saves every one of them."""
    from openpyxl import load_workbook

    from app.services.risk import risk_import

    enterprises.create(
        window.db, {"name": "汝州市甲公司", "credit_code": code(1), "county_code": "410482"}
    )
    month = f"{date.today():%Y-%m}"
    rows = [["汝州市甲公司", code(1), month, "50", "4", "1000"]]
    rows += [[f"外县第{n}公司", code(n, "410421"), month, "9", "0", "0"] for n in range(2, 3102)]
    path = social_xlsx(tmp_path / "全市社保.xlsx", rows)
    tab = window.grading_tab
    window.tabs.setCurrentWidget(tab)
    tab.source.setCurrentIndex(tab.source.findData("social"))
    dialog = tab.import_file(str(path))
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=20_000)
    assert "未匹配 3100" in dialog.summary.text()
    assert dialog.problems.rowCount() == 3000
    assert dialog.problems.item(2999, 1).text().startswith("未匹配到企业：外县第")
    dialog.import_button.click()
    qtbot.waitUntil(lambda: tab.batches.rowCount() == 1, timeout=20_000)
    assert "unmatched_json" not in risk_import.batches(window.db)[0]
    assert tab.batches.item(0, 6).text() == "3100"
    tab.batches.selectRow(0)
    out = tmp_path / "未匹配.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    tab.export_unmatched()
    saved = list(load_workbook(out).active.values)
    assert len(saved) == 3101 and saved[1][1] == "外县第2公司" and saved[-1][0] == 3104
    # Beyond UNMATCHED_KEPT the batch keeps the first rows and says how to list the rest.
    from app.services.risk import risk_batches

    monkeypatch.setattr(risk_batches, "UNMATCHED_KEPT", 3000)
    drain(risk_import.rollback(window.db, risk_import.batches(window.db)[0]["id"]))
    plan = drain(risk_import.plan_import(window.db, path, "social"))
    batch = drain(risk_import.apply_import(window.db, plan))
    risk_import.save_unmatched(window.db, batch, out)
    saved = [r for r in load_workbook(out).active.values if any(r)]
    assert len(saved) == 3002 and saved[3000][0] == 3004  # rows 5 to 3004
    assert (
        saved[-1][0].startswith("另有 100 行未匹配，批次只保存了前 3000 行")
        and "--dry-run --json" in saved[-1][0]
    )
