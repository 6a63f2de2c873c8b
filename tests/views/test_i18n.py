"""Chinese first, English complete beside it."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLabel, QLineEdit, QMenu

from app import i18n, translations
from app.settings import AppSettings
from app.tasks import SyncTaskRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import i18n_sync  # noqa: E402

HAN = re.compile(r"[\u3400-\u9fff]")


def test_no_translation_is_blank():
    """An empty translation (a numerus form left blank) is not taken: the source shows
    rather than nothing (the register's 新办企业 check box was blank in English)."""
    import xml.etree.ElementTree as ET

    root = ET.parse(translations.english_ts()).getroot()
    blank = [
        m.findtext("source")
        for m in root.iter("message")
        for node in [m.find("translation")]
        if node is not None
        and not "".join(node.itertext()).strip()
        and node.get("type") not in ("obsolete", "vanished")
    ]
    assert blank == []


def test_every_string_in_the_code_has_an_english_translation():
    table = translations.load_ts(translations.english_ts())
    sources = {s for strings in i18n_sync.extract().values() for s in strings}
    missing = sorted(s for s in sources if s not in {src for _ctx, src in table})
    assert missing == [], f"run tools/i18n_sync.py and translate: {missing}"


@pytest.fixture
def english(qapp):
    i18n.install(qapp, "en")
    yield
    i18n.install(qapp, "zh_CN")


def visible_texts(window) -> list[str]:
    texts = [window.windowTitle()]
    for menu in window.menuBar().findChildren(QMenu):
        texts.append(menu.title())
        texts.extend(a.text() for a in menu.actions() if a.text())
    tabs = window.tabs
    texts.extend(tabs.tabText(i) for i in range(tabs.count()))
    for widget in window.findChildren(QAbstractButton):
        texts.append(widget.text())
    for widget in window.findChildren(QLabel):
        if widget.objectName() != "db_label":  # shows the office's own name and the file path
            texts.append(widget.text())
    for widget in window.findChildren(QLineEdit):
        texts.append(widget.placeholderText())
    for combo in window.findChildren(QComboBox):
        texts.extend(combo.itemText(i) for i in range(combo.count()))
    model = window.enterprise_tab.model
    texts.extend(
        str(model.headerData(c, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal))
        for c in range(model.columnCount())
    )
    return [t for t in texts if t]


def test_main_window_in_english_shows_no_chinese(qtbot, db, english, messages):
    from app.views.main_window import MainWindow

    window = MainWindow(db, AppSettings(operator="tester", language="en"), SyncTaskRunner())
    qtbot.addWidget(window)
    from app.i18n import LANGUAGES

    for index in range(window.tabs.count()):  # every tab, built as the user opens it
        window.tabs.setCurrentIndex(index)
    window.tabs.setCurrentIndex(0)

    # A language is offered under its own name (简体中文), as every program does.
    untranslated = [
        t for t in visible_texts(window) if HAN.search(t) and t not in LANGUAGES.values()
    ]
    assert untranslated == []
    assert window.tabs.tabText(0) == "Overview"
    assert window.tabs.tabText(1) == "Enterprise register"


def test_main_window_in_chinese_by_default(qtbot, db, messages):
    from app.views.main_window import MainWindow

    window = MainWindow(db, AppSettings(operator="测试员"), SyncTaskRunner())
    qtbot.addWidget(window)
    assert window.tabs.tabText(0) == "总览"
    assert window.tabs.tabText(1) == "企业名录"
    assert QApplication.translate("MainWindow", "退出") == "退出"


def test_layoff_dialog_choices_in_english(qtbot, db, english):
    """Every choice box of the layoff dialog reads in English in the English window (the
    legal grounds of 第41条 come from resources/rules/layoffs.json's grounds_en)."""
    import re

    from app.views.layoffs.layoff_dialog import LayoffDialog

    dialog = LayoffDialog(db, english=True)  # as the English window opens it (ListTab)
    qtbot.addWidget(dialog)
    grounds = [dialog.ground.itemText(i) for i in range(dialog.ground.count())]
    assert "(2) Serious difficulties in production and operation" in grounds
    chinese = re.compile(r"[\u4e00-\u9fff]")
    for combo in dialog.findChildren(QComboBox):
        for i in range(combo.count()):
            assert not chinese.search(combo.itemText(i)), combo.itemText(i)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_file_dialog_dates_and_buttons_in_the_interface_language(qapp, tmp_path, language):
    """Qt's file dialog dates files yyyy-MM-dd HH:mm in both languages (the system
    locale is often "C": "1 12 2026"), and its buttons follow the interface language."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog, QPushButton, QTreeView

    (tmp_path / "名录.xlsx").write_bytes(b"x")
    i18n.install(qapp, language)
    seen: dict[str, object] = {}

    def look() -> None:
        dialog = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QFileDialog) and w.isVisible()
        )
        view = dialog.findChild(QTreeView)
        model = view.model()
        dialog.setDirectory(str(tmp_path))

        def read() -> None:
            rows = model.rowCount(view.rootIndex())
            if rows == 0:
                QTimer.singleShot(20, read)  # the folder is read in the background
                return
            seen["date"] = model.index(0, 3, view.rootIndex()).data()
            seen["buttons"] = [b.text() for b in dialog.findChildren(QPushButton) if b.text()]
            dialog.reject()

        read()

    try:
        QTimer.singleShot(0, look)
        QFileDialog.getOpenFileName(None, "?", str(tmp_path))
    finally:
        i18n.install(qapp, "zh_CN")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", str(seen["date"])), seen
    cancel = "取消" if language == "zh_CN" else "Cancel"
    assert cancel in seen["buttons"], seen
