"""The real threaded runner: results, errors and Cancel all reach the GUI thread."""

from __future__ import annotations

import threading

from app.services.core.progress import Progress
from app.services.register import enterprises
from app.services.register.enterprise_import import ImportPlan, apply_import
from app.services.register.enterprises import EnterpriseFilter
from app.tasks import TaskRunner
from tests.builders import code


def test_result_delivered_on_gui_thread(qtbot):
    runner = TaskRunner()
    got = []

    def work():
        yield Progress(1, 2, "一半")
        return threading.current_thread().name

    runner.start(
        None,
        "测试",
        work,
        lambda r: got.append((r, threading.current_thread() is threading.main_thread())),
    )
    qtbot.waitUntil(lambda: bool(got), timeout=5000)
    assert got[0][0] != threading.main_thread().name and got[0][1] is True


def test_error_is_never_swallowed(qtbot):
    runner = TaskRunner()
    errors = []

    def work():
        yield Progress(0, 1)
        raise ValueError("坏数据")

    runner.start(None, "测试", work, lambda r: None, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert str(errors[0]) == "坏数据"


def test_cancel_leaves_database_unchanged(qtbot, db):
    rows = [
        {"name": f"企业{i}", "credit_code": code(i), "county_code": "410482"}
        for i in range(1, 20001)
    ]
    plan = ImportPlan(db.path, "", [], 0, [], {}, to_add=rows)
    gate = threading.Event()
    started = threading.Event()

    def work():
        inner = apply_import(db, plan)
        step = next(inner)  # first chunk written inside the open transaction
        started.set()
        gate.wait(5)
        yield step
        yield from inner

    runner = TaskRunner()
    cancelled = []
    worker = runner.start(
        None, "导入", work, lambda r: None, on_cancel=lambda: cancelled.append(True)
    )
    started.wait(5)
    worker.cancel()
    gate.set()
    qtbot.waitUntil(lambda: bool(cancelled), timeout=10000)
    assert enterprises.count(db, EnterpriseFilter()) == 0
