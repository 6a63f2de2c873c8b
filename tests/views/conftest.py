from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from app.settings import AppSettings
from app.tasks import SyncTaskRunner


@pytest.fixture(autouse=True)
def typed_work_dropped_at_teardown(monkeypatch):
    """pytest-qt closes a test's widgets after it, and a dialog left with typed work asks
    before dropping it (app/views/common/unsaved.py): that close answers 是 (drop it)
    instead of waiting for a click. A test about the question patches it itself."""
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)


@pytest.fixture
def window(qtbot, db, messages):
    from app.views.main_window import MainWindow

    w = MainWindow(db, AppSettings(operator="测试员"), SyncTaskRunner())
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.fixture
def second_window(qtbot):
    """A second coordinator's main window on another Database of the same file."""
    from app.views.main_window import MainWindow

    def make(database, operator="李四"):
        w = MainWindow(database, AppSettings(operator=operator), SyncTaskRunner())
        qtbot.addWidget(w)
        w.show()
        return w

    return make


@pytest.fixture
def other(db: Any) -> Iterator[Any]:
    """A colleague (李四) on the same database file, through a Database of their own."""
    from tests.colleagues import colleague

    database = colleague(db, "李四")
    yield database
    database.close()
