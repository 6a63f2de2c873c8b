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
