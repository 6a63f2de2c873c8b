"""文件 → 导入扫描件…: the review window driven as a coordinator would."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel
from sqlalchemy import func, select

from app.models import CheckResult, HealthCheck, ScannedPage
from app.models.db import open_database
from app.settings import AppSettings
from app.tasks import SyncTaskRunner
from tests import scan_builders as sb
from tests.gui import type_text


@pytest.fixture
def scan_window(qtbot, printed, tmp_path, messages, monkeypatch):  # noqa: F811
    from app.views.main_window import MainWindow

    folder, forms, scans = printed
    shutil.copy(folder / "county.sqlite3", tmp_path / "county.sqlite3")
    db = open_database(tmp_path / "county.sqlite3", operator="测试员")
    paths = [str(sb.save(img, tmp_path / f"p{n}.jpg")) for n, (img, *_r) in enumerate(scans)]
    (tmp_path / "junk.png").write_bytes(b"junk")
    paths.append(str(tmp_path / "junk.png"))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (paths, ""))
    window = MainWindow(db, AppSettings(operator="测试员"), SyncTaskRunner())
    qtbot.addWidget(window)
    window.show()
    yield window, forms, scans
    db.close()


def count(db, model, *where):
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def test_review_unclear_first_then_save_a_draft_check(qtbot, scan_window):
    window, forms, scans = scan_window
    assert window.import_scans_action.text() == "导入扫描件…"
    window.import_scans_action.trigger()
    dialog = window.scan_review
    assert dialog.forms.count() == len(forms)
    assert dialog.set_aside.count() == 1 and "junk.png" in dialog.set_aside.item(0).text()
    assert count(window.db, HealthCheck) == 0  # reading wrote nothing

    row = next(n for n, f in enumerate(dialog.batch.forms) if f.info.form_id == forms[0][0])
    dialog.forms.setCurrentRow(row)
    review = dialog.review(row)
    table = review.table
    unclear = [i.code for i in table.items if i.unclear]
    truth_unclear = {c for _i, f, _n, t in scans if f == forms[0][0]
                     for c, v in t.items.items() if v == "unclear"}  # fmt: skip
    assert set(unclear) == truth_unclear and unclear
    assert [table.item(r, 1).text() for r in range(len(unclear))] == unclear  # unclear first
    picture = table.cellWidget(0, 3)
    assert isinstance(picture, QLabel) and not picture.pixmap().isNull()  # its cut-out beside it
    for name in ("check_date", "staff_count", "team:劳动关系协调员"):  # handwriting to type
        assert not review.fields.findChild(QLabel, f"cut_{name}").pixmap().isNull()

    type_text(qtbot, review.fields.inputs["check_date"], "2023-07-20")
    type_text(qtbot, review.fields.inputs["staff_count"], "120")
    type_text(qtbot, review.fields.inputs["team:劳动关系协调员"], "张三、李四")
    qtbot.mouseClick(review.draft_button, Qt.MouseButton.LeftButton)
    assert "未核对" in review.error.text() and count(window.db, HealthCheck) == 0

    first, *rest = unclear
    table.set_reading(first, "noncompliant")  # a correction ticks 已核对 by itself
    for code in rest:
        table.set_reading(code, "compliant")
    assert table.not_confirmed() == []
    qtbot.mouseClick(review.draft_button, Qt.MouseButton.LeftButton)
    assert review.error.text() == ""
    check_id = review.result.check_id
    with window.db.session() as s:
        check = s.get(HealthCheck, check_id)
        assert check.status == "draft" and check.staff_count == 120
        assert "张三" in check.team_json and "李四" in check.team_json
        results = dict(
            s.execute(
                select(CheckResult.item_code, CheckResult.result).where(
                    CheckResult.check_id == check_id
                )
            ).all()
        )
    assert results[first] == "noncompliant"
    assert all(results[c] == "compliant" for c in rest)
    assert count(window.db, ScannedPage, ScannedPage.check_id == check_id) == len(
        forms[0][1]["pages"]
    )
    assert "已保存" in dialog.forms.item(row).text() and not review.isEnabled()


def test_bad_numbers_and_a_missing_date_are_shown_and_nothing_saved(qtbot, scan_window):
    window, forms, _scans = scan_window
    window.import_scans([])  # no files chosen… then the dialog gives them
    review = window.scan_review.review(0)
    for code in [i.code for i in review.table.items if i.unclear]:
        review.table.set_reading(code, "compliant")
    type_text(qtbot, review.fields.inputs["staff_count"], "abc")
    qtbot.mouseClick(review.final_button, Qt.MouseButton.LeftButton)
    assert "职工人数" in review.error.text()
    review.fields.inputs["staff_count"].clear()
    qtbot.mouseClick(review.final_button, Qt.MouseButton.LeftButton)
    assert "体检日期" in review.error.text()
    assert count(window.db, HealthCheck) == 0


def test_closing_the_review_asks_while_a_form_has_unsaved_corrections(
    qtbot, scan_window, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    from tests.gui import answer_questions

    window, _forms, _scans = scan_window
    asked = answer_questions(monkeypatch, QMessageBox.StandardButton.No)
    window.import_scans_action.trigger()
    dialog = window.scan_review
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and asked == []  # only read, nothing corrected: closes
    window.import_scans_action.trigger()
    dialog = window.scan_review
    review = dialog.review(0)
    type_text(qtbot, review.fields.inputs["check_date"], "2023-07-20")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == ["放弃未保存的修改？"] and dialog.isVisible()
    assert review.fields.inputs["check_date"].text() == "2023-07-20"
