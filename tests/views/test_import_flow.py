from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFileDialog

from tests.builders import code, messy_enterprise_xlsx


def test_import_from_menu_preview_then_import(qtbot, window, tmp_path, monkeypatch):
    path = messy_enterprise_xlsx(tmp_path / "名单.xlsx")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    dialog = window.import_enterprises()
    qtbot.waitUntil(lambda: dialog.plan is not None)
    assert dialog.sheet.currentText() == "企业名单"
    assert "新增 4" in dialog.summary.text() and "跳过 2" in dialog.summary.text()
    assert dialog.problem_table.rowCount() == 3
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    assert dialog.result_summary["added"] == 4
    assert window.enterprise_tab.model.rowCount() == 4
    assert "企业 4 家" in window.counts_label.text()


def test_changing_the_mapping_and_rechecking(qtbot, window, tmp_path, monkeypatch):
    path = tmp_path / "m.csv"
    path.write_text(f"企业名称,统一社会信用代码,备用列\n甲,{code(1)},王伟\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    dialog = window.import_enterprises()
    qtbot.waitUntil(lambda: dialog.plan is not None)
    combo = dialog.mapping.cellWidget(2, 1)
    assert isinstance(combo, QComboBox) and combo.currentData() == ""
    combo.setCurrentIndex(combo.findData("contact_person"))
    dialog.recheck_button.click()
    assert dialog.plan.mapping[2] == "contact_person"
    dialog.import_button.click()
    from app.services.register import enterprises

    eid = window.enterprise_tab.model.row_id(0)
    assert enterprises.get(window.db, eid)["contact_person"] == "王伟"


def test_unreadable_file_is_explained_and_nothing_imported(qtbot, window, tmp_path, monkeypatch):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    dialog = window.import_enterprises()
    qtbot.waitUntil(lambda: "密码" in dialog.summary.text())
    assert not dialog.import_button.isEnabled()
    dialog.import_button.click()  # a disabled button: a click must do nothing
    dialog.close()
    from app.services.register import enterprises
    from app.services.register.enterprises import EnterpriseFilter

    assert enterprises.count(window.db, EnterpriseFilter()) == 0
    with window.db.reader() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM enterprise").scalar() == 0
        assert (
            conn.exec_driver_sql(
                "SELECT count(*) FROM audit_log WHERE record_type = 'enterprise'"
            ).scalar()
            == 0
        )


def test_save_problem_list(qtbot, window, tmp_path, monkeypatch):
    path = messy_enterprise_xlsx(tmp_path / "名单.xlsx")
    out = tmp_path / "问题.xlsx"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    dialog = window.import_enterprises()
    qtbot.waitUntil(lambda: dialog.plan is not None)
    dialog.save_problems_button.click()
    from openpyxl import load_workbook

    saved = list(load_workbook(out, read_only=True)["导入问题"].iter_rows(values_only=True))
    assert saved[0][:3] == ("行号", "处理", "原因")
    problems = saved[1:]
    assert len(problems) == dialog.problem_table.rowCount() == 3
    assert sum(row[1] == "已跳过" for row in problems) == 2  # as the summary said: 跳过 2
    # The rows of the spreadsheet the list names: 8 (a lower-case code, imported),
    # 10 (a wrong check digit, skipped, given as typed) and 11 (the totals row).
    source = load_workbook(path, read_only=True)["企业名单"]
    typed = dict(enumerate(source.iter_rows(values_only=True), start=1))
    assert [row[0] for row in problems] == [8, 10, 11]
    assert typed[8][2] == code(3).lower() and "小写" in problems[0][2]
    assert problems[0][1] == "已导入（提示）"
    assert problems[1][1] == "已跳过" and "校验位" in problems[1][2]
    assert [str(c) for c in problems[1][3:]] == [str(c) for c in typed[10]]  # as typed
    assert typed[11][0] == "合计" and "合计" in problems[2][2]


def test_cancelled_file_choice_does_nothing(qtbot, window, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    assert window.import_enterprises() is None


def test_each_import_preview_checks_its_own_file():
    """The register's and the shared data's imports share ImportPreview, whose check()
    is left to each (app/views/common/import_preview.py)."""
    from app.views.common.import_preview import ImportPreview
    from app.views.register.import_dialog import ImportDialog
    from app.views.risk.risk_import_dialog import RiskImportDialog

    for dialog_type in (ImportDialog, RiskImportDialog):
        assert callable(dialog_type.check), dialog_type.__name__
    assert not hasattr(ImportPreview, "check")  # each its own: no base to fall back on


def _refused_for(qtbot, window, path, monkeypatch) -> str:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    dialog = window.import_enterprises()
    qtbot.waitUntil(lambda: dialog.summary.text().startswith(("无法导入", "Cannot import")))
    return dialog.summary.text()


def test_a_file_that_is_no_spreadsheet_says_what_to_do_without_the_readers_words(
    qtbot, window, tmp_path, monkeypatch, caplog
):
    """The reader's own words ("Cannot detect file format") stay out of the message,
    in the log instead; the message says what to do."""
    import logging

    path = tmp_path / "名单.xls"
    path.write_bytes(b"%PDF-1.4 a scanned list, not a spreadsheet")
    with caplog.at_level(logging.INFO, logger="app.services.core.sheet_files"):
        text = _refused_for(qtbot, window, path, monkeypatch)
    assert "“名单.xls”" in text and "另存为 .xlsx" in text and "重新发送" in text
    assert "Cannot" not in text and "format" not in text.lower(), text
    assert any("名单.xls" in r.getMessage() for r in caplog.records)  # the detail, logged


def test_the_english_window_says_it_in_english(qtbot, qapp, db, messages, tmp_path, monkeypatch):
    import re

    from app import i18n
    from app.settings import AppSettings
    from app.tasks import SyncTaskRunner
    from app.views.main_window import MainWindow

    path = tmp_path / "list.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    i18n.install(qapp, "en")
    try:
        window = MainWindow(db, AppSettings(operator="tester", language="en"), SyncTaskRunner())
        qtbot.addWidget(window)
        window.show()
        text = _refused_for(qtbot, window, path, monkeypatch)
    finally:
        i18n.install(qapp, "zh_CN")
    assert "“list.xlsx”" in text and "save it as .xlsx" in text
    assert not re.search(r"[\u4e00-\u9fff]", text), text
