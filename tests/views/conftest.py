from __future__ import annotations

import pytest

from app.settings import AppSettings
from app.tasks import SyncTaskRunner


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
