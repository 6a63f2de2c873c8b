"""The English window walked as a user walks it (issue 19): every tab, every menu item,
every button of every tab and of the dialogs they open, the message boxes and file
dialogs these raise — and no Chinese interface text anywhere. Record data (enterprise
names, addresses, the checklist's items, the campaign's phases) is told apart by
reading every text the database holds (tests/views/interface_text.py)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app import i18n
from app.settings import AppSettings
from app.tasks import SyncTaskRunner
from tests.views.interface_text import DataWords, interface_texts
from tests.views.window_walk import Walker

TABS = ("dashboard", "enterprise", "check", "ledger", "offers", "layoffs", "grading", "risk")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory, empty_database_file: Path) -> Path:
    """A county's demo data (every kind of record), made once for the module."""
    from app.services.core import office
    from app.services.core.progress import drain
    from app.services.demo import demo
    from tests.conftest import open_copy

    path = tmp_path_factory.mktemp("walk") / "demo.sqlite3"
    database = open_copy(empty_database_file, path, operator="测试员")
    office.configure(database, "410402", level="county")
    drain(demo.generate(database, enterprises=60, seed=3))
    database.close()
    return path


@pytest.fixture
def english_window(qtbot, qapp, demo_file: Path, tmp_path: Path) -> Iterator[tuple]:
    from app.models.db import open_database
    from app.views.main_window import MainWindow

    path = tmp_path / "walk.sqlite3"
    shutil.copyfile(demo_file, path)
    i18n.install(qapp, "en")
    database = open_database(path, operator="测试员")
    window = MainWindow(database, AppSettings(operator="tester", language="en"), SyncTaskRunner())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    try:
        yield window, DataWords(path)
    finally:
        window.close()
        database.close()
        i18n.install(qapp, "zh_CN")


def _walk(window, data: DataWords, steps) -> tuple[list[str], list[str]]:
    found: dict[str, str] = {}
    opened: list[str] = []

    def seen(where: str, widget) -> None:
        opened.append(where)
        for place, text in interface_texts(widget):
            if data.chinese_left(text) and text not in found:
                found[text] = f"{where} :: {place}"

    walker = Walker(window, seen)
    steps(walker, seen)
    return [f"{text!r} at {where}" for text, where in found.items()], opened


@pytest.mark.parametrize("key", TABS)
def test_every_tab_and_its_dialogs_in_english(english_window, key):
    window, data = english_window

    def steps(walker: Walker, seen) -> None:
        tab = window._tab(key)
        window.tabs.setCurrentWidget(tab)
        QApplication.processEvents()
        seen(f"tab {key}", window)
        walker.walk_tab(tab, key)

    chinese, opened = _walk(window, data, steps)
    assert chinese == [], "\n".join(chinese)
    assert len(opened) > 2, opened  # the tab's dialogs were reached, not only the tab


def test_guidance_tab_and_its_dialogs_in_english(english_window):
    window, data = english_window

    def steps(walker: Walker, seen) -> None:
        tab = window.guidance_tab
        window.tabs.setCurrentWidget(tab)
        for index in range(tab.inner.count()):
            tab.inner.setCurrentIndex(index)
            QApplication.processEvents()
            seen(f"guidance {index}", window)
            walker.walk_tab(tab.inner.currentWidget(), f"guidance {index}")

    chinese, opened = _walk(window, data, steps)
    assert chinese == [], "\n".join(chinese)
    assert len(opened) > 3, opened


def test_every_menu_dialog_in_english(english_window):
    window, data = english_window
    window.reminder_layout.unfold()

    def steps(walker: Walker, seen) -> None:
        seen("window", window)
        walker.walk_menus()

    chinese, opened = _walk(window, data, steps)
    assert chinese == [], "\n".join(chinese)
    for title in ("Office settings", "Campaigns", "Checklist settings", "About Hexie Desk"):
        assert any(title in where for where in opened), (title, opened)


def test_the_walk_finds_chinese_interface_text(english_window):
    """The check itself: a Chinese label is caught, an enterprise's name is not."""
    from PySide6.QtWidgets import QLabel

    window, data = english_window
    name = next(w for w in data.words if w.endswith("有限公司"))
    QLabel(f"Enterprise: {name}", window.statusBar()).setObjectName("probe_data")
    QLabel("保存", window.statusBar()).setObjectName("probe_chinese")
    chinese, _ = _walk(window, data, lambda walker, seen: seen("window", window))
    assert any("'保存'" in c for c in chinese), chinese
    assert not any(name in c for c in chinese), chinese
